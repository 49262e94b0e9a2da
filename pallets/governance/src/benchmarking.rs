//! Benchmarks of the governance pallet (frame-benchmarking v2).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use crate::Pallet as Governance;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

const TRACK: TrackId = 0;
/// Members per co-op in the benchmark federation.
const PER_COOP: u32 = 10;

/// A track with a real deposit (held and released or slashed, as in the runtime)
/// and room for every benchmark's proposals.
fn bench_track<T: Config>(method: Method, enactment_delay: u32) {
	Tracks::<T>::insert(
		TRACK,
		TrackInfo {
			name: b"bench".to_vec().try_into().unwrap(),
			scheme: Scheme::PerCoop,
			method,
			voting_period: 10u32.into(),
			quorum: Perbill::zero(),
			threshold: Perbill::from_percent(50),
			deposit: T::Currency::minimum_balance(),
			max_open: u32::MAX,
			max_open_per_coop: u32::MAX - 1,
			enactment_delay: enactment_delay.into(),
		},
	);
}

/// A `System::remark` call of `len` bytes, as a proposal's action.
fn remark_action<T: Config>(len: u32) -> Box<ProposalActionOf<T>> {
	let call: <T as Config>::RuntimeCall =
		frame_system::Call::<T>::remark { remark: vec![0u8; len as usize] }.into();
	Box::new(ProposalAction::Call(Box::new(call)))
}

/// The longest remark that fits in `MaxCallLen` once encoded as a call.
fn max_remark<T: Config>() -> u32 {
	T::MaxCallLen::get().saturating_sub(16)
}

/// Funded, active member `i`: member `i % PER_COOP` of co-op number `i / PER_COOP`,
/// whose member 0 is its admin (co-ops and members are created as needed).
fn member<T: Config>(i: u32) -> T::AccountId {
	use frame_support::traits::fungible::Unbalanced;
	let (coop, n) = (i / PER_COOP, i % PER_COOP);
	let admin: T::AccountId = account("coop-member", 0, coop);
	let who: T::AccountId = account("coop-member", n, coop);
	let funds = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
	let _ = T::Currency::write_balance(&who, funds);
	let id = match T::Membership::coop_of(&admin) {
		Some(id) => id,
		None => T::Membership::benchmark_found_coop(core::slice::from_ref(&admin)),
	};
	T::Membership::benchmark_join(id, &who);
	who
}

fn signal<T: Config>() -> Box<ProposalActionOf<T>> {
	Box::new(ProposalAction::Signal(sp_core::H256::repeat_byte(1)))
}

/// A proposal of `action`, on which members `0..votes` have voted aye. Returns its id.
/// The voters exist before it is made, so they are in its electorate.
fn proposal_of<T: Config>(votes: u32, action: Box<ProposalActionOf<T>>) -> ProposalId {
	let proposer = member::<T>(0);
	for i in 0..votes {
		member::<T>(i);
	}
	frame_system::Pallet::<T>::set_block_number(
		frame_system::Pallet::<T>::block_number() + 1u32.into(),
	);
	Governance::<T>::propose(RawOrigin::Signed(proposer).into(), TRACK, action).unwrap();
	let id = NextProposalId::<T>::get() - 1;
	for i in 0..votes {
		Governance::<T>::vote(RawOrigin::Signed(member::<T>(i)).into(), id, Vote::Aye).unwrap();
	}
	id
}

/// A proposal of `action` on which one member of each of co-ops `0..coops` voted
/// aye, so that `coops` sub-tallies are summed when it ends. Returns its id.
fn proposal_voted_by_coops<T: Config>(coops: u32, action: Box<ProposalActionOf<T>>) -> ProposalId {
	let voters: Vec<T::AccountId> = (0..coops).map(|c| member::<T>(c * PER_COOP)).collect();
	frame_system::Pallet::<T>::set_block_number(
		frame_system::Pallet::<T>::block_number() + 1u32.into(),
	);
	Governance::<T>::propose(RawOrigin::Signed(member::<T>(0)).into(), TRACK, action).unwrap();
	let id = NextProposalId::<T>::get() - 1;
	for voter in voters {
		Governance::<T>::vote(RawOrigin::Signed(voter).into(), id, Vote::Aye).unwrap();
	}
	id
}

