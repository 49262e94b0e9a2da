//! # Co-op governance pallet
//!
//! One member, one vote inside a co-op; one co-op, one vote at the federation
//! level; and a permanent decision register.
//!
//! ## Model
//! - **Tracks** fix how a proposal is decided: scheme (`PerCoop` or `PerMember`),
//!   method (`Majority` or `Consent`), voting period, quorum, threshold, deposit,
//!   enactment delay, and how many may be open at once, in all and per co-op.
//!   Tracks live in storage, are seeded at genesis and changed only by
//!   [`Config::BylawsOrigin`] (a Bylaws vote), within bounds that keep governance
//!   working (see [`Pallet::validate_track`]).
//! - **Proposals** carry a runtime call, a signal (a document hash) or a runtime
//!   upgrade authorisation. Each keeps the rules of its track as they were when it
//!   was made.
//! - **Votes** are O(1) in the number of members and co-ops: each vote updates
//!   the member tally, its co-op's sub-tally, and — when the co-op's position
//!   changes — the co-op tally. No call iterates over votes or members.
//! - **Closing** (by anyone, after the deadline, or earlier once the votes cast
//!   decide it) records the result in the [`Decisions`] register and returns the
//!   deposit, or slashes it to the treasury if the quorum was missed. An approved
//!   call is dispatched with the origin [`Origin::Federation`] naming the track:
//!   at once, or after the track's enactment delay through the scheduler.
//!
//! ## Who may vote: a fixed electorate
//! The electorate of a proposal is fixed when it opens: only accounts that were
//! members of a co-op, while that co-op was active, since before the proposal's
//! block may vote on it (see [`pallet_coop_membership::Electorate`]). Members
//! added later, members who left and came back, and members of a co-op admitted
//! or reinstated later do not vote on it. So the votes cast can never exceed the
//! eligible counts snapshotted at the proposal, and adding puppet members buys no
//! votes.
//!
//! A vote counts as cast: if its voter later leaves their co-op, or the co-op is
//! suspended or exits, the vote stays in both tallies; such a voter can no longer
//! change it. This keeps every vote O(1) and the tally reproducible.
//!
//! ## Closing early
//! Before the deadline, `close` succeeds only when the votes cast decide the
//! outcome whatever the eligible voters who have not voted do: once every eligible
//! member has voted; on a Consent track, as soon as one eligible member blocks;
//! under `PerMember` majority, an approval that enough remaining nays could not
//! overturn, or a rejection that remaining ayes could not overturn. Under
//! `PerCoop` a co-op's position can flip while any of its members may still vote,
//! so a `PerCoop` majority vote closes early only when everyone has voted.
//!
//! ## Capacity and deposits
//! A track holds at most `max_open` proposals, at most `max_open_per_coop` of them
//! from members of one co-op, and one account has at most
//! [`Config::MaxOpenPerProposer`] open in all. The deposit is returned when the
//! proposal passes, fails with its quorum met, or is cancelled; it is slashed to
//! the treasury when the proposal misses its quorum or is killed by a Bylaws vote.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
mod origin;
mod try_state;
pub mod types;
mod views;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origin::EnsureFederation;
pub use pallet::*;
pub use types::*;
pub use views::{DecisionViewOf, ProposalViewOf};
pub use weights::WeightInfo;

use alloc::{boxed::Box, vec::Vec};
use codec::{Decode, DecodeLimit, Encode};
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{
		fungible::{self, Inspect, InspectHold, MutateHold},
		schedule::{v3::Anon as ScheduleAnon, DispatchTime, HIGHEST_PRIORITY},
		Bounded, OnUnbalanced,
	},
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{deposit, CoopId, CoopMembership, Electorate, NotEligible};
use sp_core::H256;
use sp_runtime::{
	traits::{Dispatchable, Hash as HashT, Saturating, Zero},
	Perbill,
};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Slashed deposits, on their way to [`Config::Slash`].
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// A track's parameters as stored.
pub type TrackInfoOf<T> = TrackInfo<BalanceOf<T>, BlockNumberFor<T>>;
/// An open proposal as stored.
pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;
/// A decision as stored.
pub type DecisionOf<T> = Decision<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;
/// A proposal's call, encoded.
pub type CallBytesOf<T> = BoundedVec<u8, <T as Config>::MaxCallLen>;
/// An action as stored, with the call's bytes kept apart (if it carries a call).
type StoredActionAndCall<T> =
	(StoredAction<<T as frame_system::Config>::Hash>, Option<CallBytesOf<T>>);
/// A proposal's action as submitted.
pub type ProposalActionOf<T> =
	ProposalAction<<T as Config>::RuntimeCall, <T as frame_system::Config>::Hash>;

