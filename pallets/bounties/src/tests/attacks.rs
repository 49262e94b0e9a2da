//! Attacks played against the pallet, each shown to fail.

use super::*;

/// Attack 1. One admin of co-op 4 (admins 8 and 10) tries to move the co-op's account
/// to itself: a puppet reviewer in no co-op, a reviewer from its own co-op, two from
/// one co-op, and a bounty that opens on its word alone. Each fails; the bounty opens
/// only when the second admin approves, and then needs a reviewer of another co-op.
#[test]
fn attack_coop_treasury_drain_by_one_admin_fails() {
	build_and_execute(|| {
		coop_funds(4, 500);
		let drain = |reviewers: Vec<u8>| BountyTerms {
			reward: 400,
			reviewers: bounded(reviewers.into_iter().map(acc).collect()),
			approvals_needed: 1,
			hours: None,
			..terms()
		};
		// A puppet reviewer in no co-op.
		assert_noop!(
			Bounties::create_bounty(signed(8), true, drain(vec![9])),
			Error::<Test>::ReviewerNotMember
		);
		// A reviewer from the funding co-op itself.
		assert_noop!(
			Bounties::create_bounty(signed(8), true, drain(vec![11])),
			Error::<Test>::ReviewerInFundingCoop
		);
		// Two reviewers of one co-op (3 and 4 are both in co-op 1).
		assert_noop!(
			Bounties::create_bounty(
				signed(8),
				true,
				BountyTerms { approvals_needed: 2, ..drain(vec![3, 4]) }
			),
			Error::<Test>::ReviewersSameCoop
		);
		// With a legitimate reviewer the bounty is only proposed: nothing moves.
		assert_ok!(Bounties::create_bounty(signed(8), true, drain(vec![5])));
		let id = last_id();
		assert_eq!(
			bounty_events(),
			vec![Event::BountyProposed { id, coop: 4, proposer: acc(8), reward: 400 }]
		);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Proposed);
		assert_eq!(Balances::free_balance(sovereign(4)), 500);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
		assert_eq!(held(8), DEPOSIT);
		assert_noop!(Bounties::claim(signed(8), id, PayTo::Own, None), Error::<Test>::NotOpen);
		// The proposer cannot approve its own proposal; a plain member or another
		// co-op's admin cannot either.
		assert_noop!(Bounties::approve_funding(signed(8), id), Error::<Test>::ApproverIsProposer);
		assert_noop!(Bounties::approve_funding(signed(11), id), Error::<Test>::NotCoopAdmin);
		assert_noop!(Bounties::approve_funding(signed(3), id), Error::<Test>::NotCoopAdmin);
		// The second admin approves: now it opens, funded from the co-op.
		assert_ok!(Bounties::approve_funding(signed(10), id));
		assert_eq!(
			bounty_events(),
			vec![
				Event::FundingApproved { id, approver: acc(10) },
				Event::BountyCreated { id, funder: Funder::Coop(4), reward: 400, milestones: 0 },
			]
		);
		assert_noop!(Bounties::approve_funding(signed(10), id), Error::<Test>::NotProposed);
		assert_eq!(Balances::free_balance(sovereign(4)), 100);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 400);
		// The admin claims it for itself; only reviewer 5 (co-op 2) can approve, the
		// admin's co-op colleague cannot.
		assert_ok!(Bounties::claim(signed(8), id, PayTo::Own, None));
		assert_eq!(Claims::<Test>::get(id).unwrap().reviewers.to_vec(), vec![(acc(5), 2)]);
		submit(8, id, None);
		assert_noop!(
			Bounties::review(signed(11), id, true, H256::zero()),
			Error::<Test>::NotReviewer
		);
		assert_noop!(
			Bounties::review(signed(10), id, true, H256::zero()),
			Error::<Test>::NotReviewer
		);
		assert_eq!(free(8), START - DEPOSIT - CLAIM_DEPOSIT);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 400);
	});
}

