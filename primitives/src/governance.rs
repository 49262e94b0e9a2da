//! Proposals and decisions: the ids, tallies and outcomes, and `GovernanceApi`
//! (`coop_proposal`, `coop_proposals`, `coop_decision`, `coop_decisions`).

use crate::{CoopId, Page};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

/// Identifier of a voting track.
pub type TrackId = u8;
/// Identifier of a proposal; never reused.
pub type ProposalId = u32;

/// A vote or a co-op position without its reason, as tallies count them.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub enum Position {
	Aye,
	Nay,
	Abstain,
	Block,
}

/// Counts of votes (or of co-op positions).
#[derive(
	Clone,
	Copy,
	Default,
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
pub struct Tally {
	pub aye: u32,
	pub nay: u32,
	pub abstain: u32,
	pub block: u32,
}

impl Tally {
	fn slot(&mut self, p: Position) -> &mut u32 {
		match p {
			Position::Aye => &mut self.aye,
			Position::Nay => &mut self.nay,
			Position::Abstain => &mut self.abstain,
			Position::Block => &mut self.block,
		}
	}

	/// Counts one more `p`.
	pub fn add(&mut self, p: Position) {
		let s = self.slot(p);
		*s = s.saturating_add(1);
	}

	/// Counts one `p` fewer.
	pub fn remove(&mut self, p: Position) {
		let s = self.slot(p);
		*s = s.saturating_sub(1);
	}

	/// Counts everyone `other` counts too.
	pub fn merge(&mut self, other: &Tally) {
		self.aye = self.aye.saturating_add(other.aye);
		self.nay = self.nay.saturating_add(other.nay);
		self.abstain = self.abstain.saturating_add(other.abstain);
		self.block = self.block.saturating_add(other.block);
	}

	/// Everyone counted, abstentions and blocks included.
	pub fn voters(&self) -> u32 {
		self.aye.saturating_add(self.nay).saturating_add(self.abstain).saturating_add(self.block)
	}

	/// The position of a co-op whose members voted like this: the strict plurality
	/// among aye, nay and block; a tie (or only abstentions) is an abstention.
	/// `None` while nobody voted.
	pub fn position(&self) -> Option<Position> {
		if self.voters() == 0 {
			return None;
		}
		let (a, n, b) = (self.aye, self.nay, self.block);
		Some(if a > n && a > b {
			Position::Aye
		} else if n > a && n > b {
			Position::Nay
		} else if b > a && b > n {
			Position::Block
		} else {
			Position::Abstain
		})
	}
}

/// How a proposal ended.
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
pub enum Outcome {
	/// Passed.
	Approved,
	/// Failed: quorum or threshold not reached, or blocked.
	Rejected,
	/// Withdrawn by its proposer or cancelled by a Bylaws vote; deposit returned.
	Cancelled,
	/// Killed by a Bylaws vote; deposit slashed.
	Killed,
}

/// An open proposal with its live tallies.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ProposalView<AccountId, BlockNumber, Hash> {
	/// Its id.
	pub id: ProposalId,
	/// Its track.
	pub track: TrackId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// The proposer's co-op.
	pub coop: CoopId,
	/// Hash of the encoded action.
	pub action_hash: Hash,
	/// Block it was proposed at.
	pub created: BlockNumber,
	/// Voting ends at this block.
	pub deadline: BlockNumber,
	/// Members of active co-ops when it was proposed.
	pub eligible_members: u32,
	/// Active co-ops when it was proposed.
	pub eligible_coops: u32,
	/// Member-level tally so far.
	pub members: Tally,
	/// Co-op-level tally so far.
	pub coops: Tally,
	/// Whether it would pass if it closed at its deadline with these votes.
	pub passing: bool,
}

/// A closed or cancelled proposal, from the decision register.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct DecisionView<AccountId, BlockNumber, Hash> {
	/// The proposal's id.
	pub id: ProposalId,
	/// Its track.
	pub track: TrackId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// The proposer's co-op.
	pub coop: CoopId,
	/// Hash of the encoded action.
	pub action_hash: Hash,
	/// Final member-level tally.
	pub members: Tally,
	/// Final co-op-level tally.
	pub coops: Tally,
	/// Members eligible when proposed.
	pub eligible_members: u32,
	/// Co-ops eligible when proposed.
	pub eligible_coops: u32,
	/// Share of eligible members that voted.
	pub member_turnout: Perbill,
	/// Share of eligible co-ops with at least one vote.
	pub coop_turnout: Perbill,
	/// How it ended.
	pub outcome: Outcome,
	/// Block it was proposed at.
	pub created: BlockNumber,
	/// Block it closed at.
	pub closed_at: BlockNumber,
	/// The block its approved call is scheduled for, while it waits.
	pub enact_at: Option<BlockNumber>,
	/// The result of enacting it (`None`: not approved, or not enacted yet).
	pub enactment: Option<Result<(), DispatchError>>,
	/// Who blocked it (consent tracks) and the hash of each written reason.
	pub blocks: Vec<(AccountId, H256)>,
}

sp_api::decl_runtime_apis! {
	/// Read access to proposals, tallies and the decision register.
	///
	/// Version 2 added `block_reasons`. Version 3: decisions carry their blocks,
	/// lists are cursor pages over the open proposals and the register.
	#[api_version(3)]
	pub trait GovernanceApi<AccountId, BlockNumber, Hash>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
		Hash: codec::Codec,
	{
		/// The open proposal with this id.
		fn proposal(id: ProposalId) -> Option<ProposalView<AccountId, BlockNumber, Hash>>;
		/// Open proposals after `start_after`.
		fn proposals(
			start_after: Option<ProposalId>,
			limit: u32,
		) -> Page<ProposalView<AccountId, BlockNumber, Hash>, ProposalId>;
		/// The decision record of a closed or cancelled proposal.
		fn decision(id: ProposalId) -> Option<DecisionView<AccountId, BlockNumber, Hash>>;
		/// Decisions after `start_after`.
		fn decisions(
			start_after: Option<ProposalId>,
			limit: u32,
		) -> Page<DecisionView<AccountId, BlockNumber, Hash>, ProposalId>;
	}
}
