//! How this pallet answers what other pallets ask about membership (the traits are
//! declared in `coop-primitives`).

pub use coop_primitives::membership::{
	AdmissionPolicy, CoopMembership, Electorate, LeaveGuard, NotEligible, OnCoopRemoved,
};

use crate::{types::Role, Config, CoopId, CoopStatus, Coops, Members, Pallet};
use frame_system::pallet_prelude::BlockNumberFor;

impl<T: Config> CoopMembership<T::AccountId> for Pallet<T> {
	fn coop_of(who: &T::AccountId) -> Option<CoopId> {
		Members::<T>::get(who).map(|m| m.coop)
	}

	fn is_active_member(who: &T::AccountId) -> bool {
		Self::coop_of(who).is_some_and(Self::is_active_coop)
	}

	fn is_admin(who: &T::AccountId, coop: CoopId) -> bool {
		Members::<T>::get(who).is_some_and(|m| m.coop == coop && m.role == Role::Admin)
	}

	fn is_active_coop(coop: CoopId) -> bool {
		Coops::<T>::get(coop).is_some_and(|c| c.status == CoopStatus::Active)
	}

	fn active_coops() -> u32 {
		crate::ActiveCoops::<T>::get()
	}

	fn member_count(coop: CoopId) -> u32 {
		Coops::<T>::get(coop).map_or(0, |c| c.member_count)
	}

	fn admin_count(coop: CoopId) -> u32 {
		Coops::<T>::get(coop).map_or(0, |c| c.admins.len() as u32)
	}

	fn active_members() -> u32 {
		crate::ActiveMembers::<T>::get()
	}

	fn sovereign_account(coop: CoopId) -> T::AccountId {
		Pallet::<T>::sovereign_account(coop)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_found_coop(admins: &[T::AccountId]) -> CoopId {
		let members: alloc::vec::Vec<_> = admins.iter().map(|a| (a.clone(), Role::Admin)).collect();
		Pallet::<T>::found_coop(b"benchmark co-op", &members).unwrap_or_default()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_join(coop: CoopId, who: &T::AccountId) {
		Pallet::<T>::benchmark_join(coop, who)
	}
}

impl<T: Config> Electorate<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	fn active_since(who: &T::AccountId) -> Result<(CoopId, BlockNumberFor<T>), NotEligible> {
		let member = Members::<T>::get(who).ok_or(NotEligible::NotMember)?;
		let since = Self::coop_active_since(member.coop).ok_or(NotEligible::CoopNotActive)?;
		Ok((member.coop, since.max(member.since)))
	}

	fn coop_active_since(coop: CoopId) -> Option<BlockNumberFor<T>> {
		Coops::<T>::get(coop).filter(|c| c.status == CoopStatus::Active).and_then(|c| c.joined_at)
	}
}