// FRAME's pallet macros expand to `expect` calls on their own invariants (storage
// info, error metadata); the lint cannot tell those from ours, so it is allowed
// here and `scripts/test.sh` rejects any expect call in our non-test sources.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;

	/// The in-code storage version (v2: proposals keep their track's rules, tracks
	/// gained per-co-op capacity and an enactment delay, decisions an `enact_at`;
	/// v3: proposals no longer store tallies, summed from co-op sub-tallies).
	pub(crate) const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The runtime origin, so approved calls can be dispatched as [`Origin::Federation`].
		type RuntimeOrigin: From<Origin>
			+ Into<Result<frame_system::RawOrigin<Self::AccountId>, <Self as Config>::RuntimeOrigin>>;

		/// The runtime call a proposal may carry.
		type RuntimeCall: Parameter
			+ Dispatchable<
				RuntimeOrigin = <Self as Config>::RuntimeOrigin,
				PostInfo = PostDispatchInfo,
			> + GetDispatchInfo
			+ From<frame_system::Call<Self>>
			+ From<Call<Self>>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency proposal deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ fungible::BalancedHold<Self::AccountId>;

		/// Where slashed deposits go (the treasury in the runtime).
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Co-ops and members: who is active, since when, how many there are.
		type Membership: CoopMembership<Self::AccountId>
			+ Electorate<Self::AccountId, BlockNumberFor<Self>>;

		/// The co-op a proposal's call would suspend or expel, if any: while it is
		/// open that co-op cannot leave the federation (see [`MotionsAbout`]).
		type MotionSubject: MotionSubject<<Self as Config>::RuntimeCall>;

		/// Who may change tracks, cancel and kill any proposal (the Bylaws track).
		type BylawsOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;

		/// The origin the scheduler enacts delayed calls with (root).
		type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;

		/// Runs approved calls once their track's enactment delay has passed.
		type Scheduler: ScheduleAnon<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
		>;

		/// The longest encoded call a proposal may carry.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// The heaviest call a proposal may carry, so an approved call can always be enacted.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// How many stored votes `clear_votes` removes per call.
		#[pallet::constant]
		type CleanupBatch: Get<u32>;

		/// The most co-ops the federation may have (the membership pallet's bound):
		/// closing, killing or cancelling a proposal sums at most this many co-op
		/// sub-tallies.
		#[pallet::constant]
		type MaxCoops: Get<u32>;

		/// The most proposals one account may have open at once, on all tracks.
		#[pallet::constant]
		type MaxOpenPerProposer: Get<u32>;

		/// The shortest voting period a track may have.
		#[pallet::constant]
		type MinVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest voting period a track may have.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest enactment delay a track may have.
		#[pallet::constant]
		type MaxEnactmentDelay: Get<BlockNumberFor<Self>>;

		/// The largest deposit a track may ask of a proposer.
		#[pallet::constant]
		type MaxTrackDeposit: Get<BalanceOf<Self>>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// The origin of an approved proposal's call.
	#[pallet::origin]
	#[derive(
		Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
	)]
	pub enum Origin {
		/// The federation decided, by a vote on `track`.
		Federation { track: TrackId },
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A proposal's deposit, returned when it closes (unless slashed).
		ProposalDeposit,
	}

	/// The voting tracks.
	#[pallet::storage]
	pub type Tracks<T: Config> = StorageMap<_, Twox64Concat, TrackId, TrackInfoOf<T>, OptionQuery>;

	/// The id the next proposal will get.
	#[pallet::storage]
	pub type NextProposalId<T> = StorageValue<_, ProposalId, ValueQuery>;

	/// Open proposals.
	#[pallet::storage]
	pub type Proposals<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, ProposalOf<T>, OptionQuery>;

	/// The encoded calls of open proposals that carry one, and of approved ones
	/// waiting for enactment; read only when enacted.
	#[pallet::storage]
	pub type ProposalCalls<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, BoundedVec<u8, T::MaxCallLen>, OptionQuery>;

	/// Open proposals per track, bounded by the track's `max_open`.
	#[pallet::storage]
	pub type OpenCount<T> = StorageMap<_, Twox64Concat, TrackId, u32, ValueQuery>;

	/// Open proposals per track and proposer's co-op, bounded by `max_open_per_coop`.
	#[pallet::storage]
	pub type OpenPerCoop<T> =
		StorageDoubleMap<_, Twox64Concat, TrackId, Twox64Concat, CoopId, u32, ValueQuery>;

	/// Open proposals per proposer, bounded by `MaxOpenPerProposer`.
	#[pallet::storage]
	pub type OpenByProposer<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Each member's vote on each proposal (kept until `clear_votes` after close).
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		VoteRecord,
		OptionQuery,
	>;

	/// Each co-op's members' votes on each proposal: its position is derived from it.
	#[pallet::storage]
	pub type CoopTallies<T> =
		StorageDoubleMap<_, Twox64Concat, ProposalId, Twox64Concat, CoopId, Tally, OptionQuery>;

	/// Proposals whose call would suspend or expel a co-op, by co-op: open ones,
	/// and approved ones waiting out their enactment delay. The co-op may not
	/// leave the federation while it has one.
	#[pallet::storage]
	pub type MotionsAbout<T> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Twox64Concat, ProposalId, (), OptionQuery>;

	/// Approved motions whose call waits out its track's enactment delay, and the
	/// co-op each holds until its call is enacted.
	#[pallet::storage]
	pub type WaitingMotions<T> = StorageMap<_, Twox64Concat, ProposalId, CoopId, OptionQuery>;

	/// Who blocked a consent proposal and the hash of their written reason: part of
	/// the decision register, kept forever. One entry per member whose vote is a
	/// block (a member who withdraws their block while the proposal is open loses
	/// theirs), so no reason is ever dropped, however many members block; the
	/// electorate bounds the entries of a proposal.
	#[pallet::storage]
	pub type BlockReasons<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		H256,
		OptionQuery,
	>;

	/// The decision register: every closed or cancelled proposal, forever.
	#[pallet::storage]
	pub type Decisions<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, DecisionOf<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A proposal was made.
		Proposed {
			id: ProposalId,
			track: TrackId,
			proposer: T::AccountId,
			coop: CoopId,
			action_hash: T::Hash,
			deadline: BlockNumberFor<T>,
		},
		/// A member voted (or changed their vote).
		Voted { id: ProposalId, who: T::AccountId, coop: CoopId, vote: Vote },
		/// A proposal closed; the tallies are final.
		Closed { id: ProposalId, outcome: Outcome, members: Tally, coops: Tally },
		/// An approved call waits out its track's enactment delay until block `at`.
		EnactmentScheduled { id: ProposalId, at: BlockNumberFor<T> },
		/// An approved proposal was enacted, with the call's result.
		Enacted { id: ProposalId, result: Result<(), DispatchError> },
		/// A proposal was cancelled; its deposit was returned.
		Cancelled { id: ProposalId },
		/// A proposal was killed by a Bylaws vote; its deposit was slashed.
		Killed { id: ProposalId },
		/// A proposal's deposit was slashed to the treasury (killed, or quorum missed).
		DepositSlashed { id: ProposalId, who: T::AccountId, amount: BalanceOf<T> },
		/// Stored votes of a closed proposal were removed; `done` once none remain.
		VotesCleared { id: ProposalId, removed: u32, done: bool },
		/// A track's parameters were set.
		TrackSet { track: TrackId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No track has this id: check the track.
		UnknownTrack,
		/// The track already has its maximum of open proposals: wait for one to close.
		TooManyOpen,
		/// Members of your co-op already have the most proposals open on this track
		/// that one co-op may: wait for one of them to close.
		TooManyOpenForCoop,
		/// You already have the most proposals open that one account may: wait for one
		/// of yours to close.
		TooManyOpenForProposer,
		/// The encoded call is longer than `MaxCallLen`: split it or use a runtime upgrade.
		CallTooLong,
		/// The call is heavier than `MaxCallWeight` and could not be enacted.
		CallTooHeavy,
		/// A runtime upgrade can only be authorised on the Bylaws track.
		UpgradeNotOnBylaws,
		/// The proposer cannot cover the track's deposit.
		InsufficientDeposit,
		/// No open proposal has this id: it may have closed (see the decision register).
		ProposalNotFound,
		/// Voting on this proposal has ended: close it instead.
		VotingEnded,
		/// `Block` is only for Consent tracks; vote Nay to oppose on this track.
		BlockNotAllowed,
		/// You already cast exactly this vote.
		SameVote,
		/// You are not a member of any co-op: only members of active co-ops propose and vote.
		NotMember,
		/// Your co-op is not active (an applicant, suspended or gone): its members
		/// cannot propose or vote until it is admitted or reinstated.
		CoopNotActive,
		/// You were not an active member when this proposal was made (you, or your
		/// co-op, joined or came back later): its electorate was fixed when it opened.
		NotInElectorate,
		/// The deadline has not passed and the votes cast do not yet decide the outcome.
		TooEarly,
		/// The weight bound given to `close` is below the proposal call's weight.
		WeightBoundTooLow,
		/// Only the proposer may cancel, and only before the deadline while nobody else
		/// has voted; a motion to suspend or expel a co-op runs to its end (cancelling
		/// and proposing it again would hold the co-op in the federation for free).
		CannotCancel,
		/// A proposal may suspend or expel at most one co-op: the co-op under a motion
		/// may not leave while it is open. Propose one motion per co-op.
		MotionAgainstSeveralCoops,
		/// The proposal is still open: its votes are needed until it closes.
		StillOpen,
		/// No votes are stored for this proposal.
		NothingToClear,
		/// Every proposal id has been used.
		ProposalIdsExhausted,
		/// The voting period is outside `MinVotingPeriod..=MaxVotingPeriod`.
		BadVotingPeriod,
		/// A majority track needs a threshold of at least 50 %.
		ThresholdTooLow,
		/// The Bylaws track decides by majority with a quorum and a threshold of at
		/// least two thirds and at most four fifths each (so no single co-op can hold
		/// it up), with room for at least 4 open proposals.
		BylawsTooWeak,
		/// The deposit is above `MaxTrackDeposit`.
		DepositTooHigh,
		/// A track needs `max_open` of at least 1 and `max_open_per_coop` of at least 1
		/// and below `max_open`, so no co-op can fill it.
		BadCapacity,
		/// The enactment delay is above `MaxEnactmentDelay`.
		EnactmentDelayTooLong,
		/// No approved proposal with this id waits for enactment.
		NotAwaitingEnactment,
	}

	impl<T> From<NotEligible> for Error<T> {
		fn from(e: NotEligible) -> Self {
			match e {
				NotEligible::NotMember => Error::NotMember,
				NotEligible::CoopNotActive => Error::CoopNotActive,
			}
		}
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The voting tracks, by id.
		pub tracks: Vec<(TrackId, TrackInfoOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (id, info) in &self.tracks {
				if let Err(e) = Pallet::<T>::validate_track(*id, info) {
					panic!("invalid genesis track {id}: {e:?}");
				}
				Tracks::<T>::insert(id, info.clone());
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose an action to the federation.
		///
		/// - origin: signed by a member of an active co-op; the track's deposit is held
		///   from them.
		/// - `track`: the track that decides it; it must have room overall, for the
		///   proposer's co-op and for the proposer.
		/// - `action`: a call to dispatch as `Federation { track }`, a signal (document
		///   hash), or a runtime upgrade authorisation (Bylaws track only).
		///
		/// Emits [`Event::Proposed`].
		#[pallet::call_index(0)]
		// The benchmark proposes a remark; a motion against a co-op also writes
		// `MotionsAbout`, charged on top.
		#[pallet::weight(T::WeightInfo::propose(T::MaxCallLen::get())
			.saturating_add(T::DbWeight::get().writes(1)))]
		pub fn propose(
			origin: OriginFor<T>,
			track: TrackId,
			action: Box<ProposalActionOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (coop, _) = T::Membership::active_since(&who).map_err(Error::<T>::from)?;
			let info = Tracks::<T>::get(track).ok_or(Error::<T>::UnknownTrack)?;
			let open = OpenCount::<T>::get(track);
			ensure!(open < info.max_open, Error::<T>::TooManyOpen);
			let open_coop = OpenPerCoop::<T>::get(track, coop);
			ensure!(open_coop < info.max_open_per_coop, Error::<T>::TooManyOpenForCoop);
			let open_mine = OpenByProposer::<T>::get(&who);
			ensure!(open_mine < T::MaxOpenPerProposer::get(), Error::<T>::TooManyOpenForProposer);
			let action_hash = T::Hashing::hash_of(&action);
			let subjects = match action.as_ref() {
				ProposalAction::Call(call) => T::MotionSubject::coops_of(track, call),
				_ => Vec::new(),
			};
			ensure!(subjects.len() <= 1, Error::<T>::MotionAgainstSeveralCoops);
			let subject = subjects.first().copied();
			let (action, call) = Self::store_action(track, *action)?;

			let id = deposit::next_id::<NextProposalId<T>, _>()
				.ok_or(Error::<T>::ProposalIdsExhausted)?;
			deposit::take::<T::Currency, _>(
				&HoldReason::ProposalDeposit.into(),
				&who,
				info.deposit,
			)
			.map_err(|_| Error::<T>::InsufficientDeposit)?;
			OpenCount::<T>::insert(track, open.saturating_add(1));
			OpenPerCoop::<T>::insert(track, coop, open_coop.saturating_add(1));
			OpenByProposer::<T>::insert(&who, open_mine.saturating_add(1));
			if let Some(call) = call {
				ProposalCalls::<T>::insert(id, call);
			}
			if let Some(subject) = subject {
				MotionsAbout::<T>::insert(subject, id, ());
			}

			let now = frame_system::Pallet::<T>::block_number();
			let deadline = now.saturating_add(info.voting_period);
			Proposals::<T>::insert(
				id,
				Proposal {
					proposer: who.clone(),
					coop,
					track,
					action,
					action_hash,
					deposit: info.deposit,
					created: now,
					deadline,
					rules: info.rules(),
					subject,
					eligible_members: T::Membership::active_members(),
					eligible_coops: T::Membership::active_coops(),
				},
			);
			Self::deposit_event(Event::Proposed {
				id,
				track,
				proposer: who,
				coop,
				action_hash,
				deadline,
			});
			Ok(())
		}

		/// Vote on an open proposal, or change your vote. A member's first vote on a
		/// proposal is free of fees (the runtime skips the fee for it); changing a
		/// vote pays as any transaction does, so nobody can spam for free.
		///
		/// - origin: signed by a member of the proposal's electorate: an account that
		///   was a member of an active co-op before the proposal's block, and still is.
		/// - `id`: an open proposal whose deadline has not passed.
		/// - `vote`: `Aye`, `Nay`, `Abstain`, or `Block(reason_hash)` on Consent tracks
		///   (one block stops a consent proposal; `Nay` there only records dissent).
		///
		/// Costs O(1) whatever the number of members and co-ops: it reads the voter's
		/// membership and co-op, the proposal, the earlier vote and the co-op's
		/// sub-tally, and writes only the vote and the sub-tally (the federation's
		/// tallies are summed from the sub-tallies when read). A block, or a change
		/// from one, also writes the voter's entry in [`BlockReasons`]. The most work a vote
		/// can do is charged up front; a first vote that is not a block is refunded
		/// down to its own, smaller weight. Emits [`Event::Voted`].
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::vote_weight_upper_bound())]
		#[pallet::feeless_if(|origin: &OriginFor<T>, id: &ProposalId, vote: &Vote| -> bool {
			ensure_signed(origin.clone())
				.is_ok_and(|who| Pallet::<T>::is_first_vote(&who, *id, *vote))
		})]
		pub fn vote(
			origin: OriginFor<T>,
			id: ProposalId,
			vote: Vote,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (coop, previous) = Self::check_vote(&who, id, vote)?;
			// Only a first vote that is not a block leaves the block reasons alone.
			let actual_weight = (previous.is_none() && !matches!(vote, Vote::Block(_)))
				.then(|| T::WeightInfo::vote(VOTE_BENCHMARK_MEMBERS));
			match previous {
				Some(old) => {
					// A member who moved co-op since voting is outside the electorate
					// (`check_vote`); refused here too, so a tally never loses a vote.
					ensure!(old.coop == coop, Error::<T>::NotInElectorate);
					ensure!(old.vote != vote, Error::<T>::SameVote);
					Self::update_coop(id, coop, Some(old.vote.into()), Some(vote.into()));
				}
				None => Self::update_coop(id, coop, None, Some(vote.into())),
			}
			if matches!(vote, Vote::Block(_))
				|| previous.is_some_and(|o| matches!(o.vote, Vote::Block(_)))
			{
				Self::note_block_reason(id, &who, vote);
			}
			Votes::<T>::insert(id, &who, VoteRecord { vote, coop });

			Self::deposit_event(Event::Voted { id, who, coop, vote });
			Ok(PostDispatchInfo { actual_weight, pays_fee: Pays::Yes })
		}

		/// Close a proposal: after its deadline, or earlier once the votes cast decide it
		/// (see the pallet docs). An approved call is dispatched as `Federation { track }`
		/// now, or scheduled after the track's enactment delay.
		///
		/// - origin: signed, anyone.
		/// - `id`: an open proposal.
		/// - `weight_bound`: at least the weight of the proposal's call as it decodes now
		///   (`0` for signals and for calls with an enactment delay).
		///
		/// Emits [`Event::Closed`] and, if approved, [`Event::Enacted`] or
		/// [`Event::EnactmentScheduled`]; records the decision in [`Decisions`]; returns
		/// the proposer's deposit, or slashes it ([`Event::DepositSlashed`]) if the
		/// quorum was missed.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close(T::MaxCoops::get()).saturating_add(*weight_bound))]
		pub fn close(
			origin: OriginFor<T>,
			id: ProposalId,
			weight_bound: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
			let tallies = Self::tallies(id);
			let now = frame_system::Pallet::<T>::block_number();
			let at_deadline = now >= proposal.deadline;
			let approved = if at_deadline {
				Self::approved(&proposal, &tallies)
			} else {
				Self::decided_early(&proposal, &tallies).ok_or(Error::<T>::TooEarly)?
			};
			let delay = proposal.rules.enactment_delay;
			let enact_now = approved && delay.is_zero();
			if enact_now && matches!(proposal.action, StoredAction::Call { .. }) {
				// The runtime may have changed since the proposal: weigh the call as it
				// decodes now, not as it was declared.
				let weight = ProposalCalls::<T>::get(id)
					.and_then(|bytes| Self::decode_call(&bytes))
					.map(|call| call.get_dispatch_info().call_weight)
					.unwrap_or_default();
				ensure!(weight_bound.all_gte(weight), Error::<T>::WeightBoundTooLow);
			}

			let enact_at = if approved && !enact_now {
				// Fails (and `close` with it, to be retried) only if the scheduler's
				// agenda for that block is full: an approved decision is never lost.
				let at = now.saturating_add(delay);
				Self::schedule_enactment(id, at)?;
				Some(at)
			} else {
				None
			};

			let slash = at_deadline && !Self::quorum_met(&proposal, &tallies);
			Self::finish(id, &proposal, slash, enact_at.is_some());
			let outcome = if approved { Outcome::Approved } else { Outcome::Rejected };
			Self::deposit_event(Event::Closed {
				id,
				outcome,
				members: tallies.members,
				coops: tallies.coops,
			});
			Self::record(id, &proposal, &tallies, outcome, enact_at);
			let mut used = Weight::zero();
			if let Some(at) = enact_at {
				Self::deposit_event(Event::EnactmentScheduled { id, at });
			} else if approved {
				used = Self::enact_stored(id, &proposal.action, proposal.track);
			} else {
				ProposalCalls::<T>::remove(id);
			}
			let base = T::WeightInfo::close(proposal.eligible_coops.min(T::MaxCoops::get()));
			Ok(Some(base.saturating_add(used)).into())
		}

		/// Cancel a proposal. Its deposit is returned and the cancellation recorded.
		///
		/// - origin: the proposer, before the deadline and while nobody but themselves
		///   has voted, unless it is a motion against a co-op; or
		///   [`Config::BylawsOrigin`] at any time.
		/// - `id`: an open proposal.
		///
		/// Emits [`Event::Cancelled`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel(T::MaxCoops::get()))]
		pub fn cancel(origin: OriginFor<T>, id: ProposalId) -> DispatchResultWithPostInfo {
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
			if T::BylawsOrigin::try_origin(origin.clone()).is_err() {
				let who = ensure_signed(origin)?;
				ensure!(who == proposal.proposer, Error::<T>::CannotCancel);
				ensure!(proposal.subject.is_none(), Error::<T>::CannotCancel);
				let own = u32::from(Votes::<T>::contains_key(id, &who));
				// Two sub-tallies are enough to see whether anyone else voted.
				let voters = CoopTallies::<T>::iter_prefix_values(id)
					.take(2)
					.fold(0u32, |n, sub| n.saturating_add(sub.voters()));
				ensure!(voters <= own, Error::<T>::CannotCancel);
				// After the deadline the outcome is due: a proposal that missed its
				// quorum cannot be withdrawn to dodge the slash.
				let now = frame_system::Pallet::<T>::block_number();
				ensure!(now < proposal.deadline, Error::<T>::CannotCancel);
			}
			let tallies = Self::tallies(id);
			Self::finish(id, &proposal, false, false);
			ProposalCalls::<T>::remove(id);
			Self::record(id, &proposal, &tallies, Outcome::Cancelled, None);
			Self::deposit_event(Event::Cancelled { id });
			Ok(Some(T::WeightInfo::cancel(proposal.eligible_coops.min(T::MaxCoops::get()))).into())
		}

		/// Remove up to `CleanupBatch` stored votes of a closed proposal. The final
		/// tallies and block reasons stay in the decision register. Free of fees
		/// when it succeeds: first votes are free too, and their storage should not
		/// stay because removing it costs the one who does it.
		///
		/// - origin: signed, anyone.
		/// - `id`: a closed or cancelled proposal with votes left.
		///
		/// Emits [`Event::VotesCleared`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::clear_votes(T::CleanupBatch::get()))]
		pub fn clear_votes(origin: OriginFor<T>, id: ProposalId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			ensure!(!Proposals::<T>::contains_key(id), Error::<T>::StillOpen);
			ensure!(
				Votes::<T>::iter_key_prefix(id).next().is_some()
					|| CoopTallies::<T>::iter_key_prefix(id).next().is_some(),
				Error::<T>::NothingToClear
			);
			// Keys are collected first (at most `CleanupBatch`), so the count is exact and
			// the work bounded whether the votes are committed or still in this block.
			let limit = T::CleanupBatch::get() as usize;
			let voters: Vec<T::AccountId> = Votes::<T>::iter_key_prefix(id).take(limit).collect();
			for voter in &voters {
				Votes::<T>::remove(id, voter);
			}
			let left = limit.saturating_sub(voters.len()).max(1);
			let coops: Vec<CoopId> = CoopTallies::<T>::iter_key_prefix(id).take(left).collect();
			for coop in &coops {
				CoopTallies::<T>::remove(id, coop);
			}
			let removed =
				u32::try_from(voters.len().saturating_add(coops.len())).unwrap_or(u32::MAX);
			let done = Votes::<T>::iter_key_prefix(id).next().is_none()
				&& CoopTallies::<T>::iter_key_prefix(id).next().is_none();
			Self::deposit_event(Event::VotesCleared { id, removed, done });
			Ok(PostDispatchInfo {
				actual_weight: Some(T::WeightInfo::clear_votes(removed)),
				pays_fee: Pays::No,
			})
		}

		/// Create or change a voting track.
		///
		/// - origin: [`Config::BylawsOrigin`].
		/// - `track`: its id; `info`: its parameters, within the bounds of
		///   [`Pallet::validate_track`]. Open proposals keep the rules they were made
		///   with.
		///
		/// Emits [`Event::TrackSet`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_track())]
		pub fn set_track(
			origin: OriginFor<T>,
			track: TrackId,
			info: TrackInfoOf<T>,
		) -> DispatchResult {
			T::BylawsOrigin::ensure_origin(origin)?;
			Self::validate_track(track, &info)?;
			Tracks::<T>::insert(track, info);
			Self::deposit_event(Event::TrackSet { track });
			Ok(())
		}

		/// Kill a proposal: it ends at once and its deposit is slashed to the treasury
		/// (for proposals that abuse the process, e.g. spam).
		///
		/// - origin: [`Config::BylawsOrigin`].
		/// - `id`: an open proposal.
		///
		/// Emits [`Event::Killed`] and [`Event::DepositSlashed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::kill(T::MaxCoops::get()))]
		pub fn kill(origin: OriginFor<T>, id: ProposalId) -> DispatchResultWithPostInfo {
			T::BylawsOrigin::ensure_origin(origin)?;
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
			let tallies = Self::tallies(id);
			Self::finish(id, &proposal, true, false);
			ProposalCalls::<T>::remove(id);
			Self::record(id, &proposal, &tallies, Outcome::Killed, None);
			Self::deposit_event(Event::Killed { id });
			Ok(Some(T::WeightInfo::kill(proposal.eligible_coops.min(T::MaxCoops::get()))).into())
		}

		/// Enact an approved proposal whose enactment delay has passed. Called by the
		/// scheduler; the call is decoded and weighed as it is now, dispatched as
		/// `Federation { track }`, and its result recorded in the decision.
		///
		/// - origin: root (the scheduler).
		/// - `id`: an approved proposal waiting for enactment.
		///
		/// Emits [`Event::Enacted`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::enact()
			.saturating_add(T::MaxCallWeight::get())
			.saturating_add(Pallet::<T>::release_motion_weight()))]
		pub fn enact(origin: OriginFor<T>, id: ProposalId) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			let decision = Decisions::<T>::get(id)
				.filter(|d| d.outcome == Outcome::Approved && d.enactment.is_none())
				.ok_or(Error::<T>::NotAwaitingEnactment)?;
			let used = Self::enact_stored(id, &decision.action, decision.track);
			// The motion's co-op was held until now, whatever the call's result.
			if let Some(coop) = WaitingMotions::<T>::take(id) {
				MotionsAbout::<T>::remove(coop, id);
			}
			let base = T::WeightInfo::enact().saturating_add(Self::release_motion_weight());
			Ok(Some(base.saturating_add(used)).into())
		}
	}
}