/// A signal proposal on a majority track with `votes` ayes. Returns its id.
fn proposal_with_votes<T: Config>(votes: u32) -> ProposalId {
	bench_track::<T>(Method::Majority, 0);
	proposal_of::<T>(votes, signal::<T>())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose(l: Linear<1, { T::MaxCallLen::get().saturating_sub(16) }>) {
		bench_track::<T>(Method::Majority, 0);
		let proposer = member::<T>(0);
		let action = remark_action::<T>(l);
		#[extrinsic_call]
		_(RawOrigin::Signed(proposer), TRACK, action);
		assert!(Proposals::<T>::contains_key(0));
	}

	/// A member's first vote, not a block: the common, feeless path. `m` members
	/// have voted already, across `m / 10` co-ops, the voter last. The measured cost
	/// must not grow with `m`. It includes the feeless check (`is_first_vote`) that
	/// the runtime's payment extension runs on every vote before it is dispatched.
	#[benchmark]
	fn vote(m: Linear<10, 1000>) -> Result<(), BenchmarkError> {
		// The voter is a member before the proposal is made, so it is in the electorate.
		let voter = member::<T>(m - 1);
		let id = proposal_with_votes::<T>(m - 1);
		// Events belong to the block that made them; a vote's cost must not include
		// re-reading the setup's events.
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			assert!(Pallet::<T>::is_first_vote(&voter, id, Vote::Aye));
			Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, Vote::Aye)?;
		}
		assert_eq!(Votes::<T>::get(id, &voter).map(|r| r.vote), Some(Vote::Aye));
		Ok(())
	}

	/// The most work a vote does: on a consent proposal that `m` members have voted
	/// on, a member who blocked changes the reason of their block (their vote, the
	/// sub-tally and their block reason are rewritten). Includes the feeless check,
	/// which says no.
	#[benchmark]
	fn revote(m: Linear<10, 1000>) -> Result<(), BenchmarkError> {
		bench_track::<T>(Method::Consent, 0);
		let id = proposal_of::<T>(m, signal::<T>());
		let voter = member::<T>(m - 1);
		let first = Vote::Block(sp_core::H256::repeat_byte(1));
		Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, first)?;
		let again = Vote::Block(sp_core::H256::repeat_byte(2));
		frame_system::Pallet::<T>::reset_events();
		#[block]
		{
			assert!(!Pallet::<T>::is_first_vote(&voter, id, again));
			Pallet::<T>::vote(RawOrigin::Signed(voter.clone()).into(), id, again)?;
		}
		assert_eq!(Votes::<T>::get(id, &voter).map(|r| r.vote), Some(again));
		assert_eq!(BlockReasons::<T>::get(id, &voter), Some(sp_core::H256::repeat_byte(2)));
		Ok(())
	}

	/// (`c` stops 10 short of `MaxCoops`, room for the chain's own co-ops; the weight
	/// is linear in `c`.)
	/// The worst case: `c` co-ops' sub-tallies summed, and an approved call of
	/// `MaxCallLen` bytes, decoded and weighed again and dispatched at once (a
	/// remark: what the call itself costs is charged through `weight_bound`).
	#[benchmark]
	fn close(c: Linear<1, { T::MaxCoops::get().saturating_sub(10) }>) {
		bench_track::<T>(Method::Majority, 0);
		let id = proposal_voted_by_coops::<T>(c, remark_action::<T>(max_remark::<T>()));
		let deadline = Proposals::<T>::get(id).unwrap().deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);
		#[extrinsic_call]
		_(RawOrigin::Signed(member::<T>(0)), id, T::MaxCallWeight::get());
		assert_eq!(Decisions::<T>::get(id).and_then(|d| d.enactment), Some(Ok(())));
	}

	/// `c` co-ops' sub-tallies summed for the record.
	#[benchmark]
	fn kill(c: Linear<1, { T::MaxCoops::get().saturating_sub(10) }>) -> Result<(), BenchmarkError> {
		bench_track::<T>(Method::Majority, 0);
		let id = proposal_voted_by_coops::<T>(c, remark_action::<T>(max_remark::<T>()));
		let origin =
			T::BylawsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, id);
		assert!(Decisions::<T>::contains_key(id));
		Ok(())
	}

	/// A delayed call of `MaxCallLen` bytes, decoded and weighed; the remark itself
	/// is charged through `MaxCallWeight` on top.
	#[benchmark]
	fn enact() {
		bench_track::<T>(Method::Majority, 5);
		let id = proposal_of::<T>(PER_COOP, remark_action::<T>(max_remark::<T>()));
		let deadline = Proposals::<T>::get(id).unwrap().deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);
		Governance::<T>::close(RawOrigin::Signed(member::<T>(0)).into(), id, Weight::zero())
			.unwrap();
		#[extrinsic_call]
		_(RawOrigin::Root, id);
		assert_eq!(Decisions::<T>::get(id).and_then(|d| d.enactment), Some(Ok(())));
	}

	/// A Bylaws cancel (the proposer may cancel only before others vote): `c`
	/// co-ops' sub-tallies summed for the record.
	#[benchmark]
	fn cancel(
		c: Linear<1, { T::MaxCoops::get().saturating_sub(10) }>,
	) -> Result<(), BenchmarkError> {
		bench_track::<T>(Method::Majority, 0);
		let id = proposal_voted_by_coops::<T>(c, remark_action::<T>(max_remark::<T>()));
		let origin =
			T::BylawsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, id);
		assert!(Decisions::<T>::contains_key(id));
		Ok(())
	}

	#[benchmark]
	fn clear_votes(n: Linear<1, { T::CleanupBatch::get() }>) {
		let id = proposal_with_votes::<T>(n);
		let deadline = Proposals::<T>::get(id).unwrap().deadline;
		frame_system::Pallet::<T>::set_block_number(deadline);
		Governance::<T>::close(RawOrigin::Signed(member::<T>(0)).into(), id, Weight::zero())
			.unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(member::<T>(0)), id);
		let left: Vec<_> = Votes::<T>::iter_prefix(id).collect();
		assert!(left.len() < n as usize || n == 0);
	}

	#[benchmark]
	fn set_track() -> Result<(), BenchmarkError> {
		let origin =
			T::BylawsOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let info = TrackInfo {
			name: b"bench".to_vec().try_into().unwrap(),
			scheme: Scheme::PerMember,
			method: Method::Consent,
			voting_period: T::MinVotingPeriod::get(),
			quorum: Perbill::zero(),
			threshold: Perbill::zero(),
			deposit: Zero::zero(),
			max_open: 2,
			max_open_per_coop: 1,
			enactment_delay: Zero::zero(),
		};
		#[extrinsic_call]
		_(origin as <T as frame_system::Config>::RuntimeOrigin, TRACK, info);
		assert!(Tracks::<T>::contains_key(TRACK));
		Ok(())
	}

	impl_benchmark_test_suite!(Governance, crate::mock::new_test_ext(), crate::mock::Test);
}
