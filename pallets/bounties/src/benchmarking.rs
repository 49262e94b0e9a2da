//! Benchmarks of the bounties pallet (frame-benchmarking v2).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use crate::Pallet as BountiesPallet;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

fn fund<T: Config>(who: &T::AccountId) {
	T::Currency::set_balance(who, reward::<T>().saturating_mul(100u32.into()));
}

/// Large enough for every milestone and every contributor's part to exceed the ED.
fn reward<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance()
		.saturating_add(T::BountyDeposit::get())
		.saturating_mul(10u32.into())
		.saturating_mul(T::MaxMilestones::get().max(T::MaxContributors::get()).into())
}

/// `m` milestones summing to `reward()`.
fn milestones<T: Config>(m: u32) -> Vec<Milestone<BalanceOf<T>>> {
	if m == 0 {
		return vec![];
	}
	let each = reward::<T>() / m.into();
	let mut list: Vec<_> =
		(0..m).map(|_| Milestone { amount: each, description: H256::zero() }).collect();
	let rest = reward::<T>() - each * m.into();
	list[0].amount += rest;
	list
}

/// `T::MaxReviewers` reviewers in no co-op.
fn reviewers<T: Config>() -> Vec<T::AccountId> {
	(0..T::MaxReviewers::get()).map(|i| account("reviewer", i, 0)).collect()
}

/// Terms with the longest URL, `m` milestones, every reviewer needed.
fn terms<T: Config>(m: u32) -> TermsOf<T> {
	let reviewers = reviewers::<T>();
	BountyTerms {
		spec_hash: H256::zero(),
		spec_url: vec![b'u'; 128],
		reward: reward::<T>(),
		milestones: milestones::<T>(m),
		approvals_needed: reviewers.len() as u32,
		reviewers,
		claim_period: 100u32.into(),
		hours: Some(10),
	}
}

/// An open bounty created by the admin of co-op 0.
fn open_bounty<T: Config>() -> (BountyId, T::AccountId) {
	let (creator, _) = T::BenchmarkHelper::coop_admin(0);
	fund::<T>(&creator);
	BountiesPallet::<T>::create_bounty(
		RawOrigin::Signed(creator.clone()).into(),
		false,
		terms::<T>(0),
	)
	.unwrap();
	(NextBountyId::<T>::get() - 1, creator)
}

/// `c` contributors, admins of co-ops 1..=c, one share each; the claimant first.
fn contributors<T: Config>(c: u32) -> Vec<(T::AccountId, u32)> {
	let shares: Vec<_> = (1..=c).map(|i| (T::BenchmarkHelper::coop_admin(i).0, 1)).collect();
	fund::<T>(&shares[0].0);
	shares
}

/// A bounty claimed by `c` contributors, paid to their co-ops.
fn claimed<T: Config>(c: u32) -> (BountyId, T::AccountId) {
	let (id, _) = open_bounty::<T>();
	let shares = contributors::<T>(c);
	let claimant = shares[0].0.clone();
	BountiesPallet::<T>::claim(
		RawOrigin::Signed(claimant.clone()).into(),
		id,
		PayTo::Coop,
		Some(shares),
	)
	.unwrap();
	(id, claimant)
}

/// A bounty claimed by `c` contributors with the longest submission under review.
fn submitted<T: Config>(c: u32) -> BountyId {
	let (id, claimant) = claimed::<T>(c);
	BountiesPallet::<T>::submit_work(
		RawOrigin::Signed(claimant).into(),
		id,
		None,
		vec![b'r'; 128],
		[7u8; 20],
		Some(vec![b't'; 64]),
	)
	.unwrap();
	id
}

/// A submitted bounty every reviewer but the last approved; returns the last.
fn all_but_one_approved<T: Config>(c: u32) -> (BountyId, T::AccountId) {
	let id = submitted::<T>(c);
	let r = reviewers::<T>();
	let (last, first) = r.split_last().unwrap();
	for reviewer in first {
		BountiesPallet::<T>::review(
			RawOrigin::Signed(reviewer.clone()).into(),
			id,
			true,
			H256::zero(),
		)
		.unwrap();
	}
	(id, last.clone())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_bounty(m: Linear<0, { T::MaxMilestones::get() }>) {
		let (creator, _) = T::BenchmarkHelper::coop_admin(0);
		fund::<T>(&creator);
		#[extrinsic_call]
		_(RawOrigin::Signed(creator), false, terms::<T>(m));
		assert_eq!(Bounties::<T>::get(0).map(|b| b.milestones.len() as u32), Some(m));
	}

	#[benchmark]
	fn cancel_bounty() {
		let (id, creator) = open_bounty::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Cancelled));
	}

	#[benchmark]
	fn set_reviewers() {
		let (id, creator) = open_bounty::<T>();
		let r: Vec<T::AccountId> =
			(0..T::MaxReviewers::get()).map(|i| account("other", i, 0)).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, r, 1);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.approvals_needed), Some(1));
	}

	#[benchmark]
	fn claim(c: Linear<1, { T::MaxContributors::get() }>) {
		let (id, _) = open_bounty::<T>();
		let shares = contributors::<T>(c);
		let claimant = shares[0].0.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, PayTo::Coop, Some(shares));
		assert_eq!(Claims::<T>::get(id).map(|c| c.contributors.len() as u32), Some(c));
	}

	#[benchmark]
	fn unclaim() {
		let (id, claimant) = claimed::<T>(T::MaxContributors::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Open));
	}

	#[benchmark]
	fn submit_work() {
		let (id, claimant) = claimed::<T>(T::MaxContributors::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, None, vec![b'r'; 128], [7u8; 20], Some(vec![b't'; 64]));
		assert_eq!(Submissions::<T>::get(id).len(), 1);
	}

	/// An approval that does not complete the review (a rejection costs no more).
	#[benchmark]
	fn review() {
		let id = submitted::<T>(T::MaxContributors::get());
		let reviewer = reviewers::<T>()[0].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer), id, true, H256::zero());
		assert_eq!(Bounties::<T>::get(id).map(|b| b.approvals.len()), Some(1));
	}

	/// The last approval: pays `c` contributors' co-ops and updates the ledgers.
	#[benchmark]
	fn review_and_pay(c: Linear<1, { T::MaxContributors::get() }>) {
		let (id, last) = all_but_one_approved::<T>(c);
		#[extrinsic_call]
		review(RawOrigin::Signed(last), id, true, H256::zero());
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Paid));
	}

	#[benchmark]
	fn set_treasury_floor() -> Result<(), BenchmarkError> {
		let origin =
			T::TreasuryOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reward::<T>());
		assert_eq!(TreasuryFloor::<T>::get(), reward::<T>());
		Ok(())
	}

	impl_benchmark_test_suite!(BountiesPallet, crate::mock::new_test_ext(), crate::mock::Test);
}
