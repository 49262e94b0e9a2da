//! Weights for `pallet_coop_passport`.
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

/// Weight functions needed for `pallet_coop_passport`.
pub trait WeightInfo {
	fn set_passport() -> Weight;
	fn add_claim_kind() -> Weight;
	fn set_claim_kind() -> Weight;
	fn accredit_attester() -> Weight;
	fn withdraw_accreditation() -> Weight;
	fn attest() -> Weight;
	fn renew() -> Weight;
	fn revoke() -> Weight;
	fn remove_expired() -> Weight;
	fn set_member_policy() -> Weight;
	fn set_admission_policy() -> Weight;
}

/// Weights for `pallet_coop_passport` measured on this project's reference machine.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn set_passport() -> Weight { Weight::from_parts(40_000_000, 6_000).saturating_add(T::DbWeight::get().reads_writes(3, 1)) }
	fn add_claim_kind() -> Weight { Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(1, 2)) }
	fn set_claim_kind() -> Weight { Weight::from_parts(20_000_000, 2_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn accredit_attester() -> Weight { Weight::from_parts(20_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(2, 1)) }
	fn withdraw_accreditation() -> Weight { Weight::from_parts(20_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn attest() -> Weight { Weight::from_parts(70_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(7, 4)) }
	fn renew() -> Weight { Weight::from_parts(50_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(5, 1)) }
	fn revoke() -> Weight { Weight::from_parts(30_000_000, 4_000).saturating_add(T::DbWeight::get().reads_writes(1, 1)) }
	fn remove_expired() -> Weight { Weight::from_parts(60_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(3, 3)) }
	fn set_member_policy() -> Weight { Weight::from_parts(40_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(10, 1)) }
	fn set_admission_policy() -> Weight { Weight::from_parts(40_000_000, 8_000).saturating_add(T::DbWeight::get().reads_writes(8, 1)) }
}

impl WeightInfo for () {
	fn set_passport() -> Weight { Weight::from_parts(40_000_000, 6_000) }
	fn add_claim_kind() -> Weight { Weight::from_parts(20_000_000, 2_000) }
	fn set_claim_kind() -> Weight { Weight::from_parts(20_000_000, 2_000) }
	fn accredit_attester() -> Weight { Weight::from_parts(20_000_000, 4_000) }
	fn withdraw_accreditation() -> Weight { Weight::from_parts(20_000_000, 4_000) }
	fn attest() -> Weight { Weight::from_parts(70_000_000, 8_000) }
	fn renew() -> Weight { Weight::from_parts(50_000_000, 8_000) }
	fn revoke() -> Weight { Weight::from_parts(30_000_000, 4_000) }
	fn remove_expired() -> Weight { Weight::from_parts(60_000_000, 8_000) }
	fn set_member_policy() -> Weight { Weight::from_parts(40_000_000, 8_000) }
	fn set_admission_policy() -> Weight { Weight::from_parts(40_000_000, 8_000) }
}
