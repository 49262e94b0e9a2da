//! Unit tests of the governance pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate::{
	mock::*, CoopTallies, Decisions, Error, Event, HoldReason, OpenCount, Outcome, ProposalAction,
	Proposals, Tally, TrackInfoOf, Vote, Votes,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, Hooks},
	weights::Weight,
};
use pallet_coop_membership::CoopStatus;
use sp_core::H256;
use sp_runtime::{traits::Hash, DispatchError, Perbill};

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn signal(n: u8) -> Box<ProposalAction<RuntimeCall, H256>> {
	Box::new(ProposalAction::Signal(H256::repeat_byte(n)))
}

fn call(c: RuntimeCall) -> Box<ProposalAction<RuntimeCall, H256>> {
	Box::new(ProposalAction::Call(Box::new(c)))
}

fn tally(aye: u32, nay: u32, abstain: u32, block: u32) -> Tally {
	Tally { aye, nay, abstain, block }
}

fn run_to(n: u64) {
	while System::block_number() < n {
		Governance::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		Scheduler::on_initialize(System::block_number());
	}
}

fn vote(who: u8, id: u32, v: Vote) {
	assert_ok!(Governance::vote(signed(who), id, v));
}

fn close(id: u32) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	Governance::close(signed(10), id, Weight::from_parts(1_000_000_000_000, 1_000_000))
}

fn outcome(id: u32) -> Outcome {
	Decisions::<Test>::get(id).unwrap().outcome
}

#[test]
fn propose_holds_deposit_and_snapshots_eligibility() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(2), ORDINARY, signal(1)));
		// The register hashes the action as submitted.
		let action_hash = <Test as frame_system::Config>::Hashing::hash_of(&signal(1));
		assert_eq!(
			governance_events(),
			vec![Event::Proposed {
				id: 0,
				track: ORDINARY,
				proposer: acc(2),
				coop: 0,
				action_hash,
				deadline: 11
			}]
		);
		let p = Proposals::<Test>::get(0).unwrap();
		assert_eq!((p.eligible_members, p.eligible_coops), (7, 3));
		assert_eq!(Balances::balance_on_hold(&HoldReason::ProposalDeposit.into(), &acc(2)), 10);
		assert_eq!(Balances::free_balance(acc(2)), START - 10);
		assert_eq!(OpenCount::<Test>::get(ORDINARY), 1);
	});
}

#[test]
fn propose_errors() {
	build_and_execute(|| {
		assert_noop!(
			Governance::propose(signed(10), ORDINARY, signal(1)),
			Error::<Test>::NotMember
		);
		assert_noop!(Governance::propose(signed(2), 9, signal(1)), Error::<Test>::UnknownTrack);
		assert_noop!(
			Governance::propose(
				signed(2),
				ORDINARY,
				Box::new(ProposalAction::AuthorizeUpgrade(H256::zero()))
			),
			Error::<Test>::UpgradeNotOnBylaws
		);
		let long = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 300] });
		assert_noop!(
			Governance::propose(signed(2), ORDINARY, call(long)),
			Error::<Test>::CallTooLong
		);
		assert_ok!(Governance::propose(signed(2), ORDINARY, signal(1)));
		assert_ok!(Governance::propose(signed(3), ORDINARY, signal(2)));
		assert_noop!(
			Governance::propose(signed(1), ORDINARY, signal(3)),
			Error::<Test>::TooManyOpenForCoop
		);
		assert_ok!(Governance::propose(signed(5), ORDINARY, signal(3)));
		assert_ok!(Governance::propose(signed(4), ORDINARY, signal(4)));
		assert_noop!(
			Governance::propose(signed(7), ORDINARY, signal(5)),
			Error::<Test>::TooManyOpen
		);
		// Member 1 has spent its balance on nothing yet; drain account 6 to test the deposit.
		assert_ok!(Balances::transfer_allow_death(signed(6), acc(20), START));
		assert_noop!(
			Governance::propose(signed(6), BALLOT, signal(1)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn per_coop_positions_are_majorities_of_members() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		governance_events();
		// Co-op 0: two ayes, one nay -> aye. Co-op 1: one aye, two nays -> nay.
		vote(1, 0, Vote::Aye);
		vote(2, 0, Vote::Aye);
		vote(3, 0, Vote::Nay);
		vote(4, 0, Vote::Aye);
		vote(5, 0, Vote::Nay);
		vote(6, 0, Vote::Nay);
		let t = Governance::tallies(0);
		assert_eq!(t.members, tally(3, 3, 0, 0));
		assert_eq!(t.coops, tally(1, 1, 0, 0));
		assert_eq!(CoopTallies::<Test>::get(0, 0), Some(tally(2, 1, 0, 0)));
		// Co-op 2 breaks the tie.
		vote(7, 0, Vote::Aye);
		assert_eq!(Governance::tallies(0).coops, tally(2, 1, 0, 0));
		// Everyone voted: it can close early, and passes 2 co-ops to 1.
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
		let d = Decisions::<Test>::get(0).unwrap();
		assert_eq!(d.members, tally(4, 3, 0, 0));
		assert_eq!(d.coops, tally(2, 1, 0, 0));
		assert_eq!((d.member_turnout, d.coop_turnout), (Perbill::one(), Perbill::one()));
		assert_eq!(d.enactment, Some(Ok(())));
	});
}

