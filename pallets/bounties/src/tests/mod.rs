//! Unit tests of the bounties pallet. Every test also checks, in the mock's
//! builder, that total issuance is unchanged and escrow matches unpaid rewards.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod attacks;
mod lifecycle;
mod migrations;
mod records;

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
