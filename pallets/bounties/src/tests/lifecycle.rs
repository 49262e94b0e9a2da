//! A bounty from creation to payout: claims, reviews, milestones, shares, cancellation, listing.

use super::*;

#[test]
fn create_moves_reward_to_escrow_and_holds_deposit() {
	build_and_execute(|| {
		assert_ok!(Bounties::create_bounty(signed(1), false, terms()));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCreated {
				id: 0,
				funder: Funder::Account(acc(1)),
				reward: REWARD,
				milestones: 0
			}]
		);
		assert_eq!(free(1), START - REWARD - DEPOSIT);
		assert_eq!(Balances::free_balance(Bounties::escrow(0)), REWARD);
		assert_eq!(held(1), DEPOSIT);
		let b = BountyMap::<Test>::get(0).unwrap();
		assert_eq!(b.status, BountyStatus::Open);
		assert_eq!((b.reward, b.paid, b.hours), (REWARD, 0, Some(40)));
	});
}

#[test]
fn create_errors() {
	build_and_execute(|| {
		let with = |f: &dyn Fn(&mut crate::TermsOf<Test>)| {
			let mut t = terms();
			f(&mut t);
			t
		};
		let create =
			|who: u8, from_coop: bool, t| Bounties::create_bounty(signed(who), from_coop, t);
		assert_noop!(create(9, false, terms()), Error::<Test>::NotActiveMember);
		assert_noop!(create(2, true, terms()), Error::<Test>::NotCoopAdmin);
		assert_noop!(create(1, false, with(&|t| t.reward = 1)), Error::<Test>::RewardTooLow);
		assert_noop!(
			create(1, false, with(&|t| t.reviewers = bounded(vec![acc(3), acc(3)]))),
			Error::<Test>::BadReviewers
		);
		assert_noop!(
			create(1, false, with(&|t| t.approvals_needed = 3)),
			Error::<Test>::BadApprovals
		);
		assert_noop!(
			create(1, false, with(&|t| t.approvals_needed = 0)),
			Error::<Test>::BadApprovals
		);
		// Milestones must sum to the reward, be at most 3, each at least the ED.
		assert_noop!(
			create(1, false, with(&|t| t.milestones = milestones(&[100, 100]))),
			Error::<Test>::BadMilestones
		);
		assert_noop!(
			create(1, false, with(&|t| t.milestones = milestones(&[299, 1]))),
			Error::<Test>::RewardTooLow
		);
		assert_noop!(
			create(1, false, with(&|t| t.reward = 5_000)),
			Error::<Test>::InsufficientFunds
		);
		// The co-op's sovereign account has no funds yet.
		assert_noop!(create(1, true, terms()), Error::<Test>::InsufficientFunds);
	});
}

#[test]
fn review_rules_and_partial_approval() {
	build_and_execute(|| {
		// Reviewers 1 and 5 (co-ops 0 and 2), both needed; funded by admin 3's account.
		assert_ok!(Bounties::create_bounty(
			signed(3),
			false,
			BountyTerms { reviewers: bounded(vec![acc(1), acc(5)]), ..terms() }
		));
		let id = 0;
		assert_noop!(
			Bounties::claim(signed(1), id, PayTo::Own, None),
			Error::<Test>::ReviewerCannotClaim
		);
		// Claimant 4 is in co-op 1: reviewers 1 and 5 are both independent.
		assert_ok!(Bounties::claim(signed(4), id, PayTo::Coop, None));
		assert_noop!(Bounties::claim(signed(2), id, PayTo::Own, None), Error::<Test>::NotOpen);
		assert_noop!(
			Bounties::review(signed(1), id, true, H256::zero()),
			Error::<Test>::NotSubmitted
		);
		assert_noop!(
			Bounties::submit_work(signed(2), id, None, Default::default(), COMMIT, None),
			Error::<Test>::NotClaimant
		);
		assert_noop!(
			Bounties::submit_work(signed(4), id, Some(0), Default::default(), COMMIT, None),
			Error::<Test>::WrongMilestone
		);
		bounty_events();
		assert_ok!(Bounties::submit_work(
			signed(4),
			id,
			None,
			bounded(b"https://git.example/x".to_vec()),
			COMMIT,
			Some(bounded(b"v1.0.0".to_vec()))
		));
		let tag = Some(b"v1.0.0".to_vec().try_into().unwrap());
		assert_eq!(
			bounty_events(),
			vec![Event::WorkSubmitted {
				id,
				by: acc(4),
				milestone: None,
				repo: b"https://git.example/x".to_vec().try_into().unwrap(),
				commit: COMMIT,
				tag: tag.clone()
			}]
		);
		assert_eq!(Submissions::<Test>::get(id)[0].tag, tag);
		assert_noop!(
			Bounties::review(signed(3), id, true, H256::zero()),
			Error::<Test>::NotReviewer
		);
		assert_ok!(Bounties::review(signed(5), id, true, H256::repeat_byte(5)));
		assert_noop!(
			Bounties::review(signed(5), id, true, H256::zero()),
			Error::<Test>::AlreadyReviewed
		);
		// One approval of two: not paid yet.
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Submitted);
		assert_eq!(Contributions::<Test>::get(acc(5)).reviews, 1);
		assert_eq!(CoopContributions::<Test>::get(2).reviews, 1);
	});
}

