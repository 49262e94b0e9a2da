//! Unit tests of the bounties pallet. Every test also checks, in the mock's
//! builder, that total issuance is unchanged and escrow matches unpaid rewards.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate::{
	mock::*, Bounties as BountyMap, BountyStatus, BountyTerms, Claims, Contributions,
	CoopContributions, Error, Event, Funder, Ledger, Milestone, PayTo, Submissions, TreasuryFloor,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::DispatchError;

const REWARD: Balance = 300;
const COMMIT: [u8; 20] = [0xab; 20];

pub(crate) fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn free(n: u8) -> Balance {
	Balances::free_balance(acc(n))
}

fn sovereign(coop: u32) -> AccountId {
	pallet_coop_membership::Pallet::<Test>::sovereign_account(coop)
}

fn held(n: u8) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::BountyDeposit.into(), &acc(n))
}

fn claim_held(n: u8) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::ClaimDeposit.into(), &acc(n))
}

/// Terms: `REWARD`, reviewers 3 and 5 (co-ops 1 and 2), both needed, 20 blocks,
/// 40 hours, no milestones.
fn terms() -> crate::TermsOf<Test> {
	BountyTerms {
		spec_hash: H256::repeat_byte(1),
		spec_url: bounded(b"https://example.org/spec".to_vec()),
		reward: REWARD,
		milestones: Default::default(),
		reviewers: bounded(vec![acc(3), acc(5)]),
		approvals_needed: 2,
		claim_period: 20,
		hours: Some(40),
	}
}

fn milestones(
	amounts: &[Balance],
) -> frame_support::BoundedVec<Milestone<Balance>, <Test as crate::Config>::MaxMilestones> {
	bounded(
		amounts
			.iter()
			.enumerate()
			.map(|(i, amount)| Milestone {
				amount: *amount,
				description: H256::repeat_byte(i as u8),
			})
			.collect(),
	)
}

/// Account 1 (co-op 0 admin) funds a bounty on `terms` from its own account.
fn create_with(terms: crate::TermsOf<Test>) -> u32 {
	assert_ok!(Bounties::create_bounty(signed(1), false, terms));
	bounty_events();
	crate::NextBountyId::<Test>::get() - 1
}

pub(crate) fn create() -> u32 {
	create_with(terms())
}

fn submit(who: u8, id: u32, milestone: Option<u32>) {
	assert_ok!(Bounties::submit_work(
		signed(who),
		id,
		milestone,
		bounded(b"https://git.example/x".to_vec()),
		COMMIT,
		None
	));
}

/// `items` as a bounded call parameter (panics if too many: tests pass few).
fn bounded<X, S: frame_support::traits::Get<u32>>(
	items: Vec<X>,
) -> frame_support::BoundedVec<X, S> {
	items.try_into().ok().expect("within the bound")
}

/// Moves past the retention of a bounty that finished now, and reaps its record.
fn reap(id: u32) {
	System::set_block_number(System::block_number() + RETENTION);
	assert_ok!(Bounties::reap_bounty(signed(9), id));
}

fn approve(who: u8, id: u32) {
	assert_ok!(Bounties::review(signed(who), id, true, H256::zero()));
}

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

#[test]
fn try_state_detects_escrow_leak_but_not_a_donation() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::do_try_state());
		// A donation to the escrow breaks nothing.
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 5));
		assert_ok!(Bounties::do_try_state());
		// Less than the unpaid reward in escrow does.
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&Bounties::escrow(id),
			REWARD - 1,
		);
		assert!(Bounties::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_released_bounty_deposit() {
	new_test_ext().execute_with(|| {
		create();
		assert_ok!(Bounties::do_try_state());
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
			&crate::HoldReason::BountyDeposit.into(),
			&acc(1),
			DEPOSIT,
			frame_support::traits::tokens::Precision::Exact,
		));
		assert!(Bounties::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_released_claim_deposit() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_ok!(Bounties::do_try_state());
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
			&crate::HoldReason::ClaimDeposit.into(),
			&acc(2),
			CLAIM_DEPOSIT,
			frame_support::traits::tokens::Precision::Exact,
		));
		assert!(Bounties::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_lost_claim() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_ok!(Bounties::do_try_state());
		Claims::<Test>::remove(id);
		assert!(Bounties::do_try_state().is_err());
	});
}

