//! Weights for `pallet_coop_membership`.
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

/// Weight functions needed for `pallet_coop_membership`.
pub trait WeightInfo {
	fn apply_coop() -> Weight;
	fn admit_coop() -> Weight;
	fn reject_application(m: u32, ) -> Weight;
	fn suspend_coop() -> Weight;
	fn reinstate_coop() -> Weight;
	fn expel_coop(m: u32, ) -> Weight;
	fn leave_federation(m: u32, ) -> Weight;
	fn add_member() -> Weight;
	fn remove_member() -> Weight;
	fn set_role() -> Weight;
	fn leave_coop() -> Weight;
}

/// Weights for `pallet_coop_membership` measured on this project's reference machine.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn apply_coop() -> Weight { Weight::from_parts(60_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(4, 6)) }
	fn admit_coop() -> Weight { Weight::from_parts(25_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn reject_application(m: u32, ) -> Weight { Weight::from_parts(50_000_000, 8_000).saturating_add(Weight::from_parts(30_000_000, 3_000).saturating_mul(m.into())).saturating_add(T::DbWeight::get().reads_writes(3, 3)).saturating_add(T::DbWeight::get().reads_writes(2, 3).saturating_mul(m.into())) }
	fn suspend_coop() -> Weight { Weight::from_parts(25_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn reinstate_coop() -> Weight { Weight::from_parts(25_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn expel_coop(m: u32, ) -> Weight { Self::reject_application(m) }
	fn leave_federation(m: u32, ) -> Weight { Self::reject_application(m) }
	fn add_member() -> Weight { Weight::from_parts(60_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn remove_member() -> Weight { Weight::from_parts(60_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(5, 5)) }
	fn set_role() -> Weight { Weight::from_parts(30_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(3, 2)) }
	fn leave_coop() -> Weight { Self::remove_member() }
}

impl WeightInfo for () {
	fn apply_coop() -> Weight { Weight::from_parts(60_000_000, 8_000).saturating_add(RocksDbWeight::get().reads_writes(4, 6)) }
	fn admit_coop() -> Weight { Weight::from_parts(25_000_000, 4_000) }
	fn reject_application(m: u32, ) -> Weight { Weight::from_parts(50_000_000, 8_000).saturating_add(Weight::from_parts(30_000_000, 3_000).saturating_mul(m.into())) }
	fn suspend_coop() -> Weight { Weight::from_parts(25_000_000, 4_000) }
	fn reinstate_coop() -> Weight { Weight::from_parts(25_000_000, 4_000) }
	fn expel_coop(m: u32, ) -> Weight { Self::reject_application(m) }
	fn leave_federation(m: u32, ) -> Weight { Self::reject_application(m) }
	fn add_member() -> Weight { Weight::from_parts(60_000_000, 8_000) }
	fn remove_member() -> Weight { Weight::from_parts(60_000_000, 8_000) }
	fn set_role() -> Weight { Weight::from_parts(30_000_000, 6_000) }
	fn leave_coop() -> Weight { Self::remove_member() }
}
