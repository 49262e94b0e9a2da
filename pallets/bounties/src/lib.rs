//! # Co-op bounties pallet
//!
//! Escrowed contribution bounties: co-ops (or the federation treasury, by one
//! vote) fund work on common tools; members claim and deliver it, alone or as a
//! team with shares; several reviewers from other co-ops approve each delivery;
//! the reward goes to the contributors' co-ops (or to the contributors); a
//! contribution ledger keeps count.
//!
//! ## Model
//! - The reward moves into the bounty's own escrow account (derived from
//!   [`Config::PalletId`] and the id) when the bounty opens: an open bounty is
//!   always fully funded, and no path creates or destroys funds. Escrow holds at
//!   least `reward - paid` until the bounty is finished; when it finishes (paid in
//!   full or cancelled) its **whole** balance is swept out (to the contributors and
//!   the funder), so a donation to the escrow is never stranded.
//! - A bounty is one deliverable, or up to [`Config::MaxMilestones`] milestones
//!   (amounts summing to the reward) delivered and paid one by one, in order.
//! - [`BountyStatus`]: (`Proposed` →) `Open → Claimed → Submitted → Paid`; back to
//!   `Claimed` on a rejection or after a paid milestone (with a fresh delivery
//!   period); back to `Open` when the claim is given up or expires (anyone may
//!   release an expired one); `Cancelled` (refund of the unpaid part) while
//!   `Proposed` or `Open`, or once its claim has expired.
//! - A claim names the contributors and their shares ([`Claims`]); every payment
//!   is split by shares, the rounding remainder going to the claimant.
//!
//! ## Who may move whose money (no self-dealing)
//! - **Co-op funds need the co-op.** A bounty paid from a co-op's sovereign account
//!   by one admin of a co-op that has several admins is only `Proposed`: nothing
//!   moves until *another* admin of the same co-op calls
//!   [`Pallet::approve_funding`]. A co-op with a single admin is run by that admin,
//!   whose bounty opens at once. Any current admin of the funding co-op may act for
//!   a co-op bounty (cancel, set reviewers), and only current admins: an admin who
//!   left cannot, even the one who created it. Once the co-op has exited (no members
//!   left), the treasury origin acts for it.
//! - **Reviewers come from other co-ops.** Every reviewer must be an active member
//!   of a co-op; no two reviewers of one bounty in the same co-op; none in the
//!   funding co-op (for a member-funded bounty: the creator's co-op). When a
//!   bounty is claimed, the reviewers still eligible — active, one per co-op, none
//!   in the funding co-op or in any contributor's co-op — are recorded in the claim
//!   with their co-ops; at least `approvals_needed` of them are required, and each
//!   review re-checks that the reviewer is still an active member of the co-op
//!   recorded. So k approvals always come from k distinct co-ops none of which
//!   gains from the payout.
//! - **Treasury spends** need [`Config::TreasuryOrigin`], at most
//!   [`Config::MaxTreasuryBounty`] each, never below the [`TreasuryFloor`], which
//!   only [`Config::FloorOrigin`] (a different, stricter vote) sets.
//!
//! ## No stuck funds, no squatting
//! - A submission is rejected only when approval can no longer reach `k`: after
//!   `n - k + 1` rejections out of the `n` reviewers recorded in the claim.
//!   Otherwise the approvals given stand.
//! - A claim that expires forfeits its deposit to the funder (the treasury for a
//!   co-op that has exited). After a claim ends without delivery (expired or given
//!   up), nobody may claim the bounty for [`Config::ClaimCooldown`] blocks, so the
//!   funder can always cancel it; the funder may also cancel at once a bounty whose
//!   claim has expired.
//! - `claim_period` lies within [`Config::MinClaimPeriod`] and
//!   [`Config::MaxClaimPeriod`].
//! - At most [`Config::MaxSubmissions`] submissions per claim; the list is cleared
//!   when a claim ends without delivery (the `WorkSubmitted` events keep the trail).
//! - At payout, a contributor whose co-op is no longer active (or who is no longer
//!   its member) is paid to their own account; refunds (and forfeited deposits)
//!   meant for a co-op with no members left (exited) go to the treasury.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod checks;
pub mod migrations;
mod payout;
mod try_state;
pub mod types;
mod views;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use views::BountyViewOf;
pub use weights::WeightInfo;

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Preservation,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{deposit, CoopId, CoopMembership};
use sp_core::H256;
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{AccountIdConversion, Saturating, Zero},
	Rounding, SaturatedConversion,
};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A bounty as stored.
pub type BountyOf<T> = Bounty<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxReviewers,
	<T as Config>::MaxMilestones,
>;
/// A claim as stored.
pub type ClaimOf<T> = Claim<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxContributors,
	<T as Config>::MaxReviewers,
>;
/// The terms of a new bounty, as call parameter.
pub type TermsOf<T> = BountyTerms<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxReviewers,
	<T as Config>::MaxMilestones,
>;
/// A claim's contributors and their shares, as call parameter.
pub type SharesOf<T> =
	BoundedVec<(<T as frame_system::Config>::AccountId, u32), <T as Config>::MaxContributors>;
/// A submission as stored.
pub type SubmissionOf<T> = Submission<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