// ---------------------------------------------------------------------------------
// Attacks (issue 11): each test plays the attack and shows it fails.
// ---------------------------------------------------------------------------------

/// Account `14 + coop` (in no co-op) pays `amount` into co-op `coop`'s account.
fn coop_funds(coop: u32, amount: Balance) {
	assert_ok!(Balances::transfer_allow_death(signed(14 + coop as u8), sovereign(coop), amount));
}

/// `who` (in no co-op) joins co-op `coop` on the invitation of its admin `admin`.
fn join(who: u8, admin: u8, coop: u32) {
	assert_ok!(Membership::add_member(signed(admin), acc(who)));
	assert_ok!(Membership::accept_invitation(signed(who), coop));
}

fn last_id() -> u32 {
	crate::NextBountyId::<Test>::get() - 1
}

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

/// A donation to the escrow is swept to the funder when the bounty finishes (paid or
/// cancelled), never stranded nor burned.
#[test]
fn escrow_swept_whole_on_finish() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 7));
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		approve(3, id);
		bounty_events();
		approve(5, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: acc(2), amount: REWARD },
				Event::BountyCompleted { id, total: REWARD },
				Event::EscrowSwept { id, to: acc(1), amount: 7 },
			]
		);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
		assert_eq!(free(1), START - REWARD + 7 - DEPOSIT);

		let id = create();
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 7));
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id, refund: REWARD + 7, to: acc(1) }]
		);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
	});
}

/// Any current admin of the funding co-op acts for a co-op bounty (here: withdraws
/// another admin's proposal); a plain member or a former admin cannot.
#[test]
fn current_admins_of_funding_coop_act_for_coop_bounty() {
	build_and_execute(|| {
		coop_funds(4, 500);
		assert_ok!(Bounties::create_bounty(signed(8), true, terms()));
		let id = last_id();
		assert_noop!(Bounties::cancel_bounty(signed(11), id), Error::<Test>::NotFunder);
		// Co-op 0's single admin funds a bounty, then hands over: the former admin
		// (its creator) can no longer act for it, the new admin can.
		coop_funds(0, 500);
		assert_ok!(Bounties::create_bounty(signed(1), true, terms()));
		let handed_over = last_id();
		assert_ok!(Membership::set_role(signed(1), acc(2), pallet_coop_membership::Role::Admin));
		assert_ok!(Membership::set_role(signed(1), acc(1), pallet_coop_membership::Role::Member));
		assert_noop!(Bounties::cancel_bounty(signed(1), handed_over), Error::<Test>::NotFunder);
		assert_ok!(Bounties::cancel_bounty(signed(2), handed_over));
		assert_eq!(Balances::free_balance(sovereign(0)), 500);
		assert_ok!(Bounties::set_reviewers(signed(10), id, bounded(vec![acc(5)]), 1));
		bounty_events();
		assert_ok!(Bounties::cancel_bounty(signed(10), id));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id, refund: 0, to: sovereign(4) }]
		);
		assert_eq!(held(8), DEPOSIT);
		reap(id);
		assert_eq!(held(8), 0);
		assert_eq!(Balances::free_balance(sovereign(4)), 500);
		// A co-op with one admin (co-op 3): the bounty opens at once.
		coop_funds(3, 500);
		assert_ok!(Bounties::create_bounty(signed(7), true, terms()));
		assert_eq!(BountyMap::<Test>::get(last_id()).unwrap().status, BountyStatus::Open);
	});
}

