//! Co-ops and their members: the ids and statuses, the traits the other pallets ask
//! membership through, and `MembershipApi` (`coop_coop`, `coop_coopOf`,
//! `coop_coops`, `coop_members`).

use crate::Page;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchResult, Weight};

/// Identifier of a co-op. Assigned in order and never reused, even after a co-op exits.
pub type CoopId = u32;

/// Where a co-op stands in the federation.
///
/// `Applicant → Active ⇄ Suspended → Exited`. A rejected application is removed
/// altogether (its deposit returned); an exited co-op keeps its record.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum CoopStatus {
	/// Applied, waiting for the federation's decision. Its admins may already add members.
	Applicant,
	/// A full member of the federation: its members vote, propose and claim bounties.
	Active,
	/// Temporarily barred by the federation: its members count as not active.
	Suspended,
	/// Left or was expelled: no members, deposit returned. The record stays for history.
	Exited,
}

impl CoopStatus {
	/// Whether the co-op's admins may still add members and change roles.
	pub fn is_open(self) -> bool {
		matches!(self, CoopStatus::Applicant | CoopStatus::Active)
	}
}

/// The role of a worker-member inside their co-op.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// A worker-member: votes and proposes.
	Member,
	/// Manages the co-op's members, passport and bounties, besides being a member.
	Admin,
}

/// A co-op as wallets and explorers see it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct CoopView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: CoopId,
	/// Its name (UTF-8).
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

/// The membership of one account.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct MemberView<AccountId, BlockNumber> {
	/// The member.
	pub account: AccountId,
	/// Their co-op.
	pub coop: CoopId,
	/// Their role in it.
	pub role: Role,
	/// Member since this block.
	pub since: BlockNumber,
}

sp_api::decl_runtime_apis! {
	/// Read access to co-ops and their members.
	///
	/// Version 2: lists are cursor pages read through indexes (version 1 scanned
	/// ids and could not page members).
	#[api_version(2)]
	pub trait MembershipApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// The co-op with this id, whatever its status.
		fn coop(id: CoopId) -> Option<CoopView<AccountId, Balance, BlockNumber>>;
		/// The membership of `who`, if it belongs to a co-op.
		fn coop_of(who: AccountId) -> Option<MemberView<AccountId, BlockNumber>>;
		/// Co-ops in `status` (all co-ops if `None`), after co-op `start_after`.
		fn coops(
			status: Option<CoopStatus>,
			start_after: Option<CoopId>,
			limit: u32,
		) -> Page<CoopView<AccountId, Balance, BlockNumber>, CoopId>;
		/// Members of co-op `coop`, after member `start_after`.
		fn members(
			coop: CoopId,
			start_after: Option<AccountId>,
			limit: u32,
		) -> Page<MemberView<AccountId, BlockNumber>, AccountId>;
	}
}

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

/// A check another pallet (the validator set) makes before an admitted co-op leaves
/// the federation: its leaving must not stop the chain.
pub trait LeaveGuard {
	/// `Ok` if co-op `coop` may leave now; otherwise the error to show.
	fn can_leave(coop: CoopId) -> DispatchResult;
	/// The most `can_leave` costs, charged by the call that checks it.
	fn can_leave_weight() -> Weight;
}

/// Nothing holds a co-op back.
impl LeaveGuard for () {
	fn can_leave(_: CoopId) -> DispatchResult {
		Ok(())
	}
	fn can_leave_weight() -> Weight {
		Weight::zero()
	}
}

/// What another pallet (the passport) clears when a co-op's application ends or
/// the co-op leaves the federation: the co-op's deposit comes back, so nothing it
/// stored without a deposit of its own may stay.
pub trait OnCoopRemoved {
	/// Co-op `coop`'s application was withdrawn, rejected or expired, or it exited.
	fn on_coop_removed(coop: CoopId);
	/// The most `on_coop_removed` costs, charged by the calls that remove a co-op.
	fn on_coop_removed_weight() -> Weight;
}

/// Nothing to clear.
impl OnCoopRemoved for () {
	fn on_coop_removed(_: CoopId) {}
	fn on_coop_removed_weight() -> Weight {
		Weight::zero()
	}
}

/// Membership facts the governance, bounties, passport and validators pallets rely on.
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
	/// Number of admins of co-op `coop` (0 if unknown).
	fn admin_count(coop: CoopId) -> u32;
	/// Total number of members of active co-ops.
	fn active_members() -> u32;
	/// The sovereign account of co-op `coop`.
	fn sovereign_account(coop: CoopId) -> AccountId;

	/// Benchmarks only: founds a new active co-op whose admins (and only members)
	/// are `admins`, without deposits; returns its id.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_found_coop(admins: &[AccountId]) -> CoopId;

	/// Benchmarks only: makes `who` a member of co-op `coop` as if invited and
	/// accepted, without deposits or policy checks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_join(coop: CoopId, who: &AccountId);
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