#[test]
fn coop_tie_is_an_abstention() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		vote(1, 0, Vote::Aye);
		vote(2, 0, Vote::Nay);
		let t = Governance::tallies(0);
		assert_eq!(t.coops, tally(0, 0, 1, 0));
		// A third member breaks the tie: the co-op's position moves from abstain to nay.
		vote(3, 0, Vote::Nay);
		assert_eq!(Governance::tallies(0).coops, tally(0, 1, 0, 0));
	});
}

#[test]
fn vote_can_change_and_tallies_follow() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		vote(2, 0, Vote::Aye);
		assert_eq!(Governance::tallies(0).coops, tally(1, 0, 0, 0));
		governance_events();
		vote(2, 0, Vote::Nay);
		assert_eq!(
			governance_events(),
			vec![Event::Voted { id: 0, who: acc(2), coop: 0, vote: Vote::Nay }]
		);
		let t = Governance::tallies(0);
		assert_eq!(t.members, tally(0, 1, 0, 0));
		assert_eq!(t.coops, tally(0, 1, 0, 0));
		assert_eq!(Votes::<Test>::get(0, acc(2)).unwrap().vote, Vote::Nay);
		assert_noop!(Governance::vote(signed(2), 0, Vote::Nay), Error::<Test>::SameVote);
	});
}

#[test]
fn vote_errors() {
	build_and_execute(|| {
		assert_noop!(Governance::vote(signed(2), 0, Vote::Aye), Error::<Test>::ProposalNotFound);
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		assert_noop!(Governance::vote(signed(10), 0, Vote::Aye), Error::<Test>::NotMember);
		assert_noop!(
			Governance::vote(signed(2), 0, Vote::Block(H256::zero())),
			Error::<Test>::BlockNotAllowed
		);
		run_to(11);
		assert_noop!(Governance::vote(signed(2), 0, Vote::Aye), Error::<Test>::VotingEnded);
	});
}

#[test]
fn majority_threshold_edges() {
	build_and_execute(|| {
		// Per-member ballot, 50%: a tie fails.
		assert_ok!(Governance::propose(signed(1), BALLOT, signal(1)));
		for (who, v) in [(1, Vote::Aye), (2, Vote::Aye), (3, Vote::Nay), (4, Vote::Nay)] {
			vote(who, 0, v);
		}
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
		assert_eq!(Decisions::<Test>::get(0).unwrap().enactment, None);
	});
}

