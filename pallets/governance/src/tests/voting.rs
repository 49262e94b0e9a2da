//! Proposing and voting: tallies, thresholds, quorum, consent blocks, feeless first votes.

use super::*;

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
		assert_eq!(block_reasons(0), vec![(acc(6), reason)]);
		// Clearing the votes keeps the reasons in the register.
		while Governance::clear_votes(signed(10), 0).is_ok() {}
		assert_eq!(block_reasons(0), vec![(acc(6), reason)]);
	});
}

/// Proposal `id`'s block reasons in the register, sorted.
fn block_reasons(id: crate::ProposalId) -> Vec<(AccountId, H256)> {
	let mut reasons: Vec<_> = crate::BlockReasons::<Test>::iter_prefix(id).collect();
	reasons.sort();
	reasons
}

/// Attack: puppets fill the register with their own blocks so that a real
/// member's reason is not kept, then withdraw theirs. The register keeps one
/// entry per blocking member, with no bound to fill: the real reason stays.
#[test]
fn attack_puppet_blocks_cannot_push_a_real_reason_out_of_the_register() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ROUTINE, signal(1)));
		// More puppet blocks than the two reasons the register kept per proposal
		// before storage version 4 (this mock's old bound).
		for puppet in [2, 3, 4] {
			vote(puppet, 0, Vote::Block(H256::repeat_byte(0xee)));
		}
		let reason = H256::repeat_byte(5);
		vote(5, 0, Vote::Block(reason));
		assert_eq!(block_reasons(0).len(), 4);
		for puppet in [2, 3, 4] {
			vote(puppet, 0, Vote::Aye);
		}
		assert_eq!(block_reasons(0), vec![(acc(5), reason)]);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Rejected);
		let decision = Governance::decision_view(0).unwrap();
		assert_eq!((decision.members.block, decision.blocks), (1, vec![(acc(5), reason)]));
	});
}

#[test]
fn consent_nay_does_not_block_and_withdrawn_block_leaves_no_reason() {
	build_and_execute(|| {
		assert_ok!(Governance::propose(signed(1), ROUTINE, signal(1)));
		vote(6, 0, Vote::Block(H256::repeat_byte(2)));
		vote(6, 0, Vote::Nay);
		assert!(block_reasons(0).is_empty());
		run_to(11);
		assert_ok!(close(0));
		assert_eq!(outcome(0), Outcome::Approved);
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

/// A vote is charged the most work a vote can do (a changed block, with the block
/// reasons full) before it runs. A first vote that is not a block never touches the
/// block reasons and is refunded down to its own benchmarked weight; a block, or any
/// change, keeps the full charge. A failed vote is charged in full as well.
#[test]
fn only_a_first_vote_that_is_not_a_block_is_refunded() {
	use crate::{weights::WeightInfo, VOTE_BENCHMARK_MEMBERS};
	build_and_execute(|| {
		let charged = crate::Call::<Test>::vote { id: 0, vote: Vote::Aye }.get_dispatch_info();
		let upper = Governance::vote_weight_upper_bound();
		let first = <() as WeightInfo>::vote(VOTE_BENCHMARK_MEMBERS);
		assert_eq!(charged.call_weight, upper);
		assert!(upper.all_gte(<() as WeightInfo>::revote(VOTE_BENCHMARK_MEMBERS)));
		assert!(upper.all_gte(first));
		assert!(first.any_lt(upper), "the first vote must be the cheaper path");

		assert_ok!(Governance::propose(signed(1), ROUTINE, signal(1)));
		let post = Governance::vote(signed(4), 0, Vote::Aye).unwrap();
		assert_eq!(post.actual_weight, Some(first));
		// Changing it: full charge.
		assert_eq!(Governance::vote(signed(4), 0, Vote::Nay).unwrap().actual_weight, None);
		// A first vote that blocks rewrites the block reasons: full charge.
		let block = Vote::Block(H256::repeat_byte(9));
		assert_eq!(Governance::vote(signed(5), 0, block).unwrap().actual_weight, None);
		// A vote the call refuses is charged in full.
		let refused = Governance::vote(signed(5), 0, block).unwrap_err();
		assert_eq!(refused.error, Error::<Test>::SameVote.into());
		assert_eq!(refused.post_info.actual_weight, None);
	});
}