/// Tells which co-ops a proposed call would suspend or expel (implemented by the
/// runtime, which knows the membership pallet's calls and which track's origin
/// may make them).
pub trait MotionSubject<Call> {
	/// The co-ops that `call`, enacted with `track`'s origin, would suspend or expel,
	/// each once: empty when the track's origin cannot suspend or expel, so that a
	/// call no vote on that track could enact does not hold anyone back.
	fn coops_of(track: TrackId, call: &Call) -> Vec<CoopId>;
}

impl<Call> MotionSubject<Call> for () {
	fn coops_of(_: TrackId, _: &Call) -> Vec<CoopId> {
		Vec::new()
	}
}

/// Whether a motion about a co-op is open, or approved and waiting to be enacted:
/// what membership's `UnderMotion` asks.
pub struct OpenMotions<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Contains<CoopId> for OpenMotions<T> {
	fn contains(coop: &CoopId) -> bool {
		MotionsAbout::<T>::iter_prefix(coop).next().is_some()
	}
}

/// The federation size at which `vote` and `revote` are weighed. The benchmarks vary
/// the number of members who voted before from 10 to this, to show the cost does
/// not grow with it.
pub const VOTE_BENCHMARK_MEMBERS: u32 = 1000;

/// The track id of the Bylaws track: the only one that may authorise upgrades.
pub const BYLAWS_TRACK: TrackId = 1;