#[test]
fn payout_on_last_approval_goes_to_coop_by_default() {
	build_and_execute(|| {
		// Reviewers 3 and 5 (co-ops 1 and 2); claimant 2 (co-op 0).
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_eq!(
			bounty_events(),
			vec![Event::Claimed {
				id,
				claimant: acc(2),
				pay_to: PayTo::Coop,
				contributors: 1,
				reviewers: 2,
				until: 21
			}]
		);
		assert_eq!(claim_held(2), CLAIM_DEPOSIT);
		assert_eq!(free(2), START - CLAIM_DEPOSIT);
		submit(2, id, None);
		approve(3, id);
		bounty_events();
		approve(5, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: sovereign(0), amount: REWARD },
				Event::BountyCompleted { id, total: REWARD },
			]
		);
		assert_eq!(Balances::free_balance(sovereign(0)), REWARD);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
		// The reward is gone from the funder; the deposit stays held for the record
		// until it is reaped.
		assert_eq!(free(1), START - REWARD - DEPOSIT);
		assert_eq!(held(1), DEPOSIT);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!((b.status, b.paid), (BountyStatus::Paid, REWARD));
		// The claim stays as the record of who delivered; its deposit is back.
		let claim = Claims::<Test>::get(id).unwrap();
		assert_eq!((claim.claimant, claim.deposit), (acc(2), 0));
		assert_eq!((claim_held(2), free(2)), (0, START));
		assert_eq!(
			Contributions::<Test>::get(acc(2)),
			Ledger { delivered: 1, milestones: 0, earned: REWARD, hours: 40, reviews: 0 }
		);
		assert_eq!(
			CoopContributions::<Test>::get(0),
			Ledger { delivered: 1, milestones: 0, earned: REWARD, hours: 40, reviews: 0 }
		);
		assert_eq!(CoopContributions::<Test>::get(1).reviews, 1);
		assert_eq!(Contributions::<Test>::get(acc(3)).reviews, 1);
		// Nothing more to review or claim.
		assert_noop!(
			Bounties::review(signed(3), id, true, H256::zero()),
			Error::<Test>::NotSubmitted
		);
		assert_noop!(Bounties::claim(signed(4), id, PayTo::Own, None), Error::<Test>::NotOpen);
		assert_noop!(Bounties::unclaim(signed(2), id), Error::<Test>::NotClaimant);
	});
}

#[test]
fn payout_to_own_account_when_chosen() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		approve(3, id);
		approve(5, id);
		assert_eq!(free(2), START + REWARD);
		assert_eq!(Balances::free_balance(sovereign(0)), 0);
	});
}

#[test]
fn rejection_sends_back_to_claimed_and_resubmission_works() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		submit(2, id, None);
		approve(3, id);
		bounty_events();
		assert_ok!(Bounties::review(signed(5), id, false, H256::repeat_byte(9)));
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed {
					id,
					reviewer: acc(5),
					approve: false,
					comment: H256::repeat_byte(9)
				},
				Event::SubmissionRejected { id },
			]
		);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!(b.status, BountyStatus::Claimed);
		assert!(b.approvals.is_empty());
		submit(2, id, None);
		submit(2, id, None);
		submit(2, id, None);
		assert_eq!(Submissions::<Test>::get(id).len(), 4);
		assert_noop!(
			Bounties::submit_work(signed(2), id, None, Default::default(), COMMIT, None),
			Error::<Test>::TooManySubmissions
		);
		// The record is full, but the claim can still be approved and paid.
		approve(3, id);
		approve(5, id);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Paid);
	});
}

