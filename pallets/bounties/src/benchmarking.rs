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

/// The admin of a new active co-op number `index`, and the co-op.
fn coop_admin<T: Config>(index: u32) -> (T::AccountId, CoopId) {
	let admin: T::AccountId = account("bounty-coop", index, 0);
	let coop = T::Membership::benchmark_found_coop(core::slice::from_ref(&admin));
	(admin, coop)
}

/// Two admins of a new active co-op number `index`, and the co-op.
fn coop_admins<T: Config>(index: u32) -> (T::AccountId, T::AccountId, CoopId) {
	let first: T::AccountId = account("bounty-coop", index, 0);
	let second: T::AccountId = account("bounty-coop-2nd", index, 0);
	let coop = T::Membership::benchmark_found_coop(&[first.clone(), second.clone()]);
	(first, second, coop)
}

/// `T::MaxReviewers` reviewers, each the admin of its own new co-op (numbers from
/// `first`): every one is read (member and co-op) when checked.
fn reviewers<T: Config>(first: u32) -> Vec<T::AccountId> {
	(0..T::MaxReviewers::get()).map(|i| coop_admin::<T>(first + i).0).collect()
}

/// The delivery period of the benchmark bounties.
fn period<T: Config>() -> BlockNumberFor<T> {
	T::MinClaimPeriod::get()
}

/// Terms with the longest URL, `m` milestones, `reviewers`, every one needed.
fn terms<T: Config>(m: u32, reviewers: Vec<T::AccountId>) -> TermsOf<T> {
	BountyTerms {
		spec_hash: H256::zero(),
		spec_url: vec![b'u'; 128].try_into().unwrap(),
		reward: reward::<T>(),
		milestones: milestones::<T>(m).try_into().unwrap(),
		approvals_needed: reviewers.len() as u32,
		reviewers: reviewers.try_into().unwrap(),
		claim_period: period::<T>(),
		hours: Some(10),
	}
}

/// An open bounty created by the admin of co-op 0, reviewed by admins of co-ops 100..
fn open_bounty<T: Config>() -> (BountyId, T::AccountId, Vec<T::AccountId>) {
	let (creator, _) = coop_admin::<T>(0);
	fund::<T>(&creator);
	let reviewers = reviewers::<T>(100);
	BountiesPallet::<T>::create_bounty(
		RawOrigin::Signed(creator.clone()).into(),
		false,
		terms::<T>(0, reviewers.clone()),
	)
	.unwrap();
	(NextBountyId::<T>::get() - 1, creator, reviewers)
}

/// `c` contributors, admins of co-ops 1..=c, one share each; the claimant first.
fn contributors<T: Config>(c: u32) -> Vec<(T::AccountId, u32)> {
	let shares: Vec<_> = (1..=c).map(|i| (coop_admin::<T>(i).0, 1)).collect();
	fund::<T>(&shares[0].0);
	shares
}

/// A bounty claimed by `c` contributors, paid to their co-ops.
fn claimed<T: Config>(c: u32) -> (BountyId, T::AccountId, T::AccountId, Vec<T::AccountId>) {
	let (id, creator, reviewers) = open_bounty::<T>();
	let shares = contributors::<T>(c);
	let claimant = shares[0].0.clone();
	BountiesPallet::<T>::claim(
		RawOrigin::Signed(claimant.clone()).into(),
		id,
		PayTo::Coop,
		Some(shares.try_into().unwrap()),
	)
	.unwrap();
	(id, claimant, creator, reviewers)
}

/// A bounty claimed by `c` contributors with the longest submission under review.
fn submitted<T: Config>(c: u32) -> (BountyId, Vec<T::AccountId>) {
	let (id, claimant, _, reviewers) = claimed::<T>(c);
	BountiesPallet::<T>::submit_work(
		RawOrigin::Signed(claimant).into(),
		id,
		None,
		repo(),
		[7u8; 20],
		Some(tag()),
	)
	.unwrap();
	(id, reviewers)
}

/// The longest repository URL.
fn repo() -> Url {
	vec![b'r'; 128].try_into().unwrap()
}

/// The longest release tag.
fn tag() -> Tag {
	vec![b't'; 64].try_into().unwrap()
}

