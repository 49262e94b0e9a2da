//! v2 → v3: the `CoopsByStatus` index, built from `Coops`.
//!
//! One pass over `Coops` (bounded by `MaxCoops`, the applicants and the exited
//! co-ops of the chain's history), one index write per co-op.

use crate::{Config, Coops, CoopsByStatus, Pallet};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Indexes every co-op by status; run only through [`MigrateV2ToV3`].
pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut coops = 0u64;
		for (id, info) in Coops::<T>::iter() {
			CoopsByStatus::<T>::insert(info.status, id, ());
			coops = coops.saturating_add(1);
		}
		T::DbWeight::get().reads_writes(coops, coops)
	}
}

/// The v2 → v3 migration, run once: it checks and bumps the storage version.
pub type MigrateV2ToV3<T> = VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used)]
	use super::*;
	use crate::{mock::*, CoopStatus};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn every_coop_is_indexed_by_its_status() {
		ExtBuilder::default().founding(b"F", vec![(1, crate::Role::Admin)]).build().execute_with(
			|| {
				assert!(Membership::apply_coop(
					RuntimeOrigin::signed(acc(5)),
					b"New".to_vec().try_into().unwrap(),
					Default::default(),
				)
				.is_ok());
				// A v2 state: no index.
				let _ = CoopsByStatus::<Test>::clear(u32::MAX, None);
				StorageVersion::new(2).put::<Pallet<Test>>();

				MigrateV2ToV3::<Test>::on_runtime_upgrade();

				let mut indexed: Vec<_> = CoopsByStatus::<Test>::iter_keys().collect();
				indexed.sort_by_key(|(_, id)| *id);
				assert_eq!(indexed, vec![(CoopStatus::Active, 0), (CoopStatus::Applicant, 1)]);
				assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(3));
			},
		);
	}
}