/// Attack 1, re-check at review: a reviewer recorded at claim time moves into the
/// contributor's co-op (or leaves its co-op) before reviewing; its review is refused.
#[test]
fn attack_reviewer_joins_contributors_coop_after_claim_fails() {
	build_and_execute(|| {
		// Reviewers 13 (co-op 5) and 5 (co-op 2), one needed; claimant 8 (co-op 4).
		let id = create_with(BountyTerms {
			reviewers: bounded(vec![acc(13), acc(5)]),
			approvals_needed: 1,
			..terms()
		});
		assert_ok!(Bounties::claim(signed(8), id, PayTo::Own, None));
		assert_eq!(
			Claims::<Test>::get(id).unwrap().reviewers.to_vec(),
			vec![(acc(13), 5), (acc(5), 2)]
		);
		submit(8, id, None);
		// 13 leaves co-op 5 and joins the claimant's co-op 4.
		assert_ok!(Membership::leave_coop(signed(13)));
		join(13, 8, 4);
		bounty_events();
		assert_noop!(
			Bounties::review(signed(13), id, true, H256::zero()),
			Error::<Test>::NotReviewer
		);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), REWARD);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Submitted);
		assert_eq!(Contributions::<Test>::get(acc(13)).reviews, 0);
		// The independent reviewer still can.
		approve(5, id);
		// 10 of 8's balance is the membership deposit held for inviting 13.
		assert_eq!(free(8), START - 10 + REWARD);
	});
}

/// Attack 1, distinct co-ops at claim time: a reviewer moves into another reviewer's
/// co-op before the claim, so that one co-op would give both approvals; it counts once.
#[test]
fn attack_two_reviewers_of_one_coop_at_claim_fails() {
	build_and_execute(|| {
		// Reviewers 13 (co-op 5) and 5 (co-op 2), both needed.
		let id = create_with(BountyTerms { reviewers: bounded(vec![acc(13), acc(5)]), ..terms() });
		assert_ok!(Membership::leave_coop(signed(13)));
		join(13, 5, 2);
		assert_noop!(
			Bounties::claim(signed(2), id, PayTo::Own, None),
			Error::<Test>::TooFewIndependentReviewers
		);
		// A reviewer who left every co-op counts for nobody.
		assert_ok!(Membership::remove_member(signed(5), acc(13)));
		assert_noop!(
			Bounties::claim(signed(2), id, PayTo::Own, None),
			Error::<Test>::TooFewIndependentReviewers
		);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Open);
	});
}

/// Attack 5. With 3 reviewers and 2 approvals needed, one reviewer's rejection does not
/// wipe the approval given, nor can it be repeated; only a second rejection (n - k + 1
/// = 2) rejects the submission.
#[test]
fn attack_one_reviewer_stalls_everything_fails() {
	build_and_execute(|| {
		let id = create_with(BountyTerms {
			reviewers: bounded(vec![acc(3), acc(5), acc(7)]),
			..terms()
		});
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		approve(3, id);
		bounty_events();
		assert_ok!(Bounties::review(signed(5), id, false, H256::repeat_byte(5)));
		assert_eq!(
			bounty_events(),
			vec![Event::Reviewed {
				id,
				reviewer: acc(5),
				approve: false,
				comment: H256::repeat_byte(5)
			}]
		);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!(b.status, BountyStatus::Submitted);
		assert_eq!(b.approvals.to_vec(), vec![acc(3)]);
		assert_noop!(
			Bounties::review(signed(5), id, false, H256::zero()),
			Error::<Test>::AlreadyReviewed
		);
		assert_noop!(
			Bounties::review(signed(5), id, true, H256::zero()),
			Error::<Test>::AlreadyReviewed
		);
		// The third reviewer's approval pays.
		approve(7, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(7), approve: true, comment: H256::zero() },
				Event::Paid { id, to: acc(2), amount: REWARD },
				Event::BountyCompleted { id, total: REWARD },
			]
		);
		assert_eq!(free(2), START + REWARD);

		// Two rejections of three (approval can no longer reach 2) do reject.
		let id = create_with(BountyTerms {
			reviewers: bounded(vec![acc(3), acc(5), acc(7)]),
			..terms()
		});
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		assert_ok!(Bounties::review(signed(5), id, false, H256::zero()));
		bounty_events();
		assert_ok!(Bounties::review(signed(7), id, false, H256::zero()));
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(7), approve: false, comment: H256::zero() },
				Event::SubmissionRejected { id },
			]
		);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!(b.status, BountyStatus::Claimed);
		assert!(b.rejections.is_empty() && b.approvals.is_empty());
	});
}