#[test]
fn cancel_only_while_open_refunds_funder() {
	build_and_execute(|| {
		let id = create();
		assert_noop!(Bounties::cancel_bounty(signed(2), id), Error::<Test>::NotFunder);
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id, refund: REWARD, to: acc(1) }]
		);
		// The record, and the deposit for it, stay until reaped.
		assert_eq!(free(1), START - DEPOSIT);
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Cancelled);
		assert_noop!(Bounties::cancel_bounty(signed(1), id), Error::<Test>::NotOpen);
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_noop!(Bounties::cancel_bounty(signed(1), id), Error::<Test>::NotOpen);
		assert_noop!(Bounties::cancel_bounty(signed(1), 42), Error::<Test>::UnknownBounty);
	});
}

#[test]
fn unclaim_and_expired_claims() {
	build_and_execute(|| {
		let id = create();
		assert_noop!(Bounties::unclaim(signed(2), id), Error::<Test>::NotClaimant);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_noop!(Bounties::unclaim(signed(4), id), Error::<Test>::NotClaimant);
		bounty_events();
		assert_ok!(Bounties::unclaim(signed(2), id));
		assert_eq!(
			bounty_events(),
			vec![Event::ClaimReleased { id, claimant: acc(2), claimable_from: 1 + COOLDOWN }]
		);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!((b.status, b.claimable_from), (BountyStatus::Open, 1 + COOLDOWN));
		assert!(Claims::<Test>::get(id).is_none());
		// Given up: the deposit comes back.
		assert_eq!((claim_held(2), free(2)), (0, START));
		System::set_block_number(1 + COOLDOWN);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		let until = 1 + COOLDOWN + 20;
		assert_noop!(
			Bounties::release_expired_claim(signed(9), id),
			Error::<Test>::ClaimNotExpired
		);
		System::set_block_number(until);
		assert_noop!(
			Bounties::submit_work(signed(2), id, None, Default::default(), COMMIT, None),
			Error::<Test>::ClaimExpired
		);
		bounty_events();
		assert_ok!(Bounties::release_expired_claim(signed(9), id));
		assert_eq!(
			bounty_events(),
			vec![Event::ClaimExpired {
				id,
				claimant: acc(2),
				deposit: CLAIM_DEPOSIT,
				to: acc(1),
				claimable_from: until + COOLDOWN
			}]
		);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Open);
		// Expired: the deposit goes to the funder, not to whoever released it.
		assert_eq!((claim_held(2), free(2), free(9)), (0, START - CLAIM_DEPOSIT, START));
		assert_eq!(free(1), START - REWARD - DEPOSIT + CLAIM_DEPOSIT);
		assert_noop!(Bounties::release_expired_claim(signed(9), id), Error::<Test>::NotClaimant);
	});
}

#[test]
fn work_under_review_gets_one_more_period_before_expiry() {
	build_and_execute(|| {
		// Claimed at block 1: due before block 21.
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		System::set_block_number(20);
		submit(2, id, None);
		System::set_block_number(40);
		assert_noop!(
			Bounties::release_expired_claim(signed(9), id),
			Error::<Test>::ClaimNotExpired
		);
		// Reviewers may still approve late work that was submitted in time.
		approve(3, id);
		System::set_block_number(41);
		assert_ok!(Bounties::release_expired_claim(signed(9), id));
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!(b.status, BountyStatus::Open);
		assert!(b.approvals.is_empty());
		assert!(Submissions::<Test>::get(id).is_empty());
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), REWARD);
	});
}

#[test]
fn set_reviewers_before_claim_only() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::set_reviewers(signed(1), id, bounded(vec![acc(5)]), 1));
		assert_eq!(bounty_events(), vec![Event::ReviewersSet { id, approvals_needed: 1 }]);
		assert_noop!(
			Bounties::set_reviewers(signed(2), id, bounded(vec![acc(5)]), 1),
			Error::<Test>::NotFunder
		);
		assert_noop!(
			Bounties::set_reviewers(signed(1), id, bounded(vec![acc(5)]), 2),
			Error::<Test>::BadApprovals
		);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_noop!(
			Bounties::set_reviewers(signed(1), id, bounded(vec![acc(3)]), 1),
			Error::<Test>::NotOpen
		);
	});
}