impl<T: Config> Pallet<T> {
	/// Checks a track's parameters: the bounds that keep governance working whatever
	/// a Bylaws vote sets. The voting period within `MinVotingPeriod..=MaxVotingPeriod`;
	/// majority thresholds of at least 50 %; capacity of at least one proposal, with
	/// room left when one co-op uses all of its share; an enactment delay of at most
	/// `MaxEnactmentDelay`; a deposit of at most `MaxTrackDeposit`; and the Bylaws
	/// track a majority track with room for 4 proposals whose quorum and threshold
	/// are each between two thirds and four fifths.
	pub fn validate_track(track: TrackId, info: &TrackInfoOf<T>) -> DispatchResult {
		ensure!(
			info.voting_period >= T::MinVotingPeriod::get()
				&& info.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::BadVotingPeriod
		);
		if info.method == Method::Majority {
			ensure!(info.threshold >= Perbill::from_percent(50), Error::<T>::ThresholdTooLow);
		}
		ensure!(
			info.max_open_per_coop >= 1 && info.max_open_per_coop < info.max_open,
			Error::<T>::BadCapacity
		);
		ensure!(
			info.enactment_delay <= T::MaxEnactmentDelay::get(),
			Error::<T>::EnactmentDelayTooLong
		);
		ensure!(info.deposit <= T::MaxTrackDeposit::get(), Error::<T>::DepositTooHigh);
		if track == BYLAWS_TRACK {
			let bounds = Perbill::from_rational(2u32, 3u32)..=Perbill::from_percent(80);
			ensure!(
				info.method == Method::Majority
					&& bounds.contains(&info.quorum)
					&& bounds.contains(&info.threshold)
					&& info.max_open >= 4,
				Error::<T>::BylawsTooWeak
			);
		}
		Ok(())
	}

