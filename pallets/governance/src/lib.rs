//! # Co-op governance pallet
//!
//! One member, one vote inside a co-op; one co-op, one vote at the federation
//! level; and a permanent decision register.
//!
//! ## Model
//! - **Tracks** fix how a proposal is decided: scheme (`PerCoop` or `PerMember`),
//!   method (`Majority` or `Consent`), voting period, quorum, threshold, deposit
//!   and how many may be open at once. Tracks live in storage, are seeded at
//!   genesis and changed only by [`Config::BylawsOrigin`] (a Bylaws vote).
//! - **Proposals** carry a runtime call, a signal (a document hash) or a runtime
//!   upgrade authorisation. The numbers of eligible members and co-ops are
//!   snapshotted when proposed.
//! - **Votes** are O(1) in the number of members and co-ops: each vote updates
//!   the member tally, its co-op's sub-tally, and — when the co-op's position
//!   changes — the co-op tally. No call iterates over votes or members.
//! - **Closing** (by anyone, after the deadline, or earlier once the votes cast
//!   decide it) dispatches an approved call with the origin
//!   [`Origin::Federation`] naming the track, records the result in the
//!   [`Decisions`] register and returns the deposit.
//!
//! ## Members who leave while a proposal is open
//! A vote counts as cast: if its voter later leaves their co-op, or the co-op is
//! suspended or exits, the vote stays in both tallies. Such a voter can no longer
//! change or add votes (only members of active co-ops can vote). Eligible counts
//! are the snapshot taken when the proposal was made. This keeps every vote O(1)
//! and the tally reproducible from the stored votes.
//!
//! ## Closing early
//! Before the deadline, `close` succeeds only when the votes cast so far decide
//! the outcome whatever the members who have not voted do: under `PerMember`,
//! an approval that enough remaining nays could not overturn, a rejection that
//! remaining ayes could not overturn, or a block on a Consent track; under
//! `PerCoop`, once every eligible member has voted. Closing early fixes the
//! votes cast so far.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod origin;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origin::EnsureFederation;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::boxed::Box;
use codec::{Decode, DecodeLimit, Encode};
use frame_support::{
	dispatch::{GetDispatchInfo, PostDispatchInfo},
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, MutateHold},
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{CoopId, CoopMembership};
use sp_runtime::{
	traits::{Dispatchable, Hash as HashT, Saturating, Zero},
	Perbill,
};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
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

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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
			+ From<frame_system::Call<Self>>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency proposal deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// Co-ops and members: who is active, how many there are.
		type Membership: CoopMembership<Self::AccountId>;

		/// Who may propose and vote: a member of an active co-op, with their co-op.
		type MemberOrigin: EnsureOrigin<
			<Self as frame_system::Config>::RuntimeOrigin,
			Success = (Self::AccountId, CoopId),
		>;

		/// Who may change tracks and cancel any proposal (the Bylaws track).
		type BylawsOrigin: EnsureOrigin<<Self as frame_system::Config>::RuntimeOrigin>;

		/// The longest encoded call a proposal may carry.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// The heaviest call a proposal may carry, so an approved call can always be enacted.
		#[pallet::constant]
		type MaxCallWeight: Get<Weight>;

		/// How many stored votes `clear_votes` removes per call.
		#[pallet::constant]
		type CleanupBatch: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates active members for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Creates members of active co-ops for benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// A funded, active member number `member` of active co-op number `coop`
		/// (co-ops and members are created as needed).
		fn member(coop: u32, member: u32) -> AccountId;
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
		/// A proposal's deposit, returned when it closes.
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

	/// The encoded calls of open proposals that carry one, read only when enacted.
	#[pallet::storage]
	pub type ProposalCalls<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, BoundedVec<u8, T::MaxCallLen>, OptionQuery>;

	/// Open proposals per track, bounded by the track's `max_open`.
	#[pallet::storage]
	pub type OpenCount<T> = StorageMap<_, Twox64Concat, TrackId, u32, ValueQuery>;

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
		/// An approved proposal was enacted, with the call's result.
		Enacted { id: ProposalId, result: Result<(), DispatchError> },
		/// A proposal was cancelled.
		Cancelled { id: ProposalId },
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
		/// The deadline has not passed and the votes cast do not yet decide the outcome.
		TooEarly,
		/// The weight bound given to `close` is below the proposal call's weight.
		WeightBoundTooLow,
		/// Only the proposer may cancel, and only before anyone else has voted.
		CannotCancel,
		/// The proposal is still open: its votes are needed until it closes.
		StillOpen,
		/// No votes are stored for this proposal.
		NothingToClear,
		/// Every proposal id has been used.
		ProposalIdsExhausted,
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
		/// - origin: a member of an active co-op; the track's deposit is held from them.
		/// - `track`: the track that decides it.
		/// - `action`: a call to dispatch as `Federation { track }`, a signal (document
		///   hash), or a runtime upgrade authorisation (Bylaws track only).
		///
		/// Emits [`Event::Proposed`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose(T::MaxCallLen::get()))]
		pub fn propose(
			origin: OriginFor<T>,
			track: TrackId,
			action: Box<ProposalActionOf<T>>,
		) -> DispatchResult {
			let (who, coop) = T::MemberOrigin::ensure_origin(origin)?;
			let info = Tracks::<T>::get(track).ok_or(Error::<T>::UnknownTrack)?;
			let open = OpenCount::<T>::get(track);
			ensure!(open < info.max_open, Error::<T>::TooManyOpen);
			let action_hash = T::Hashing::hash_of(&action);
			let (action, call) = Self::store_action(track, *action)?;

			T::Currency::hold(&HoldReason::ProposalDeposit.into(), &who, info.deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			let id = NextProposalId::<T>::get();
			NextProposalId::<T>::put(id.checked_add(1).ok_or(Error::<T>::ProposalIdsExhausted)?);
			OpenCount::<T>::insert(track, open.saturating_add(1));
			if let Some(call) = call {
				ProposalCalls::<T>::insert(id, call);
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
					eligible_members: T::Membership::active_members(),
					eligible_coops: T::Membership::active_coops(),
					members: Tally::default(),
					coops: Tally::default(),
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

		/// Vote on an open proposal, or change your vote.
		///
		/// - origin: a member of an active co-op.
		/// - `id`: an open proposal whose deadline has not passed.
		/// - `vote`: `Aye`, `Nay`, `Abstain`, or `Block(reason_hash)` on Consent tracks.
		///
		/// Costs O(1) whatever the number of members and co-ops. Emits [`Event::Voted`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::vote(VOTE_BENCHMARK_MEMBERS))]
		pub fn vote(origin: OriginFor<T>, id: ProposalId, vote: Vote) -> DispatchResult {
			let (who, coop) = T::MemberOrigin::ensure_origin(origin)?;
			let mut proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() < proposal.deadline,
				Error::<T>::VotingEnded
			);
			let track = Tracks::<T>::get(proposal.track).ok_or(Error::<T>::UnknownTrack)?;
			if matches!(vote, Vote::Block(_)) {
				ensure!(track.method == Method::Consent, Error::<T>::BlockNotAllowed);
			}
			let previous = Votes::<T>::get(id, &who);
			if let Some(old) = previous {
				ensure!(old.vote != vote, Error::<T>::SameVote);
				proposal.members.remove(old.vote.into());
				Self::update_coop(&mut proposal, id, old.coop, Some(old.vote.into()), None);
			}
			proposal.members.add(vote.into());
			Self::update_coop(&mut proposal, id, coop, None, Some(vote.into()));
			Votes::<T>::insert(id, &who, VoteRecord { vote, coop });
			Proposals::<T>::insert(id, proposal);

			Self::deposit_event(Event::Voted { id, who, coop, vote });
			Ok(())
		}

		/// Close a proposal: after its deadline, or earlier once the votes cast decide it
		/// (see the pallet docs). An approved call is dispatched as `Federation { track }`.
		///
		/// - origin: signed, anyone.
		/// - `id`: an open proposal.
		/// - `weight_bound`: at least the weight of the proposal's call (`0` for signals).
		///
		/// Emits [`Event::Closed`] and, if approved, [`Event::Enacted`]; records the
		/// decision in [`Decisions`]; returns the proposer's deposit.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close().saturating_add(*weight_bound))]
		pub fn close(
			origin: OriginFor<T>,
			id: ProposalId,
			weight_bound: Weight,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
			let track = Tracks::<T>::get(proposal.track).ok_or(Error::<T>::UnknownTrack)?;
			let now = frame_system::Pallet::<T>::block_number();
			let approved = if now >= proposal.deadline {
				Self::approved(&proposal, &track)
			} else {
				Self::decided_early(&proposal, &track).ok_or(Error::<T>::TooEarly)?
			};
			if let StoredAction::Call { weight, .. } = &proposal.action {
				ensure!(weight_bound.all_gte(*weight), Error::<T>::WeightBoundTooLow);
			}

			let call = Self::finish(id, &proposal);
			let outcome = if approved { Outcome::Approved } else { Outcome::Rejected };
			Self::deposit_event(Event::Closed {
				id,
				outcome,
				members: proposal.members,
				coops: proposal.coops,
			});
			let (enactment, used) = if approved {
				let (result, used) = Self::enact(call, &proposal);
				Self::deposit_event(Event::Enacted { id, result });
				(Some(result), used)
			} else {
				(None, Weight::zero())
			};
			Self::record(id, &proposal, outcome, enactment);
			Ok(Some(T::WeightInfo::close().saturating_add(used)).into())
		}

		/// Cancel a proposal. Its deposit is returned and the cancellation recorded.
		///
		/// - origin: the proposer, while nobody but themselves has voted; or
		///   [`Config::BylawsOrigin`] at any time.
		/// - `id`: an open proposal.
		///
		/// Emits [`Event::Cancelled`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			let proposal = Proposals::<T>::get(id).ok_or(Error::<T>::ProposalNotFound)?;
			if T::BylawsOrigin::try_origin(origin.clone()).is_err() {
				let who = ensure_signed(origin)?;
				ensure!(who == proposal.proposer, Error::<T>::CannotCancel);
				let own = u32::from(Votes::<T>::contains_key(id, &who));
				ensure!(proposal.members.voters() <= own, Error::<T>::CannotCancel);
			}
			let _ = Self::finish(id, &proposal);
			Self::record(id, &proposal, Outcome::Cancelled, None);
			Self::deposit_event(Event::Cancelled { id });
			Ok(())
		}

		/// Remove up to `CleanupBatch` stored votes of a closed proposal. The final
		/// tallies stay in the decision register.
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
			Ok(Some(T::WeightInfo::clear_votes(removed)).into())
		}

		/// Create or change a voting track.
		///
		/// - origin: [`Config::BylawsOrigin`].
		/// - `track`: its id; `info`: its parameters. Open proposals keep their
		///   deadline; the new quorum and threshold apply when they close.
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
			Tracks::<T>::insert(track, info);
			Self::deposit_event(Event::TrackSet { track });
			Ok(())
		}
	}
}