/// Attack 2. At each expiry the squatter releases its own expired claim and claims
/// again in the same batch; or gives it up and re-claims before it expires. Neither
/// works: the expired deposit goes to the funder, the bounty cannot be claimed during
/// the cool-down, and the funder cancels it then (or at once when a claim expired).
#[test]
fn attack_claim_squatting_fails() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		System::set_block_number(21);
		bounty_events();
		// batch(release_expired_claim, claim):
		assert_ok!(Bounties::release_expired_claim(signed(2), id));
		assert_noop!(Bounties::claim(signed(2), id, PayTo::Own, None), Error::<Test>::CoolingDown);
		// A colleague's account does no better.
		assert_noop!(Bounties::claim(signed(6), id, PayTo::Own, None), Error::<Test>::CoolingDown);
		assert_eq!(
			bounty_events(),
			vec![Event::ClaimExpired {
				id,
				claimant: acc(2),
				deposit: CLAIM_DEPOSIT,
				to: acc(1),
				claimable_from: 21 + COOLDOWN
			}]
		);
		assert_eq!(free(2), START - CLAIM_DEPOSIT);
		// The funder closes the bounty in the cool-down.
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id, refund: REWARD, to: acc(1) }]
		);
		// The bounty deposit stays held until the record is reaped.
		assert_eq!(free(1), START + CLAIM_DEPOSIT - DEPOSIT);

		// batch(unclaim, claim) before expiry: the cool-down applies too.
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		assert_ok!(Bounties::unclaim(signed(2), id));
		assert_noop!(Bounties::claim(signed(2), id, PayTo::Own, None), Error::<Test>::CoolingDown);
		assert_ok!(Bounties::cancel_bounty(signed(1), id));

		// Giving up a claim that already expired does not save its deposit.
		let id = create();
		System::set_block_number(31);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		System::set_block_number(51);
		bounty_events();
		assert_ok!(Bounties::unclaim(signed(2), id));
		assert_eq!(
			bounty_events(),
			vec![Event::ClaimExpired {
				id,
				claimant: acc(2),
				deposit: CLAIM_DEPOSIT,
				to: acc(1),
				claimable_from: 51 + COOLDOWN
			}]
		);
		assert_ok!(Bounties::cancel_bounty(signed(1), id));

		// Nobody releases the expired claim: the funder closes the bounty with it.
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		// Claimed at 51, under review: expires one more period after the deadline
		// (71 + 20).
		System::set_block_number(90);
		assert_noop!(Bounties::cancel_bounty(signed(1), id), Error::<Test>::NotOpen);
		System::set_block_number(91);
		bounty_events();
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(
			bounty_events(),
			vec![
				Event::ClaimExpired {
					id,
					claimant: acc(2),
					deposit: CLAIM_DEPOSIT,
					to: acc(1),
					claimable_from: 91 + COOLDOWN
				},
				Event::BountyCancelled { id, refund: REWARD, to: acc(1) },
			]
		);
		assert!(Claims::<Test>::get(id).is_none());
		assert!(Submissions::<Test>::get(id).is_empty());
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Cancelled);
		// The four cancelled bounties' records (and deposits) stay until reaped.
		assert_eq!((free(1), held(1)), (START + 3 * CLAIM_DEPOSIT - 4 * DEPOSIT, 4 * DEPOSIT));
		assert_eq!((free(2), claim_held(2)), (START - 3 * CLAIM_DEPOSIT, 0));
	});
}

/// Attack 3. A claimant fills the submission list and gives up the claim, so nobody
/// could ever submit again. The limit is per claim, and the list is cleared when the
/// claim ends.
#[test]
fn attack_submission_flood_fails() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		for _ in 0..4 {
			submit(2, id, None);
		}
		assert_noop!(
			Bounties::submit_work(signed(2), id, None, Default::default(), COMMIT, None),
			Error::<Test>::TooManySubmissions
		);
		assert_ok!(Bounties::unclaim(signed(2), id));
		assert!(!Submissions::<Test>::contains_key(id));
		System::set_block_number(1 + COOLDOWN);
		assert_ok!(Bounties::claim(signed(6), id, PayTo::Own, None));
		bounty_events();
		submit(6, id, None);
		assert_eq!(bounty_events().len(), 1);
		assert_eq!(Submissions::<Test>::get(id).len(), 1);
		assert_eq!(Submissions::<Test>::get(id)[0].by, acc(6));
		approve(3, id);
		approve(5, id);
		assert_eq!(free(6), START + REWARD);
	});
}