	fn store_action(
		track: TrackId,
		action: ProposalActionOf<T>,
	) -> Result<StoredActionAndCall<T>, DispatchError> {
		Ok(match action {
			ProposalAction::Call(call) => {
				let weight = call.get_dispatch_info().call_weight;
				ensure!(T::MaxCallWeight::get().all_gte(weight), Error::<T>::CallTooHeavy);
				let bytes =
					BoundedVec::try_from(call.encode()).map_err(|_| Error::<T>::CallTooLong)?;
				(StoredAction::Call { weight }, Some(bytes))
			}
			ProposalAction::Signal(hash) => (StoredAction::Signal(hash), None),
			ProposalAction::AuthorizeUpgrade(hash) => {
				ensure!(track == BYLAWS_TRACK, Error::<T>::UpgradeNotOnBylaws);
				(StoredAction::AuthorizeUpgrade(hash), None)
			}
		})
	}

	fn decode_call(bytes: &[u8]) -> Option<<T as Config>::RuntimeCall> {
		let mut input = bytes;
		<T as Config>::RuntimeCall::decode_with_depth_limit(
			frame_support::MAX_EXTRINSIC_DEPTH,
			&mut input,
		)
		.ok()
	}

	/// Checks that `who` may cast `vote` on proposal `id`: a member of its electorate,
	/// before its deadline, a block only on a consent track. Returns the voter's
	/// co-op and their earlier vote, if any.
	fn check_vote(
		who: &T::AccountId,
		id: ProposalId,
		vote: Vote,
	) -> Result<(CoopId, Option<VoteRecord>), DispatchError> {
		let (coop, since) = T::Membership::active_since(who).map_err(Error::<T>::from)?;
		let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
		ensure!(since < proposal.created, Error::<T>::NotInElectorate);
		ensure!(
			frame_system::Pallet::<T>::block_number() < proposal.deadline,
			Error::<T>::VotingEnded
		);
		if matches!(vote, Vote::Block(_)) {
			ensure!(proposal.rules.method == Method::Consent, Error::<T>::BlockNotAllowed);
		}
		Ok((coop, Votes::<T>::get(id, who)))
	}