/// The federation size at which `vote` is weighed. The benchmark varies the number
/// of members who voted before from 10 to this, to show the cost does not grow.
pub const VOTE_BENCHMARK_MEMBERS: u32 = 1000;

/// The track id of the Bylaws track: the only one that may authorise upgrades.
pub const BYLAWS_TRACK: TrackId = 1;

impl<T: Config> Pallet<T> {
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

	/// Moves one vote into or out of a co-op's sub-tally and keeps the co-op tally
	/// in step with the co-op's position. O(1).
	fn update_coop(
		proposal: &mut ProposalOf<T>,
		id: ProposalId,
		coop: CoopId,
		remove: Option<Position>,
		add: Option<Position>,
	) {
		let mut sub = CoopTallies::<T>::get(id, coop).unwrap_or_default();
		let before = sub.position();
		if let Some(p) = remove {
			sub.remove(p);
		}
		if let Some(p) = add {
			sub.add(p);
		}
		let after = sub.position();
		if before != after {
			if let Some(p) = before {
				proposal.coops.remove(p);
			}
			if let Some(p) = after {
				proposal.coops.add(p);
			}
		}
		if sub.voters() == 0 {
			CoopTallies::<T>::remove(id, coop);
		} else {
			CoopTallies::<T>::insert(id, coop, sub);
		}
	}