#[test]
fn migration_v1_to_v2_translates_bounties_and_claims() {
	use crate::migrations::v2::{v1, MigrateV1ToV2};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		// Bounty 0: claimed by 2 (co-op 0), reviewers 3, 5 (both eligible), 3 approved.
		// Bounty 1: claimed by 2, reviewers 9 (in no co-op) and 5, both needed: the
		// claim can never be paid under the new rules and is released.
		// Bounty 2: open, with submissions left over from an old claim.
		let old_bounty = |reviewers: Vec<u8>, approvals: Vec<u8>, status| v1::BountyOf::<Test> {
			funder: Funder::Account(acc(1)),
			creator: Some(acc(1)),
			spec_hash: H256::zero(),
			spec_url: Default::default(),
			reward: 100,
			paid: 0,
			milestones: Default::default(),
			milestones_paid: 0,
			deposit: DEPOSIT,
			reviewers: reviewers.into_iter().map(acc).collect::<Vec<_>>().try_into().unwrap(),
			approvals_needed: 2,
			approvals: approvals.into_iter().map(acc).collect::<Vec<_>>().try_into().unwrap(),
			claim_period: 20,
			hours: None,
			status,
		};
		let old_claim = || v1::ClaimOf::<Test> {
			claimant: acc(2),
			pay_to: PayTo::Own,
			until: 21,
			deposit: CLAIM_DEPOSIT,
			contributors: vec![crate::Contributor { who: acc(2), coop: 0, shares: 1 }]
				.try_into()
				.unwrap(),
		};
		use codec::Encode;
		use frame_support::traits::fungible::{Mutate, MutateHold};
		let put =
			|key: Vec<u8>, value: Vec<u8>| frame_support::storage::unhashed::put_raw(&key, &value);
		for (id, b) in [
			(0u32, old_bounty(vec![3, 5], vec![3], BountyStatus::Submitted)),
			(1, old_bounty(vec![9, 5], vec![], BountyStatus::Claimed)),
			(2, old_bounty(vec![3, 5], vec![], BountyStatus::Open)),
		] {
			put(BountyMap::<Test>::hashed_key_for(id), b.encode());
			Balances::mint_into(&Bounties::escrow(id), 100).unwrap();
			Balances::hold(&crate::HoldReason::BountyDeposit.into(), &acc(1), DEPOSIT).unwrap();
		}
		for id in [0u32, 1] {
			put(Claims::<Test>::hashed_key_for(id), old_claim().encode());
			Balances::hold(&crate::HoldReason::ClaimDeposit.into(), &acc(2), CLAIM_DEPOSIT)
				.unwrap();
		}
		let sub = crate::Submission {
			by: acc(2),
			milestone: None,
			repo: Default::default(),
			commit: COMMIT,
			tag: None,
			at: 1,
		};
		Submissions::<Test>::insert(2, frame_support::BoundedVec::try_from(vec![sub]).unwrap());
		crate::NextBountyId::<Test>::put(3);
		StorageVersion::new(1).put::<Bounties>();

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Bounties::on_chain_storage_version(), StorageVersion::new(2));
		let b0 = BountyMap::<Test>::get(0).unwrap();
		assert_eq!(b0.status, BountyStatus::Submitted);
		assert_eq!(b0.approvals.to_vec(), vec![acc(3)]);
		assert!(b0.rejections.is_empty());
		assert_eq!(b0.claimable_from, 0);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().reviewers.to_vec(),
			vec![(acc(3), 1), (acc(5), 2)]
		);
		let b1 = BountyMap::<Test>::get(1).unwrap();
		assert_eq!(b1.status, BountyStatus::Open);
		assert!(Claims::<Test>::get(1).is_none());
		assert_eq!(claim_held(2), CLAIM_DEPOSIT);
		assert!(!Submissions::<Test>::contains_key(2));
		assert_eq!(BountyMap::<Test>::get(2).unwrap().status, BountyStatus::Open);
		// The later versions' migrations complete the state `try_state` checks.
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		crate::migrations::v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
		Bounties::do_try_state().unwrap();
		// Runs once: a second upgrade changes nothing.
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Claims::<Test>::get(0).unwrap().reviewers.len(), 2);
	});
}