/// Attack 4. The contributor's co-op exits after the claim: paying "to the co-op"
/// would strand the reward in an account nobody can spend, so the contributor is paid.
/// A refund to a co-op that exited goes to the treasury.
#[test]
fn attack_payout_into_dead_coop_fails() {
	build_and_execute(|| {
		// Co-op 5 (admin 12, member 13) funds a bounty from its account.
		coop_funds(5, 500);
		assert_ok!(Bounties::create_bounty(signed(12), true, terms()));
		let refunded = last_id();
		// 13 claims another bounty, to be paid to co-op 5.
		let id = create();
		assert_ok!(Bounties::claim(signed(13), id, PayTo::Coop, None));
		submit(13, id, None);
		assert_ok!(Membership::leave_federation(signed(12)));
		approve(3, id);
		bounty_events();
		approve(5, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: acc(13), amount: REWARD },
				Event::BountyCompleted { id, total: REWARD },
			]
		);
		assert_eq!(free(13), START + REWARD);
		assert_eq!(Balances::free_balance(sovereign(5)), 500 - REWARD);
		// The co-op's own bounty: its former admin can no longer act for it; the
		// treasury origin cancels it, the refund going to the treasury and the
		// creator's deposit back to its creator.
		assert_noop!(Bounties::cancel_bounty(signed(12), refunded), DispatchError::BadOrigin);
		assert_ok!(Bounties::cancel_bounty(RuntimeOrigin::root(), refunded));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id: refunded, refund: REWARD, to: acc(TREASURY) }]
		);
		assert_eq!(Balances::free_balance(acc(TREASURY)), 10_000 + REWARD);
		// The departed creator gets the deposit back when the record is reaped.
		assert_eq!(held(12), DEPOSIT);
		reap(refunded);
		assert_eq!(held(12), 0);
	});
}

/// Attack 4, the contributor moved: a contributor who left the co-op recorded at claim
/// time is paid to their own account, not to the co-op they left.
#[test]
fn attack_payout_to_coop_the_contributor_left_fails() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(13), id, PayTo::Coop, None));
		submit(13, id, None);
		assert_ok!(Membership::remove_member(signed(12), acc(13)));
		approve(3, id);
		approve(5, id);
		assert_eq!(free(13), START + REWARD);
		assert_eq!(Balances::free_balance(sovereign(5)), 0);
	});
}

/// Attack 8. `claim_period` 0 (every submission fails) or huge (never expires, the
/// escrow stranded) is refused, for member and treasury bounties alike.
#[test]
fn attack_bad_claim_period_fails() {
	build_and_execute(|| {
		for period in [0, MIN_PERIOD - 1, MAX_PERIOD + 1, u64::MAX] {
			let t = BountyTerms { claim_period: period, ..terms() };
			assert_noop!(
				Bounties::create_bounty(signed(1), false, t.clone()),
				Error::<Test>::BadClaimPeriod
			);
			assert_noop!(
				Bounties::fund_from_treasury(RuntimeOrigin::root(), t),
				Error::<Test>::BadClaimPeriod
			);
		}
		let id = create_with(BountyTerms { claim_period: MIN_PERIOD, ..terms() });
		assert_eq!(BountyMap::<Test>::get(id).unwrap().claim_period, MIN_PERIOD);
		let id = create_with(BountyTerms { claim_period: MAX_PERIOD, ..terms() });
		assert_eq!(BountyMap::<Test>::get(id).unwrap().claim_period, MAX_PERIOD);
	});
}

/// Attack 6. The spending origin (Treasury track) lowers the floor and spends in one
/// vote: it cannot set the floor at all, and one treasury bounty is capped.
#[test]
fn attack_treasury_floor_lowered_by_spending_vote_fails() {
	build_and_execute(|| {
		assert_ok!(Bounties::set_treasury_floor(signed(BYLAWS), 9_500));
		bounty_events();
		assert_noop!(
			Bounties::set_treasury_floor(RuntimeOrigin::root(), 0),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Bounties::fund_from_treasury(
				RuntimeOrigin::root(),
				BountyTerms { reward: 600, ..terms() }
			),
			Error::<Test>::BelowTreasuryFloor
		);
		assert_ok!(Bounties::set_treasury_floor(signed(BYLAWS), 0));
		assert_noop!(
			Bounties::fund_from_treasury(
				RuntimeOrigin::root(),
				BountyTerms { reward: MAX_TREASURY_BOUNTY + 1, ..terms() }
			),
			Error::<Test>::AboveTreasuryBountyCap
		);
		assert_ok!(Bounties::fund_from_treasury(
			RuntimeOrigin::root(),
			BountyTerms { reward: MAX_TREASURY_BOUNTY, ..terms() }
		));
		assert_eq!(Balances::free_balance(acc(TREASURY)), 10_000 - MAX_TREASURY_BOUNTY);
	});
}

