//! v1 → v2: proposals keep the rules they were opened with.
//!
//! - `Tracks`: gain `max_open_per_coop` (a fifth of `max_open`, at least 1, below
//!   `max_open` where possible) and `enactment_delay` (0: enact at close, as v1 did);
//!   the Bylaws track's quorum and threshold are raised to two thirds if below (v1
//!   seeded 66 %).
//! - `Proposals`: gain `rules`, copied from their track as it is at the upgrade (v1
//!   applied the current track at close, so nothing changes for them). The new
//!   per-co-op and per-proposer open counts and the block reasons of open
//!   proposals are rebuilt from them and their votes.
//! - `Decisions`: gain `action` (taken from nothing: v1 decisions were all enacted at
//!   close, so a signal with the zero hash stands in) and `enact_at` (`None`).

use crate::{
	BalanceOf, Config, Decision, Decisions, OpenByProposer, OpenPerCoop, Outcome, Pallet,
	Proposals, Rules, StoredAction, Tally, TrackId, TrackInfo, TrackName, Tracks, Vote, Votes,
	BYLAWS_TRACK,
};
use codec::{Decode, Encode};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_coop_membership::CoopId;
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

/// The v1 layouts.
pub mod v1 {
	use super::*;
	use crate::{Method, Scheme};

	/// A v1 track.
	#[derive(Encode, Decode, Clone)]
	pub struct TrackInfo<Balance, BlockNumber> {
		pub name: TrackName,
		pub scheme: Scheme,
		pub method: Method,
		pub voting_period: BlockNumber,
		pub quorum: Perbill,
		pub threshold: Perbill,
		pub deposit: Balance,
		pub max_open: u32,
	}

	/// A v1 open proposal.
	#[derive(Encode, Decode, Clone)]
	pub struct Proposal<AccountId, Balance, BlockNumber, Hash> {
		pub proposer: AccountId,
		pub coop: CoopId,
		pub track: TrackId,
		pub action: StoredAction<Hash>,
		pub action_hash: Hash,
		pub deposit: Balance,
		pub created: BlockNumber,
		pub deadline: BlockNumber,
		pub eligible_members: u32,
		pub eligible_coops: u32,
		pub members: Tally,
		pub coops: Tally,
	}

	/// A v1 open proposal of runtime `T`.
	pub type ProposalOf<T> = Proposal<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as frame_system::Config>::Hash,
	>;

	/// A v1 decision.
	#[derive(Encode, Decode, Clone)]
	pub struct Decision<AccountId, BlockNumber, Hash> {
		pub track: TrackId,
		pub proposer: AccountId,
		pub coop: CoopId,
		pub action_hash: Hash,
		pub members: Tally,
		pub coops: Tally,
		pub eligible_members: u32,
		pub eligible_coops: u32,
		pub member_turnout: Perbill,
		pub coop_turnout: Perbill,
		pub outcome: Outcome,
		pub created: BlockNumber,
		pub closed_at: BlockNumber,
		pub enactment: Option<Result<(), DispatchError>>,
	}
}

type OldTrack<T> = v1::TrackInfo<BalanceOf<T>, BlockNumberFor<T>>;