#[test]
fn approve_funding_errors() {
	build_and_execute(|| {
		coop_funds(4, 100);
		assert_ok!(Bounties::create_bounty(signed(8), true, terms()));
		let id = last_id();
		// The co-op's account cannot pay the reward (300 of 100).
		assert_noop!(Bounties::approve_funding(signed(10), id), Error::<Test>::InsufficientFunds);
		// Only proposed bounties, only co-op bounties.
		let open = create();
		assert_noop!(Bounties::approve_funding(signed(10), open), Error::<Test>::NotProposed);
		assert_noop!(Bounties::approve_funding(signed(10), 42), Error::<Test>::UnknownBounty);
		// A suspended co-op's funds are not spent.
		coop_funds(4, 400);
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), 4, H256::zero()));
		assert_noop!(Bounties::approve_funding(signed(10), id), Error::<Test>::CoopNotActive);
		assert_eq!(Balances::free_balance(sovereign(4)), 500);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Proposed);
	});
}

/// Every list in a call is bounded in its type: a call with one item (or byte) too
/// many is refused when it is decoded, before the runtime allocates or reads it.
#[test]
fn oversized_call_parameters_are_refused_at_decode() {
	use codec::{Decode, Encode};
	use frame_support::traits::PalletInfoAccess;
	/// `BountyTerms` as a client could encode it, with unbounded lists.
	#[derive(Encode)]
	struct RawTerms {
		spec_hash: H256,
		spec_url: Vec<u8>,
		reward: Balance,
		milestones: Vec<Milestone<Balance>>,
		reviewers: Vec<AccountId>,
		approvals_needed: u32,
		claim_period: u64,
		hours: Option<u32>,
	}
	let raw = |spec_url: usize, milestones: usize, reviewers: u8| RawTerms {
		spec_hash: H256::repeat_byte(1),
		spec_url: vec![b'u'; spec_url],
		reward: REWARD,
		milestones: (0..milestones)
			.map(|_| Milestone { amount: 1, description: H256::zero() })
			.collect(),
		reviewers: (0..reviewers).map(acc).collect(),
		approvals_needed: 1,
		claim_period: 20,
		hours: None,
	};
	let pallet = Bounties::index() as u8;
	let decode = |call_index: u8, args: Vec<u8>| {
		let mut bytes = vec![pallet, call_index];
		bytes.extend(args);
		RuntimeCall::decode(&mut &bytes[..])
	};
	new_test_ext().execute_with(|| {
		// At the bounds the raw encoding is the call's own.
		let fits = decode(0, (false, raw(128, 3, 3)).encode()).unwrap();
		let RuntimeCall::Bounties(crate::Call::create_bounty { terms, .. }) = fits else {
			panic!("decoded {fits:?}")
		};
		assert_eq!(
			(terms.spec_url.len(), terms.milestones.len(), terms.reviewers.len()),
			(128, 3, 3)
		);
		// One over any bound: refused.
		assert!(decode(0, (false, raw(129, 3, 3)).encode()).is_err());
		assert!(decode(0, (false, raw(128, 4, 3)).encode()).is_err());
		assert!(decode(0, (false, raw(128, 3, 4)).encode()).is_err());
		// set_reviewers: 3 fit, 4 do not.
		let reviewers = |n: u8| (0u32, (0..n).map(acc).collect::<Vec<_>>(), 1u32).encode();
		assert!(decode(3, reviewers(3)).is_ok());
		assert!(decode(3, reviewers(4)).is_err());
		// claim: 3 contributors fit, 4 do not.
		let shares = |n: u8| {
			(0u32, PayTo::Coop, Some((0..n).map(|a| (acc(a), 1u32)).collect::<Vec<_>>())).encode()
		};
		assert!(decode(4, shares(3)).is_ok());
		assert!(decode(4, shares(4)).is_err());
		// submit_work: a 128-byte URL and a 64-byte tag fit; one byte more does not.
		let submit = |repo: usize, tag: usize| {
			(0u32, None::<u32>, vec![b'r'; repo], COMMIT, Some(vec![b't'; tag])).encode()
		};
		assert!(decode(7, submit(128, 64)).is_ok());
		assert!(decode(7, submit(129, 64)).is_err());
		assert!(decode(7, submit(128, 65)).is_err());
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

/// Storage that outlives its deposit: a finished bounty's record (bounty, claim,
/// submissions, end) stays readable for `RecordRetention` blocks with its creator's
/// deposit held, then anyone can reap it; the deposit goes to the creator and
/// nothing is left in storage. The ledger keeps the history.
#[test]
fn finished_bounty_is_reaped_after_its_retention_and_leaves_nothing() {
	build_and_execute(|| {
		let id = create();
		assert_noop!(Bounties::reap_bounty(signed(9), id), Error::<Test>::NotFinished);
		assert_noop!(Bounties::reap_bounty(signed(9), 42), Error::<Test>::UnknownBounty);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		approve(3, id);
		approve(5, id);
		let ended = System::block_number();
		assert_eq!(crate::EndedAt::<Test>::get(id), Some(ended));
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(claim_held(2), 0);
		// Readable until the retention is over.
		System::set_block_number(ended + RETENTION - 1);
		assert_noop!(Bounties::reap_bounty(signed(9), id), Error::<Test>::RecordRetained);
		assert_eq!(Submissions::<Test>::get(id).len(), 1);
		assert!(Claims::<Test>::contains_key(id));
		// A donation sent to the finished bounty's escrow goes to the funder.
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 4));
		System::set_block_number(ended + RETENTION);
		bounty_events();
		let before = free(1);
		assert_ok!(Bounties::reap_bounty(signed(9), id));
		assert_eq!(
			bounty_events(),
			vec![
				Event::EscrowSwept { id, to: acc(1), amount: 4 },
				Event::BountyReaped { id, deposit: DEPOSIT },
			]
		);
		assert_eq!((free(1), held(1)), (before + 4 + DEPOSIT, 0));
		assert!(BountyMap::<Test>::get(id).is_none());
		assert!(Claims::<Test>::get(id).is_none());
		assert!(!Submissions::<Test>::contains_key(id));
		assert!(crate::EndedAt::<Test>::get(id).is_none());
		assert_eq!(Contributions::<Test>::get(acc(2)).delivered, 1);
		assert_noop!(Bounties::reap_bounty(signed(9), id), Error::<Test>::UnknownBounty);

		// A cancelled treasury bounty: no deposit, reaped the same way.
		assert_ok!(Bounties::fund_from_treasury(RuntimeOrigin::root(), terms()));
		let id = last_id();
		assert_ok!(Bounties::cancel_bounty(RuntimeOrigin::root(), id));
		reap(id);
		assert_eq!(bounty_events().last(), Some(&Event::BountyReaped { id, deposit: 0 }));
		assert_eq!(BountyMap::<Test>::iter().count(), 0);
		assert_eq!(crate::EndedAt::<Test>::iter().count(), 0);
	});
}

#[test]
fn migration_v2_to_v3_marks_finished_bounties() {
	use crate::migrations::v3::MigrateV2ToV3;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		// Version 2 state: bounty 0 paid (its deposit already released, the record
		// still saying DEPOSIT), bounty 1 open (deposit held).
		let paid = create();
		assert_ok!(Bounties::claim(signed(2), paid, PayTo::Own, None));
		submit(2, paid, None);
		approve(3, paid);
		approve(5, paid);
		let open = create();
		crate::EndedAt::<Test>::remove(paid);
		<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
			&crate::HoldReason::BountyDeposit.into(),
			&acc(1),
			DEPOSIT,
			frame_support::traits::tokens::Precision::Exact,
		)
		.unwrap();
		StorageVersion::new(2).put::<Bounties>();
		System::set_block_number(7);

		MigrateV2ToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Bounties::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(BountyMap::<Test>::get(paid).unwrap().deposit, 0);
		assert_eq!(crate::EndedAt::<Test>::get(paid), Some(7));
		assert_eq!(BountyMap::<Test>::get(open).unwrap().deposit, DEPOSIT);
		assert!(crate::EndedAt::<Test>::get(open).is_none());
		Bounties::do_try_state().unwrap();
		// Reaping the migrated record releases nothing more than was held.
		System::set_block_number(7 + RETENTION);
		assert_ok!(Bounties::reap_bounty(signed(9), paid));
		assert_eq!(held(1), DEPOSIT);
		Bounties::do_try_state().unwrap();
		// Runs once.
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(BountyMap::<Test>::get(open).unwrap().deposit, DEPOSIT);
	});
}