	/// What `vote` is charged before it runs: the most work a vote does (a change of
	/// a block's reason), and never less than a first
	/// vote, whatever the two benchmarks measured.
	pub fn vote_weight_upper_bound() -> Weight {
		T::WeightInfo::revote(VOTE_BENCHMARK_MEMBERS)
			.max(T::WeightInfo::vote(VOTE_BENCHMARK_MEMBERS))
	}

	/// Whether `vote` would be `who`'s first, valid vote on proposal `id`: such a
	/// vote is feeless. Each member has at most one per open proposal.
	pub fn is_first_vote(who: &T::AccountId, id: ProposalId, vote: Vote) -> bool {
		Self::check_vote(who, id, vote).is_ok_and(|(_, previous)| previous.is_none())
	}

	/// Moves one vote into or out of a co-op's sub-tally. O(1).
	fn update_coop(id: ProposalId, coop: CoopId, remove: Option<Position>, add: Option<Position>) {
		let mut sub = CoopTallies::<T>::get(id, coop).unwrap_or_default();
		if let Some(p) = remove {
			sub.remove(p);
		}
		if let Some(p) = add {
			sub.add(p);
		}
		if sub.voters() == 0 {
			CoopTallies::<T>::remove(id, coop);
		} else {
			CoopTallies::<T>::insert(id, coop, sub);
		}
	}