/// Translates the three maps; run only through [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut count: u64 = 0;
		let two_thirds = Perbill::from_rational(2u32, 3u32);
		Tracks::<T>::translate::<OldTrack<T>, _>(|id, old| {
			count = count.saturating_add(1);
			let max_open = old.max_open.max(2);
			let (quorum, threshold) = if id == BYLAWS_TRACK {
				(old.quorum.max(two_thirds), old.threshold.max(two_thirds))
			} else {
				(old.quorum, old.threshold)
			};
			Some(TrackInfo {
				name: old.name,
				scheme: old.scheme,
				method: old.method,
				voting_period: old.voting_period,
				quorum,
				threshold,
				deposit: old.deposit,
				max_open,
				max_open_per_coop: max_open.saturating_div(5).clamp(1, max_open.saturating_sub(1)),
				enactment_delay: Default::default(),
			})
		});
		let _ = OpenPerCoop::<T>::clear(u32::MAX, None);
		let _ = OpenByProposer::<T>::clear(u32::MAX, None);
		// Written in the v2 layout (with tallies), which v3 then translates: the map's
		// typed accessors see the v3 layout, hence the raw translation here.
		let keys: alloc::vec::Vec<_> = Proposals::<T>::iter_keys().collect();
		let mut translate = |id: crate::ProposalId, old: v1::ProposalOf<T>| {
			count = count.saturating_add(4);
			OpenPerCoop::<T>::mutate(old.track, old.coop, |n| *n = n.saturating_add(1));
			OpenByProposer::<T>::mutate(&old.proposer, |n| *n = n.saturating_add(1));
			let blocks =
				Votes::<T>::iter_prefix(id).filter_map(|(who, record)| match record.vote {
					Vote::Block(reason) => Some((who, reason)),
					_ => None,
				});
			// Written in the v3 layout, which v4 then moves.
			let reasons: alloc::vec::Vec<_> = blocks.collect();
			count = count.saturating_add(reasons.len() as u64);
			if !reasons.is_empty() {
				super::v4::v3::BlockReasons::<T>::insert(id, reasons);
			}
			let rules = Tracks::<T>::get(old.track).map(|t| t.rules()).unwrap_or(Rules {
				scheme: crate::Scheme::PerCoop,
				method: crate::Method::Majority,
				quorum: Perbill::one(),
				threshold: Perbill::one(),
				enactment_delay: Default::default(),
			});
			super::v3::v2::Proposal {
				proposer: old.proposer,
				coop: old.coop,
				track: old.track,
				action: old.action,
				action_hash: old.action_hash,
				deposit: old.deposit,
				created: old.created,
				deadline: old.deadline,
				rules,
				// v1 did not index motions: a co-op under an older open motion may leave.
				subject: None,
				eligible_members: old.eligible_members,
				eligible_coops: old.eligible_coops,
				members: old.members,
				coops: old.coops,
			}
		};
		for id in keys {
			let key = Proposals::<T>::hashed_key_for(id);
			let old = frame_support::storage::unhashed::get_raw(&key)
				.and_then(|raw| v1::ProposalOf::<T>::decode(&mut &raw[..]).ok());
			match old {
				Some(old) => {
					frame_support::storage::unhashed::put_raw(&key, &translate(id, old).encode())
				}
				None => frame_support::storage::unhashed::kill(&key),
			}
		}
		Decisions::<T>::translate::<v1::Decision<T::AccountId, BlockNumberFor<T>, T::Hash>, _>(
			|_, old| {
				count = count.saturating_add(1);
				Some(Decision {
					track: old.track,
					proposer: old.proposer,
					coop: old.coop,
					action: StoredAction::Signal(H256::zero()),
					action_hash: old.action_hash,
					members: old.members,
					coops: old.coops,
					eligible_members: old.eligible_members,
					eligible_coops: old.eligible_coops,
					member_turnout: old.member_turnout,
					coop_turnout: old.coop_turnout,
					outcome: old.outcome,
					created: old.created,
					closed_at: old.closed_at,
					enact_at: None,
					enactment: old.enactment,
				})
			},
		);
		T::DbWeight::get().reads_writes(count, count)
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
	use crate::{mock::*, Method, Scheme};
	use frame_support::{
		storage::unhashed,
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	};

	#[test]
	fn v1_tracks_proposals_and_decisions_are_translated() {
		new_test_ext().execute_with(|| {
			let old_track = v1::TrackInfo::<Balance, u64> {
				name: b"Old".to_vec().try_into().unwrap(),
				scheme: Scheme::PerMember,
				method: Method::Majority,
				voting_period: 10,
				quorum: Perbill::from_percent(50),
				threshold: Perbill::from_percent(60),
				deposit: 5,
				max_open: 10,
			};
			let old_proposal = v1::Proposal::<AccountId, Balance, u64, H256> {
				proposer: acc(2),
				coop: 0,
				track: 9,
				action: StoredAction::Signal(H256::repeat_byte(1)),
				action_hash: H256::repeat_byte(2),
				deposit: 0,
				created: 1,
				deadline: 11,
				eligible_members: 7,
				eligible_coops: 3,
				members: Tally::default(),
				coops: Tally::default(),
			};
			let old_decision = v1::Decision::<AccountId, u64, H256> {
				track: 9,
				proposer: acc(2),
				coop: 0,
				action_hash: H256::repeat_byte(3),
				members: Tally { aye: 1, ..Default::default() },
				coops: Tally { aye: 1, ..Default::default() },
				eligible_members: 7,
				eligible_coops: 3,
				member_turnout: Perbill::from_percent(14),
				coop_turnout: Perbill::from_percent(33),
				outcome: Outcome::Approved,
				created: 1,
				closed_at: 11,
				enactment: Some(Ok(())),
			};
			unhashed::put_raw(&Tracks::<Test>::hashed_key_for(9), &old_track.encode());
			unhashed::put_raw(&Proposals::<Test>::hashed_key_for(40), &old_proposal.encode());
			unhashed::put_raw(&Decisions::<Test>::hashed_key_for(41), &old_decision.encode());
			StorageVersion::new(1).put::<Pallet<Test>>();

			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
			// v2, v3 and v4, as the runtime runs them.
			crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
			crate::migrations::v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();

			let track = Tracks::<Test>::get(9).unwrap();
			assert_eq!(
				(track.max_open, track.max_open_per_coop, track.enactment_delay),
				(10, 2, 0)
			);
			let p = Proposals::<Test>::get(40).unwrap();
			assert_eq!(p.rules, track.rules());
			assert_eq!((p.proposer, p.deadline, p.eligible_members), (acc(2), 11, 7));
			let d = Decisions::<Test>::get(41).unwrap();
			assert_eq!(
				(d.outcome, d.enactment, d.enact_at),
				(Outcome::Approved, Some(Ok(())), None)
			);
			assert_eq!(d.action_hash, H256::repeat_byte(3));
			// The genesis tracks were translated too, and every track is valid.
			for (id, t) in Tracks::<Test>::iter() {
				Pallet::<Test>::validate_track(id, &t).unwrap();
			}
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(4));
			// The open proposal's counters were rebuilt: the invariants hold.
			assert_eq!(crate::OpenPerCoop::<Test>::get(9, 0), 1);
			assert_eq!(crate::OpenByProposer::<Test>::get(acc(2)), 1);
			crate::OpenCount::<Test>::insert(9, 1);
			crate::NextProposalId::<Test>::put(42);
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