	/// The tally and eligible count that decide, per the track's scheme.
	fn deciding(proposal: &ProposalOf<T>, track: &TrackInfoOf<T>) -> (Tally, u32) {
		match track.scheme {
			Scheme::PerMember => (proposal.members, proposal.eligible_members),
			Scheme::PerCoop => (proposal.coops, proposal.eligible_coops),
		}
	}

	fn turnout(voters: u32, eligible: u32) -> Perbill {
		Perbill::from_rational(voters, eligible.max(voters).max(1))
	}

	fn ratio_met(aye: u32, nay: u32, threshold: Perbill) -> bool {
		aye > nay && Perbill::from_rational(aye, aye.saturating_add(nay)) >= threshold
	}

	/// Whether the proposal passes with the votes cast (at its deadline).
	pub fn approved(proposal: &ProposalOf<T>, track: &TrackInfoOf<T>) -> bool {
		let (tally, eligible) = Self::deciding(proposal, track);
		let quorum_met = Self::turnout(tally.voters(), eligible) >= track.quorum;
		quorum_met
			&& match track.method {
				Method::Majority => Self::ratio_met(tally.aye, tally.nay, track.threshold),
				Method::Consent => tally.block == 0,
			}
	}

	/// The outcome, if the votes cast decide it before the deadline.
	pub fn decided_early(proposal: &ProposalOf<T>, track: &TrackInfoOf<T>) -> Option<bool> {
		let remaining = proposal.eligible_members.saturating_sub(proposal.members.voters());
		if remaining == 0 {
			return Some(Self::approved(proposal, track));
		}
		if track.scheme == Scheme::PerCoop {
			// A co-op's position can still flip while any of its members may vote.
			return None;
		}
		let t = proposal.members;
		match track.method {
			Method::Majority => {
				let quorum_met =
					Self::turnout(t.voters(), proposal.eligible_members) >= track.quorum;
				if quorum_met
					&& Self::ratio_met(t.aye, t.nay.saturating_add(remaining), track.threshold)
				{
					Some(true)
				} else if !Self::ratio_met(t.aye.saturating_add(remaining), t.nay, track.threshold)
				{
					Some(false)
				} else {
					None
				}
			}
			Method::Consent => (t.block > 0).then_some(false),
		}
	}

