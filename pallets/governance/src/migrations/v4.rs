//! v3 → v4: every block's reason is kept, not only the first few.
//!
//! - `BlockReasons`: from one bounded list per proposal, which dropped the
//!   reasons of blocks beyond its bound, to one entry per blocking member
//!   (`(proposal, member) → reason`). Every listed reason moves over, and an
//!   open proposal's reasons that the bound dropped are recovered from its
//!   blocking votes.

use crate::{BlockReasons, Config, Pallet, ProposalId, Proposals, Vote, Votes};
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use sp_core::H256;

/// The v3 layout.
pub mod v3 {
	use super::*;
	use frame_support::Twox64Concat;

	/// v3's reasons of a proposal's blocks, in the order they were cast (a
	/// `BoundedVec` on chain, which encodes as this `Vec`).
	#[frame_support::storage_alias]
	pub type BlockReasons<T: Config> = StorageMap<
		Pallet<T>,
		Twox64Concat,
		ProposalId,
		Vec<(<T as frame_system::Config>::AccountId, H256)>,
	>;
}

/// Moves `BlockReasons`; run only through [`MigrateV3ToV4`].
pub struct InnerMigrateV3ToV4<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV3ToV4<T> {
	fn on_runtime_upgrade() -> Weight {
		// Collected before anything is written: the new keys extend the old ones.
		let old: Vec<_> = v3::BlockReasons::<T>::drain().collect();
		let (mut reads, mut writes): (u64, u64) = (0, 0);
		for (id, reasons) in &old {
			reads = reads.saturating_add(1);
			writes = writes.saturating_add(1);
			for (who, reason) in reasons {
				BlockReasons::<T>::insert(id, who, reason);
				writes = writes.saturating_add(1);
			}
			// The lists were capped: the reasons of an open proposal's later blocks
			// are still in its votes. (A closed proposal's dropped reasons went with
			// its cleared votes; only its `Voted` events keep them.)
			if Proposals::<T>::contains_key(id) {
				for (who, record) in Votes::<T>::iter_prefix(id) {
					reads = reads.saturating_add(1);
					if let Vote::Block(reason) = record.vote {
						BlockReasons::<T>::insert(id, who, reason);
						writes = writes.saturating_add(1);
					}
				}
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}

/// The v3 → v4 migration, run once: it checks and bumps the storage version.
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
	use crate::mock::*;
	use alloc::boxed::Box;
	use frame_support::{
		assert_ok,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	#[test]
	fn v3_block_reason_lists_become_one_entry_per_blocker() {
		new_test_ext().execute_with(|| {
			let (a, b) = (H256::repeat_byte(1), H256::repeat_byte(2));
			v3::BlockReasons::<Test>::insert(7, vec![(acc(2), a), (acc(5), b)]);
			v3::BlockReasons::<Test>::insert(9, vec![(acc(6), b)]);
			StorageVersion::new(3).put::<Pallet<Test>>();

			MigrateV3ToV4::<Test>::on_runtime_upgrade();

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(4));
			let mut seven: Vec<_> = BlockReasons::<Test>::iter_prefix(7).collect();
			seven.sort();
			assert_eq!(seven, vec![(acc(2), a), (acc(5), b)]);
			assert_eq!(BlockReasons::<Test>::iter_prefix(9).collect::<Vec<_>>(), vec![(acc(6), b)]);
			assert_eq!(BlockReasons::<Test>::iter().count(), 3);
			// Runs once: a second run finds the version bumped and leaves the entries.
			MigrateV3ToV4::<Test>::on_runtime_upgrade();
			assert_eq!(BlockReasons::<Test>::iter().count(), 3);
		});
	}

	fn signed(n: u8) -> RuntimeOrigin {
		RuntimeOrigin::signed(acc(n))
	}

	#[test]
	fn reasons_the_v3_bound_dropped_are_recovered_from_open_proposals_votes() {
		new_test_ext().execute_with(|| {
			assert_ok!(crate::Pallet::<Test>::propose(
				signed(1),
				ROUTINE,
				Box::new(crate::ProposalAction::Signal(H256::repeat_byte(9)))
			));
			let (a, b) = (H256::repeat_byte(1), H256::repeat_byte(2));
			assert_ok!(crate::Pallet::<Test>::vote(signed(2), 0, Vote::Block(a)));
			assert_ok!(crate::Pallet::<Test>::vote(signed(5), 0, Vote::Block(b)));
			// As v3 left it: a full list of one (the bound), the second reason dropped.
			let _ = BlockReasons::<Test>::clear_prefix(0, u32::MAX, None);
			v3::BlockReasons::<Test>::insert(0, vec![(acc(2), a)]);
			StorageVersion::new(3).put::<Pallet<Test>>();

			MigrateV3ToV4::<Test>::on_runtime_upgrade();

			let mut reasons: Vec<_> = BlockReasons::<Test>::iter_prefix(0).collect();
			reasons.sort();
			assert_eq!(reasons, vec![(acc(2), a), (acc(5), b)]);
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
