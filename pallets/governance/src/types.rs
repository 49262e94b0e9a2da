//! Types stored and exchanged by the governance pallet.

use alloc::boxed::Box;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, weights::Weight, BoundedVec};
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill};

pub use coop_primitives::governance::{Outcome, Position, ProposalId, Tally, TrackId};

/// Track names are short labels.
pub type TrackName = BoundedVec<u8, ConstU32<32>>;

/// Who the ballot counts.
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
pub enum Scheme {
	/// One co-op, one vote: each co-op's position is the majority of its own
	/// members' votes (a tie is an abstention), and co-op positions decide.
	PerCoop,
	/// One member, one vote across the whole federation.
	PerMember,
}

/// How votes become a decision.
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
pub enum Method {
	/// Passes when turnout reaches the quorum and the share of ayes among ayes and
	/// nays reaches the threshold (and ayes outnumber nays, so a tie fails).
	Majority,
	/// Lazy consensus: passes at the deadline unless blocked. A single eligible
	/// member's `Block` stops it, under either scheme, and its reason is kept in the
	/// decision register. `Nay` on a consent track is a recorded disagreement that
	/// stands aside: it does not stop the proposal. The quorum, if any, still applies.
	Consent,
}

/// Parameters of a voting track. Changed only by a vote on the Bylaws track.
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
pub struct TrackInfo<Balance, BlockNumber> {
	/// Human-readable label, e.g. `Bylaws`.
	pub name: TrackName,
	/// Who the ballot counts.
	pub scheme: Scheme,
	/// How votes become a decision.
	pub method: Method,
	/// Blocks from proposal to deadline.
	pub voting_period: BlockNumber,
	/// Share of eligible voters (members or co-ops) that must take part; abstentions count.
	pub quorum: Perbill,
	/// Share of ayes among ayes and nays needed (`Majority` only).
	pub threshold: Perbill,
	/// Held from the proposer until the proposal closes; slashed to the treasury if
	/// the proposal is killed or misses its quorum.
	pub deposit: Balance,
	/// The most proposals open on this track at once.
	pub max_open: u32,
	/// The most proposals made by members of one co-op open on this track at once;
	/// below `max_open`, so no co-op can fill a track.
	pub max_open_per_coop: u32,
	/// Blocks between approval and enactment of a call, so members can react.
	pub enactment_delay: BlockNumber,
}

/// The rules a proposal is decided by: its track's parameters when it was made.
/// A later track change does not touch proposals already open.
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
pub struct Rules<BlockNumber> {
	/// Who the ballot counts.
	pub scheme: Scheme,
	/// How votes become a decision.
	pub method: Method,
	/// Share of eligible voters that must take part.
	pub quorum: Perbill,
	/// Share of ayes among ayes and nays needed (`Majority` only).
	pub threshold: Perbill,
	/// Blocks between approval and enactment.
	pub enactment_delay: BlockNumber,
}

impl<Balance, BlockNumber: Copy> TrackInfo<Balance, BlockNumber> {
	/// The rules a proposal opened on this track now is decided by.
	pub fn rules(&self) -> Rules<BlockNumber> {
		Rules {
			scheme: self.scheme,
			method: self.method,
			quorum: self.quorum,
			threshold: self.threshold,
			enactment_delay: self.enactment_delay,
		}
	}
}

/// A vote as cast.
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
)]
pub enum Vote {
	/// In favour.
	Aye,
	/// Against.
	Nay,
	/// Present, without a position: counts for quorum only.
	Abstain,
	/// A principled objection (Consent tracks only); the hash names the written reason.
	Block(H256),
}

impl From<Vote> for Position {
	fn from(v: Vote) -> Self {
		match v {
			Vote::Aye => Position::Aye,
			Vote::Nay => Position::Nay,
			Vote::Abstain => Position::Abstain,
			Vote::Block(_) => Position::Block,
		}
	}
}

/// What a proposal asks for, as submitted.
#[derive(Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo)]
pub enum ProposalAction<Call, Hash> {
	/// Dispatch this call with the origin `Federation { track }` if approved.
	Call(Box<Call>),
	/// A decision with no on-chain effect, e.g. a charter change: the document's hash.
	Signal(H256),
	/// Authorise a runtime upgrade to code with this hash (Bylaws track only);
	/// anyone may then apply it with `System::apply_authorized_upgrade`.
	AuthorizeUpgrade(Hash),
}

/// What a proposal asks for, as stored. A call's bytes live apart, in
/// `ProposalCalls`, so that votes never load them.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub enum StoredAction<Hash> {
	/// A runtime call (kept encoded in `ProposalCalls`) and the weight it declared.
	Call { weight: Weight },
	/// A document hash.
	Signal(H256),
	/// A runtime code hash to authorise.
	AuthorizeUpgrade(Hash),
}

/// An open proposal.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Proposal<AccountId, Balance, BlockNumber, Hash> {
	/// Who proposed it.
	pub proposer: AccountId,
	/// The proposer's co-op.
	pub coop: CoopId,
	/// Its track.
	pub track: TrackId,
	/// What it asks for.
	pub action: StoredAction<Hash>,
	/// Hash of the encoded action, for the decision register.
	pub action_hash: Hash,
	/// Deposit held from the proposer.
	pub deposit: Balance,
	/// Block it was proposed at. Only members who were active members before this
	/// block may vote on it.
	pub created: BlockNumber,
	/// Voting ends at this block.
	pub deadline: BlockNumber,
	/// The track's rules when it was proposed.
	pub rules: Rules<BlockNumber>,
	/// The co-op its call would suspend or expel, which cannot leave meanwhile.
	pub subject: Option<CoopId>,
	/// Members of active co-ops when it was proposed.
	pub eligible_members: u32,
	/// Active co-ops when it was proposed.
	pub eligible_coops: u32,
}

/// A proposal's tallies, summed from its co-ops' sub-tallies when read (a vote only
/// writes its co-op's sub-tally, so voting stays O(1)).
#[derive(Clone, Copy, Default, Eq, PartialEq, Debug)]
pub struct Tallies {
	/// Member-level tally.
	pub members: Tally,
	/// Co-op-level tally: each co-op with at least one vote counts once, by position.
	pub coops: Tally,
}

/// A closed proposal, kept forever in the decision register.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Decision<AccountId, BlockNumber, Hash> {
	/// Its track.
	pub track: TrackId,
	/// Who proposed it.
	pub proposer: AccountId,
	/// The proposer's co-op.
	pub coop: CoopId,
	/// What it asked for (a call's bytes are kept apart until it is enacted).
	pub action: StoredAction<Hash>,
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
	/// For an approved proposal whose call waits out the track's enactment delay:
	/// the block it is scheduled for. `None` if it was enacted at close or not approved.
	pub enact_at: Option<BlockNumber>,
	/// The result of enacting it: `None` if not approved or not enacted yet,
	/// `Some(Ok)` if enacted, `Some(Err)` with the call's error.
	pub enactment: Option<Result<(), DispatchError>>,
}

/// A vote as stored: what, and from which co-op (for the co-op sub-tally).
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct VoteRecord {
	pub vote: Vote,
	pub coop: CoopId,
}
