//! Unit tests of the bounties pallet. Every test also checks, in the mock's
//! builder, that total issuance is unchanged and escrow matches unpaid rewards.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate::{
	mock::*, Bounties as BountyMap, BountyStatus, Contributions, CoopContributions, Error, Event,
	Funder, PayTo, Submissions, TreasuryFloor,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::DispatchError;

const REWARD: Balance = 300;
const COMMIT: [u8; 20] = [0xab; 20];

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn free(n: u8) -> Balance {
	Balances::free_balance(acc(n))
}

fn sovereign(coop: u32) -> AccountId {
	pallet_coop_membership::Pallet::<Test>::sovereign_account(coop)
}

/// Account 1 (co-op 0 admin) funds a bounty from its own account; reviewers 3 and
/// 5 (co-ops 1 and 2), both needed.
fn create() -> u32 {
	assert_ok!(Bounties::create_bounty(
		signed(1),
		false,
		H256::repeat_byte(1),
		b"https://example.org/spec".to_vec(),
		REWARD,
		vec![acc(3), acc(5)],
		2,
		20,
		40,
	));
	bounty_events();
	crate::NextBountyId::<Test>::get() - 1
}

#[test]
fn create_moves_reward_to_escrow_and_holds_deposit() {
	build_and_execute(|| {
		let id = create();
		assert_eq!(free(1), START - REWARD - DEPOSIT);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), REWARD);
		assert_eq!(
			Balances::balance_on_hold(&crate::HoldReason::BountyDeposit.into(), &acc(1)),
			DEPOSIT
		);
		let b = BountyMap::<Test>::get(id).unwrap();
		assert_eq!(b.status, BountyStatus::Open);
		assert_eq!(b.funder, Funder::Account(acc(1)));
	});
}

#[test]
fn create_errors() {
	build_and_execute(|| {
		let ok = |who: u8, from_coop: bool, reward: Balance, reviewers: Vec<u8>, k: u32| {
			Bounties::create_bounty(
				signed(who),
				from_coop,
				H256::zero(),
				vec![],
				reward,
				reviewers.into_iter().map(acc).collect(),
				k,
				20,
				0,
			)
		};
		assert_noop!(ok(9, false, REWARD, vec![3], 1), Error::<Test>::NotActiveMember);
		assert_noop!(ok(2, true, REWARD, vec![3], 1), Error::<Test>::NotCoopAdmin);
		assert_noop!(ok(1, false, 1, vec![3], 1), Error::<Test>::RewardTooLow);
		assert_noop!(ok(1, false, REWARD, vec![3, 3], 1), Error::<Test>::BadReviewers);
		assert_noop!(ok(1, false, REWARD, vec![3], 2), Error::<Test>::BadApprovals);
		assert_noop!(ok(1, false, REWARD, vec![3], 0), Error::<Test>::BadApprovals);
		assert_noop!(ok(1, false, REWARD, vec![3, 4, 5, 6], 1), Error::<Test>::BadReviewers);
		assert_noop!(ok(1, false, 5_000, vec![3], 1), Error::<Test>::InsufficientFunds);
		// The co-op's sovereign account has no funds yet.
		assert_noop!(ok(1, true, REWARD, vec![3], 1), Error::<Test>::InsufficientFunds);
	});
}