// FRAME's pallet macros expand to `expect` calls on their own invariants; see
// the note in the membership pallet.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	/// 2: `Bounty` gained `rejections` and `claimable_from`, `Claim` gained
	/// `reviewers` (see [`crate::migrations::v2`]). 3: finished bounties keep their
	/// deposit until reaped, [`EndedAt`] (see [`crate::migrations::v3`]).
	pub(crate) const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency rewards are paid in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// Co-ops, their members, admins and sovereign accounts.
		type Membership: CoopMembership<Self::AccountId>;

		/// Who funds bounties from the treasury (the Treasury track).
		type TreasuryOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who sets the treasury floor: a stricter vote than the one that spends (the
		/// Bylaws track), so one vote cannot lower the floor and spend below it.
		type FloorOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The largest reward one treasury-funded bounty may have.
		#[pallet::constant]
		type MaxTreasuryBounty: Get<BalanceOf<Self>>;

		/// What the treasury has already promised (approved spends not yet paid out):
		/// a treasury bounty must leave the floor standing after those too.
		type TreasuryCommitments: TreasuryCommitments<BalanceOf<Self>>;

		/// How long a finished (paid or cancelled) bounty's record stays readable
		/// before anyone may reap it with [`Pallet::reap_bounty`]; its creator's
		/// deposit is held until then.
		#[pallet::constant]
		type RecordRetention: Get<BlockNumberFor<Self>>;

		/// The shortest `claim_period` a bounty may have (at least 1 block).
		#[pallet::constant]
		type MinClaimPeriod: Get<BlockNumberFor<Self>>;

		/// The longest `claim_period` a bounty may have.
		#[pallet::constant]
		type MaxClaimPeriod: Get<BlockNumberFor<Self>>;

		/// After a claim ends without delivery (given up or expired), nobody may claim
		/// the bounty for this many blocks, so its funder can cancel it.
		#[pallet::constant]
		type ClaimCooldown: Get<BlockNumberFor<Self>>;

		/// The federation treasury's account.
		#[pallet::constant]
		type TreasuryAccount: Get<Self::AccountId>;

		/// Derives each bounty's escrow account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from the member who creates a bounty, for its record, until the
		/// record is reaped.
		#[pallet::constant]
		type BountyDeposit: Get<BalanceOf<Self>>;

		/// Held from a claimant while their claim runs (returned when it is given up,
		/// expires or is paid in full), for the claim and submission records.
		#[pallet::constant]
		type ClaimDeposit: Get<BalanceOf<Self>>;

		/// The most reviewers a bounty may have.
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// The most milestones a bounty may have.
		#[pallet::constant]
		type MaxMilestones: Get<u32>;

		/// The most contributors sharing one claim.
		#[pallet::constant]
		type MaxContributors: Get<u32>;

		/// The most submissions per claim (keep it well above `MaxMilestones`:
		/// rejected submissions count too). The list is cleared when a claim ends
		/// without delivery.
		#[pallet::constant]
		type MaxSubmissions: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A bounty record's deposit.
		BountyDeposit,
		/// A running claim's deposit.
		ClaimDeposit,
	}

	/// The id the next bounty will get.
	#[pallet::storage]
	pub type NextBountyId<T> = StorageValue<_, BountyId, ValueQuery>;

	/// Every bounty, finished ones included until they are reaped.
	#[pallet::storage]
	pub type Bounties<T: Config> = StorageMap<_, Twox64Concat, BountyId, BountyOf<T>, OptionQuery>;

	/// Bounties by status: the index `bounties` pages read, so that a page of open
	/// bounties costs reads for that page only, however many were paid or cancelled.
	#[pallet::storage]
	pub type BountiesByStatus<T> =
		StorageDoubleMap<_, Twox64Concat, BountyStatus, Twox64Concat, BountyId, (), OptionQuery>;

	/// When each finished (paid or cancelled) bounty ended; its record (bounty, claim,
	/// submissions) may be reaped [`Config::RecordRetention`] blocks later.
	#[pallet::storage]
	pub type EndedAt<T: Config> =
		StorageMap<_, Twox64Concat, BountyId, BlockNumberFor<T>, OptionQuery>;

	/// The claim on a bounty: present while it is claimed or submitted, and kept
	/// once it is paid (until the record is reaped) as the record of who delivered it.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, BountyId, ClaimOf<T>, OptionQuery>;

	/// The submissions of each bounty's current (or, once paid, last) claim, oldest
	/// first.
	#[pallet::storage]
	pub type Submissions<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BountyId,
		BoundedVec<SubmissionOf<T>, T::MaxSubmissions>,
		ValueQuery,
	>;

	/// Contribution ledger per account.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Ledger<BalanceOf<T>>, ValueQuery>;

	/// Contribution ledger per co-op.
	#[pallet::storage]
	pub type CoopContributions<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, Ledger<BalanceOf<T>>, ValueQuery>;

	/// The reserve the treasury keeps: treasury bounties may not take it below this.
	#[pallet::storage]
	pub type TreasuryFloor<T: Config> = StorageValue<_, BalanceOf<T>, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A bounty was funded and opened; its reward is in escrow.
		BountyCreated {
			id: BountyId,
			funder: Funder<T::AccountId>,
			reward: BalanceOf<T>,
			milestones: u32,
		},
		/// An admin proposed a bounty paid from its co-op's account; it opens (and the
		/// reward moves to escrow) once another admin of the co-op approves it.
		BountyProposed { id: BountyId, coop: CoopId, proposer: T::AccountId, reward: BalanceOf<T> },
		/// A second admin of the funding co-op approved a proposed bounty
		/// ([`Event::BountyCreated`] follows).
		FundingApproved { id: BountyId, approver: T::AccountId },
		/// A bounty was cancelled; `refund` (the whole balance of its escrow) went to `to`.
		BountyCancelled { id: BountyId, refund: BalanceOf<T>, to: T::AccountId },
		/// The funder changed the reviewers.
		ReviewersSet { id: BountyId, approvals_needed: u32 },
		/// A member claimed a bounty for these contributors (the claimant first);
		/// `reviewers` of the bounty's reviewers may review this claim's work.
		Claimed {
			id: BountyId,
			claimant: T::AccountId,
			pay_to: PayTo,
			contributors: u32,
			reviewers: u32,
			until: BlockNumberFor<T>,
		},
		/// The claimant gave up the claim (`unclaim`); its deposit went back to them. The
		/// bounty is open again and may be claimed from block `claimable_from`.
		ClaimReleased { id: BountyId, claimant: T::AccountId, claimable_from: BlockNumberFor<T> },
		/// A claim expired without delivery: its `deposit` was forfeited to `to` (the
		/// funder, or the treasury). Unless the bounty was cancelled with it, the bounty
		/// is open again and may be claimed from block `claimable_from`.
		ClaimExpired {
			id: BountyId,
			claimant: T::AccountId,
			deposit: BalanceOf<T>,
			to: T::AccountId,
			claimable_from: BlockNumberFor<T>,
		},
		/// Work was submitted for review.
		WorkSubmitted {
			id: BountyId,
			by: T::AccountId,
			milestone: Option<u32>,
			repo: Url,
			commit: [u8; 20],
			tag: Option<Tag>,
		},
		/// A reviewer approved or rejected the submission.
		Reviewed { id: BountyId, reviewer: T::AccountId, approve: bool, comment: H256 },
		/// Enough rejections that approval can no longer reach `approvals_needed`: the
		/// bounty is back to `Claimed` for another submission.
		SubmissionRejected { id: BountyId },
		/// One payment out of escrow, to one contributor (or their co-op).
		Paid { id: BountyId, to: T::AccountId, amount: BalanceOf<T> },
		/// A milestone was approved and paid; the next one is due before `until`.
		MilestoneCompleted {
			id: BountyId,
			milestone: u32,
			amount: BalanceOf<T>,
			until: BlockNumberFor<T>,
		},
		/// The bounty was delivered and paid in full.
		BountyCompleted { id: BountyId, total: BalanceOf<T> },
		/// What was left in a finished bounty's escrow beyond its reward (a donation)
		/// went to its funder (or the treasury).
		EscrowSwept { id: BountyId, to: T::AccountId, amount: BalanceOf<T> },
		/// The treasury floor was set.
		TreasuryFloorSet { floor: BalanceOf<T> },
		/// A finished bounty's record (bounty, claim, submissions) was removed; the
		/// ledgers and this pallet's events remain its history. `deposit` went back
		/// to its creator.
		BountyReaped { id: BountyId, deposit: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members of active co-ops can create or claim bounties.
		NotActiveMember,
		/// Only an admin of the co-op can spend its funds.
		NotCoopAdmin,
		/// The reward (or a milestone's amount) is below the existential deposit.
		RewardTooLow,
		/// The account cannot pay the reward or the deposit.
		InsufficientFunds,
		/// The treasury would fall below its floor: a smaller reward, or a vote to lower it.
		BelowTreasuryFloor,
		/// Approvals needed must be at least 1 and at most the number of reviewers.
		BadApprovals,
		/// Too many reviewers, or a reviewer listed twice.
		BadReviewers,
		/// Too many milestones, or their amounts do not sum to the reward.
		BadMilestones,
		/// The URL is longer than 128 bytes. (Call parameters are bounded now, so a
		/// longer URL is refused when the call is decoded; kept so that later error
		/// indices stay the same.)
		UrlTooLong,
		/// The release tag is longer than 64 bytes. (Refused at decoding now; kept for
		/// the error indices.)
		TagTooLong,
		/// No bounty has this id.
		UnknownBounty,
		/// Only the bounty's creator (for a bounty paid from a member's account), a current
		/// admin of its funding co-op (for a co-op bounty), or the treasury origin (for
		/// treasury bounties, and co-op bounties of a co-op that exited) may do this.
		NotFunder,
		/// The bounty is not open (proposed, claimed, submitted, paid or cancelled).
		NotOpen,
		/// The bounty is not claimed by you.
		NotClaimant,
		/// The bounty has no submission under review.
		NotSubmitted,
		/// The claim has not expired yet (a claim under review expires one
		/// `claim_period` after its delivery deadline).
		ClaimNotExpired,
		/// The claim has expired: it must be released before work can be submitted.
		ClaimExpired,
		/// A reviewer cannot claim or share the bounty they review.
		ReviewerCannotClaim,
		/// Shares must list the claimant, each contributor once, each with at least 1 share.
		BadShares,
		/// More contributors than `MaxContributors` (refused at decoding now; kept for
		/// the error indices).
		TooManyContributors,
		/// A contributor is not a member of an active co-op.
		ContributorNotMember,
		/// A contributor's part of the smallest payment would be below the existential
		/// deposit: fewer contributors or more even shares.
		ShareTooSmall,
		/// Fewer eligible reviewers than approvals needed: a reviewer counts only while an
		/// active member of a co-op that is neither the funding co-op nor a
		/// contributor's, one per co-op. Ask the funder to add reviewers from other
		/// co-ops, or claim with contributors from fewer co-ops.
		TooFewIndependentReviewers,
		/// The submission names the wrong milestone: give the next unpaid one, or
		/// none for a bounty without milestones.
		WrongMilestone,
		/// You may not review this claim's work: you are not one of the reviewers
		/// recorded when it was claimed, or you are no longer an active member of the
		/// co-op you were recorded with.
		NotReviewer,
		/// You already reviewed (approved or rejected) this submission.
		AlreadyReviewed,
		/// This claim already has `MaxSubmissions` submissions: wait for the reviews,
		/// or give up the claim (the list is cleared when a claim ends).
		TooManySubmissions,
		/// Every bounty id has been used.
		BountyIdsExhausted,
		/// A reviewer is not a member of an active co-op: reviewers must be members of
		/// active co-ops (an account in no co-op is nobody's independent reviewer).
		ReviewerNotMember,
		/// Two reviewers are members of the same co-op: pick reviewers from distinct
		/// co-ops, so that approvals come from different co-ops.
		ReviewersSameCoop,
		/// A reviewer is a member of the co-op that funds the bounty (for a bounty paid
		/// from a member's account, the member's co-op): pick reviewers from other co-ops.
		ReviewerInFundingCoop,
		/// The bounty is not waiting for a second admin's approval.
		NotProposed,
		/// The admin who proposed the bounty cannot approve its funding: another admin
		/// of the co-op must.
		ApproverIsProposer,
		/// Your co-op has several admins, who approve a co-op bounty together with its
		/// reviewers: one admin cannot change them alone. Cancel the bounty (its
		/// reward goes back to the co-op) and propose it again with new reviewers.
		ReviewersNeedSecondAdmin,
		/// You funded this bounty from your own account: claiming it, or sharing in a
		/// claim, would pay you your own money and credit you with the work. Someone
		/// else must claim it.
		FunderCannotClaim,
		/// The funding co-op is not active: only an active co-op's funds can be spent.
		CoopNotActive,
		/// The reward is above `MaxTreasuryBounty`, the most one treasury-funded bounty
		/// may have: split the work into smaller bounties.
		AboveTreasuryBountyCap,
		/// `claim_period` is below `MinClaimPeriod` or above `MaxClaimPeriod`: pick a
		/// delivery period within those bounds.
		BadClaimPeriod,
		/// A claim on this bounty ended without delivery recently: it may be claimed
		/// again from the block `claimable_from` in the bounty record.
		CoolingDown,
		/// Only a paid or cancelled bounty's record can be reaped.
		NotFinished,
		/// The record of a finished bounty stays readable for `RecordRetention` blocks
		/// after it ended (`EndedAt`); reap it after that.
		RecordRetained,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}

		fn integrity_test() {
			assert!(!T::MinClaimPeriod::get().is_zero(), "MinClaimPeriod must be at least 1");
			assert!(
				T::MinClaimPeriod::get() <= T::MaxClaimPeriod::get(),
				"MinClaimPeriod above MaxClaimPeriod"
			);
			assert!(T::MaxReviewers::get() >= 1, "MaxReviewers must be at least 1");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Fund and open a bounty, or propose one paid from your co-op's account.
		///
		/// - origin: a member of an active co-op; [`Config::BountyDeposit`] is held from it.
		/// - `from_coop`: pay the reward from the member's co-op sovereign account
		///   (the member must be one of its admins) instead of their own account. If
		///   the co-op has several admins, the bounty is only `Proposed`: nothing moves
		///   until another admin calls [`Pallet::approve_funding`].
		/// - `terms`: specification, reward (moved to escrow when it opens), milestones,
		///   reviewers (active members of distinct co-ops, none in the funding co-op)
		///   and approvals needed, delivery period (within [`Config::MinClaimPeriod`]
		///   and [`Config::MaxClaimPeriod`]), hours estimate.
		///
		/// Emits [`Event::BountyCreated`], or [`Event::BountyProposed`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_bounty(terms.milestones.len() as u32))]
		pub fn create_bounty(
			origin: OriginFor<T>,
			from_coop: bool,
			terms: TermsOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = Self::active_coop_of(&who).ok_or(Error::<T>::NotActiveMember)?;
			let funder = if from_coop {
				ensure!(T::Membership::is_admin(&who, coop), Error::<T>::NotCoopAdmin);
				Funder::Coop(coop)
			} else {
				Funder::Account(who.clone())
			};
			let proposed = from_coop && T::Membership::admin_count(coop) > 1;
			let deposit = T::BountyDeposit::get();
			deposit::take::<T::Currency, _>(&HoldReason::BountyDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			Self::open(funder, Some(who), deposit, terms, proposed)
		}

		/// Fund and open a bounty from the federation treasury (one Treasury-track vote).
		///
		/// - origin: [`Config::TreasuryOrigin`].
		/// - `terms`: as `create_bounty`; the reward at most
		///   [`Config::MaxTreasuryBounty`]. Refused if, after the reward and the spends
		///   the treasury already approved but not yet paid
		///   ([`Config::TreasuryCommitments`]), the treasury would fall below
		///   [`TreasuryFloor`].
		///
		/// Emits [`Event::BountyCreated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::create_bounty(terms.milestones.len() as u32)
			.saturating_add(T::DbWeight::get().reads(T::TreasuryCommitments::MAX_READS)))]
		pub fn fund_from_treasury(origin: OriginFor<T>, terms: TermsOf<T>) -> DispatchResult {
			T::TreasuryOrigin::ensure_origin(origin)?;
			ensure!(
				terms.reward <= T::MaxTreasuryBounty::get(),
				Error::<T>::AboveTreasuryBountyCap
			);
			let balance = T::Currency::balance(&T::TreasuryAccount::get());
			let needed = terms
				.reward
				.saturating_add(T::TreasuryCommitments::committed())
				.saturating_add(TreasuryFloor::<T>::get());
			ensure!(balance >= needed, Error::<T>::BelowTreasuryFloor);
			Self::open(Funder::Treasury, None, Zero::zero(), terms, false)
		}

		/// Cancel a bounty that is proposed or open, or whose claim has expired: the whole
		/// balance of its escrow (its unpaid reward, and anything donated to it) goes
		/// back to its funder (to the treasury for a co-op that has exited). An expired
		/// claim's deposit is forfeited to the funder too. The record stays readable
		/// until reaped ([`Pallet::reap_bounty`]), which returns the creator's deposit.
		///
		/// - origin: the creator (for a bounty paid from a member's account), any current
		///   admin of the funding co-op (for a co-op bounty), or
		///   [`Config::TreasuryOrigin`] (for treasury bounties, and co-op bounties of a
		///   co-op that exited).
		///
		/// Emits [`Event::ClaimExpired`] if it ends an expired claim, then
		/// [`Event::BountyCancelled`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_bounty())]
		pub fn cancel_bounty(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			Self::ensure_funder(origin, &bounty)?;
			match bounty.status {
				BountyStatus::Open | BountyStatus::Proposed => {}
				BountyStatus::Claimed | BountyStatus::Submitted => {
					let claim = Claims::<T>::get(id).ok_or(Error::<T>::NotOpen)?;
					ensure!(Self::expired(&bounty, &claim), Error::<T>::NotOpen);
					Self::end_claim(id, &mut bounty, claim, true);
				}
				BountyStatus::Paid | BountyStatus::Cancelled => {
					return Err(Error::<T>::NotOpen.into())
				}
			}
			let to = Self::refund_account(&bounty.funder);
			let refund = Self::sweep(id, &to);
			Self::set_status(id, &mut bounty, BountyStatus::Cancelled);
			bounty.approvals = Default::default();
			bounty.rejections = Default::default();
			Bounties::<T>::insert(id, bounty);
			EndedAt::<T>::insert(id, frame_system::Pallet::<T>::block_number());
			Self::deposit_event(Event::BountyCancelled { id, refund, to });
			Ok(())
		}

		/// Change the reviewers while the bounty is proposed or open.
		///
		/// - origin: as for `cancel_bounty`; for a bounty of a co-op with several
		///   admins, nobody: its reviewers are part of what the second admin approves
		///   (cancel it and propose it again).
		/// - `reviewers`: distinct, at most [`Config::MaxReviewers`], active members of
		///   distinct co-ops, none in the funding co-op; `approvals_needed`: k of them.
		///
		/// Emits [`Event::ReviewersSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_reviewers())]
		pub fn set_reviewers(
			origin: OriginFor<T>,
			id: BountyId,
			reviewers: BoundedVec<T::AccountId, T::MaxReviewers>,
			approvals_needed: u32,
		) -> DispatchResult {
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			Self::ensure_funder(origin, &bounty)?;
			ensure!(
				matches!(bounty.status, BountyStatus::Open | BountyStatus::Proposed),
				Error::<T>::NotOpen
			);
			if let Funder::Coop(coop) = bounty.funder {
				ensure!(
					T::Membership::admin_count(coop) <= 1,
					Error::<T>::ReviewersNeedSecondAdmin
				);
			}
			let funding_coop = Self::funding_coop(&bounty.funder);
			bounty.reviewers = Self::check_reviewers(reviewers, approvals_needed, funding_coop)?;
			bounty.approvals_needed = approvals_needed;
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::ReviewersSet { id, approvals_needed });
			Ok(())
		}

		/// Claim an open bounty: you (and the contributors you name) have
		/// `claim_period` blocks to deliver it, or its next milestone.
		///
		/// - origin: a member of an active co-op who is neither a reviewer of it nor
		///   the account that funded it;
		///   [`Config::ClaimDeposit`] is held from it while the claim runs (forfeited to
		///   the funder if the claim expires).
		/// - `pay_to`: each contributor's co-op sovereign account (default) or their
		///   own account.
		/// - `shares`: `None` to work alone; or every contributor, you included, with
		///   their shares of each payment (each a member of an active co-op, no
		///   reviewer, at most [`Config::MaxContributors`]).
		///
		/// The reviewers eligible for this claim (see the pallet docs) are recorded with
		/// their co-ops; at least `approvals_needed` are required. Refused during the
		/// cool-down after a claim ended without delivery.
		///
		/// Emits [`Event::Claimed`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim(
			shares.as_ref().map_or(1, |s| s.len() as u32)
		))]
		pub fn claim(
			origin: OriginFor<T>,
			id: BountyId,
			pay_to: PayTo,
			shares: Option<SharesOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			ensure!(bounty.status == BountyStatus::Open, Error::<T>::NotOpen);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now >= bounty.claimable_from, Error::<T>::CoolingDown);
			let shares =
				shares.map_or_else(|| alloc::vec![(who.clone(), 1)], BoundedVec::into_inner);
			let contributors = Self::check_shares(&bounty, &who, shares)?;
			let reviewers = Self::eligible_reviewers(&bounty, &contributors);
			ensure!(
				reviewers.len() >= bounty.approvals_needed as usize,
				Error::<T>::TooFewIndependentReviewers
			);
			let deposit = T::ClaimDeposit::get();
			deposit::take::<T::Currency, _>(&HoldReason::ClaimDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			let until = now.saturating_add(bounty.claim_period);
			let count = contributors.len() as u32;
			let reviewer_count = reviewers.len() as u32;
			let claim =
				Claim { claimant: who.clone(), pay_to, until, deposit, contributors, reviewers };
			Claims::<T>::insert(id, claim);
			Submissions::<T>::remove(id);
			Self::set_status(id, &mut bounty, BountyStatus::Claimed);
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::Claimed {
				id,
				claimant: who,
				pay_to,
				contributors: count,
				reviewers: reviewer_count,
				until,
			});
			Ok(())
		}

		/// Give up your claim; its deposit comes back (unless the claim has already
		/// expired: then it is forfeited to the funder, as by `release_expired_claim`)
		/// and the bounty is open again (milestones already paid stay paid) after
		/// [`Config::ClaimCooldown`] blocks, during which the funder may cancel it. The
		/// claim's submissions are cleared.
		///
		/// - origin: the claimant.
		///
		/// Emits [`Event::ClaimReleased`], or [`Event::ClaimExpired`] for an expired claim.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unclaim())]
		pub fn unclaim(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (mut bounty, claim) = Self::active_claim(id)?;
			ensure!(claim.claimant == who, Error::<T>::NotClaimant);
			let expired = Self::expired(&bounty, &claim);
			Self::end_claim(id, &mut bounty, claim, expired);
			Self::set_status(id, &mut bounty, BountyStatus::Open);
			Bounties::<T>::insert(id, bounty);
			Ok(())
		}

		/// Release a claim whose delivery period has passed: its deposit is forfeited to
		/// the funder (the treasury for a co-op that has exited), its submissions are
		/// cleared, and the bounty is open again after [`Config::ClaimCooldown`] blocks,
		/// during which the funder may cancel it. Work submitted in time is not lost
		/// to slow reviewers: while a submission is under review, the claim expires one
		/// more `claim_period` later.
		///
		/// - origin: signed, anyone.
		///
		/// Emits [`Event::ClaimExpired`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::release_expired_claim())]
		pub fn release_expired_claim(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			ensure_signed(origin)?;
			let (mut bounty, claim) = Self::active_claim(id)?;
			ensure!(Self::expired(&bounty, &claim), Error::<T>::ClaimNotExpired);
			Self::end_claim(id, &mut bounty, claim, true);
			Self::set_status(id, &mut bounty, BountyStatus::Open);
			Bounties::<T>::insert(id, bounty);
			Ok(())
		}

		/// Submit work for review: the milestone it delivers, the repository, the
		/// commit and, if released, the release tag. A new submission replaces one
		/// under review (its approvals and rejections are dropped).
		///
		/// - origin: the claimant, before the claim expires; at most
		///   [`Config::MaxSubmissions`] per claim.
		/// - `milestone`: the next unpaid milestone's index, or `None` for a bounty
		///   without milestones.
		///
		/// Emits [`Event::WorkSubmitted`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::submit_work())]
		pub fn submit_work(
			origin: OriginFor<T>,
			id: BountyId,
			milestone: Option<u32>,
			repo: Url,
			commit: [u8; 20],
			tag: Option<Tag>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (mut bounty, claim) = Self::active_claim(id)?;
			ensure!(claim.claimant == who, Error::<T>::NotClaimant);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < claim.until, Error::<T>::ClaimExpired);
			let expected = (!bounty.milestones.is_empty()).then_some(bounty.milestones_paid);
			ensure!(milestone == expected, Error::<T>::WrongMilestone);
			let submission = Submission {
				by: who.clone(),
				milestone,
				repo: repo.clone(),
				commit,
				tag: tag.clone(),
				at: now,
			};
			Submissions::<T>::try_mutate(id, |subs| subs.try_push(submission))
				.map_err(|_| Error::<T>::TooManySubmissions)?;
			Self::set_status(id, &mut bounty, BountyStatus::Submitted);
			bounty.approvals = Default::default();
			bounty.rejections = Default::default();
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::WorkSubmitted { id, by: who, milestone, repo, commit, tag });
			Ok(())
		}

		/// Review the submitted work. When approvals reach `approvals_needed`, the
		/// delivery (the milestone, or the whole reward) is paid from escrow at once,
		/// split among the contributors by their shares. A submission is rejected (back
		/// to `Claimed` for another submission) only once `n - k + 1` of the `n`
		/// reviewers recorded in the claim rejected it, so that approval can no longer
		/// reach `k`; until then the approvals given stand.
		///
		/// - origin: a reviewer recorded in the claim, still an active member of the
		///   co-op recorded with it; once per submission.
		/// - `comment`: hash of the review text.
		///
		/// Emits [`Event::Reviewed`]; on the deciding rejection
		/// [`Event::SubmissionRejected`]; on the last approval [`Event::Paid`] per
		/// recipient, then [`Event::MilestoneCompleted`] or [`Event::BountyCompleted`]
		/// (and [`Event::EscrowSwept`] if the escrow held more than the reward).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::review_and_pay(T::MaxContributors::get())
			.max(T::WeightInfo::review()))]
		pub fn review(
			origin: OriginFor<T>,
			id: BountyId,
			approve: bool,
			comment: H256,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			ensure!(bounty.status == BountyStatus::Submitted, Error::<T>::NotSubmitted);
			let mut claim = Claims::<T>::get(id).ok_or(Error::<T>::NotSubmitted)?;
			let contributors = claim.contributors.len() as u32;
			let recorded = claim
				.reviewers
				.iter()
				.find(|(r, _)| r == &who)
				.map(|(_, coop)| *coop)
				.ok_or(Error::<T>::NotReviewer)?;
			ensure!(
				T::Membership::coop_of(&who) == Some(recorded)
					&& T::Membership::is_active_coop(recorded),
				Error::<T>::NotReviewer
			);
			ensure!(
				!bounty.approvals.contains(&who) && !bounty.rejections.contains(&who),
				Error::<T>::AlreadyReviewed
			);
			let count_review =
				|l: &mut Ledger<BalanceOf<T>>| l.reviews = l.reviews.saturating_add(1);
			Contributions::<T>::mutate(&who, count_review);
			CoopContributions::<T>::mutate(recorded, count_review);
			Self::deposit_event(Event::Reviewed { id, reviewer: who.clone(), approve, comment });

			if !approve {
				bounty.rejections.try_push(who).map_err(|_| Error::<T>::BadReviewers)?;
				if (bounty.rejections.len() as u32) >= Self::rejections_needed(&bounty, &claim) {
					Self::set_status(id, &mut bounty, BountyStatus::Claimed);
					bounty.approvals = Default::default();
					bounty.rejections = Default::default();
					Self::deposit_event(Event::SubmissionRejected { id });
				}
				Bounties::<T>::insert(id, bounty);
				return Ok(Some(T::WeightInfo::review()).into());
			}
			bounty.approvals.try_push(who).map_err(|_| Error::<T>::BadReviewers)?;
			if (bounty.approvals.len() as u32) < bounty.approvals_needed {
				Bounties::<T>::insert(id, bounty);
				return Ok(Some(T::WeightInfo::review()).into());
			}
			Self::pay_delivery(id, &mut bounty, &mut claim)?;
			Bounties::<T>::insert(id, bounty);
			Claims::<T>::insert(id, claim);
			Ok(Some(T::WeightInfo::review_and_pay(contributors)).into())
		}

		/// Set the reserve the treasury keeps.
		///
		/// - origin: [`Config::FloorOrigin`] (a stricter vote than the one that spends).
		///
		/// Emits [`Event::TreasuryFloorSet`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_treasury_floor())]
		pub fn set_treasury_floor(origin: OriginFor<T>, floor: BalanceOf<T>) -> DispatchResult {
			T::FloorOrigin::ensure_origin(origin)?;
			TreasuryFloor::<T>::put(floor);
			Self::deposit_event(Event::TreasuryFloorSet { floor });
			Ok(())
		}

		/// Approve a bounty another admin of your co-op proposed to pay from the co-op's
		/// account: the reward moves to escrow and the bounty opens.
		///
		/// - origin: an admin of the funding co-op other than the one who proposed it;
		///   the co-op must be active and its account able to pay the reward.
		/// - `id`: a `Proposed` bounty.
		///
		/// Emits [`Event::FundingApproved`], then [`Event::BountyCreated`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::approve_funding())]
		pub fn approve_funding(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			ensure!(bounty.status == BountyStatus::Proposed, Error::<T>::NotProposed);
			let Funder::Coop(coop) = bounty.funder else {
				return Err(Error::<T>::NotProposed.into());
			};
			ensure!(T::Membership::is_admin(&who, coop), Error::<T>::NotCoopAdmin);
			ensure!(bounty.creator.as_ref() != Some(&who), Error::<T>::ApproverIsProposer);
			ensure!(T::Membership::is_active_coop(coop), Error::<T>::CoopNotActive);
			T::Currency::transfer(
				&T::Membership::sovereign_account(coop),
				&Self::escrow(id),
				bounty.reward,
				Preservation::Preserve,
			)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
			Self::set_status(id, &mut bounty, BountyStatus::Open);
			let (funder, reward) = (bounty.funder.clone(), bounty.reward);
			let milestones = bounty.milestones.len() as u32;
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::FundingApproved { id, approver: who });
			Self::deposit_event(Event::BountyCreated { id, funder, reward, milestones });
			Ok(())
		}

		/// Remove a finished bounty's record (bounty, claim, submissions) once
		/// [`Config::RecordRetention`] blocks have passed since it was paid or cancelled;
		/// the ledgers and the events stay as its history. The creator's deposit is
		/// released, and anything sent to the escrow since goes to the funder (the
		/// treasury for a co-op that has exited).
		///
		/// - origin: signed, anyone (the creator gets the deposit, whoever reaps).
		/// - `id`: a paid or cancelled bounty.
		///
		/// Emits [`Event::EscrowSwept`] if the escrow held anything, then
		/// [`Event::BountyReaped`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::reap_bounty())]
		pub fn reap_bounty(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			ensure_signed(origin)?;
			let bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			let ended = EndedAt::<T>::get(id).ok_or(Error::<T>::NotFinished)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				now >= ended.saturating_add(T::RecordRetention::get()),
				Error::<T>::RecordRetained
			);
			let to = Self::refund_account(&bounty.funder);
			let swept = Self::sweep(id, &to);
			if !swept.is_zero() {
				Self::deposit_event(Event::EscrowSwept { id, to, amount: swept });
			}
			Self::release_deposit(&bounty);
			Bounties::<T>::remove(id);
			BountiesByStatus::<T>::remove(bounty.status, id);
			EndedAt::<T>::remove(id);
			Claims::<T>::remove(id);
			Submissions::<T>::remove(id);
			let deposit = if bounty.creator.is_some() { bounty.deposit } else { Zero::zero() };
			Self::deposit_event(Event::BountyReaped { id, deposit });
			Ok(())
		}
	}
}

