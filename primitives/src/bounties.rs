//! Contribution bounties: the ids, funders, statuses and ledgers, and `BountiesApi`
//! (`coop_bounty`, `coop_bounties`, `coop_contributions`, `coop_coopContributions`).

use crate::{CoopId, Page};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of a bounty; never reused.
pub type BountyId = u32;

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
	/// Each contributor's co-op sovereign account (the default: co-ops pay their
	/// workers under their own rules).
	Coop,
	/// Each contributor's own account.
	Own,
}

/// Where a bounty is in its life: (`Proposed` →) `Open → Claimed → Submitted → Paid`,
/// back to `Claimed` on a rejection or after a paid milestone, back to `Open` when a
/// claim is given up or expires; `Cancelled` from `Proposed`, `Open`, or a claim that
/// has expired.
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
pub enum BountyStatus {
	/// Funded and waiting for a contributor.
	Open,
	/// Contributors work on it (see [`Claim`]).
	Claimed,
	/// Work submitted, under review.
	Submitted,
	/// Every milestone (or the whole reward) approved and paid.
	Paid,
	/// Cancelled (while proposed or open, or once its claim expired); the unpaid
	/// reward was refunded.
	Cancelled,
	/// Proposed by one admin of a co-op with several admins, to be paid from the
	/// co-op's account: not funded yet, waiting for another admin's `approve_funding`.
	/// (Last, so that the encoding of the older variants is unchanged.)
	Proposed,
}

/// One part of a bounty, paid on its own approval.
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
pub struct Milestone<Balance> {
	/// Paid when this milestone is approved.
	pub amount: Balance,
	/// Hash of what the milestone delivers.
	pub description: H256,
}

/// One contributor of a claim and their share of every payment.
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
pub struct Contributor<AccountId> {
	/// The member.
	pub who: AccountId,
	/// Their co-op when the claim was made.
	pub coop: CoopId,
	/// Their share (parts of the sum of all shares).
	pub shares: u32,
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
	/// Bounties delivered in full.
	pub delivered: u32,
	/// Milestones delivered (of milestone bounties).
	pub milestones: u32,
	/// Total earned.
	pub earned: Balance,
	/// Estimated hours of the bounties delivered (by share).
	pub hours: u32,
	/// Reviews done.
	pub reviews: u32,
}

/// Who works on a bounty, or who delivered it.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ClaimView<AccountId, Balance, BlockNumber> {
	/// The member who claimed it and submits the work; first of `contributors`.
	pub claimant: AccountId,
	/// Where payments go.
	pub pay_to: PayTo,
	/// The next delivery is due before this block.
	pub until: BlockNumber,
	/// Held from the claimant while the claim runs; zero once returned.
	pub deposit: Balance,
	/// Everyone paid, with their shares; the claimant first.
	pub contributors: Vec<Contributor<AccountId>>,
	/// The reviewers who may review this claim's work, each with their co-op.
	pub reviewers: Vec<(AccountId, CoopId)>,
}

/// A piece of delivered work.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct SubmissionView<AccountId, BlockNumber> {
	/// Who submitted it.
	pub by: AccountId,
	/// The milestone it delivers (`None` for a single-deliverable bounty).
	pub milestone: Option<u32>,
	/// The repository URL (UTF-8).
	pub repo: Vec<u8>,
	/// The commit (a git SHA-1).
	pub commit: [u8; 20],
	/// The release tag (UTF-8), if the work was released.
	pub tag: Option<Vec<u8>>,
	/// When.
	pub at: BlockNumber,
}

/// A bounty with its claim and submissions.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct BountyView<AccountId, Balance, BlockNumber> {
	/// Its id.
	pub id: BountyId,
	/// Who funded it.
	pub funder: Funder<AccountId>,
	/// The member who created it (holds the deposit); `None` for treasury bounties.
	pub creator: Option<AccountId>,
	/// Hash of the specification.
	pub spec_hash: H256,
	/// Where the specification can be read (UTF-8).
	pub spec_url: Vec<u8>,
	/// The whole reward.
	pub reward: Balance,
	/// Paid out so far.
	pub paid: Balance,
	/// Milestones, paid in order; empty for a single-deliverable bounty.
	pub milestones: Vec<Milestone<Balance>>,
	/// Milestones approved and paid so far.
	pub milestones_paid: u32,
	/// Deposit held from the creator.
	pub deposit: Balance,
	/// Who reviews submissions.
	pub reviewers: Vec<AccountId>,
	/// Approvals needed to pay (k of n).
	pub approvals_needed: u32,
	/// Reviewers who approved the submission under review.
	pub approvals: Vec<AccountId>,
	/// Reviewers who rejected the submission under review.
	pub rejections: Vec<AccountId>,
	/// Blocks contributors have to deliver.
	pub claim_period: BlockNumber,
	/// Estimated hours of work.
	pub hours: Option<u32>,
	/// Where it is.
	pub status: BountyStatus,
	/// It may not be claimed before this block.
	pub claimable_from: BlockNumber,
	/// Who works on it or delivered it.
	pub claim: Option<ClaimView<AccountId, Balance, BlockNumber>>,
	/// The work submitted for it.
	pub submissions: Vec<SubmissionView<AccountId, BlockNumber>>,
}

sp_api::decl_runtime_apis! {
	/// Read access to bounties and the contribution ledger.
	///
	/// Version 2: plain views, and cursor pages read through a status index.
	#[api_version(2)]
	pub trait BountiesApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A bounty with its claim and submissions.
		fn bounty(id: BountyId) -> Option<BountyView<AccountId, Balance, BlockNumber>>;
		/// Bounties in `status` (all if `None`) after `start_after`.
		fn bounties(
			status: Option<BountyStatus>,
			start_after: Option<BountyId>,
			limit: u32,
		) -> Page<BountyView<AccountId, Balance, BlockNumber>, BountyId>;
		/// An account's contribution ledger.
		fn contributions(who: AccountId) -> Ledger<Balance>;
		/// A co-op's contribution ledger.
		fn coop_contributions(coop: CoopId) -> Ledger<Balance>;
	}
}
