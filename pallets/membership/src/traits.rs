//! What other pallets may ask about membership.

use crate::{types::Role, Config, CoopId, CoopStatus, Coops, Members, Pallet};
use frame_support::weights::Weight;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::DispatchResult;

/// Checks another pallet (the passport) makes before an account joins a co-op or a
/// co-op is admitted, e.g. that the claims a co-op's policy requires are attested.
pub trait AdmissionPolicy<AccountId> {
	/// `Ok` if `who` may join co-op `coop`; otherwise the error to show.
	fn can_join(coop: CoopId, who: &AccountId) -> DispatchResult;
	/// `Ok` if co-op `coop` may be admitted to the federation; otherwise the error.
	fn can_admit(coop: CoopId) -> DispatchResult;
	/// The most `can_join` costs: for co-op `Some(coop)` under its current policy,
	/// for `None` under any policy (what a call charges before it runs).
	fn can_join_weight(_coop: Option<CoopId>) -> Weight {
		Weight::zero()
	}
	/// The most `can_admit` costs, charged by the calls that check it.
	fn can_admit_weight() -> Weight {
		Weight::zero()
	}
}

/// No policy: anyone may join, any applicant may be admitted.
impl<AccountId> AdmissionPolicy<AccountId> for () {
	fn can_join(_: CoopId, _: &AccountId) -> DispatchResult {
		Ok(())
	}
	fn can_admit(_: CoopId) -> DispatchResult {
		Ok(())
	}
}

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

/// Why an account cannot act as a member of the federation right now.
#[derive(Clone, Copy, Eq, PartialEq, Debug)]
pub enum NotEligible {
	/// The account belongs to no co-op.
	NotMember,
	/// The account's co-op is an applicant, suspended or gone.
	CoopNotActive,
}

/// Who may vote on what: the facts that fix a proposal's electorate.
pub trait Electorate<AccountId, BlockNumber> {
	/// The co-op of `who` and the block since which `who` has been, without a break,
	/// a member of that co-op while it was active (the later of joining the co-op
	/// and the co-op's admission or latest reinstatement). A proposal made after
	/// that block counts `who` in its electorate.
	fn active_since(who: &AccountId) -> Result<(CoopId, BlockNumber), NotEligible>;
	/// The block since which co-op `coop` has been active without a break.
	fn coop_active_since(coop: CoopId) -> Option<BlockNumber>;
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
