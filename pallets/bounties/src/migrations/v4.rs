//! Storage version 3 → 4: the `BountiesByStatus` index, built from `Bounties`.
//!
//! One pass over `Bounties` (finished records are reaped after `RecordRetention`,
//! so this is the live bounties plus the recent history), one write per bounty.
//!
//! Use [`MigrateV3ToV4`] in the runtime's migrations.

use crate::pallet::{Bounties, BountiesByStatus, Config, Pallet};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Indexes every bounty by status (unchecked: wrap in [`MigrateV3ToV4`]).
pub struct InnerMigrateV3ToV4<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV3ToV4<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut bounties = 0u64;
		for (id, bounty) in Bounties::<T>::iter() {
			BountiesByStatus::<T>::insert(bounty.status, id, ());
			bounties = bounties.saturating_add(1);
		}
		T::DbWeight::get().reads_writes(bounties, bounties)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}

/// The 3 → 4 migration, run once: it checks and bumps the storage version.
pub type MigrateV3ToV4<T> = VersionedMigration<
	3,
	4,
	InnerMigrateV3ToV4<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used)]
	use super::*;
	use crate::{
		mock::*,
		tests::{create, signed},
		BountyStatus, PayTo,
	};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn every_bounty_is_indexed_by_its_status() {
		new_test_ext().execute_with(|| {
			let open = create();
			let claimed = create();
			assert!(crate::Pallet::<Test>::claim(signed(2), claimed, PayTo::Coop, None).is_ok());
			// A version 3 state: no index.
			let _ = BountiesByStatus::<Test>::clear(u32::MAX, None);
			StorageVersion::new(3).put::<Pallet<Test>>();

			MigrateV3ToV4::<Test>::on_runtime_upgrade();

			let mut indexed: Vec<_> = BountiesByStatus::<Test>::iter_keys().collect();
			indexed.sort_by_key(|(_, id)| *id);
			assert_eq!(indexed, vec![(BountyStatus::Open, open), (BountyStatus::Claimed, claimed)]);
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(4));
			assert!(Pallet::<Test>::do_try_state().is_ok());
		});
	}
}
