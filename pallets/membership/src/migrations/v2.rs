//! v1 → v2: applicants get their own counter.
//!
//! In v1 `LiveCoops` counted applicants, active and suspended co-ops together, so
//! applications could use up the federation's `MaxCoops`. From v2 `LiveCoops`
//! counts admitted co-ops only and `Applicants` counts waiting applications. Both
//! are recounted from `Coops` (bounded by `MaxCoops` plus the applicants).

use crate::{Applicants, Config, CoopStatus, Coops, LiveCoops, Pallet};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Recounts `LiveCoops` and `Applicants`; run only through [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut live, mut applicants, mut read) = (0u32, 0u32, 0u64);
		for (_, info) in Coops::<T>::iter() {
			read = read.saturating_add(1);
			match info.status {
				CoopStatus::Applicant => applicants = applicants.saturating_add(1),
				CoopStatus::Active | CoopStatus::Suspended => live = live.saturating_add(1),
				CoopStatus::Exited => {}
			}
		}
		LiveCoops::<T>::put(live);
		Applicants::<T>::put(applicants);
		T::DbWeight::get().reads_writes(read, 2)
	}
}

/// The v1 → v2 migration, run once: it checks and bumps the storage version.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
	use super::*;
	use crate::mock::*;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn v1_counters_are_recounted() {
		ExtBuilder::default().founding(b"F", vec![(1, crate::Role::Admin)]).build().execute_with(
			|| {
				// A v1 state: one active co-op from genesis plus an applicant, with the
				// applicant counted in `LiveCoops` and no `Applicants` counter.
				assert_eq!(LiveCoops::<Test>::get(), 1);
				assert!(Membership::apply_coop(
					RuntimeOrigin::signed(acc(5)),
					b"New".to_vec().try_into().unwrap(),
					Default::default()
				)
				.is_ok());
				LiveCoops::<Test>::put(2);
				Applicants::<Test>::kill();
				StorageVersion::new(1).put::<Pallet<Test>>();

				MigrateV1ToV2::<Test>::on_runtime_upgrade();

				assert_eq!(LiveCoops::<Test>::get(), 1);
				assert_eq!(Applicants::<Test>::get(), 1);
				assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
				Pallet::<Test>::do_try_state().unwrap();
				// Running it again changes nothing: the version gate holds.
				LiveCoops::<Test>::put(7);
				MigrateV1ToV2::<Test>::on_runtime_upgrade();
				assert_eq!(LiveCoops::<Test>::get(), 7);
			},
		);
	}
}