#[test]
fn approvals_reach_k_then_payout_to_coop() {
	build_and_execute(|| {
		// Reviewers 1 and 5 (co-ops 0 and 2), both needed; funded by admin 3's account.
		assert_ok!(Bounties::create_bounty(
			signed(3),
			false,
			H256::zero(),
			vec![],
			REWARD,
			vec![acc(1), acc(5)],
			2,
			20,
			16,
		));
		let id = 0;
		assert_noop!(
			Bounties::claim(signed(1), id, PayTo::Own),
			Error::<Test>::ReviewerCannotClaim
		);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_noop!(Bounties::claim(signed(4), id, PayTo::Own), Error::<Test>::NotOpen);
		assert_noop!(
			Bounties::review(signed(1), id, true, H256::zero()),
			Error::<Test>::NotSubmitted
		);
		assert_noop!(
			Bounties::submit_work(signed(4), id, vec![], COMMIT),
			Error::<Test>::NotClaimant
		);
		assert_ok!(Bounties::submit_work(signed(2), id, b"https://git.example/x".to_vec(), COMMIT));
		// Reviewer 1 is in the claimant's co-op 0.
		assert_noop!(
			Bounties::review(signed(1), id, true, H256::zero()),
			Error::<Test>::NotReviewer
		);
		assert_noop!(
			Bounties::review(signed(4), id, true, H256::zero()),
			Error::<Test>::NotReviewer
		);
		assert_ok!(Bounties::set_treasury_floor(RuntimeOrigin::root(), 0));
		bounty_events();
		assert_ok!(Bounties::review(signed(5), id, true, H256::repeat_byte(5)));
		assert_noop!(
			Bounties::review(signed(5), id, true, H256::zero()),
			Error::<Test>::AlreadyApproved
		);
		// One approval of two: not paid yet.
		assert!(matches!(
			BountyMap::<Test>::get(id).unwrap().status,
			BountyStatus::Submitted { .. }
		));
		assert_eq!(Contributions::<Test>::get(acc(5)).reviews, 1);
		assert_eq!(CoopContributions::<Test>::get(2).reviews, 1);
	});
}

#[test]
fn payout_on_last_approval_goes_to_coop_by_default() {
	build_and_execute(|| {
		// Reviewers 3 and 5 (co-ops 1 and 2); claimant 2 (co-op 0).
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_ok!(Bounties::submit_work(signed(2), id, b"https://git.example/y".to_vec(), COMMIT));
		assert_ok!(Bounties::review(signed(3), id, true, H256::zero()));
		bounty_events();
		assert_ok!(Bounties::review(signed(5), id, true, H256::zero()));
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: sovereign(0), amount: REWARD },
			]
		);
		assert_eq!(Balances::free_balance(sovereign(0)), REWARD);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
		assert_eq!(free(1), START - REWARD);
		assert_eq!(
			BountyMap::<Test>::get(id).unwrap().status,
			BountyStatus::Paid { claimant: acc(2), coop: 0 }
		);
		let ledger = Contributions::<Test>::get(acc(2));
		assert_eq!((ledger.delivered, ledger.earned, ledger.hours), (1, REWARD, 40));
		assert_eq!(CoopContributions::<Test>::get(0).earned, REWARD);
		assert_eq!(CoopContributions::<Test>::get(1).reviews, 1);
	});
}

#[test]
fn payout_to_own_account_when_chosen() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own));
		assert_ok!(Bounties::submit_work(signed(2), id, vec![], COMMIT));
		assert_ok!(Bounties::review(signed(3), id, true, H256::zero()));
		assert_ok!(Bounties::review(signed(5), id, true, H256::zero()));
		assert_eq!(free(2), START + REWARD);
	});
}

#[test]
fn rejection_sends_back_to_claimed_and_resubmission_works() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_ok!(Bounties::submit_work(signed(2), id, vec![], COMMIT));
		assert_ok!(Bounties::review(signed(3), id, true, H256::zero()));
		assert_ok!(Bounties::review(signed(5), id, false, H256::repeat_byte(9)));
		let b = BountyMap::<Test>::get(id).unwrap();
		assert!(matches!(b.status, BountyStatus::Claimed { .. }));
		assert!(b.approvals.is_empty());
		assert_ok!(Bounties::submit_work(signed(2), id, vec![], [1; 20]));
		assert_eq!(Submissions::<Test>::get(id).len(), 2);
		assert_ok!(Bounties::review(signed(3), id, false, H256::zero()));
		assert_noop!(
			Bounties::submit_work(signed(2), id, vec![], COMMIT),
			Error::<Test>::TooManySubmissions
		);
	});
}