#[test]
fn coop_admin_funds_from_sovereign_account() {
	build_and_execute(|| {
		assert_ok!(Balances::transfer_allow_death(signed(1), sovereign(0), 500));
		assert_ok!(Bounties::create_bounty(signed(1), true, terms()));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCreated {
				id: 0,
				funder: Funder::Coop(0),
				reward: REWARD,
				milestones: 0
			}]
		);
		assert_eq!(Balances::free_balance(sovereign(0)), 500 - REWARD);
		assert_eq!(held(1), DEPOSIT);
		assert_ok!(Bounties::cancel_bounty(signed(1), 0));
		assert_eq!(Balances::free_balance(sovereign(0)), 500);
		reap(0);
		assert_eq!(held(1), 0);
	});
}

#[test]
fn treasury_bounty_respects_floor() {
	build_and_execute(|| {
		let fund = |reward: Balance| {
			Bounties::fund_from_treasury(RuntimeOrigin::root(), BountyTerms { reward, ..terms() })
		};
		assert_noop!(Bounties::fund_from_treasury(signed(1), terms()), DispatchError::BadOrigin);
		assert_ok!(Bounties::set_treasury_floor(signed(BYLAWS), 9_000));
		assert_eq!(bounty_events(), vec![Event::TreasuryFloorSet { floor: 9_000 }]);
		assert_eq!(TreasuryFloor::<Test>::get(), 9_000);
		assert_noop!(fund(1_001), Error::<Test>::BelowTreasuryFloor);
		assert_ok!(fund(1_000));
		assert_eq!(Balances::free_balance(acc(TREASURY)), 9_000);
		// Treasury bounties are cancelled by the treasury origin, back to the treasury.
		assert_noop!(Bounties::cancel_bounty(signed(1), 0), DispatchError::BadOrigin);
		assert_noop!(
			Bounties::set_reviewers(signed(1), 0, bounded(vec![acc(5)]), 1),
			DispatchError::BadOrigin
		);
		assert_ok!(Bounties::cancel_bounty(RuntimeOrigin::root(), 0));
		assert_eq!(Balances::free_balance(acc(TREASURY)), 10_000);
		// Above the treasury's balance even with no floor.
		assert_ok!(Bounties::set_treasury_floor(signed(BYLAWS), 0));
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&acc(TREASURY),
			1_500,
		);
		assert_noop!(fund(1_501), Error::<Test>::BelowTreasuryFloor);
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&acc(TREASURY),
			10_000,
		);
	});
}

#[test]
fn milestones_are_delivered_and_paid_in_order() {
	build_and_execute(|| {
		let id = create_with(BountyTerms { milestones: milestones(&[50, 100, 150]), ..terms() });
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		assert_noop!(
			Bounties::submit_work(signed(2), id, None, Default::default(), COMMIT, None),
			Error::<Test>::WrongMilestone
		);
		assert_noop!(
			Bounties::submit_work(signed(2), id, Some(1), Default::default(), COMMIT, None),
			Error::<Test>::WrongMilestone
		);
		System::set_block_number(10);
		submit(2, id, Some(0));
		approve(3, id);
		bounty_events();
		approve(5, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: acc(2), amount: 50 },
				Event::MilestoneCompleted { id, milestone: 0, amount: 50, until: 30 },
			]
		);
		assert_eq!(free(2), START + 50 - CLAIM_DEPOSIT);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 250);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!((b.status, b.paid, b.milestones_paid), (BountyStatus::Claimed, 50, 1));
		// The delivery period starts again from the paid milestone.
		assert_eq!(Claims::<Test>::get(id).unwrap().until, 30);
		assert_eq!(
			Contributions::<Test>::get(acc(2)),
			Ledger { delivered: 0, milestones: 1, earned: 50, hours: 0, reviews: 0 }
		);
		assert_noop!(
			Bounties::submit_work(signed(2), id, Some(0), Default::default(), COMMIT, None),
			Error::<Test>::WrongMilestone
		);
		submit(2, id, Some(1));
		approve(3, id);
		approve(5, id);
		submit(2, id, Some(2));
		approve(3, id);
		bounty_events();
		approve(5, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: acc(2), amount: 150 },
				Event::BountyCompleted { id, total: REWARD },
			]
		);
		assert_eq!(free(2), START + REWARD);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!((b.status, b.paid, b.milestones_paid), (BountyStatus::Paid, REWARD, 3));
		assert_eq!(
			Contributions::<Test>::get(acc(2)),
			Ledger { delivered: 1, milestones: 3, earned: REWARD, hours: 40, reviews: 0 }
		);
		assert_eq!(CoopContributions::<Test>::get(0).milestones, 3);
		let subs = Submissions::<Test>::get(id);
		assert_eq!(
			subs.iter().map(|s| s.milestone).collect::<Vec<_>>(),
			[Some(0), Some(1), Some(2)]
		);
	});
}