/// Whether no item appears twice.
fn all_distinct<X: Ord>(items: impl Iterator<Item = X>) -> bool {
	let mut sorted: Vec<X> = items.collect();
	let n = sorted.len();
	sorted.sort();
	sorted.dedup();
	sorted.len() == n
}

/// What the treasury has promised but not yet paid, supplied by the runtime (which
/// knows the treasury pallet; this pallet does not read its storage).
pub trait TreasuryCommitments<Balance> {
	/// The most storage reads [`Self::committed`] does, charged to
	/// `fund_from_treasury`.
	const MAX_READS: u64;
	/// The sum of spends approved and not yet paid out or expired. An implementation
	/// that cannot tell within `MAX_READS` must answer high (e.g. `Balance::MAX`), so
	/// that treasury bounties wait rather than break the floor.
	fn committed() -> Balance;
}

/// No commitments: for chains whose treasury only pays through this pallet.
impl<Balance: Zero> TreasuryCommitments<Balance> for () {
	const MAX_READS: u64 = 0;
	fn committed() -> Balance {
		Zero::zero()
	}
}

impl<T: Config> Pallet<T> {
	/// The escrow account of bounty `id`.
	pub fn escrow(id: BountyId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(("bty", id))
	}

	/// The account a bounty's reward comes from.
	fn source(funder: &Funder<T::AccountId>) -> T::AccountId {
		match funder {
			Funder::Account(a) => a.clone(),
			Funder::Coop(c) => T::Membership::sovereign_account(*c),
			Funder::Treasury => T::TreasuryAccount::get(),
		}
	}

