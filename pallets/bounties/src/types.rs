//! Types stored by the bounties pallet, and the terms a funder opens a bounty with.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{
	traits::{ConstU32, Get},
	BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;
use sp_core::H256;

pub use coop_primitives::bounties::{
	BountyId, BountyStatus, Contributor, Funder, Ledger, Milestone, PayTo,
};

/// A URL (spec or repository), bounded.
pub type Url = BoundedVec<u8, ConstU32<128>>;
/// A release tag (`v1.2.0`), bounded.
pub type Tag = BoundedVec<u8, ConstU32<64>>;

/// The terms a bounty is opened with (a call parameter of `create_bounty` and
/// `fund_from_treasury`). Every list is bounded, so an oversized call is refused
/// when it is decoded, before anything is allocated for it.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxReviewers, MaxMilestones))]
// The `NoBound` derives repeat the bounds on the fields' types.
#[allow(clippy::multiple_bound_locations)]
pub struct BountyTerms<
	AccountId: Clone + PartialEq + Eq + core::fmt::Debug,
	Balance: Clone + PartialEq + Eq + core::fmt::Debug,
	BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
	MaxReviewers: Get<u32>,
	MaxMilestones: Get<u32>,
> {
	/// Hash of the specification.
	pub spec_hash: H256,
	/// Where the specification can be read (at most 128 bytes).
	pub spec_url: Url,
	/// The reward, moved to escrow when the bounty opens.
	pub reward: Balance,
	/// Milestones, paid one by one in order; their amounts sum to the reward.
	/// Empty: the bounty is one deliverable.
	pub milestones: BoundedVec<Milestone<Balance>, MaxMilestones>,
	/// Who reviews submissions (none may claim it; a reviewer may not review work
	/// of their own co-op).
	pub reviewers: BoundedVec<AccountId, MaxReviewers>,
	/// Approvals needed per submission (k of n).
	pub approvals_needed: u32,
	/// Blocks contributors have to deliver, counted from the claim and again from
	/// each paid milestone.
	pub claim_period: BlockNumber,
	/// Estimated hours of work, if the funder gives one.
	pub hours: Option<u32>,
}

/// A contribution bounty.
#[derive(
	Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
#[scale_info(skip_type_params(MaxReviewers, MaxMilestones))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
#[serde(bound(serialize = "AccountId: serde::Serialize, Balance: serde::Serialize, \
	BlockNumber: serde::Serialize"))]
pub struct Bounty<
	AccountId,
	Balance,
	BlockNumber,
	MaxReviewers: frame_support::traits::Get<u32>,
	MaxMilestones: frame_support::traits::Get<u32>,
> {
	/// Who funded it.
	pub funder: Funder<AccountId>,
	/// The member who created it (holds the deposit); `None` for treasury bounties.
	pub creator: Option<AccountId>,
	/// Hash of the specification.
	pub spec_hash: H256,
	/// Where the specification can be read.
	pub spec_url: Url,
	/// The whole reward.
	pub reward: Balance,
	/// Paid out so far; the escrow account holds `reward - paid` until the end.
	pub paid: Balance,
	/// Milestones, paid in order; empty for a single-deliverable bounty.
	pub milestones: BoundedVec<Milestone<Balance>, MaxMilestones>,
	/// Milestones approved and paid so far.
	pub milestones_paid: u32,
	/// Deposit held from the creator for this record.
	pub deposit: Balance,
	/// Who reviews submissions.
	pub reviewers: BoundedVec<AccountId, MaxReviewers>,
	/// Approvals needed to pay (k of n).
	pub approvals_needed: u32,
	/// Reviewers who approved the submission under review.
	pub approvals: BoundedVec<AccountId, MaxReviewers>,
	/// Blocks contributors have to deliver.
	pub claim_period: BlockNumber,
	/// Estimated hours of work.
	pub hours: Option<u32>,
	/// Where it is.
	pub status: BountyStatus,
	/// Reviewers who rejected the submission under review (a submission is rejected
	/// once approval can no longer reach `approvals_needed`).
	pub rejections: BoundedVec<AccountId, MaxReviewers>,
	/// The bounty may not be claimed before this block (a cool-down after a claim
	/// ended without delivery, during which the funder may cancel it).
	pub claimable_from: BlockNumber,
}

/// Who works on a bounty. Kept after payout, as the record of who delivered.
#[derive(
	Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen, serde::Serialize,
)]
#[serde(rename_all = "camelCase")]
#[scale_info(skip_type_params(MaxContributors, MaxReviewers))]
#[codec(mel_bound(AccountId: MaxEncodedLen, Balance: MaxEncodedLen, BlockNumber: MaxEncodedLen))]
#[serde(bound(serialize = "AccountId: serde::Serialize, Balance: serde::Serialize, \
	BlockNumber: serde::Serialize"))]
pub struct Claim<
	AccountId,
	Balance,
	BlockNumber,
	MaxContributors: frame_support::traits::Get<u32>,
	MaxReviewers: frame_support::traits::Get<u32>,
> {
	/// The member who claimed it and submits the work; first of `contributors`.
	pub claimant: AccountId,
	/// Where payments go.
	pub pay_to: PayTo,
	/// The next delivery is due before this block.
	pub until: BlockNumber,
	/// Held from the claimant while the claim runs; zero once returned.
	pub deposit: Balance,
	/// Everyone paid, with their shares; the claimant first.
	pub contributors: BoundedVec<Contributor<AccountId>, MaxContributors>,
	/// The reviewers who may review this claim's work, each with the co-op it was an
	/// active member of when the claim was made: one per co-op, none of them the
	/// funding co-op nor a contributor's co-op. Re-checked at each review.
	pub reviewers: BoundedVec<(AccountId, CoopId), MaxReviewers>,
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
	/// The milestone it delivers (`None` for a single-deliverable bounty).
	pub milestone: Option<u32>,
	/// The repository.
	pub repo: Url,
	/// The commit (a git SHA-1, 20 bytes).
	pub commit: [u8; 20],
	/// The release tag, if the work was released.
	pub tag: Option<Tag>,
	/// When.
	pub at: BlockNumber,
}