/// Attack 6, last part. Spends the treasury already approved (not yet paid out)
/// are money it no longer has: a treasury bounty that would leave the floor
/// standing only by ignoring them is refused.
#[test]
fn attack_pending_treasury_spends_ignored_by_the_floor_fails() {
	build_and_execute(|| {
		// Treasury 10_000, floor 8_000: 2_000 may go to bounties...
		assert_ok!(Bounties::set_treasury_floor(signed(BYLAWS), 8_000));
		// ... but 1_500 is promised to approved spends not paid yet.
		Committed::set(1_500);
		let fund = |reward: Balance| {
			Bounties::fund_from_treasury(RuntimeOrigin::root(), BountyTerms { reward, ..terms() })
		};
		assert_noop!(fund(501), Error::<Test>::BelowTreasuryFloor);
		assert_ok!(fund(500));
		assert_eq!(Balances::free_balance(acc(TREASURY)), 9_500);
		// An implementation that cannot tell answers `MAX`: nothing more is funded.
		Committed::set(Balance::MAX);
		assert_noop!(fund(2), Error::<Test>::BelowTreasuryFloor);
		Committed::set(0);
	});
}

/// Attack: one admin of co-op 4 (admins 8 and 10) swaps in a friendly reviewer
/// after the second admin approved the bounty with independent ones, then claims
/// it for itself: the co-op's money would go to the admin on one friend's word.
/// Also the approver, changing the reviewers before approving its own choice.
/// Neither admin can change a co-op bounty's reviewers alone.
#[test]
fn attack_coop_bounty_reviewers_swapped_after_approval_fails() {
	build_and_execute(|| {
		coop_funds(4, 500);
		assert_ok!(Bounties::create_bounty(signed(8), true, terms()));
		let id = last_id();
		// The approver cannot change the terms it is about to approve.
		assert_noop!(
			Bounties::set_reviewers(signed(10), id, bounded(vec![acc(7)]), 1),
			Error::<Test>::ReviewersNeedSecondAdmin
		);
		assert_ok!(Bounties::approve_funding(signed(10), id));
		// Nor can the proposer change what was approved.
		assert_noop!(
			Bounties::set_reviewers(signed(8), id, bounded(vec![acc(7)]), 1),
			Error::<Test>::ReviewersNeedSecondAdmin
		);
		let bounty = BountyMap::<Test>::get(id).unwrap();
		assert_eq!((bounty.reviewers.to_vec(), bounty.approvals_needed), (vec![acc(3), acc(5)], 2));
		// What remains to either admin is to cancel: the reward goes back to the co-op.
		assert_ok!(Bounties::cancel_bounty(signed(8), id));
		assert_eq!(Balances::free_balance(sovereign(4)), 500);
	});
}

/// Attack: a member funds a bounty from their own account and claims it (alone,
/// or as a contributor beside a friend), so that one friendly reviewer's approval
/// returns their own money and credits them with the work and its hours in the
/// contribution ledger, in a loop. The funder cannot claim or share in a claim.
#[test]
fn attack_funder_claiming_own_bounty_to_inflate_the_ledger_fails() {
	build_and_execute(|| {
		let id = create_with(BountyTerms {
			reviewers: bounded(vec![acc(5)]),
			approvals_needed: 1,
			..terms()
		});
		assert_noop!(
			Bounties::claim(signed(1), id, PayTo::Own, None),
			Error::<Test>::FunderCannotClaim
		);
		assert_noop!(
			Bounties::claim(
				signed(4),
				id,
				PayTo::Own,
				Some(bounded(vec![(acc(4), 1), (acc(1), 9)]))
			),
			Error::<Test>::FunderCannotClaim
		);
		// Anyone else still claims, and nothing reached the funder's ledger.
		assert_ok!(Bounties::claim(signed(4), id, PayTo::Own, None));
		assert_eq!(crate::Contributions::<Test>::get(acc(1)), Default::default());
	});
}