#[test]
fn cancel_after_paid_milestone_refunds_only_the_rest() {
	build_and_execute(|| {
		let id = create_with(BountyTerms { milestones: milestones(&[100, 200]), ..terms() });
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		submit(2, id, Some(0));
		approve(3, id);
		approve(5, id);
		assert_ok!(Bounties::unclaim(signed(2), id));
		// Another contributor takes over from milestone 1, after the cool-down.
		System::set_block_number(1 + COOLDOWN);
		assert_ok!(Bounties::claim(signed(7), id, PayTo::Own, None));
		assert_noop!(
			Bounties::submit_work(signed(7), id, Some(0), Default::default(), COMMIT, None),
			Error::<Test>::WrongMilestone
		);
		assert_ok!(Bounties::unclaim(signed(7), id));
		bounty_events();
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(bounty_events(), vec![Event::BountyCancelled { id, refund: 200, to: acc(1) }]);
		assert_eq!(free(1), START - 100 - DEPOSIT);
		assert_eq!(Balances::free_balance(sovereign(0)), 100);
		assert_eq!(held(1), DEPOSIT);
	});
}

#[test]
fn payouts_split_by_shares_across_coops() {
	build_and_execute(|| {
		// Reviewers from co-ops 2 and 3; contributors 2 (co-op 0, 2 shares) and 4
		// (co-op 1, 1 share).
		let id = create_with(BountyTerms { reviewers: bounded(vec![acc(5), acc(7)]), ..terms() });
		assert_ok!(Bounties::claim(
			signed(2),
			id,
			PayTo::Coop,
			Some(bounded(vec![(acc(4), 1), (acc(2), 2)]))
		));
		let claim = Claims::<Test>::get(id).unwrap();
		// The claimant is put first.
		assert_eq!(
			claim
				.contributors
				.iter()
				.map(|c| (c.who.clone(), c.coop, c.shares))
				.collect::<Vec<_>>(),
			vec![(acc(2), 0, 2), (acc(4), 1, 1)]
		);
		// Only the claimant submits.
		assert_noop!(
			Bounties::submit_work(signed(4), id, None, Default::default(), COMMIT, None),
			Error::<Test>::NotClaimant
		);
		submit(2, id, None);
		approve(5, id);
		bounty_events();
		approve(7, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(7), approve: true, comment: H256::zero() },
				Event::Paid { id, to: sovereign(0), amount: 200 },
				Event::Paid { id, to: sovereign(1), amount: 100 },
				Event::BountyCompleted { id, total: REWARD },
			]
		);
		assert_eq!(Balances::free_balance(sovereign(0)), 200);
		assert_eq!(Balances::free_balance(sovereign(1)), 100);
		// Hours split too: 40 × 1/3 = 13 (rounded down), the claimant gets the rest.
		assert_eq!(
			Contributions::<Test>::get(acc(2)),
			Ledger { delivered: 1, milestones: 0, earned: 200, hours: 27, reviews: 0 }
		);
		assert_eq!(
			Contributions::<Test>::get(acc(4)),
			Ledger { delivered: 1, milestones: 0, earned: 100, hours: 13, reviews: 0 }
		);
		assert_eq!(CoopContributions::<Test>::get(1).earned, 100);
	});
}

#[test]
fn split_remainder_goes_to_claimant_and_coop_counts_once() {
	build_and_execute(|| {
		// Contributors 2, 6 (both co-op 0) and 4 (co-op 1), equal shares, 100 paid
		// to their own accounts.
		let id = create_with(BountyTerms {
			reward: 100,
			reviewers: bounded(vec![acc(5), acc(7)]),
			hours: None,
			..terms()
		});
		let shares = Some(bounded(vec![(acc(2), 1), (acc(6), 1), (acc(4), 1)]));
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, shares));
		submit(2, id, None);
		approve(5, id);
		approve(7, id);
		assert_eq!((free(2), free(6), free(4)), (START + 34, START + 33, START + 33));
		assert_eq!(
			CoopContributions::<Test>::get(0),
			Ledger { delivered: 1, milestones: 0, earned: 67, hours: 0, reviews: 0 }
		);
		assert_eq!(CoopContributions::<Test>::get(1).delivered, 1);
	});
}