	/// Where refunds and forfeited claim deposits go: the funder, or the treasury for
	/// a co-op with no members left (it has exited: nobody could ever spend it).
	fn refund_account(funder: &Funder<T::AccountId>) -> T::AccountId {
		match funder {
			Funder::Coop(c) if T::Membership::member_count(*c) == 0 => T::TreasuryAccount::get(),
			_ => Self::source(funder),
		}
	}

	/// The co-op whose money funds the bounty: the funding co-op, or the creator's
	/// co-op for a bounty paid from a member's account.
	fn funding_coop(funder: &Funder<T::AccountId>) -> Option<CoopId> {
		match funder {
			Funder::Coop(c) => Some(*c),
			Funder::Account(a) => T::Membership::coop_of(a),
			Funder::Treasury => None,
		}
	}

	/// `who`'s co-op, if it is active.
	fn active_coop_of(who: &T::AccountId) -> Option<CoopId> {
		T::Membership::coop_of(who).filter(|c| T::Membership::is_active_coop(*c))
	}

	/// Records a new bounty: open and funded, or (`proposed`) waiting for a second
	/// admin of the funding co-op.
	fn open(
		funder: Funder<T::AccountId>,
		creator: Option<T::AccountId>,
		deposit: BalanceOf<T>,
		terms: TermsOf<T>,
		proposed: bool,
	) -> DispatchResult {
		let reward = terms.reward;
		ensure!(reward >= T::Currency::minimum_balance(), Error::<T>::RewardTooLow);
		ensure!(
			terms.claim_period >= T::MinClaimPeriod::get()
				&& terms.claim_period <= T::MaxClaimPeriod::get(),
			Error::<T>::BadClaimPeriod
		);
		let spec_url = terms.spec_url;
		let reviewers = Self::check_reviewers(
			terms.reviewers,
			terms.approvals_needed,
			Self::funding_coop(&funder),
		)?;
		let milestones = Self::check_milestones(terms.milestones, reward)?;
		let id = deposit::next_id::<NextBountyId<T>, _>().ok_or(Error::<T>::BountyIdsExhausted)?;
		if !proposed {
			T::Currency::transfer(
				&Self::source(&funder),
				&Self::escrow(id),
				reward,
				Preservation::Preserve,
			)
			.map_err(|_| Error::<T>::InsufficientFunds)?;
		}
		let count = milestones.len() as u32;
		let status = if proposed { BountyStatus::Proposed } else { BountyStatus::Open };
		BountiesByStatus::<T>::insert(status, id, ());
		Bounties::<T>::insert(
			id,
			Bounty {
				funder: funder.clone(),
				creator: creator.clone(),
				spec_hash: terms.spec_hash,
				spec_url,
				reward,
				paid: Zero::zero(),
				milestones,
				milestones_paid: 0,
				deposit,
				reviewers,
				approvals_needed: terms.approvals_needed,
				approvals: Default::default(),
				claim_period: terms.claim_period,
				hours: terms.hours,
				status,
				rejections: Default::default(),
				claimable_from: Zero::zero(),
			},
		);
		match (proposed, &funder, creator) {
			(true, Funder::Coop(coop), Some(proposer)) => {
				Self::deposit_event(Event::BountyProposed { id, coop: *coop, proposer, reward })
			}
			_ => {
				Self::deposit_event(Event::BountyCreated { id, funder, reward, milestones: count })
			}
		}
		Ok(())
	}