#[test]
fn bylaws_exact_two_thirds_passes_and_just_below_fails() {
	build_and_execute(|| {
		// Exactly 2 of 3 co-ops: passes.
		assert_ok!(Governance::propose(signed(1), BYLAWS, signal(1)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		vote(7, 0, Vote::Nay);
		run_to(21);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
	});
	build_and_execute(|| {
		// Add a fourth co-op: 2 of 4 (with quorum met) is below 2/3.
		assert_ok!(pallet_coop_membership::Pallet::<Test>::found_coop(
			b"D",
			&[(acc(8), pallet_coop_membership::Role::Admin)]
		));
		run_to(2);
		assert_ok!(Governance::propose(signed(1), BYLAWS, signal(1)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		vote(7, 0, Vote::Nay);
		vote(8, 0, Vote::Nay);
		run_to(22);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
	});
}

#[test]
fn quorum_just_missed_fails() {
	build_and_execute(|| {
		// Per-member ballot with 7 eligible and 50% quorum: 3 voters (42.8%) miss it.
		assert_ok!(Governance::propose(signed(1), BALLOT, signal(1)));
		vote(1, 0, Vote::Aye);
		vote(2, 0, Vote::Aye);
		vote(3, 0, Vote::Abstain);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
	});
	build_and_execute(|| {
		// A fourth voter (57%), abstaining, meets it.
		assert_ok!(Governance::propose(signed(1), BALLOT, signal(1)));
		vote(1, 0, Vote::Aye);
		vote(2, 0, Vote::Aye);
		vote(3, 0, Vote::Abstain);
		vote(4, 0, Vote::Abstain);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
	});
}

#[test]
fn consent_passes_unblocked_and_fails_on_one_block() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), BALLOT_CONSENT, signal(1)));
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);

		assert_ok!(Governance::propose(signed(1), BALLOT_CONSENT, signal(2)));
		vote(2, 1, Vote::Aye);
		vote(5, 1, Vote::Block(H256::repeat_byte(0xbb)));
		// A block decides a per-member consent proposal at once.
		assert_ok!(close(1));
		assert_eq!(outcome(1), Outcome::Rejected);
	});
}

#[test]
fn consent_block_can_be_withdrawn() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), BALLOT_CONSENT, signal(1)));
		vote(5, 0, Vote::Block(H256::repeat_byte(1)));
		vote(5, 0, Vote::Abstain);
		assert_eq!(Governance::tallies(0).members.block, 0);
		assert_noop!(close(0), Error::<Test>::TooEarly);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
	});
}

#[test]
fn attack_single_reasoned_block_is_never_lost() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ROUTINE, signal(1)));
		// Two members of co-op 1 consent, one blocks with a reason: the co-op's
		// position is consent, but a reasoned block stops a consent proposal anyway.
		vote(4, 0, Vote::Aye);
		vote(5, 0, Vote::Aye);
		let reason = H256::repeat_byte(2);
		vote(6, 0, Vote::Block(reason));
		assert_eq!(Governance::tallies(0).coops.block, 0);
		assert_eq!(Governance::tallies(0).members.block, 1);
		// Nay on a consent track stands aside: it does not block.
		vote(1, 0, Vote::Nay);
		// The block decides at once; the decision keeps who blocked and why.
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
		assert_eq!(crate::BlockReasons::<Test>::get(0).unwrap().to_vec(), vec![(acc(6), reason)]);
		// Clearing the votes keeps the reasons in the register.
		while Governance::clear_votes(signed(10), 0).is_ok() {}
		assert_eq!(crate::BlockReasons::<Test>::get(0).unwrap().to_vec(), vec![(acc(6), reason)]);
	});
}

#[test]
fn consent_nay_does_not_block_and_withdrawn_block_leaves_no_reason() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ROUTINE, signal(1)));
		vote(6, 0, Vote::Block(H256::repeat_byte(2)));
		vote(6, 0, Vote::Nay);
		assert!(crate::BlockReasons::<Test>::get(0).is_none());
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
	});
}

