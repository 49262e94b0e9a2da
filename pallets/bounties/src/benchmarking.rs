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

fn reward<T: Config>() -> BalanceOf<T> {
	T::Currency::minimum_balance()
		.saturating_add(T::BountyDeposit::get())
		.saturating_mul(10u32.into())
}

/// `T::MaxReviewers` reviewers in no co-op.
fn reviewers<T: Config>() -> Vec<T::AccountId> {
	(0..T::MaxReviewers::get()).map(|i| account("reviewer", i, 0)).collect()
}

/// An open bounty created by the admin of co-op 0, needing every reviewer.
fn open_bounty<T: Config>() -> (BountyId, T::AccountId) {
	let (creator, _) = T::BenchmarkHelper::coop_admin(0);
	fund::<T>(&creator);
	let r = reviewers::<T>();
	let k = r.len() as u32;
	BountiesPallet::<T>::create_bounty(
		RawOrigin::Signed(creator.clone()).into(),
		false,
		H256::zero(),
		vec![b'u'; 128],
		reward::<T>(),
		r,
		k,
		100u32.into(),
		10,
	)
	.unwrap();
	(NextBountyId::<T>::get() - 1, creator)
}

/// A bounty claimed by the admin of co-op 1.
fn claimed<T: Config>() -> (BountyId, T::AccountId) {
	let (id, _) = open_bounty::<T>();
	let (claimant, _) = T::BenchmarkHelper::coop_admin(1);
	BountiesPallet::<T>::claim(RawOrigin::Signed(claimant.clone()).into(), id, PayTo::Coop)
		.unwrap();
	(id, claimant)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_bounty() {
		let (creator, _) = T::BenchmarkHelper::coop_admin(0);
		fund::<T>(&creator);
		let r = reviewers::<T>();
		let k = r.len() as u32;
		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			false,
			H256::zero(),
			vec![b'u'; 128],
			reward::<T>(),
			r,
			k,
			100u32.into(),
			10,
		);
		assert!(Bounties::<T>::contains_key(0));
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
	fn claim() {
		let (id, _) = open_bounty::<T>();
		let (claimant, _) = T::BenchmarkHelper::coop_admin(1);
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, PayTo::Coop);
		assert!(matches!(
			Bounties::<T>::get(id).map(|b| b.status),
			Some(BountyStatus::Claimed { .. })
		));
	}

	#[benchmark]
	fn unclaim() {
		let (id, claimant) = claimed::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Open));
	}

	#[benchmark]
	fn submit_work() {
		let (id, claimant) = claimed::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, vec![b'r'; 128], [7u8; 20]);
		assert_eq!(Submissions::<T>::get(id).len(), 1);
	}

	/// The last approval: pays out and updates both ledgers.
	#[benchmark]
	fn review() {
		let (id, claimant) = claimed::<T>();
		BountiesPallet::<T>::submit_work(
			RawOrigin::Signed(claimant).into(),
			id,
			vec![b'r'; 128],
			[7u8; 20],
		)
		.unwrap();
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
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), id, true, H256::zero());
		assert!(matches!(
			Bounties::<T>::get(id).map(|b| b.status),
			Some(BountyStatus::Paid { .. })
		));
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