	/// Who acts for the funder: for a member-funded bounty its creator; for a co-op
	/// bounty any current admin of the co-op (not a former one, even its creator),
	/// or the treasury origin once the co-op has no members left (it exited); for a
	/// treasury bounty the treasury origin.
	fn ensure_funder(origin: OriginFor<T>, bounty: &BountyOf<T>) -> DispatchResult {
		match (&bounty.funder, &bounty.creator) {
			(Funder::Coop(c), _) if T::Membership::member_count(*c) == 0 => {
				T::TreasuryOrigin::ensure_origin(origin)?;
			}
			(Funder::Coop(c), _) => {
				let who = ensure_signed(origin)?;
				ensure!(T::Membership::is_admin(&who, *c), Error::<T>::NotFunder);
			}
			(Funder::Account(_), Some(creator)) => {
				let who = ensure_signed(origin)?;
				ensure!(&who == creator, Error::<T>::NotFunder);
			}
			(Funder::Treasury, _) | (Funder::Account(_), None) => {
				T::TreasuryOrigin::ensure_origin(origin)?;
			}
		}
		Ok(())
	}

	/// The bounty and its claim, if it is claimed or submitted.
	fn active_claim(id: BountyId) -> Result<(BountyOf<T>, ClaimOf<T>), DispatchError> {
		let bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
		ensure!(
			matches!(bounty.status, BountyStatus::Claimed | BountyStatus::Submitted),
			Error::<T>::NotClaimant
		);
		let claim = Claims::<T>::get(id).ok_or(Error::<T>::NotClaimant)?;
		Ok((bounty, claim))
	}