	/// Keeps `who`'s entry in the proposal's block reasons in step with their vote:
	/// one write, whatever the number of blocks.
	fn note_block_reason(id: ProposalId, who: &T::AccountId, vote: Vote) {
		match vote {
			Vote::Block(reason) => BlockReasons::<T>::insert(id, who, reason),
			_ => BlockReasons::<T>::remove(id, who),
		}
	}

	/// Proposal `id`'s tallies, summed from its co-ops' sub-tallies: O(co-ops that
	/// voted), at most [`Config::MaxCoops`].
	pub fn tallies(id: ProposalId) -> Tallies {
		let mut tallies = Tallies::default();
		for sub in CoopTallies::<T>::iter_prefix_values(id).take(T::MaxCoops::get() as usize) {
			tallies.members.merge(&sub);
			if let Some(p) = sub.position() {
				tallies.coops.add(p);
			}
		}
		tallies
	}

	/// The tally and eligible count that decide, per the proposal's scheme.
	fn deciding(proposal: &ProposalOf<T>, tallies: &Tallies) -> (Tally, u32) {
		match proposal.rules.scheme {
			Scheme::PerMember => (tallies.members, proposal.eligible_members),
			Scheme::PerCoop => (tallies.coops, proposal.eligible_coops),
		}
	}

	fn turnout(voters: u32, eligible: u32) -> Perbill {
		Perbill::from_rational(voters, eligible.max(voters).max(1))
	}

	fn ratio_met(aye: u32, nay: u32, threshold: Perbill) -> bool {
		aye > nay && Perbill::from_rational(aye, aye.saturating_add(nay)) >= threshold
	}

	/// Whether turnout, on the scheme's own unit, reaches the quorum.
	pub fn quorum_met(proposal: &ProposalOf<T>, tallies: &Tallies) -> bool {
		let (tally, eligible) = Self::deciding(proposal, tallies);
		Self::turnout(tally.voters(), eligible) >= proposal.rules.quorum
	}

	/// Whether the proposal passes with the votes cast (at its deadline).
	pub fn approved(proposal: &ProposalOf<T>, tallies: &Tallies) -> bool {
		let (tally, _) = Self::deciding(proposal, tallies);
		Self::quorum_met(proposal, tallies)
			&& match proposal.rules.method {
				Method::Majority => Self::ratio_met(tally.aye, tally.nay, proposal.rules.threshold),
				// Any one member's block stops it, whatever their co-op's position.
				Method::Consent => tallies.members.block == 0,
			}
	}

