//! Runtime API for wallets and explorers (served over RPC as `coop_bounty`,
//! `coop_bounties`, `coop_contributions`, `coop_coopContributions`).

use crate::types::{BountyId, Ledger, Submission};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;

/// A bounty with its submissions.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct BountyView<Bounty, AccountId, BlockNumber> {
	pub id: BountyId,
	pub bounty: Bounty,
	pub submissions: Vec<Submission<AccountId, BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// Read access to bounties and the contribution ledger.
	pub trait BountiesApi<Bounty, AccountId, Balance, BlockNumber>
	where
		Bounty: codec::Codec,
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A bounty with its submissions.
		fn bounty(id: BountyId) -> Option<BountyView<Bounty, AccountId, BlockNumber>>;
		/// Bounties with id `>= start`, at most `limit`; only open ones if `open_only`.
		fn bounties(open_only: bool, start: BountyId, limit: u32) -> Vec<BountyView<Bounty, AccountId, BlockNumber>>;
		/// An account's contribution ledger.
		fn contributions(who: AccountId) -> Ledger<Balance>;
		/// A co-op's contribution ledger.
		fn coop_contributions(coop: CoopId) -> Ledger<Balance>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// [`BountiesApi::bounty`].
	pub fn bounty_view(
		id: BountyId,
	) -> Option<BountyView<crate::BountyOf<T>, T::AccountId, BlockNumberFor<T>>> {
		crate::Bounties::<T>::get(id).map(|bounty| BountyView {
			id,
			bounty,
			submissions: crate::Submissions::<T>::get(id).into_inner(),
		})
	}

	/// [`BountiesApi::bounties`]: scans ids from `start`, bounded by `NextBountyId`.
	pub fn bounties_page(
		open_only: bool,
		start: BountyId,
		limit: u32,
	) -> Vec<BountyView<crate::BountyOf<T>, T::AccountId, BlockNumberFor<T>>> {
		(start..crate::NextBountyId::<T>::get())
			.filter_map(Self::bounty_view)
			.filter(|v| !open_only || v.bounty.status == crate::BountyStatus::Open)
			.take(limit as usize)
			.collect()
	}
}
