//! Storage version 2 → 3.
//!
//! Finished (paid or cancelled) bounties now keep their creator's deposit held
//! until their record is reaped ([`crate::Pallet::reap_bounty`]), and [`EndedAt`]
//! says when each finished. Records finished under version 2 already had their
//! deposit released: they get `deposit` 0 (nothing to release when reaped) and
//! `EndedAt` the upgrade block, so they stay readable for one more
//! `RecordRetention` and can then be reaped.
//!
//! Use [`MigrateV2ToV3`] in the runtime's migrations.

use crate::{
	pallet::{Bounties, Config, EndedAt, Pallet},
	BountyStatus,
};
use frame_support::{
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use sp_runtime::traits::Zero;

/// Marks version 2's finished bounties (unchecked: wrap in [`MigrateV2ToV3`]).
pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		let mut reads: u64 = 0;
		let mut writes: u64 = 0;
		let mut finished = alloc::vec::Vec::new();
		Bounties::<T>::translate::<crate::BountyOf<T>, _>(|id, mut bounty| {
			reads = reads.saturating_add(1);
			writes = writes.saturating_add(1);
			if is_finished(&bounty.status) {
				bounty.deposit = Zero::zero();
				finished.push(id);
			}
			Some(bounty)
		});
		for id in finished {
			writes = writes.saturating_add(1);
			EndedAt::<T>::insert(id, now);
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	/// The number of bounties and which of them had finished, for `post_upgrade`.
	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		let mut count: u32 = 0;
		let mut finished = alloc::vec::Vec::<crate::BountyId>::new();
		for (id, bounty) in Bounties::<T>::iter() {
			count = count.saturating_add(1);
			if is_finished(&bounty.status) {
				finished.push(id);
			}
		}
		Ok((count, finished).encode())
	}

	/// Checks this step's own result only. The pallet's `try_state` describes the
	/// latest version, whose status index the v4 step builds next, so it runs after
	/// that step, not here.
	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		use frame_support::ensure;
		let (count, finished) = <(u32, alloc::vec::Vec<crate::BountyId>)>::decode(&mut &state[..])
			.map_err(|_| "v3: the pre-upgrade state does not decode")?;
		let mut now: u32 = 0;
		for (id, bounty) in Bounties::<T>::iter() {
			now = now.saturating_add(1);
			ensure!(
				EndedAt::<T>::contains_key(id) == is_finished(&bounty.status),
				"v3: a bounty has EndedAt iff it is paid or cancelled"
			);
		}
		ensure!(now == count, "v3: the number of bounties changed");
		for id in finished {
			let bounty = Bounties::<T>::get(id).ok_or("v3: a finished bounty is gone")?;
			ensure!(bounty.deposit.is_zero(), "v3: a finished bounty still records a deposit");
		}
		Ok(())
	}
}

fn is_finished(status: &BountyStatus) -> bool {
	matches!(status, BountyStatus::Paid | BountyStatus::Cancelled)
}

/// The bounties pallet's migration from storage version 2 to 3: runs once, then
/// sets the storage version to 3.
pub type MigrateV2ToV3<T> = frame_support::migrations::VersionedMigration<
	2,
	3,
	InnerMigrateV2ToV3<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
