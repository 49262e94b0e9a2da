//! Types stored by the bounties pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of a bounty; never reused.
pub type BountyId = u32;
/// A URL (spec or repository), bounded.
pub type Url = BoundedVec<u8, ConstU32<128>>;

/// Where the reward came from, and so where a refund goes.
#[derive(
	Clone,
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
#[serde(rename_all = "camelCase")]
pub enum Funder<AccountId> {
	/// A member's own account.
	Account(AccountId),
	/// A co-op's sovereign account (funded by one of its admins).
	Coop(CoopId),
	/// The federation treasury, by a Treasury-track vote.
	Treasury,
}

/// Who receives the payout.
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
pub enum PayTo {
	/// The contributor's co-op sovereign account (the default: co-ops pay their
	/// workers under their own rules).
	Coop,
	/// The contributor's own account.
	Own,
}

/// Where a bounty is in its life.
#[derive(
	Clone,
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
#[serde(rename_all = "camelCase")]
pub enum BountyStatus<AccountId, BlockNumber> {
	/// Funded and waiting for a contributor.
	Open,
	/// A member works on it until `until`.
	Claimed { claimant: AccountId, coop: CoopId, pay_to: PayTo, until: BlockNumber },
	/// Work submitted, under review.
	Submitted { claimant: AccountId, coop: CoopId, pay_to: PayTo, until: BlockNumber },
	/// Approved and paid.
	Paid { claimant: AccountId, coop: CoopId },
	/// Cancelled before anyone claimed it; the reward was refunded.
	Cancelled,
}

/// A contribution bounty.
#[derive(
	Clone,
	Encode,
	Decode,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
#[scale_info(skip_type_params(MaxReviewers))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
pub struct Bounty<AccountId, Balance, BlockNumber, MaxReviewers: frame_support::traits::Get<u32>> {
	/// Who funded it.
	pub funder: Funder<AccountId>,
	/// The member who created it (holds the deposit); `None` for treasury bounties.
	pub creator: Option<AccountId>,
	/// Hash of the specification.
	pub spec_hash: H256,
	/// Where the specification can be read.
	pub spec_url: Url,
	/// The reward, held in the bounty's escrow account while open.
	pub reward: Balance,
	/// Deposit held from the creator for this record.
	pub deposit: Balance,
	/// Who reviews submissions.
	#[serde(bound(
		serialize = "AccountId: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>"
	))]
	pub reviewers: BoundedVec<AccountId, MaxReviewers>,
	/// Approvals needed to pay (k of n).
	pub approvals_needed: u32,
	/// Reviewers who approved the current submission.
	#[serde(bound(
		serialize = "AccountId: serde::Serialize",
		deserialize = "AccountId: serde::Deserialize<'de>"
	))]
	pub approvals: BoundedVec<AccountId, MaxReviewers>,
	/// Blocks a claimant has to deliver.
	pub claim_period: BlockNumber,
	/// Estimated hours of work (co-ops budget hours × rate).
	pub hours: u32,
	/// Where it is.
	pub status: BountyStatus<AccountId, BlockNumber>,
}

/// A piece of delivered work.
#[derive(
	Clone,
	Encode,
	Decode,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Submission<AccountId, BlockNumber> {
	/// Who submitted it.
	pub by: AccountId,
	/// The repository.
	pub repo: Url,
	/// The commit (a git SHA-1, 20 bytes).
	pub commit: [u8; 20],
	/// When.
	pub at: BlockNumber,
}

/// The contribution ledger of an account or a co-op.
#[derive(
	Clone,
	Default,
	Encode,
	Decode,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct Ledger<Balance> {
	/// Bounties delivered and paid.
	pub delivered: u32,
	/// Total earned.
	pub earned: Balance,
	/// Estimated hours of the bounties delivered.
	pub hours: u32,
	/// Reviews done.
	pub reviews: u32,
}
