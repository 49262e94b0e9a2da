//! Weights for `pallet_coop_governance`.
//!
//! Placeholder shape: `scripts/bench-weights.sh` overwrites this file with the
//! figures measured by `coop-node benchmark pallet` on the reference machine.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]
#![allow(clippy::arithmetic_side_effects)]

use frame_support::{traits::Get, weights::{Weight, constants::RocksDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed for `pallet_coop_governance`.
pub trait WeightInfo {
	fn propose(l: u32, ) -> Weight;
	fn vote(m: u32, ) -> Weight;
	fn close() -> Weight;
	fn cancel() -> Weight;
	fn clear_votes(n: u32, ) -> Weight;
	fn set_track() -> Weight;
}

/// Weights for `pallet_coop_governance` measured on this project's reference machine.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn propose(l: u32, ) -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add(Weight::from_parts(2_000, 1).saturating_mul(l.into())).saturating_add(T::DbWeight::get().reads_writes(6, 4)) }
	fn vote(_m: u32, ) -> Weight { Weight::from_parts(50_000_000, 12_000).saturating_add(T::DbWeight::get().reads_writes(5, 3)) }
	fn close() -> Weight { Weight::from_parts(80_000_000, 16_000).saturating_add(T::DbWeight::get().reads_writes(4, 5)) }
	fn cancel() -> Weight { Weight::from_parts(60_000_000, 16_000).saturating_add(T::DbWeight::get().reads_writes(4, 5)) }
	fn clear_votes(n: u32, ) -> Weight { Weight::from_parts(20_000_000, 4_000).saturating_add(Weight::from_parts(5_000_000, 3_000).saturating_mul(n.into())).saturating_add(T::DbWeight::get().writes(1).saturating_mul(n.into())) }
	fn set_track() -> Weight { Weight::from_parts(15_000_000, 0).saturating_add(T::DbWeight::get().writes(1)) }
}

impl WeightInfo for () {
	fn propose(l: u32, ) -> Weight { Weight::from_parts(60_000_000, 10_000).saturating_add(Weight::from_parts(2_000, 1).saturating_mul(l.into())) }
	fn vote(_m: u32, ) -> Weight { Weight::from_parts(50_000_000, 12_000) }
	fn close() -> Weight { Weight::from_parts(80_000_000, 16_000) }
	fn cancel() -> Weight { Weight::from_parts(60_000_000, 16_000) }
	fn clear_votes(n: u32, ) -> Weight { Weight::from_parts(20_000_000, 4_000).saturating_add(Weight::from_parts(5_000_000, 3_000).saturating_mul(n.into())) }
	fn set_track() -> Weight { Weight::from_parts(15_000_000, 0) }
}
