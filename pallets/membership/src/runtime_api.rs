//! Runtime API for wallets and explorers (served over RPC as `coop_coop`,
//! `coop_coopOf`, `coop_coops`).

use crate::types::{CoopStatus, Role};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;
use sp_core::H256;

/// A co-op as shown to wallets and explorers.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct CoopView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: u32,
	/// Its name (UTF-8 bytes).
	pub name: Vec<u8>,
	/// Its admins.
	pub admins: Vec<AccountId>,
	/// Its status in the federation.
	pub status: CoopStatus,
	/// Number of members.
	pub member_count: u32,
	/// Block of its application.
	pub applied_at: BlockNumber,
	/// Block of its admission.
	pub joined_at: Option<BlockNumber>,
	/// Hash of its metadata document.
	pub metadata: H256,
	/// Its sovereign account.
	pub sovereign_account: AccountId,
	/// The application deposit held.
	pub deposit: Balance,
}

/// The membership of one account, as shown to wallets and explorers.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct MembershipView<BlockNumber> {
	/// The co-op.
	pub coop: u32,
	/// The role.
	pub role: Role,
	/// Member since this block.
	pub since: BlockNumber,
}

sp_api::decl_runtime_apis! {
	/// Read access to co-ops and their members.
	pub trait MembershipApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The co-op with this id, whatever its status.
		fn coop(id: u32) -> Option<CoopView<AccountId, Balance, BlockNumber>>;
		/// The membership of `who`, if it belongs to a co-op.
		fn coop_of(who: AccountId) -> Option<MembershipView<BlockNumber>>;
		/// Active co-ops with id `>= start`, at most `limit` of them, by id.
		fn coops(start: u32, limit: u32) -> Vec<CoopView<AccountId, Balance, BlockNumber>>;
		/// Members of co-op `id`, at most `limit` of them.
		fn members(id: u32, limit: u32) -> Vec<(AccountId, MembershipView<BlockNumber>)>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// [`MembershipApi::coop`].
	pub fn coop_view(
		id: u32,
	) -> Option<
		CoopView<
			T::AccountId,
			crate::BalanceOf<T>,
			frame_system::pallet_prelude::BlockNumberFor<T>,
		>,
	> {
		crate::Coops::<T>::get(id).map(|c| CoopView {
			id,
			name: c.name.into_inner(),
			admins: c.admins.into_inner(),
			status: c.status,
			member_count: c.member_count,
			applied_at: c.applied_at,
			joined_at: c.joined_at,
			metadata: c.metadata,
			sovereign_account: Self::sovereign_account(id),
			deposit: c.deposit,
		})
	}

	/// [`MembershipApi::coop_of`].
	pub fn membership_view(
		who: &T::AccountId,
	) -> Option<MembershipView<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		crate::Members::<T>::get(who).map(|m| MembershipView {
			coop: m.coop,
			role: m.role,
			since: m.since,
		})
	}

	/// [`MembershipApi::coops`]: scans ids from `start`, bounded by `NextCoopId`.
	pub fn active_coops_page(
		start: u32,
		limit: u32,
	) -> Vec<
		CoopView<
			T::AccountId,
			crate::BalanceOf<T>,
			frame_system::pallet_prelude::BlockNumberFor<T>,
		>,
	> {
		let end = crate::NextCoopId::<T>::get();
		(start..end)
			.filter_map(Self::coop_view)
			.filter(|c| c.status == CoopStatus::Active)
			.take(limit as usize)
			.collect()
	}

	/// [`MembershipApi::members`].
	pub fn members_page(
		id: u32,
		limit: u32,
	) -> Vec<(T::AccountId, MembershipView<frame_system::pallet_prelude::BlockNumberFor<T>>)> {
		crate::CoopMembers::<T>::iter_key_prefix(id)
			.take(limit as usize)
			.filter_map(|who| Self::membership_view(&who).map(|m| (who, m)))
			.collect()
	}
}