#[test]
fn early_close_rules() {
	build_and_execute(|| {
		// Per-member: 4 of 7 ayes decide a 50% ballot (3 remaining nays can't overturn).
		assert_ok!(Governance::propose(signed(1), BALLOT, signal(1)));
		vote(1, 0, Vote::Aye);
		vote(2, 0, Vote::Aye);
		vote(3, 0, Vote::Aye);
		assert_noop!(close(0), Error::<Test>::TooEarly);
		vote(4, 0, Vote::Aye);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);

		// Per-member: 4 nays of 7 decide a rejection.
		assert_ok!(Governance::propose(signed(1), BALLOT, signal(2)));
		for who in 1..=4 {
			vote(who, 1, Vote::Nay);
		}
		assert_ok!(close(1));
		assert_eq!(outcome(1), Outcome::Rejected);

		// Per-co-op: not before every member has voted.
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(3)));
		for who in 1..=6 {
			vote(who, 2, Vote::Aye);
		}
		assert_noop!(close(2), Error::<Test>::TooEarly);
		vote(7, 2, Vote::Aye);
		assert_ok!(close(2));
	});
}

#[test]
fn approved_call_is_dispatched_with_federation_origin_of_its_track() {
	build_and_execute(|| {
		assert_ok!(pallet_coop_membership::Pallet::<Test>::apply_coop(
			signed(8),
			b"New".to_vec().try_into().unwrap(),
			H256::zero()
		));
		let admit = RuntimeCall::Membership(pallet_coop_membership::Call::admit_coop { coop: 3 });
		assert_ok!(Governance::propose(signed(1), MEMBERSHIP, call(admit.clone())));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		run_to(11);
		governance_events();
		assert_ok!(close(0));
		assert_eq!(
			governance_events(),
			vec![
				Event::Closed {
					id: 0,
					outcome: Outcome::Approved,
					members: tally(2, 0, 0, 0),
					coops: tally(2, 0, 0, 0)
				},
				Event::Enacted { id: 0, result: Ok(()) },
			]
		);
		assert_eq!(
			pallet_coop_membership::Coops::<Test>::get(3).unwrap().status,
			CoopStatus::Active
		);
		// The deposit came back.
		assert_eq!(Balances::free_balance(acc(1)), START);
	});
}

