//! v2 → v3: a vote writes only its co-op's sub-tally.
//!
//! - `Proposals`: lose `members` and `coops`. Both are sums over the proposal's
//!   `CoopTallies`, which v2 already kept in step with every vote, so nothing is
//!   lost: they are now summed when read (at close, kill, cancel and by the
//!   runtime API).

use crate::{BalanceOf, Config, Pallet, Proposal, Proposals};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// The v2 layouts.
pub mod v2 {
	use crate::{Rules, StoredAction, Tally, TrackId};
	use codec::{Decode, Encode};
	use pallet_coop_membership::CoopId;

	/// A v2 open proposal.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct Proposal<AccountId, Balance, BlockNumber, Hash> {
		pub proposer: AccountId,
		pub coop: CoopId,
		pub track: TrackId,
		pub action: StoredAction<Hash>,
		pub action_hash: Hash,
		pub deposit: Balance,
		pub created: BlockNumber,
		pub deadline: BlockNumber,
		pub rules: Rules<BlockNumber>,
		pub subject: Option<CoopId>,
		pub eligible_members: u32,
		pub eligible_coops: u32,
		pub members: Tally,
		pub coops: Tally,
	}
}

/// A v2 proposal of runtime `T`.
pub type OldProposalOf<T> = v2::Proposal<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;

/// Translates `Proposals`; run only through [`MigrateV2ToV3`].
pub struct InnerMigrateV2ToV3<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV2ToV3<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut count: u64 = 0;
		Proposals::<T>::translate::<OldProposalOf<T>, _>(|_, old| {
			count = count.saturating_add(1);
			Some(Proposal {
				proposer: old.proposer,
				coop: old.coop,
				track: old.track,
				action: old.action,
				action_hash: old.action_hash,
				deposit: old.deposit,
				created: old.created,
				deadline: old.deadline,
				rules: old.rules,
				subject: old.subject,
				eligible_members: old.eligible_members,
				eligible_coops: old.eligible_coops,
			})
		});
		T::DbWeight::get().reads_writes(count, count)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
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
	#![allow(clippy::unwrap_used, clippy::arithmetic_side_effects)]
	use super::*;
	use crate::{mock::*, CoopTallies, Method, Rules, Scheme, StoredAction, Tallies, Tally};
	use codec::Encode;
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};
	use sp_core::H256;
	use sp_runtime::Perbill;

	#[test]
	fn v2_proposals_lose_their_stored_tallies_which_are_summed_from_co_ops() {
		new_test_ext().execute_with(|| {
			let ayes = Tally { aye: 2, ..Default::default() };
			let nays = Tally { nay: 1, ..Default::default() };
			let old = OldProposalOf::<Test> {
				proposer: acc(2),
				coop: 0,
				track: 0,
				action: StoredAction::Signal(H256::repeat_byte(1)),
				action_hash: H256::repeat_byte(2),
				deposit: 0,
				created: 1,
				deadline: 11,
				rules: Rules {
					scheme: Scheme::PerCoop,
					method: Method::Majority,
					quorum: Perbill::zero(),
					threshold: Perbill::from_percent(50),
					enactment_delay: 0,
				},
				subject: None,
				eligible_members: 7,
				eligible_coops: 3,
				members: Tally { aye: 2, nay: 1, ..Default::default() },
				coops: Tally { aye: 1, nay: 1, ..Default::default() },
			};
			unhashed::put_raw(&Proposals::<Test>::hashed_key_for(5), &old.encode());
			CoopTallies::<Test>::insert(5, 0, ayes);
			CoopTallies::<Test>::insert(5, 1, nays);
			StorageVersion::new(2).put::<Pallet<Test>>();

			MigrateV2ToV3::<Test>::on_runtime_upgrade();

			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(3));
			let p = Proposals::<Test>::get(5).unwrap();
			assert_eq!((p.proposer, p.deadline, p.rules), (acc(2), 11, old.rules));
			assert_eq!((p.eligible_members, p.eligible_coops), (7, 3));
			assert_eq!(
				Pallet::<Test>::tallies(5),
				Tallies { members: old.members, coops: old.coops }
			);
			// Runs once.
			MigrateV2ToV3::<Test>::on_runtime_upgrade();
			assert!(Proposals::<Test>::get(5).is_some());
		});
	}
}
