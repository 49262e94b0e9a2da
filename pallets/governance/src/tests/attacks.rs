//! `try_state` and attacks played against the pallet, each shown to fail.

use super::*;

#[test]
fn try_state_detects_tampered_tally() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		vote(1, 0, Vote::Aye);
		assert_ok!(Governance::do_try_state());
		CoopTallies::<Test>::mutate(0, 0, |t| t.as_mut().unwrap().aye = 5);
		assert!(Governance::do_try_state().is_err());
	});
}

/// Admin 1 (co-op 0) enrols fresh accounts after a proposal opened.
fn enrol(admin: u8, who: u8) {
	let coop = pallet_coop_membership::Members::<Test>::get(acc(admin)).unwrap().coop;
	assert_ok!(pallet_coop_membership::Pallet::<Test>::add_member(signed(admin), acc(who)));
	assert_ok!(pallet_coop_membership::Pallet::<Test>::accept_invitation(signed(who), coop));
}

#[test]
fn attack_vote_stuffing_by_late_joiners_fails() {
	build_and_execute(|| {
		// A Membership motion (e.g. to expel co-op 0) opens.
		assert_ok!(Governance::propose(signed(4), MEMBERSHIP, signal(1)));
		vote(4, 0, Vote::Aye);
		vote(7, 0, Vote::Aye);
		// Co-op 0's admin enrols puppets, lets them vote, removes them, repeats.
		for puppet in 11..=15 {
			enrol(1, puppet);
			assert_noop!(
				Governance::vote(signed(puppet), 0, Vote::Nay),
				Error::<Test>::NotInElectorate
			);
			assert_ok!(pallet_coop_membership::Pallet::<Test>::remove_member(
				signed(1),
				acc(puppet)
			));
		}
		// A removed and re-added member of the electorate is a late joiner too.
		assert_ok!(pallet_coop_membership::Pallet::<Test>::remove_member(signed(1), acc(2)));
		enrol(1, 2);
		assert_noop!(Governance::vote(signed(2), 0, Vote::Nay), Error::<Test>::NotInElectorate);
		// The puppets bought no votes, so no early close either.
		let t = Governance::tallies(0);
		assert_eq!(t.members, tally(2, 0, 0, 0));
		assert!(t.members.voters() <= Proposals::<Test>::get(0).unwrap().eligible_members);
		assert_noop!(close(0), Error::<Test>::TooEarly);
		// The real electorate decides at the deadline.
		vote(1, 0, Vote::Nay);
		vote(3, 0, Vote::Nay);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
	});
}

#[test]
fn attack_vote_stuffing_cannot_close_a_consent_proposal_before_others_block() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ROUTINE, signal(1)));
		for puppet in 11..=18 {
			enrol(1, puppet);
			assert_noop!(
				Governance::vote(signed(puppet), 0, Vote::Aye),
				Error::<Test>::NotInElectorate
			);
		}
		// No number of late ayes closes it early: others can still block.
		assert_noop!(close(0), Error::<Test>::TooEarly);
		vote(5, 0, Vote::Block(H256::repeat_byte(9)));
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
	});
}

#[test]
fn attack_slot_squatting_by_one_coop_fails() {
	build_and_execute(|| {
		// Co-op 0 tries to fill the Bylaws track (max 4 open, 2 per co-op).
		assert_ok!(Governance::propose(signed(1), BYLAWS, signal(1)));
		assert_ok!(Governance::propose(signed(2), BYLAWS, signal(2)));
		assert_noop!(
			Governance::propose(signed(3), BYLAWS, signal(3)),
			Error::<Test>::TooManyOpenForCoop
		);
		// Other co-ops still have room.
		assert_ok!(Governance::propose(signed(4), BYLAWS, signal(4)));
		// One account cannot hold more than `MaxOpenPerProposer` (3) on all tracks.
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(5)));
		assert_ok!(Governance::propose(signed(1), MEMBERSHIP, signal(6)));
		assert_noop!(
			Governance::propose(signed(1), ROUTINE, signal(7)),
			Error::<Test>::TooManyOpenForProposer
		);

		// A Bylaws vote kills the spam: the deposit goes to the treasury.
		let kill = RuntimeCall::Governance(crate::Call::kill { id: 1 });
		assert_ok!(Governance::propose(signed(7), BYLAWS, call(kill)));
		let id = 5;
		vote(1, id, Vote::Aye);
		vote(4, id, Vote::Aye);
		vote(7, id, Vote::Aye);
		run_to(21);
		assert_ok!(close(id));
		assert_eq!(outcome(1), Outcome::Killed);
		assert_eq!(Balances::free_balance(acc(TREASURY)), 50);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&acc(2)),
			START - 50
		);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Governance(Event::DepositSlashed { id: 1, who: acc(2), amount: 50 })));
		// Co-op 0 got its slot back, and only that one.
		assert_ok!(Governance::propose(signed(3), BYLAWS, signal(8)));
	});
}