#[test]
fn claim_share_errors() {
	build_and_execute(|| {
		let id = create_with(BountyTerms { reviewers: bounded(vec![acc(5), acc(7)]), ..terms() });
		let claim = |shares: Vec<(u8, u32)>| {
			Bounties::claim(
				signed(2),
				id,
				PayTo::Coop,
				Some(bounded(shares.into_iter().map(|(a, s)| (acc(a), s)).collect())),
			)
		};
		assert_noop!(claim(vec![(4, 1)]), Error::<Test>::BadShares);
		assert_noop!(claim(vec![]), Error::<Test>::BadShares);
		assert_noop!(claim(vec![(2, 1), (4, 1), (4, 2)]), Error::<Test>::BadShares);
		assert_noop!(claim(vec![(2, 1), (4, 0)]), Error::<Test>::BadShares);
		assert_noop!(claim(vec![(2, u32::MAX), (4, 1)]), Error::<Test>::BadShares);
		assert_noop!(claim(vec![(2, 1), (9, 1)]), Error::<Test>::ContributorNotMember);
		assert_noop!(claim(vec![(2, 1), (5, 1)]), Error::<Test>::ReviewerCannotClaim);
		// 300 × 1/1000 rounds to 0: below the existential deposit.
		assert_noop!(claim(vec![(2, 999), (4, 1)]), Error::<Test>::ShareTooSmall);
		assert_noop!(
			Bounties::claim(signed(9), id, PayTo::Coop, None),
			Error::<Test>::NotActiveMember
		);
		assert_noop!(
			Bounties::claim(signed(2), 42, PayTo::Coop, None),
			Error::<Test>::UnknownBounty
		);
		// A member who cannot pay the claim deposit.
		assert_ok!(Balances::transfer_all(signed(6), acc(20), false));
		assert_noop!(
			Bounties::claim(signed(6), id, PayTo::Coop, None),
			Error::<Test>::InsufficientFunds
		);
	});
}

#[test]
fn claim_needs_enough_reviewers_outside_the_contributors_coops() {
	build_and_execute(|| {
		// Reviewers 3 (co-op 1) and 5 (co-op 2), both needed.
		let id = create();
		assert_noop!(
			Bounties::claim(
				signed(2),
				id,
				PayTo::Coop,
				Some(bounded(vec![(acc(2), 1), (acc(4), 1)]))
			),
			Error::<Test>::TooFewIndependentReviewers
		);
		// Claimant 4 alone (co-op 1): only reviewer 5 is independent.
		assert_noop!(
			Bounties::claim(signed(4), id, PayTo::Coop, None),
			Error::<Test>::TooFewIndependentReviewers
		);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
	});
}

#[test]
fn bounties_listed_by_status_and_page() {
	build_and_execute(|| {
		let open = create();
		let claimed = create();
		let cancelled = create();
		assert_ok!(Bounties::claim(signed(2), claimed, PayTo::Coop, None));
		assert_ok!(Bounties::cancel_bounty(signed(1), cancelled));
		// Every page of `limit`, walked with the cursors, ids sorted.
		let ids = |status, limit| {
			let (mut ids, mut cursor) = (Vec::new(), None);
			loop {
				let page = Bounties::bounties_page(status, cursor, limit);
				assert!(page.items.len() <= limit as usize);
				ids.extend(page.items.iter().map(|v| v.id));
				match page.next {
					Some(next) => cursor = Some(next),
					None => break,
				}
			}
			ids.sort();
			ids
		};
		assert_eq!(ids(None, 10), vec![open, claimed, cancelled]);
		assert_eq!(ids(None, 1), vec![open, claimed, cancelled]);
		assert_eq!(ids(Some(BountyStatus::Open), 10), vec![open]);
		assert_eq!(ids(Some(BountyStatus::Claimed), 1), vec![claimed]);
		assert_eq!(ids(Some(BountyStatus::Cancelled), 10), vec![cancelled]);
		assert_eq!(ids(Some(BountyStatus::Paid), 10), Vec::<u32>::new());
		let view = Bounties::bounty_view(claimed).unwrap();
		let claim = view.claim.unwrap();
		assert_eq!(claim.claimant, acc(2));
		assert_eq!(view.spec_url, b"https://example.org/spec".to_vec());
		assert_eq!((view.reward, view.status), (REWARD, BountyStatus::Claimed));
		assert!(Bounties::bounty_view(42).is_none());
	});
}