#[test]
fn call_on_the_wrong_track_fails_with_bad_origin_and_is_recorded() {
	build_and_execute(|| {
		assert_ok!(pallet_coop_membership::Pallet::<Test>::apply_coop(
			signed(8),
			b"New".to_vec().try_into().unwrap(),
			H256::zero()
		));
		let admit = RuntimeCall::Membership(pallet_coop_membership::Call::admit_coop { coop: 3 });
		assert_ok!(Governance::propose(signed(1), ORDINARY, call(admit)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
		assert_eq!(
			Decisions::<Test>::get(0).unwrap().enactment,
			Some(Err(DispatchError::BadOrigin))
		);
		assert_eq!(
			pallet_coop_membership::Coops::<Test>::get(3).unwrap().status,
			CoopStatus::Applicant
		);
	});
}

#[test]
fn close_needs_weight_bound_for_calls() {
	build_and_execute(|| {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		assert_ok!(Governance::propose(signed(1), ORDINARY, call(remark)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		run_to(11);
		assert_noop!(
			Governance::close(signed(10), 0, Weight::zero()),
			Error::<Test>::WeightBoundTooLow
		);
		assert_noop!(
			Governance::close(signed(10), 9, Weight::zero()),
			Error::<Test>::ProposalNotFound
		);
		assert_noop!(
			Governance::close(RuntimeOrigin::none(), 0, Weight::MAX),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn authorize_upgrade_through_bylaws() {
	build_and_execute(|| {
		let code_hash = H256::repeat_byte(0xc0);
		assert_ok!(Governance::propose(
			signed(1),
			BYLAWS,
			Box::new(ProposalAction::AuthorizeUpgrade(code_hash))
		));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		vote(7, 0, Vote::Aye);
		run_to(21);
		assert_ok!(close(0));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
				code_hash,
				check_version: true
			})));
	});
}

#[test]
fn track_changes_only_by_bylaws_vote() {
	build_and_execute(|| {
		let new = track(
			crate::Scheme::PerMember,
			crate::Method::Majority,
			5,
			10,
			Perbill::from_percent(60),
		);
		assert_noop!(
			Governance::set_track(RuntimeOrigin::root(), ORDINARY, new.clone()),
			DispatchError::BadOrigin
		);
		let set =
			RuntimeCall::Governance(crate::Call::set_track { track: ORDINARY, info: new.clone() });
		assert_ok!(Governance::propose(signed(1), BYLAWS, call(set)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		vote(7, 0, Vote::Aye);
		run_to(21);
		assert_ok!(close(0));
		assert_eq!(crate::Tracks::<Test>::get(ORDINARY), Some(new));
	});
}

#[test]
fn cancel_by_proposer_before_others_vote() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		vote(1, 0, Vote::Aye);
		assert_noop!(Governance::cancel(signed(2), 0), Error::<Test>::CannotCancel);
		governance_events();
		assert_ok!(Governance::cancel(signed(1), 0));
		assert_eq!(governance_events(), vec![Event::Cancelled { id: 0 }]);
		assert_eq!(outcome(0), Outcome::Cancelled);
		assert_eq!(Balances::free_balance(acc(1)), START);
		assert_eq!(OpenCount::<Test>::get(ORDINARY), 0);
		assert_noop!(Governance::cancel(signed(1), 0), Error::<Test>::ProposalNotFound);

		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(2)));
		vote(2, 1, Vote::Aye);
		assert_noop!(Governance::cancel(signed(1), 1), Error::<Test>::CannotCancel);

		// A proposal nobody else voted on cannot be withdrawn after its deadline to
		// dodge the quorum slash.
		assert_ok!(Governance::propose(signed(1), BALLOT, signal(3)));
		run_to(System::block_number() + 10);
		assert_noop!(Governance::cancel(signed(1), 2), Error::<Test>::CannotCancel);
		assert_ok!(close(2));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Governance(Event::DepositSlashed { id: 2, who: acc(1), amount: 10 })));
	});
}

#[test]
fn cancel_by_bylaws_vote() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(2), ORDINARY, signal(1)));
		vote(5, 0, Vote::Aye);
		let cancel = RuntimeCall::Governance(crate::Call::cancel { id: 0 });
		assert_ok!(Governance::propose(signed(1), BYLAWS, call(cancel)));
		vote(1, 1, Vote::Aye);
		vote(4, 1, Vote::Aye);
		vote(7, 1, Vote::Aye);
		run_to(21);
		assert_ok!(close(1));
		assert_eq!(Decisions::<Test>::get(1).unwrap().enactment, Some(Ok(())));
		assert_eq!(outcome(0), Outcome::Cancelled);
	});
}

#[test]
fn member_who_leaves_keeps_cast_vote_but_cannot_change_it() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		vote(5, 0, Vote::Aye);
		assert_ok!(pallet_coop_membership::Pallet::<Test>::leave_coop(signed(5)));
		// The vote stays counted ...
		let t = Governance::tallies(0);
		assert_eq!(t.members, tally(1, 0, 0, 0));
		assert_eq!(t.coops, tally(1, 0, 0, 0));
		// ... but the former member can no longer vote.
		assert_noop!(Governance::vote(signed(5), 0, Vote::Nay), Error::<Test>::NotMember);
		// Nor after rejoining: the electorate was fixed when the proposal opened.
		assert_ok!(pallet_coop_membership::Pallet::<Test>::add_member(signed(4), acc(5)));
		assert_ok!(pallet_coop_membership::Pallet::<Test>::accept_invitation(signed(5), 1));
		assert_noop!(Governance::vote(signed(5), 0, Vote::Nay), Error::<Test>::NotInElectorate);
	});
}