	/// Ends a proposal: removes it and its call, frees its track slot, returns its
	/// deposit. Returns the call's bytes, if any.
	fn finish(id: ProposalId, proposal: &ProposalOf<T>) -> Option<CallBytesOf<T>> {
		Proposals::<T>::remove(id);
		let call = ProposalCalls::<T>::take(id);
		OpenCount::<T>::mutate(proposal.track, |n| *n = n.saturating_sub(1));
		if !proposal.deposit.is_zero() {
			// Held by this pallet when proposed; best effort never fails here.
			let _ = T::Currency::release(
				&HoldReason::ProposalDeposit.into(),
				&proposal.proposer,
				proposal.deposit,
				Precision::BestEffort,
			);
		}
		call
	}

	/// Carries out an approved proposal; returns the result and the weight it used.
	fn enact(
		call: Option<CallBytesOf<T>>,
		proposal: &ProposalOf<T>,
	) -> (Result<(), DispatchError>, Weight) {
		match &proposal.action {
			StoredAction::Call { weight } => {
				let call = call.unwrap_or_default();
				let decoded = <T as Config>::RuntimeCall::decode_with_depth_limit(
					frame_support::MAX_EXTRINSIC_DEPTH,
					&mut &call[..],
				);
				let Ok(call) = decoded else {
					// The runtime changed since the proposal and the call no longer decodes.
					return (Err(DispatchError::Other("call no longer decodes")), Weight::zero());
				};
				let origin: <T as Config>::RuntimeOrigin =
					Origin::Federation { track: proposal.track }.into();
				match call.dispatch(origin) {
					Ok(post) => (Ok(()), post.actual_weight.unwrap_or(*weight)),
					Err(e) => (Err(e.error), e.post_info.actual_weight.unwrap_or(*weight)),
				}
			}
			StoredAction::Signal(_) => (Ok(()), Weight::zero()),
			StoredAction::AuthorizeUpgrade(hash) => {
				frame_system::Pallet::<T>::do_authorize_upgrade(*hash, true);
				(Ok(()), T::DbWeight::get().writes(1))
			}
		}
	}