#[test]
fn attack_slot_squatting_deposit_is_slashed_when_quorum_is_missed() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(2), BALLOT, signal(1)));
		vote(2, 0, Vote::Aye);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&acc(2)),
			START - 10
		);
		assert_eq!(Balances::free_balance(acc(TREASURY)), 10);
		// With the quorum met, a rejected proposer keeps the deposit.
		assert_ok!(Governance::propose(signed(3), BALLOT, signal(2)));
		for who in [1, 2, 4, 5] {
			vote(who, 1, Vote::Nay);
		}
		assert_ok!(close(1));
		assert_eq!(
			<Balances as frame_support::traits::fungible::Inspect<_>>::total_balance(&acc(3)),
			START
		);
	});
}

#[test]
fn attack_track_sabotage_fails() {
	build_and_execute(|| {
		let bylaws = crate::Tracks::<Test>::get(BYLAWS).unwrap();
		let bylaws_origin =
			|| -> RuntimeOrigin { crate::Origin::Federation { track: BYLAWS }.into() };
		let cases = [
			(
				TrackInfoOf::<Test> { max_open: 0, max_open_per_coop: 0, ..bylaws.clone() },
				Error::<Test>::BadCapacity,
			),
			(
				TrackInfoOf::<Test> { max_open_per_coop: bylaws.max_open, ..bylaws.clone() },
				Error::<Test>::BadCapacity,
			),
			(
				TrackInfoOf::<Test> { quorum: Perbill::from_percent(66), ..bylaws.clone() },
				Error::<Test>::BylawsTooWeak,
			),
			(
				TrackInfoOf::<Test> { threshold: Perbill::from_percent(51), ..bylaws.clone() },
				Error::<Test>::BylawsTooWeak,
			),
			(
				TrackInfoOf::<Test> { method: crate::Method::Consent, ..bylaws.clone() },
				Error::<Test>::BylawsTooWeak,
			),
			(
				TrackInfoOf::<Test> { voting_period: 0, ..bylaws.clone() },
				Error::<Test>::BadVotingPeriod,
			),
			(
				TrackInfoOf::<Test> { voting_period: 10_000, ..bylaws.clone() },
				Error::<Test>::BadVotingPeriod,
			),
			(
				TrackInfoOf::<Test> { enactment_delay: 101, ..bylaws.clone() },
				Error::<Test>::EnactmentDelayTooLong,
			),
			(
				TrackInfoOf::<Test> { quorum: Perbill::one(), ..bylaws.clone() },
				Error::<Test>::BylawsTooWeak,
			),
			(
				TrackInfoOf::<Test> { threshold: Perbill::from_percent(81), ..bylaws.clone() },
				Error::<Test>::BylawsTooWeak,
			),
			(
				TrackInfoOf::<Test> { max_open: 3, max_open_per_coop: 1, ..bylaws.clone() },
				Error::<Test>::BylawsTooWeak,
			),
			(
				TrackInfoOf::<Test> { deposit: 1_001, ..bylaws.clone() },
				Error::<Test>::DepositTooHigh,
			),
		];
		for (info, error) in cases {
			assert_noop!(Governance::set_track(bylaws_origin(), BYLAWS, info), error);
		}
		let weak = TrackInfoOf::<Test> { threshold: Perbill::from_percent(40), ..bylaws.clone() };
		assert_noop!(
			Governance::set_track(bylaws_origin(), ORDINARY, weak),
			Error::<Test>::ThresholdTooLow
		);

		// An open proposal keeps the rules it was made with.
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		let stricter = TrackInfoOf::<Test> {
			quorum: Perbill::one(),
			threshold: Perbill::one(),
			..crate::Tracks::<Test>::get(ORDINARY).unwrap()
		};
		assert_ok!(Governance::set_track(bylaws_origin(), ORDINARY, stricter));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		vote(7, 0, Vote::Nay);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
	});
}

#[test]
fn attack_stale_call_weight_is_rechecked_at_close() {
	build_and_execute(|| {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1; 64] });
		let real = remark.get_dispatch_info().call_weight;
		assert_ok!(Governance::propose(signed(1), ORDINARY, call(remark)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		// As if an upgrade made the call heavier than it declared when proposed.
		Proposals::<Test>::mutate(0, |p| {
			p.as_mut().unwrap().action = crate::StoredAction::Call { weight: Weight::zero() }
		});
		run_to(11);
		assert_noop!(
			Governance::close(signed(10), 0, Weight::zero()),
			Error::<Test>::WeightBoundTooLow
		);
		assert_ok!(Governance::close(signed(10), 0, real));
		assert_eq!(Decisions::<Test>::get(0).unwrap().enactment, Some(Ok(())));
	});
}