#[test]
fn members_of_suspended_coop_cannot_vote() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		vote(4, 0, Vote::Aye);
		pallet_coop_membership::Pallet::<Test>::suspend_coop(
			crate::Origin::Federation { track: MEMBERSHIP }.into(),
			1,
			H256::zero(),
		)
		.unwrap();
		assert_noop!(Governance::vote(signed(5), 0, Vote::Aye), Error::<Test>::CoopNotActive);
		assert_noop!(
			Governance::propose(signed(5), ORDINARY, signal(2)),
			Error::<Test>::CoopNotActive
		);
		assert_eq!(Governance::tallies(0).coops, tally(1, 0, 0, 0));
		// Reinstated, its members vote only on proposals made from now on.
		pallet_coop_membership::Pallet::<Test>::reinstate_coop(
			crate::Origin::Federation { track: MEMBERSHIP }.into(),
			1,
		)
		.unwrap();
		assert_noop!(Governance::vote(signed(5), 0, Vote::Aye), Error::<Test>::NotInElectorate);
		assert_noop!(Governance::vote(signed(4), 0, Vote::Nay), Error::<Test>::NotInElectorate);
	});
}

#[test]
fn clear_votes_after_close_in_batches() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		for who in 1..=7 {
			vote(who, 0, Vote::Aye);
		}
		assert_noop!(Governance::clear_votes(signed(10), 0), Error::<Test>::StillOpen);
		assert_ok!(close(0));
		governance_events();
		// 7 votes and 3 co-op sub-tallies, cleared a batch of 3 (+1 sub-tally) per call.
		assert_ok!(Governance::clear_votes(signed(10), 0));
		assert_eq!(
			governance_events(),
			vec![Event::VotesCleared { id: 0, removed: 4, done: false }]
		);
		let mut calls = 1;
		loop {
			assert_ok!(Governance::clear_votes(signed(10), 0));
			calls += 1;
			let Some(Event::VotesCleared { removed, done, .. }) = governance_events().pop() else {
				panic!("no VotesCleared event")
			};
			assert!(removed <= 4);
			if done {
				break;
			}
			assert!(calls < 5, "cleanup does not terminate");
		}
		assert_eq!(Votes::<Test>::iter_prefix(0).count(), 0);
		assert_eq!(CoopTallies::<Test>::iter_prefix(0).count(), 0);
		assert_noop!(Governance::clear_votes(signed(10), 0), Error::<Test>::NothingToClear);
		// The decision register keeps the final tallies.
		assert_eq!(Decisions::<Test>::get(0).unwrap().members, tally(7, 0, 0, 0));
	});
}