	/// The outcome, if the votes cast decide it before the deadline.
	pub fn decided_early(proposal: &ProposalOf<T>, tallies: &Tallies) -> Option<bool> {
		if proposal.rules.method == Method::Consent && tallies.members.block > 0 {
			return Some(false);
		}
		let remaining = proposal.eligible_members.saturating_sub(tallies.members.voters());
		if remaining == 0 {
			return Some(Self::approved(proposal, tallies));
		}
		if proposal.rules.scheme == Scheme::PerCoop || proposal.rules.method == Method::Consent {
			// A co-op's position can still flip while any of its members may vote, and
			// a consent proposal can be blocked until its deadline.
			return None;
		}
		let t = tallies.members;
		let threshold = proposal.rules.threshold;
		let quorum_met =
			Self::turnout(t.voters(), proposal.eligible_members) >= proposal.rules.quorum;
		if quorum_met && Self::ratio_met(t.aye, t.nay.saturating_add(remaining), threshold) {
			Some(true)
		} else if !Self::ratio_met(t.aye.saturating_add(remaining), t.nay, threshold) {
			Some(false)
		} else {
			None
		}
	}

	/// What `enact` adds for a motion: the co-op it held is released.
	fn release_motion_weight() -> Weight {
		T::DbWeight::get().reads_writes(1, 2)
	}

	/// Ends a proposal: removes it, frees its track slots, returns its deposit (or
	/// slashes it to [`Config::Slash`]). The call's bytes stay for enactment. A
	/// motion's co-op stays held while its approved call `waits` for enactment.
	fn finish(id: ProposalId, proposal: &ProposalOf<T>, slash: bool, waits: bool) {
		Proposals::<T>::remove(id);
		if let Some(coop) = proposal.subject {
			if waits {
				WaitingMotions::<T>::insert(id, coop);
			} else {
				MotionsAbout::<T>::remove(coop, id);
			}
		}
		OpenCount::<T>::mutate(proposal.track, |n| *n = n.saturating_sub(1));
		OpenPerCoop::<T>::mutate_exists(proposal.track, proposal.coop, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
		});
		OpenByProposer::<T>::mutate_exists(&proposal.proposer, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
		});
		let reason = HoldReason::ProposalDeposit.into();
		if slash {
			let amount = deposit::slash::<T::Currency, _, T::Slash>(
				&reason,
				&proposal.proposer,
				proposal.deposit,
			);
			if !amount.is_zero() {
				Self::deposit_event(Event::DepositSlashed {
					id,
					who: proposal.proposer.clone(),
					amount,
				});
			}
		} else {
			deposit::refund::<T::Currency, _>(&reason, &proposal.proposer, proposal.deposit);
		}
	}

	fn schedule_enactment(id: ProposalId, at: BlockNumberFor<T>) -> DispatchResult {
		let call: <T as Config>::RuntimeCall = Call::<T>::enact { id }.into();
		let inline = call.encode().try_into().map_err(|_| Error::<T>::CallTooLong)?;
		T::Scheduler::schedule(
			DispatchTime::At(at),
			None,
			HIGHEST_PRIORITY,
			frame_system::RawOrigin::Root.into(),
			Bounded::Inline(inline),
		)
		.map(|_| ())
	}

	/// Carries out an approved action, records the result in its decision and emits
	/// [`Event::Enacted`]. Returns the weight the dispatch used.
	fn enact_stored(id: ProposalId, action: &StoredAction<T::Hash>, track: TrackId) -> Weight {
		let (result, used) = match action {
			StoredAction::Call { .. } => {
				let call = ProposalCalls::<T>::take(id).and_then(|bytes| Self::decode_call(&bytes));
				match call {
					// The runtime changed since the proposal and the call no longer decodes.
					None => (Err(DispatchError::Other("call no longer decodes")), Weight::zero()),
					Some(call) => {
						let weight = call.get_dispatch_info().call_weight;
						if !T::MaxCallWeight::get().all_gte(weight) {
							(Err(Error::<T>::CallTooHeavy.into()), Weight::zero())
						} else {
							let origin: <T as Config>::RuntimeOrigin =
								Origin::Federation { track }.into();
							match call.dispatch(origin) {
								Ok(post) => (Ok(()), post.actual_weight.unwrap_or(weight)),
								Err(e) => {
									(Err(e.error), e.post_info.actual_weight.unwrap_or(weight))
								}
							}
						}
					}
				}
			}
			StoredAction::Signal(_) => (Ok(()), Weight::zero()),
			StoredAction::AuthorizeUpgrade(hash) => {
				frame_system::Pallet::<T>::do_authorize_upgrade(*hash, true);
				(Ok(()), T::DbWeight::get().writes(1))
			}
		};
		Decisions::<T>::mutate(id, |d| {
			if let Some(d) = d {
				d.enactment = Some(result);
			}
		});
		Self::deposit_event(Event::Enacted { id, result });
		used
	}

	fn record(
		id: ProposalId,
		proposal: &ProposalOf<T>,
		tallies: &Tallies,
		outcome: Outcome,
		enact_at: Option<BlockNumberFor<T>>,
	) {
		Decisions::<T>::insert(
			id,
			Decision {
				track: proposal.track,
				proposer: proposal.proposer.clone(),
				coop: proposal.coop,
				action: proposal.action.clone(),
				action_hash: proposal.action_hash,
				members: tallies.members,
				coops: tallies.coops,
				eligible_members: proposal.eligible_members,
				eligible_coops: proposal.eligible_coops,
				member_turnout: Self::turnout(tallies.members.voters(), proposal.eligible_members),
				coop_turnout: Self::turnout(tallies.coops.voters(), proposal.eligible_coops),
				outcome,
				created: proposal.created,
				closed_at: frame_system::Pallet::<T>::block_number(),
				enact_at,
				enactment: None,
			},
		);
	}
}