	fn record(
		id: ProposalId,
		proposal: &ProposalOf<T>,
		outcome: Outcome,
		enactment: Option<Result<(), DispatchError>>,
	) {
		Decisions::<T>::insert(
			id,
			Decision {
				track: proposal.track,
				proposer: proposal.proposer.clone(),
				coop: proposal.coop,
				action_hash: proposal.action_hash,
				members: proposal.members,
				coops: proposal.coops,
				eligible_members: proposal.eligible_members,
				eligible_coops: proposal.eligible_coops,
				member_turnout: Self::turnout(proposal.members.voters(), proposal.eligible_members),
				coop_turnout: Self::turnout(proposal.coops.voters(), proposal.eligible_coops),
				outcome,
				created: proposal.created,
				closed_at: frame_system::Pallet::<T>::block_number(),
				enactment,
			},
		);
	}

	/// Checks the invariants: every open proposal's tallies equal the recount of its
	/// stored votes; co-op positions match their sub-tallies; open counts match.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let mut open: BTreeMap<TrackId, u32> = BTreeMap::new();
		for (id, proposal) in Proposals::<T>::iter() {
			ensure!(id < NextProposalId::<T>::get(), "proposal id not below NextProposalId");
			let count = open.entry(proposal.track).or_default();
			*count = count.saturating_add(1);

			let mut members = Tally::default();
			let mut subs: BTreeMap<CoopId, Tally> = BTreeMap::new();
			for (_, record) in Votes::<T>::iter_prefix(id) {
				members.add(record.vote.into());
				subs.entry(record.coop).or_default().add(record.vote.into());
			}
			ensure!(members == proposal.members, "member tally differs from stored votes");
			if matches!(proposal.action, StoredAction::Call { .. }) {
				ensure!(ProposalCalls::<T>::contains_key(id), "call proposal without its call");
			}
			let mut coops = Tally::default();
			for (coop, sub) in &subs {
				ensure!(
					CoopTallies::<T>::get(id, coop).as_ref() == Some(sub),
					"co-op sub-tally differs from stored votes"
				);
				if let Some(p) = sub.position() {
					coops.add(p);
				}
			}
			ensure!(
				CoopTallies::<T>::iter_prefix(id).count() == subs.len(),
				"stale co-op sub-tally"
			);
			ensure!(coops == proposal.coops, "co-op tally differs from positions");
		}
		for id in ProposalCalls::<T>::iter_keys() {
			let carries_call = Proposals::<T>::get(id)
				.is_some_and(|p| matches!(p.action, StoredAction::Call { .. }));
			ensure!(carries_call, "stored call without an open call proposal");
		}
		for (track, count) in OpenCount::<T>::iter() {
			ensure!(open.get(&track).copied().unwrap_or(0) == count, "OpenCount differs");
		}
		for (track, count) in open {
			ensure!(OpenCount::<T>::get(track) == count, "OpenCount differs");
		}
		Ok(())
	}
}