/// A submitted bounty every reviewer but the last approved; returns the last.
fn all_but_one_approved<T: Config>(c: u32) -> (BountyId, T::AccountId) {
	let (id, r) = submitted::<T>(c);
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

/// Moves the chain past the expiry of bounty `id`'s claim under review.
fn expire<T: Config>() {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now + period::<T>() + period::<T>() + 1u32.into());
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// Every reviewer (member and co-op) is read.
	#[benchmark]
	fn create_bounty(m: Linear<0, { T::MaxMilestones::get() }>) {
		let (creator, _) = coop_admin::<T>(0);
		fund::<T>(&creator);
		let reviewers = reviewers::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(creator), false, terms::<T>(m, reviewers));
		assert_eq!(Bounties::<T>::get(0).map(|b| b.milestones.len() as u32), Some(m));
	}

	#[benchmark]
	fn approve_funding() {
		let (proposer, approver, coop) = coop_admins::<T>(0);
		fund::<T>(&proposer);
		fund::<T>(&T::Membership::sovereign_account(coop));
		BountiesPallet::<T>::create_bounty(
			RawOrigin::Signed(proposer).into(),
			true,
			terms::<T>(0, reviewers::<T>(100)),
		)
		.unwrap();
		assert_eq!(Bounties::<T>::get(0).map(|b| b.status), Some(BountyStatus::Proposed));
		#[extrinsic_call]
		_(RawOrigin::Signed(approver), 0);
		assert_eq!(Bounties::<T>::get(0).map(|b| b.status), Some(BountyStatus::Open));
	}

	// Worst case: the bounty's claim has expired and is closed with it (its deposit
	// forfeited to the funder, submissions removed), and the escrow swept.
	#[benchmark]
	fn cancel_bounty() {
		let (id, claimant, creator, _) = claimed::<T>(T::MaxContributors::get());
		BountiesPallet::<T>::submit_work(
			RawOrigin::Signed(claimant).into(),
			id,
			None,
			repo(),
			[7u8; 20],
			Some(tag()),
		)
		.unwrap();
		expire::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Cancelled));
	}

	#[benchmark]
	fn set_reviewers() {
		let (id, creator, _) = open_bounty::<T>();
		let r = reviewers::<T>(200);
		#[extrinsic_call]
		_(RawOrigin::Signed(creator), id, r.try_into().unwrap(), 1);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.approvals_needed), Some(1));
	}

	#[benchmark]
	fn claim(c: Linear<1, { T::MaxContributors::get() }>) {
		let (id, _, _) = open_bounty::<T>();
		let shares = contributors::<T>(c);
		let claimant = shares[0].0.clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, PayTo::Coop, Some(shares.try_into().unwrap()));
		assert_eq!(Claims::<T>::get(id).map(|c| c.contributors.len() as u32), Some(c));
	}

	#[benchmark]
	fn unclaim() {
		let (id, claimant, _, _) = claimed::<T>(T::MaxContributors::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Open));
	}

	// The deposit is forfeited to the funder; the submission under review removed.
	#[benchmark]
	fn release_expired_claim() {
		let (id, _) = submitted::<T>(T::MaxContributors::get());
		expire::<T>();
		let caller: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Open));
	}

	#[benchmark]
	fn submit_work() {
		let (id, claimant, _, _) = claimed::<T>(T::MaxContributors::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(claimant), id, None, repo(), [7u8; 20], Some(tag()));
		assert_eq!(Submissions::<T>::get(id).len(), 1);
	}

	/// An approval that does not complete the review (a rejection costs no more).
	#[benchmark]
	fn review() {
		let (id, reviewers) = submitted::<T>(T::MaxContributors::get());
		let reviewer = reviewers[0].clone();
		#[extrinsic_call]
		_(RawOrigin::Signed(reviewer), id, true, H256::zero());
		assert_eq!(Bounties::<T>::get(id).map(|b| b.approvals.len()), Some(1));
	}

	/// The last approval: pays `c` contributors' co-ops, updates the ledgers and
	/// sweeps a donation out of the escrow.
	#[benchmark]
	fn review_and_pay(c: Linear<1, { T::MaxContributors::get() }>) {
		let (id, last) = all_but_one_approved::<T>(c);
		T::Currency::mint_into(&BountiesPallet::<T>::escrow(id), T::Currency::minimum_balance())
			.unwrap();
		#[extrinsic_call]
		review(RawOrigin::Signed(last), id, true, H256::zero());
		assert_eq!(Bounties::<T>::get(id).map(|b| b.status), Some(BountyStatus::Paid));
	}

	/// A paid bounty with the most contributors, reaped after its retention; a
	/// donation sent to its escrow since is swept to the funder.
	#[benchmark]
	fn reap_bounty() {
		let (id, last) = all_but_one_approved::<T>(T::MaxContributors::get());
		BountiesPallet::<T>::review(RawOrigin::Signed(last).into(), id, true, H256::zero())
			.unwrap();
		T::Currency::mint_into(&BountiesPallet::<T>::escrow(id), T::Currency::minimum_balance())
			.unwrap();
		let now = frame_system::Pallet::<T>::block_number();
		frame_system::Pallet::<T>::set_block_number(now + T::RecordRetention::get());
		let caller: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(!Bounties::<T>::contains_key(id));
		assert!(!Claims::<T>::contains_key(id));
	}

	#[benchmark]
	fn set_treasury_floor() -> Result<(), BenchmarkError> {
		let origin =
			T::FloorOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reward::<T>());
		assert_eq!(TreasuryFloor::<T>::get(), reward::<T>());
		Ok(())
	}

	impl_benchmark_test_suite!(BountiesPallet, crate::mock::new_test_ext(), crate::mock::Test);
}
