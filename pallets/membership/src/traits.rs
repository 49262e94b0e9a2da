//! What other pallets may ask about membership.

use crate::{types::Role, Config, CoopId, CoopStatus, Coops, Members, Pallet};

/// Membership facts the governance, bounties and passport pallets rely on.
///
/// "Active" always means: a member of a co-op whose status is `Active`.
/// Members of suspended, applicant or exited co-ops are not active.
pub trait CoopMembership<AccountId> {
    /// The co-op `who` belongs to, whatever its status.
    fn coop_of(who: &AccountId) -> Option<CoopId>;
    /// Whether `who` is a member of an active co-op.
    fn is_active_member(who: &AccountId) -> bool;
    /// Whether `who` is an admin of co-op `coop` (whatever its status).
    fn is_admin(who: &AccountId, coop: CoopId) -> bool;
    /// Whether co-op `coop` exists and is active.
    fn is_active_coop(coop: CoopId) -> bool;
    /// Number of active co-ops.
    fn active_coops() -> u32;
    /// Number of members of co-op `coop` (0 if unknown).
    fn member_count(coop: CoopId) -> u32;
    /// Total number of members of active co-ops.
    fn active_members() -> u32;
    /// The sovereign account of co-op `coop`.
    fn sovereign_account(coop: CoopId) -> AccountId;
}

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

    fn active_members() -> u32 {
        crate::ActiveMembers::<T>::get()
    }

    fn sovereign_account(coop: CoopId) -> T::AccountId {
        Pallet::<T>::sovereign_account(coop)
    }
}
