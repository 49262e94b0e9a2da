//! What [`coop_primitives::membership::MembershipApi`] returns, read from storage.
//! Lists go through indexes, so a page costs reads for its own items only.

use crate::{BalanceOf, Config, CoopMembers, Coops, CoopsByStatus, Members, Pallet};
use coop_primitives::{
	membership::{CoopId, CoopStatus, CoopView, MemberView},
	Page,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// A co-op as the runtime API shows it.
pub type CoopViewOf<T> =
	CoopView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A membership as the runtime API shows it.
pub type MemberViewOf<T> = MemberView<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// `MembershipApi::coop`.
	pub fn coop_view(id: CoopId) -> Option<CoopViewOf<T>> {
		Coops::<T>::get(id).map(|c| CoopView {
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

	/// `MembershipApi::coop_of`.
	pub fn member_view(who: T::AccountId) -> Option<MemberViewOf<T>> {
		Members::<T>::get(&who).map(|m| MemberView {
			account: who,
			coop: m.coop,
			role: m.role,
			since: m.since,
		})
	}

	/// `MembershipApi::coops`: through [`CoopsByStatus`] when a status is given.
	pub fn coops_page(
		status: Option<CoopStatus>,
		start_after: Option<CoopId>,
		limit: u32,
	) -> Page<CoopViewOf<T>, CoopId> {
		let view = |id: CoopId| (id, Self::coop_view(id));
		let page = match status {
			Some(status) => {
				let ids = match start_after {
					Some(id) => CoopsByStatus::<T>::iter_key_prefix_from(
						status,
						CoopsByStatus::<T>::hashed_key_for(status, id),
					),
					None => CoopsByStatus::<T>::iter_key_prefix(status),
				};
				Page::collect(ids, limit, view)
			}
			None => {
				let ids = match start_after {
					Some(id) => Coops::<T>::iter_keys_from(Coops::<T>::hashed_key_for(id)),
					None => Coops::<T>::iter_keys(),
				};
				Page::collect(ids, limit, view)
			}
		};
		// The index and the records change together (checked by `try_state`).
		page.flatten()
	}

	/// `MembershipApi::members`.
	pub fn members_page(
		coop: CoopId,
		start_after: Option<T::AccountId>,
		limit: u32,
	) -> Page<MemberViewOf<T>, T::AccountId> {
		let accounts = match start_after {
			Some(who) => CoopMembers::<T>::iter_key_prefix_from(
				coop,
				CoopMembers::<T>::hashed_key_for(coop, who),
			),
			None => CoopMembers::<T>::iter_key_prefix(coop),
		};
		Page::collect(accounts, limit, |who| (who.clone(), Self::member_view(who))).flatten()
	}
}
