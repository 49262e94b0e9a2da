//! Types stored by the membership pallet.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, PartialEqNoBound};
use scale_info::TypeInfo;
use sp_core::H256;

/// A founding co-op in the genesis config: its name and its members with their roles.
pub type FoundingCoop<AccountId> = (alloc::vec::Vec<u8>, alloc::vec::Vec<(AccountId, Role)>);

pub use coop_primitives::membership::{CoopId, CoopStatus, Role};

/// A co-op of the federation.
#[derive(CloneNoBound, Encode, Decode, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen)]
#[scale_info(skip_type_params(MaxNameLen, MaxAdmins))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct CoopInfo<AccountId, Balance, BlockNumber, MaxNameLen: Get<u32>, MaxAdmins: Get<u32>>
where
	AccountId: Clone + PartialEq + core::fmt::Debug,
	Balance: Clone + PartialEq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + core::fmt::Debug,
{
	/// Public name of the co-op (UTF-8, bounded).
	pub name: BoundedVec<u8, MaxNameLen>,
	/// Its admins; never empty while the co-op has not exited.
	pub admins: BoundedVec<AccountId, MaxAdmins>,
	/// Where it stands in the federation.
	pub status: CoopStatus,
	/// Number of worker-members (admins included).
	pub member_count: u32,
	/// Block of the application.
	pub applied_at: BlockNumber,
	/// Block since which the co-op is continuously active: its admission, or its
	/// latest reinstatement. `None` while an applicant.
	pub joined_at: Option<BlockNumber>,
	/// Hash of the co-op's public metadata document, kept off chain.
	pub metadata: H256,
	/// The account whose application deposit is held.
	pub depositor: AccountId,
	/// The application deposit held from `depositor`.
	pub deposit: Balance,
}

/// The membership of one account.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct MemberInfo<AccountId, Balance, BlockNumber> {
	/// The co-op the account belongs to.
	pub coop: CoopId,
	/// Its role there.
	pub role: Role,
	/// Block since which it is a member.
	pub since: BlockNumber,
	/// Who paid the membership deposit (the admin who added it).
	pub depositor: AccountId,
	/// The deposit held from `depositor` for this entry.
	pub deposit: Balance,
}

/// An open invitation to join a co-op.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Invitation<AccountId, Balance, BlockNumber> {
	/// The admin who invited, whose membership deposit is held.
	pub by: AccountId,
	/// The deposit held from `by`; it becomes the membership's deposit on acceptance.
	pub deposit: Balance,
	/// The last block at which the invitation can be accepted.
	pub expires: BlockNumber,
}