#[test]
fn benchmarked_vote_weight_is_flat_in_the_number_of_members() {
	// The `vote` benchmark varies the members who voted before from 10 to 1000. A
	// vote touches the same storage items whatever that number, so the proof size
	// must not grow with it. Its measured time does grow: 2x from 10 to 1000 in
	// the weights measured on 2026-12-01, 4.8x in those of 2026-12-02, whose
	// samples above 200 voters vary by 26 % between repeats on this machine (the
	// storage trie deepens, and noise). An iteration over votes or members would
	// grow it by two orders of magnitude, which the bound catches.
	use crate::weights::{SubstrateWeight, WeightInfo};
	let at_10 = SubstrateWeight::<Test>::vote(10);
	let at_max = SubstrateWeight::<Test>::vote(crate::VOTE_BENCHMARK_MEMBERS);
	assert_eq!(at_10.proof_size(), at_max.proof_size());
	assert!(at_max.ref_time() <= at_10.ref_time() * 10, "{at_10} vs {at_max}");
}

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
fn approved_call_waits_out_the_enactment_delay() {
	build_and_execute(|| {
		let delayed = TrackInfoOf::<Test> {
			enactment_delay: 5,
			..crate::Tracks::<Test>::get(MEMBERSHIP).unwrap()
		};
		crate::Tracks::<Test>::insert(MEMBERSHIP, delayed);
		assert_ok!(pallet_coop_membership::Pallet::<Test>::apply_coop(
			signed(8),
			b"New".to_vec().try_into().unwrap(),
			H256::zero()
		));
		let admit = RuntimeCall::Membership(pallet_coop_membership::Call::admit_coop { coop: 3 });
		assert_ok!(Governance::propose(signed(1), MEMBERSHIP, call(admit)));
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Aye);
		run_to(11);
		governance_events();
		// Approved, but nothing happens yet: no weight bound is needed.
		assert_ok!(Governance::close(signed(10), 0, Weight::zero()));
		assert_eq!(
			governance_events(),
			vec![
				Event::Closed {
					id: 0,
					outcome: Outcome::Approved,
					members: tally(2, 0, 0, 0),
					coops: tally(2, 0, 0, 0)
				},
				Event::EnactmentScheduled { id: 0, at: 16 },
			]
		);
		let d = Decisions::<Test>::get(0).unwrap();
		assert_eq!((d.enact_at, d.enactment), (Some(16), None));
		assert_eq!(
			pallet_coop_membership::Coops::<Test>::get(3).unwrap().status,
			CoopStatus::Applicant
		);
		// Only root (the scheduler) enacts.
		assert_noop!(Governance::enact(signed(1), 0), DispatchError::BadOrigin);
		run_to(16);
		assert_eq!(governance_events(), vec![Event::Enacted { id: 0, result: Ok(()) }]);
		assert_eq!(Decisions::<Test>::get(0).unwrap().enactment, Some(Ok(())));
		assert_eq!(
			pallet_coop_membership::Coops::<Test>::get(3).unwrap().status,
			CoopStatus::Active
		);
		assert!(crate::ProposalCalls::<Test>::get(0).is_none());
		assert_noop!(
			Governance::enact(RuntimeOrigin::root(), 0),
			Error::<Test>::NotAwaitingEnactment
		);
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

/// A member's first vote on an open proposal is feeless (the runtime's
/// `SkipCheckIfFeeless` skips the fee for it); anything else pays: changing a vote,
/// a second vote, an outsider's vote, a vote the call would refuse. So free votes
/// are bounded by one per member per open proposal.
#[test]
fn only_a_members_first_valid_vote_is_feeless() {
	use frame_support::dispatch::CheckIfFeeless;
	build_and_execute(|| {
		let call = |v: Vote| RuntimeCall::Governance(crate::Call::vote { id: 0, vote: v });
		let feeless = |who: u8, v: Vote| call(v).is_feeless(&signed(who));
		// No such proposal yet.
		assert!(!feeless(2, Vote::Aye));
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		assert!(feeless(2, Vote::Aye));
		// An outsider, a block on a majority track, the root origin: they pay (and fail).
		assert!(!feeless(10, Vote::Aye));
		assert!(!feeless(2, Vote::Block(H256::zero())));
		assert!(!call(Vote::Aye).is_feeless(&RuntimeOrigin::root()));
		vote(2, 0, Vote::Aye);
		// Changing the vote pays.
		assert!(!feeless(2, Vote::Nay));
		assert!(feeless(3, Vote::Nay));
		// After the deadline nobody votes for free.
		run_to(11);
		assert!(!feeless(3, Vote::Nay));
	});
}

/// A vote writes its record and its co-op's sub-tally, never the proposal: the
/// proposal's stored bytes are the same after votes from several co-ops.
#[test]
fn a_vote_does_not_rewrite_the_proposal() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ORDINARY, signal(1)));
		let key = Proposals::<Test>::hashed_key_for(0);
		let before = frame_support::storage::unhashed::get_raw(&key);
		vote(1, 0, Vote::Aye);
		vote(4, 0, Vote::Nay);
		vote(1, 0, Vote::Nay);
		assert_eq!(frame_support::storage::unhashed::get_raw(&key), before);
		assert_eq!(Governance::tallies(0).members, tally(0, 2, 0, 0));
		assert_eq!(Governance::tallies(0).coops, tally(0, 2, 0, 0));
	});
}