#[test]
fn try_state_detects_unheld_deposit() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		assert_ok!(Governance::do_try_state());
		Proposals::<Test>::mutate(0, |p| p.as_mut().unwrap().deposit = 11);
		assert!(Governance::do_try_state().is_err());
	});
}

#[test]
fn attack_coop_cannot_leave_to_dodge_an_open_expulsion_motion() {
	build_and_execute(|| {
		let expel = RuntimeCall::Membership(pallet_coop_membership::Call::expel_coop {
			coop: 0,
			reason: H256::repeat_byte(1),
		});
		assert_ok!(Governance::propose(signed(4), MEMBERSHIP, call(expel)));
		assert_eq!(crate::MotionsAbout::<Test>::get(0, 0), Some(()));
		// Co-op 0's admin tries to leave with its deposit before the vote.
		assert_noop!(
			pallet_coop_membership::Pallet::<Test>::leave_federation(signed(1)),
			pallet_coop_membership::Error::<Test>::UnderMotion
		);
		// Other co-ops are free to leave.
		assert_ok!(pallet_coop_membership::Pallet::<Test>::leave_federation(signed(7)));
		// Once the motion is decided (here: rejected at its deadline), it may leave.
		run_to(11);
		assert_ok!(close(0));
		assert!(crate::MotionsAbout::<Test>::iter_prefix(0).next().is_none());
		assert_ok!(pallet_coop_membership::Pallet::<Test>::leave_federation(signed(1)));
	});
}

fn expel(coop: u32) -> RuntimeCall {
	RuntimeCall::Membership(pallet_coop_membership::Call::expel_coop {
		coop,
		reason: H256::repeat_byte(1),
	})
}

/// Attack: one member holds a co-op in the federation by proposing its expulsion
/// on a track whose vote could never expel it (a consent track with no quorum).
/// Only a motion on a track whose origin may suspend or expel holds the co-op.
#[test]
fn attack_motion_on_a_track_that_cannot_expel_holds_nobody() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(4), ROUTINE, call(expel(0))));
		assert_ok!(Governance::propose(signed(4), ORDINARY, call(expel(0))));
		assert!(crate::MotionsAbout::<Test>::iter().next().is_none());
		assert_ok!(pallet_coop_membership::Pallet::<Test>::leave_federation(signed(1)));
	});
}

/// Attack: the proposer of a motion cancels it just before its deadline (deposit
/// back, no slash for a missed quorum) and proposes it again, holding the co-op
/// in the federation for fees only. A motion cannot be cancelled by its proposer:
/// it runs to its end, where a missed quorum costs the deposit.
#[test]
fn attack_motion_cannot_be_cancelled_and_proposed_again() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(4), MEMBERSHIP, call(expel(0))));
		assert_noop!(Governance::cancel(signed(4), 0), Error::<Test>::CannotCancel);
		// The federation's Bylaws origin still can.
		let bylaws: RuntimeOrigin = crate::Origin::Federation { track: BYLAWS }.into();
		assert_ok!(Governance::cancel(bylaws, 0));
		assert!(crate::MotionsAbout::<Test>::iter().next().is_none());
	});
}

/// Attack: the federation approves a co-op's expulsion on a track with an
/// enactment delay; during the delay the co-op leaves on its own terms, every
/// deposit returned, and the expulsion fails when it comes. The co-op stays held
/// until the approved call is enacted.
#[test]
fn attack_coop_cannot_leave_while_its_approved_expulsion_waits() {
	build_and_execute(|| {
		let delayed = TrackInfoOf::<Test> {
			enactment_delay: 5,
			..crate::Tracks::<Test>::get(MEMBERSHIP).unwrap()
		};
		crate::Tracks::<Test>::insert(MEMBERSHIP, delayed);
		assert_ok!(Governance::propose(signed(1), MEMBERSHIP, call(expel(1))));
		vote(1, 0, Vote::Aye);
		vote(7, 0, Vote::Aye);
		vote(4, 0, Vote::Nay);
		run_to(11);
		assert_ok!(Governance::close(signed(10), 0, Weight::zero()));
		assert_eq!(outcome(0), Outcome::Approved);
		assert_eq!(crate::WaitingMotions::<Test>::get(0), Some(1));
		assert_noop!(
			pallet_coop_membership::Pallet::<Test>::leave_federation(signed(4)),
			pallet_coop_membership::Error::<Test>::UnderMotion
		);
		run_to(16);
		assert_eq!(Decisions::<Test>::get(0).unwrap().enactment, Some(Ok(())));
		assert_eq!(
			pallet_coop_membership::Coops::<Test>::get(1).unwrap().status,
			pallet_coop_membership::CoopStatus::Exited
		);
		assert!(crate::MotionsAbout::<Test>::iter().next().is_none());
		assert!(crate::WaitingMotions::<Test>::get(0).is_none());
	});
}
