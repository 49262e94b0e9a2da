//! Runtime API for wallets and explorers (served over RPC as `coop_bounty`,
//! `coop_bounties`, `coop_contributions`, `coop_coopContributions`).

use crate::types::{BountyId, BountyStatus, Ledger, Submission};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;

/// A bounty with its claim (who works on it, or who delivered it) and submissions.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct BountyView<Bounty, Claim, AccountId, BlockNumber> {
	pub id: BountyId,
	pub bounty: Bounty,
	pub claim: Option<Claim>,
	pub submissions: Vec<Submission<AccountId, BlockNumber>>,
}

/// A bounty view as the pallet builds it.
pub type BountyViewOf<T> = BountyView<
	crate::BountyOf<T>,
	crate::ClaimOf<T>,
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
>;

sp_api::decl_runtime_apis! {
	/// Read access to bounties and the contribution ledger.
	pub trait BountiesApi<Bounty, Claim, AccountId, Balance, BlockNumber>
	where
		Bounty: codec::Codec,
		Claim: codec::Codec,
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A bounty with its claim and submissions.
		fn bounty(id: BountyId) -> Option<BountyView<Bounty, Claim, AccountId, BlockNumber>>;
		/// Bounties with id `>= start`, at most `limit`, only those in `status` if given.
		fn bounties(status: Option<BountyStatus>, start: BountyId, limit: u32) -> Vec<BountyView<Bounty, Claim, AccountId, BlockNumber>>;
		/// An account's contribution ledger.
		fn contributions(who: AccountId) -> Ledger<Balance>;
		/// A co-op's contribution ledger.
		fn coop_contributions(coop: CoopId) -> Ledger<Balance>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// [`BountiesApi::bounty`].
	pub fn bounty_view(id: BountyId) -> Option<BountyViewOf<T>> {
		crate::Bounties::<T>::get(id).map(|bounty| Self::view(id, bounty))
	}

	/// [`BountiesApi::bounties`]: walks ids from `start` up to `NextBountyId`,
	/// reading claims and submissions only of the bounties it returns.
	pub fn bounties_page(
		status: Option<BountyStatus>,
		start: BountyId,
		limit: u32,
	) -> Vec<BountyViewOf<T>> {
		(start..crate::NextBountyId::<T>::get())
			.filter_map(|id| crate::Bounties::<T>::get(id).map(|bounty| (id, bounty)))
			.filter(|(_, bounty)| status.is_none_or(|s| bounty.status == s))
			.take(limit as usize)
			.map(|(id, bounty)| Self::view(id, bounty))
			.collect()
	}

	fn view(id: BountyId, bounty: crate::BountyOf<T>) -> BountyViewOf<T> {
		BountyView {
			id,
			bounty,
			claim: crate::Claims::<T>::get(id),
			submissions: crate::Submissions::<T>::get(id).into_inner(),
		}
	}
}
