//! Weights for `pallet_coop_bounties`.
//!
//! Hand-estimated, NOT yet measured: this pallet has no benchmarks yet, so these
//! figures are conservative guesses (see the session note). Replace them with
//! `scripts/bench-weights.sh bounties` once `benchmarking.rs` exists.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_coop_bounties`.
pub trait WeightInfo {
	fn create_bounty() -> Weight;
	fn cancel_bounty() -> Weight;
	fn set_reviewers() -> Weight;
	fn claim() -> Weight;
	fn unclaim() -> Weight;
	fn submit_work() -> Weight;
	fn review() -> Weight;
	fn set_treasury_floor() -> Weight;
}

/// Conservative estimates (about twice comparable measured calls of this chain).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn create_bounty() -> Weight { Weight::from_parts(150_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(8, 6)) }
	fn cancel_bounty() -> Weight { Weight::from_parts(120_000_000, 10_000).saturating_add(T::DbWeight::get().reads_writes(5, 4)) }
	fn set_reviewers() -> Weight { Weight::from_parts(60_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn claim() -> Weight { Weight::from_parts(80_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(3, 1)) }
	fn unclaim() -> Weight { Weight::from_parts(60_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn submit_work() -> Weight { Weight::from_parts(80_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(2, 2)) }
	fn review() -> Weight { Weight::from_parts(200_000_000, 16_000).saturating_add(T::DbWeight::get().reads_writes(10, 8)) }
	fn set_treasury_floor() -> Weight { Weight::from_parts(20_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
}

impl WeightInfo for () {
	fn create_bounty() -> Weight { Weight::from_parts(150_000_000, 12_000) }
	fn cancel_bounty() -> Weight { Weight::from_parts(120_000_000, 10_000) }
	fn set_reviewers() -> Weight { Weight::from_parts(60_000_000, 6_000) }
	fn claim() -> Weight { Weight::from_parts(80_000_000, 8_000) }
	fn unclaim() -> Weight { Weight::from_parts(60_000_000, 6_000) }
	fn submit_work() -> Weight { Weight::from_parts(80_000_000, 12_000) }
	fn review() -> Weight { Weight::from_parts(200_000_000, 16_000) }
	fn set_treasury_floor() -> Weight { Weight::from_parts(20_000_000, 0) }
}