#[test]
fn cancel_only_while_open_refunds_funder() {
	build_and_execute(|| {
		let id = create();
		assert_noop!(Bounties::cancel_bounty(signed(2), id), Error::<Test>::NotFunder);
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(bounty_events(), vec![Event::BountyCancelled { id }]);
		assert_eq!(free(1), START);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Cancelled);
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_noop!(Bounties::cancel_bounty(signed(1), id), Error::<Test>::NotOpen);
		assert_noop!(Bounties::cancel_bounty(signed(1), 42), Error::<Test>::UnknownBounty);
	});
}

#[test]
fn unclaim_and_expired_claims() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_noop!(Bounties::unclaim(signed(4), id), Error::<Test>::NotClaimant);
		assert_ok!(Bounties::unclaim(signed(2), id));
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Open);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_noop!(
			Bounties::release_expired_claim(signed(9), id),
			Error::<Test>::ClaimNotExpired
		);
		System::set_block_number(21);
		assert_noop!(
			Bounties::submit_work(signed(2), id, vec![], COMMIT),
			Error::<Test>::ClaimExpired
		);
		bounty_events();
		assert_ok!(Bounties::release_expired_claim(signed(9), id));
		assert_eq!(bounty_events(), vec![Event::ClaimReleased { id, claimant: acc(2) }]);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Open);
	});
}

#[test]
fn set_reviewers_before_claim_only() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Bounties::set_reviewers(signed(1), id, vec![acc(5)], 1));
		assert_eq!(bounty_events(), vec![Event::ReviewersSet { id, approvals_needed: 1 }]);
		assert_noop!(
			Bounties::set_reviewers(signed(2), id, vec![acc(5)], 1),
			Error::<Test>::NotFunder
		);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop));
		assert_noop!(
			Bounties::set_reviewers(signed(1), id, vec![acc(3)], 1),
			Error::<Test>::NotOpen
		);
	});
}

#[test]
fn coop_admin_funds_from_sovereign_account() {
	build_and_execute(|| {
		assert_ok!(Balances::transfer_allow_death(signed(1), sovereign(0), 500));
		assert_ok!(Bounties::create_bounty(
			signed(1),
			true,
			H256::zero(),
			vec![],
			REWARD,
			vec![acc(3)],
			1,
			20,
			0
		));
		assert_eq!(Balances::free_balance(sovereign(0)), 500 - REWARD);
		assert_ok!(Bounties::cancel_bounty(signed(1), 0));
		assert_eq!(Balances::free_balance(sovereign(0)), 500);
	});
}

#[test]
fn treasury_bounty_respects_floor() {
	build_and_execute(|| {
		let fund = |reward: Balance| {
			Bounties::fund_from_treasury(
				RuntimeOrigin::root(),
				H256::zero(),
				vec![],
				reward,
				vec![acc(3)],
				1,
				20,
				8,
			)
		};
		assert_noop!(
			Bounties::fund_from_treasury(
				signed(1),
				H256::zero(),
				vec![],
				REWARD,
				vec![acc(3)],
				1,
				20,
				8
			),
			DispatchError::BadOrigin
		);
		assert_ok!(Bounties::set_treasury_floor(RuntimeOrigin::root(), 9_000));
		assert_eq!(TreasuryFloor::<Test>::get(), 9_000);
		assert_noop!(fund(1_001), Error::<Test>::BelowTreasuryFloor);
		assert_ok!(fund(1_000));
		assert_eq!(Balances::free_balance(acc(TREASURY)), 9_000);
		// Treasury bounties are cancelled by the treasury origin, back to the treasury.
		assert_noop!(Bounties::cancel_bounty(signed(1), 0), DispatchError::BadOrigin);
		assert_ok!(Bounties::cancel_bounty(RuntimeOrigin::root(), 0));
		assert_eq!(Balances::free_balance(acc(TREASURY)), 10_000);
	});
}

#[test]
fn try_state_detects_escrow_leak() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::do_try_state());
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 5));
		assert!(Bounties::do_try_state().is_err());
	});
}