	/// Whether the claim has expired: its delivery deadline passed (one more
	/// `claim_period` while a submission is under review).
	fn expired(bounty: &BountyOf<T>, claim: &ClaimOf<T>) -> bool {
		let expiry = match bounty.status {
			BountyStatus::Submitted => claim.until.saturating_add(bounty.claim_period),
			_ => claim.until,
		};
		frame_system::Pallet::<T>::block_number() >= expiry
	}

	/// Ends a claim without delivery: the deposit back to the claimant (`unclaim`) or
	/// forfeited to the funder (`expired`), claim and submissions removed, reviews
	/// dropped, and the cool-down started. The caller sets the status and stores the
	/// bounty.
	/// Moves bounty `id` to `status`, in its record and in [`BountiesByStatus`].
	fn set_status(id: BountyId, bounty: &mut BountyOf<T>, status: BountyStatus) {
		BountiesByStatus::<T>::remove(bounty.status, id);
		BountiesByStatus::<T>::insert(status, id, ());
		bounty.status = status;
	}

	fn end_claim(id: BountyId, bounty: &mut BountyOf<T>, claim: ClaimOf<T>, expired: bool) {
		let claimable_from =
			frame_system::Pallet::<T>::block_number().saturating_add(T::ClaimCooldown::get());
		bounty.approvals = Default::default();
		bounty.rejections = Default::default();
		bounty.claimable_from = claimable_from;
		Claims::<T>::remove(id);
		Submissions::<T>::remove(id);
		if expired {
			let to = Self::refund_account(&bounty.funder);
			let deposit = Self::forfeit_claim_deposit(&claim, &to);
			Self::deposit_event(Event::ClaimExpired {
				id,
				claimant: claim.claimant,
				deposit,
				to,
				claimable_from,
			});
		} else {
			Self::release(HoldReason::ClaimDeposit, &claim.claimant, claim.deposit);
			Self::deposit_event(Event::ClaimReleased {
				id,
				claimant: claim.claimant,
				claimable_from,
			});
		}
	}
}
