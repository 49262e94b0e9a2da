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
//!   [`Config::PalletId`] and the id) when the bounty is created: an open bounty
//!   is always fully funded, and no path creates or destroys funds. Escrow holds
//!   exactly `reward - paid` until the bounty is paid in full or cancelled.
//! - A bounty is one deliverable, or up to [`Config::MaxMilestones`] milestones
//!   (amounts summing to the reward) delivered and paid one by one, in order.
//! - [`BountyStatus`]: `Open → Claimed → Submitted → Paid`; back to `Claimed`
//!   on a rejection or after a paid milestone (with a fresh delivery period);
//!   back to `Open` when the claim is given up or expires (anyone may release an
//!   expired one); `Cancelled` (refund of the unpaid part) only while `Open`.
//! - A claim names the contributors and their shares ([`Claims`]); every payment
//!   is split by shares, the rounding remainder going to the claimant.
//! - Reviewers: a bounded set chosen by the funder; none may be a contributor,
//!   and none may review work of their own co-op, so a claim needs at least
//!   `approvals_needed` reviewers from other co-ops.
//! - Each submission (repository URL, commit, optional release tag) is kept.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod runtime_api;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Precision, Preservation},
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{CoopId, CoopMembership};
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
>;
/// The terms of a new bounty, as call parameter.
pub type TermsOf<T> =
	BountyTerms<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// A submission as stored.
pub type SubmissionOf<T> = Submission<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

// FRAME's pallet macros expand to `expect` calls on their own invariants; see
// the note in the membership pallet.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

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

		/// Who funds bounties from the treasury and sets its floor (Treasury track).
		type TreasuryOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The federation treasury's account.
		#[pallet::constant]
		type TreasuryAccount: Get<Self::AccountId>;

		/// Derives each bounty's escrow account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from the member who creates a bounty, for its record.
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

		/// The most submissions kept per bounty (keep it well above `MaxMilestones`:
		/// rejected submissions count too).
		#[pallet::constant]
		type MaxSubmissions: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates co-op members for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Creates what the benchmarks need from other pallets.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// The admin of a new active co-op number `index`, and the co-op's id.
		fn coop_admin(index: u32) -> (AccountId, CoopId);
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

	/// Every bounty, finished ones included.
	#[pallet::storage]
	pub type Bounties<T: Config> = StorageMap<_, Twox64Concat, BountyId, BountyOf<T>, OptionQuery>;

	/// The claim on a bounty: present while it is claimed or submitted, and kept
	/// once it is paid as the record of who delivered it.
	#[pallet::storage]
	pub type Claims<T: Config> = StorageMap<_, Twox64Concat, BountyId, ClaimOf<T>, OptionQuery>;

	/// Each bounty's submissions, oldest first.
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
		/// A bounty was cancelled; `refund` (its unpaid reward) went back to its funder.
		BountyCancelled { id: BountyId, refund: BalanceOf<T> },
		/// The funder changed the reviewers.
		ReviewersSet { id: BountyId, approvals_needed: u32 },
		/// A member claimed a bounty for these contributors (the claimant first).
		Claimed {
			id: BountyId,
			claimant: T::AccountId,
			pay_to: PayTo,
			contributors: u32,
			until: BlockNumberFor<T>,
		},
		/// A claim ended without full delivery (`unclaim` or expiry); the bounty is open again.
		ClaimReleased { id: BountyId, claimant: T::AccountId },
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
		/// A rejection: the bounty is back to `Claimed` for another submission.
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
		/// The treasury floor was set.
		TreasuryFloorSet { floor: BalanceOf<T> },
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
		/// The URL is longer than 128 bytes.
		UrlTooLong,
		/// The release tag is longer than 64 bytes.
		TagTooLong,
		/// No bounty has this id.
		UnknownBounty,
		/// Only the bounty's creator (or the treasury origin for treasury bounties) may do this.
		NotFunder,
		/// The bounty is not open (claimed, submitted, paid or cancelled).
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
		/// More contributors than `MaxContributors`.
		TooManyContributors,
		/// A contributor is not a member of an active co-op.
		ContributorNotMember,
		/// A contributor's part of the smallest payment would be below the existential
		/// deposit: fewer contributors or more even shares.
		ShareTooSmall,
		/// Fewer reviewers outside the contributors' co-ops than approvals needed: ask
		/// the funder to add reviewers from other co-ops first.
		TooFewIndependentReviewers,
		/// The submission names the wrong milestone: give the next unpaid one, or
		/// none for a bounty without milestones.
		WrongMilestone,
		/// You are not a reviewer of this bounty, or you are in a contributor's co-op.
		NotReviewer,
		/// You already approved this submission.
		AlreadyApproved,
		/// The bounty already has `MaxSubmissions` submissions.
		TooManySubmissions,
		/// Every bounty id has been used.
		BountyIdsExhausted,
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
		/// Fund and open a bounty.
		///
		/// - origin: a member of an active co-op; [`Config::BountyDeposit`] is held from it.
		/// - `from_coop`: pay the reward from the member's co-op sovereign account
		///   (the member must be one of its admins) instead of their own account.
		/// - `terms`: specification, reward (moved to escrow now), milestones,
		///   reviewers and approvals needed, delivery period, hours estimate.
		///
		/// Emits [`Event::BountyCreated`].
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
			let deposit = T::BountyDeposit::get();
			T::Currency::hold(&HoldReason::BountyDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			Self::open(funder, Some(who), deposit, terms)
		}

		/// Fund and open a bounty from the federation treasury (one Treasury-track vote).
		///
		/// - origin: [`Config::TreasuryOrigin`].
		/// - `terms`: as `create_bounty`. Refused if the treasury would fall below
		///   [`TreasuryFloor`].
		///
		/// Emits [`Event::BountyCreated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::create_bounty(terms.milestones.len() as u32))]
		pub fn fund_from_treasury(origin: OriginFor<T>, terms: TermsOf<T>) -> DispatchResult {
			T::TreasuryOrigin::ensure_origin(origin)?;
			let balance = T::Currency::balance(&T::TreasuryAccount::get());
			ensure!(
				balance >= terms.reward
					&& balance.saturating_sub(terms.reward) >= TreasuryFloor::<T>::get(),
				Error::<T>::BelowTreasuryFloor
			);
			Self::open(Funder::Treasury, None, Zero::zero(), terms)
		}

		/// Cancel an open bounty: its unpaid reward goes back to its funder, the
		/// deposit to its creator.
		///
		/// - origin: the creator (or [`Config::TreasuryOrigin`] for treasury bounties).
		///
		/// Emits [`Event::BountyCancelled`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_bounty())]
		pub fn cancel_bounty(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			Self::ensure_funder(origin, &bounty)?;
			ensure!(bounty.status == BountyStatus::Open, Error::<T>::NotOpen);
			let refund = bounty.reward.saturating_sub(bounty.paid);
			T::Currency::transfer(
				&Self::escrow(id),
				&Self::source(&bounty.funder),
				refund,
				Preservation::Expendable,
			)?;
			Self::release_deposit(&bounty);
			bounty.status = BountyStatus::Cancelled;
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::BountyCancelled { id, refund });
			Ok(())
		}

		/// Change the reviewers while the bounty is open.
		///
		/// - origin: the creator (or [`Config::TreasuryOrigin`] for treasury bounties).
		/// - `reviewers`: distinct, at most [`Config::MaxReviewers`];
		///   `approvals_needed`: k of them.
		///
		/// Emits [`Event::ReviewersSet`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_reviewers())]
		pub fn set_reviewers(
			origin: OriginFor<T>,
			id: BountyId,
			reviewers: Vec<T::AccountId>,
			approvals_needed: u32,
		) -> DispatchResult {
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			Self::ensure_funder(origin, &bounty)?;
			ensure!(bounty.status == BountyStatus::Open, Error::<T>::NotOpen);
			bounty.reviewers = Self::check_reviewers(reviewers, approvals_needed)?;
			bounty.approvals_needed = approvals_needed;
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::ReviewersSet { id, approvals_needed });
			Ok(())
		}

		/// Claim an open bounty: you (and the contributors you name) have
		/// `claim_period` blocks to deliver it, or its next milestone.
		///
		/// - origin: a member of an active co-op who is not a reviewer of it;
		///   [`Config::ClaimDeposit`] is held from it while the claim runs.
		/// - `pay_to`: each contributor's co-op sovereign account (default) or their
		///   own account.
		/// - `shares`: `None` to work alone; or every contributor, you included, with
		///   their shares of each payment (each a member of an active co-op, no
		///   reviewer, at most [`Config::MaxContributors`]).
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
			shares: Option<Vec<(T::AccountId, u32)>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			ensure!(bounty.status == BountyStatus::Open, Error::<T>::NotOpen);
			let shares = shares.unwrap_or_else(|| alloc::vec![(who.clone(), 1)]);
			let contributors = Self::check_shares(&bounty, &who, shares)?;
			let independent =
				bounty.reviewers.iter().filter(|r| Self::independent(r, &contributors)).count();
			ensure!(
				independent >= bounty.approvals_needed as usize,
				Error::<T>::TooFewIndependentReviewers
			);
			let deposit = T::ClaimDeposit::get();
			T::Currency::hold(&HoldReason::ClaimDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			let until =
				frame_system::Pallet::<T>::block_number().saturating_add(bounty.claim_period);
			let count = contributors.len() as u32;
			let claim = Claim { claimant: who.clone(), pay_to, until, deposit, contributors };
			Claims::<T>::insert(id, claim);
			bounty.status = BountyStatus::Claimed;
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::Claimed {
				id,
				claimant: who,
				pay_to,
				contributors: count,
				until,
			});
			Ok(())
		}

		/// Give up your claim; the bounty is open again (milestones already paid
		/// stay paid).
		///
		/// - origin: the claimant.
		///
		/// Emits [`Event::ClaimReleased`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unclaim())]
		pub fn unclaim(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let (bounty, claim) = Self::active_claim(id)?;
			ensure!(claim.claimant == who, Error::<T>::NotClaimant);
			Self::reopen(id, bounty, claim);
			Ok(())
		}

		/// Release a claim whose delivery period has passed; the bounty is open again.
		/// Work submitted in time is not lost to slow reviewers: while a submission
		/// is under review, the claim expires one more `claim_period` later.
		///
		/// - origin: signed, anyone.
		///
		/// Emits [`Event::ClaimReleased`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::unclaim())]
		pub fn release_expired_claim(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			ensure_signed(origin)?;
			let (bounty, claim) = Self::active_claim(id)?;
			let expiry = match bounty.status {
				BountyStatus::Submitted => claim.until.saturating_add(bounty.claim_period),
				_ => claim.until,
			};
			ensure!(
				frame_system::Pallet::<T>::block_number() >= expiry,
				Error::<T>::ClaimNotExpired
			);
			Self::reopen(id, bounty, claim);
			Ok(())
		}

		/// Submit work for review: the milestone it delivers, the repository, the
		/// commit and, if released, the release tag. A new submission replaces one
		/// under review (its approvals are dropped).
		///
		/// - origin: the claimant, before the claim expires.
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
			repo: Vec<u8>,
			commit: [u8; 20],
			tag: Option<Vec<u8>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let repo = Url::try_from(repo).map_err(|_| Error::<T>::UrlTooLong)?;
			let tag = tag.map(Tag::try_from).transpose().map_err(|_| Error::<T>::TagTooLong)?;
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
			bounty.status = BountyStatus::Submitted;
			bounty.approvals = Default::default();
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::WorkSubmitted { id, by: who, milestone, repo, commit, tag });
			Ok(())
		}

		/// Review the submitted work. When approvals reach `approvals_needed`, the
		/// delivery (the milestone, or the whole reward) is paid from escrow at once,
		/// split among the contributors by their shares; a rejection sends the bounty
		/// back to `Claimed` for another submission.
		///
		/// - origin: a reviewer of the bounty who is in none of the contributors' co-ops.
		/// - `comment`: hash of the review text.
		///
		/// Emits [`Event::Reviewed`]; on a rejection [`Event::SubmissionRejected`]; on
		/// the last approval [`Event::Paid`] per recipient, then
		/// [`Event::MilestoneCompleted`] or [`Event::BountyCompleted`].
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
			ensure!(bounty.reviewers.contains(&who), Error::<T>::NotReviewer);
			ensure!(Self::independent(&who, &claim.contributors), Error::<T>::NotReviewer);
			ensure!(!bounty.approvals.contains(&who), Error::<T>::AlreadyApproved);
			let count_review =
				|l: &mut Ledger<BalanceOf<T>>| l.reviews = l.reviews.saturating_add(1);
			Contributions::<T>::mutate(&who, count_review);
			if let Some(reviewer_coop) = T::Membership::coop_of(&who) {
				CoopContributions::<T>::mutate(reviewer_coop, count_review);
			}
			Self::deposit_event(Event::Reviewed { id, reviewer: who.clone(), approve, comment });

			if !approve {
				bounty.status = BountyStatus::Claimed;
				bounty.approvals = Default::default();
				Bounties::<T>::insert(id, bounty);
				Self::deposit_event(Event::SubmissionRejected { id });
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
		/// - origin: [`Config::TreasuryOrigin`].
		///
		/// Emits [`Event::TreasuryFloorSet`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_treasury_floor())]
		pub fn set_treasury_floor(origin: OriginFor<T>, floor: BalanceOf<T>) -> DispatchResult {
			T::TreasuryOrigin::ensure_origin(origin)?;
			TreasuryFloor::<T>::put(floor);
			Self::deposit_event(Event::TreasuryFloorSet { floor });
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

impl<T: Config> Pallet<T> {
	/// The escrow account of bounty `id`.
	pub fn escrow(id: BountyId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(("bty", id))
	}

	/// The account a bounty's reward comes from, and goes back to on cancellation.
	fn source(funder: &Funder<T::AccountId>) -> T::AccountId {
		match funder {
			Funder::Account(a) => a.clone(),
			Funder::Coop(c) => T::Membership::sovereign_account(*c),
			Funder::Treasury => T::TreasuryAccount::get(),
		}
	}

	/// `who`'s co-op, if it is active.
	fn active_coop_of(who: &T::AccountId) -> Option<CoopId> {
		T::Membership::coop_of(who).filter(|c| T::Membership::is_active_coop(*c))
	}

	fn check_reviewers(
		reviewers: Vec<T::AccountId>,
		k: u32,
	) -> Result<BoundedVec<T::AccountId, T::MaxReviewers>, DispatchError> {
		let reviewers: BoundedVec<_, T::MaxReviewers> =
			reviewers.try_into().map_err(|_| Error::<T>::BadReviewers)?;
		ensure!(all_distinct(reviewers.iter()), Error::<T>::BadReviewers);
		ensure!(k >= 1 && (k as usize) <= reviewers.len(), Error::<T>::BadApprovals);
		Ok(reviewers)
	}

	fn check_milestones(
		milestones: Vec<Milestone<BalanceOf<T>>>,
		reward: BalanceOf<T>,
	) -> Result<BoundedVec<Milestone<BalanceOf<T>>, T::MaxMilestones>, DispatchError> {
		let milestones: BoundedVec<_, T::MaxMilestones> =
			milestones.try_into().map_err(|_| Error::<T>::BadMilestones)?;
		if milestones.is_empty() {
			return Ok(milestones);
		}
		let mut sum = BalanceOf::<T>::zero();
		for m in milestones.iter() {
			ensure!(m.amount >= T::Currency::minimum_balance(), Error::<T>::RewardTooLow);
			sum = sum.checked_add(&m.amount).ok_or(Error::<T>::BadMilestones)?;
		}
		ensure!(sum == reward, Error::<T>::BadMilestones);
		Ok(milestones)
	}

	fn open(
		funder: Funder<T::AccountId>,
		creator: Option<T::AccountId>,
		deposit: BalanceOf<T>,
		terms: TermsOf<T>,
	) -> DispatchResult {
		let reward = terms.reward;
		ensure!(reward >= T::Currency::minimum_balance(), Error::<T>::RewardTooLow);
		let spec_url = Url::try_from(terms.spec_url).map_err(|_| Error::<T>::UrlTooLong)?;
		let reviewers = Self::check_reviewers(terms.reviewers, terms.approvals_needed)?;
		let milestones = Self::check_milestones(terms.milestones, reward)?;
		let id = NextBountyId::<T>::get();
		NextBountyId::<T>::put(id.checked_add(1).ok_or(Error::<T>::BountyIdsExhausted)?);
		T::Currency::transfer(
			&Self::source(&funder),
			&Self::escrow(id),
			reward,
			Preservation::Preserve,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		let count = milestones.len() as u32;
		Bounties::<T>::insert(
			id,
			Bounty {
				funder: funder.clone(),
				creator,
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
				status: BountyStatus::Open,
			},
		);
		Self::deposit_event(Event::BountyCreated { id, funder, reward, milestones: count });
		Ok(())
	}

	fn ensure_funder(origin: OriginFor<T>, bounty: &BountyOf<T>) -> DispatchResult {
		match &bounty.creator {
			Some(creator) => {
				let who = ensure_signed(origin)?;
				ensure!(&who == creator, Error::<T>::NotFunder);
			}
			None => {
				T::TreasuryOrigin::ensure_origin(origin)?;
			}
		}
		Ok(())
	}

	/// Checks a claim's shares: the claimant listed (and put first), everyone once,
	/// a member of an active co-op and no reviewer, every part of the smallest
	/// payment at least the existential deposit.
	fn check_shares(
		bounty: &BountyOf<T>,
		claimant: &T::AccountId,
		mut shares: Vec<(T::AccountId, u32)>,
	) -> Result<BoundedVec<Contributor<T::AccountId>, T::MaxContributors>, DispatchError> {
		ensure!(
			shares.len() <= T::MaxContributors::get() as usize,
			Error::<T>::TooManyContributors
		);
		let at = shares.iter().position(|(who, _)| who == claimant).ok_or(Error::<T>::BadShares)?;
		shares.swap(0, at);
		ensure!(all_distinct(shares.iter().map(|(who, _)| who)), Error::<T>::BadShares);
		let mut total: u32 = 0;
		let mut contributors = BoundedVec::new();
		for (who, parts) in shares {
			ensure!(parts >= 1, Error::<T>::BadShares);
			total = total.checked_add(parts).ok_or(Error::<T>::BadShares)?;
			ensure!(!bounty.reviewers.contains(&who), Error::<T>::ReviewerCannotClaim);
			let coop = Self::active_coop_of(&who).ok_or(if &who == claimant {
				Error::<T>::NotActiveMember
			} else {
				Error::<T>::ContributorNotMember
			})?;
			contributors
				.try_push(Contributor { who, coop, shares: parts })
				.map_err(|_| Error::<T>::TooManyContributors)?;
		}
		let smallest = bounty.milestones.iter().map(|m| m.amount).min().unwrap_or(bounty.reward);
		let ed = T::Currency::minimum_balance();
		ensure!(
			Self::split(smallest, &contributors).iter().all(|part| *part >= ed),
			Error::<T>::ShareTooSmall
		);
		Ok(contributors)
	}

	/// Splits `amount` by the contributors' shares, rounding down; the remainder
	/// goes to the first (the claimant), so the parts always sum to `amount`.
	fn split<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
		amount: B,
		contributors: &[Contributor<T::AccountId>],
	) -> Vec<B> {
		let total = contributors.iter().fold(0u128, |t, c| t.saturating_add(c.shares.into()));
		let whole: u128 = amount.saturated_into();
		let mut parts: Vec<B> = contributors
			.iter()
			.map(|c| {
				multiply_by_rational_with_rounding(whole, c.shares.into(), total, Rounding::Down)
					.unwrap_or(0)
					.saturated_into()
			})
			.collect();
		let given = parts.iter().skip(1).fold(B::zero(), |s, p| s.saturating_add(*p));
		if let Some(first) = parts.first_mut() {
			*first = amount.saturating_sub(given);
		}
		parts
	}

	/// A reviewer may review only work of contributors outside their own co-op.
	fn independent(reviewer: &T::AccountId, contributors: &[Contributor<T::AccountId>]) -> bool {
		match T::Membership::coop_of(reviewer) {
			Some(coop) => contributors.iter().all(|c| c.coop != coop),
			None => true,
		}
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

	fn reopen(id: BountyId, mut bounty: BountyOf<T>, mut claim: ClaimOf<T>) {
		bounty.status = BountyStatus::Open;
		bounty.approvals = Default::default();
		Bounties::<T>::insert(id, bounty);
		Self::release_claim_deposit(&mut claim);
		Claims::<T>::remove(id);
		Self::deposit_event(Event::ClaimReleased { id, claimant: claim.claimant });
	}

	fn release_claim_deposit(claim: &mut ClaimOf<T>) {
		Self::release(HoldReason::ClaimDeposit, &claim.claimant, claim.deposit);
		claim.deposit = Zero::zero();
	}

	/// Pays the approved delivery (next milestone or whole reward) to the
	/// contributors by shares, records it in the ledgers, and moves the bounty on.
	fn pay_delivery(
		id: BountyId,
		bounty: &mut BountyOf<T>,
		claim: &mut ClaimOf<T>,
	) -> DispatchResult {
		let unpaid = bounty.reward.saturating_sub(bounty.paid);
		let next = bounty.milestones_paid.saturating_add(1);
		let last = bounty.milestones.is_empty() || next as usize >= bounty.milestones.len();
		let amount = if last {
			unpaid
		} else {
			bounty
				.milestones
				.get(bounty.milestones_paid as usize)
				.map_or(unpaid, |m| m.amount.min(unpaid))
		};
		let parts = Self::split(amount, &claim.contributors);
		let hours =
			Self::split(if last { bounty.hours.unwrap_or(0) } else { 0 }, &claim.contributors);
		let milestones = u32::from(!bounty.milestones.is_empty());
		let delivered = u32::from(last);
		let credit = |l: &mut Ledger<BalanceOf<T>>, earned: BalanceOf<T>, hours: u32| {
			l.earned = l.earned.saturating_add(earned);
			l.hours = l.hours.saturating_add(hours);
			l.milestones = l.milestones.saturating_add(milestones);
			l.delivered = l.delivered.saturating_add(delivered);
		};
		let escrow = Self::escrow(id);
		// Each co-op counts a delivery once, however many of its members shared it.
		let mut by_coop = BTreeMap::<CoopId, (BalanceOf<T>, u32)>::new();
		for ((c, part), hours) in claim.contributors.iter().zip(parts).zip(hours) {
			let to = match claim.pay_to {
				PayTo::Coop => T::Membership::sovereign_account(c.coop),
				PayTo::Own => c.who.clone(),
			};
			T::Currency::transfer(&escrow, &to, part, Preservation::Expendable)?;
			Contributions::<T>::mutate(&c.who, |l| credit(l, part, hours));
			let (earned, coop_hours) = by_coop.entry(c.coop).or_insert((Zero::zero(), 0));
			*earned = earned.saturating_add(part);
			*coop_hours = coop_hours.saturating_add(hours);
			Self::deposit_event(Event::Paid { id, to, amount: part });
		}
		for (coop, (earned, hours)) in by_coop {
			CoopContributions::<T>::mutate(coop, |l| credit(l, earned, hours));
		}
		bounty.paid = bounty.paid.saturating_add(amount);
		bounty.approvals = Default::default();
		if last {
			bounty.status = BountyStatus::Paid;
			if milestones > 0 {
				bounty.milestones_paid = next;
			}
			Self::release_deposit(bounty);
			Self::release_claim_deposit(claim);
			Self::deposit_event(Event::BountyCompleted { id, total: bounty.paid });
		} else {
			let milestone = bounty.milestones_paid;
			bounty.milestones_paid = next;
			bounty.status = BountyStatus::Claimed;
			claim.until =
				frame_system::Pallet::<T>::block_number().saturating_add(bounty.claim_period);
			Self::deposit_event(Event::MilestoneCompleted {
				id,
				milestone,
				amount,
				until: claim.until,
			});
		}
		Ok(())
	}

	fn release_deposit(bounty: &BountyOf<T>) {
		if let Some(creator) = &bounty.creator {
			Self::release(HoldReason::BountyDeposit, creator, bounty.deposit);
		}
	}

	/// Releases a deposit this pallet held; best effort never fails here.
	fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if !amount.is_zero() {
			let _ = T::Currency::release(&reason.into(), who, amount, Precision::BestEffort);
		}
	}

	/// Checks the escrow invariant (every unfinished bounty's escrow account holds
	/// exactly its unpaid reward; finished ones hold nothing; a paid bounty paid
	/// its whole reward) and the claim records.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		for (id, bounty) in Bounties::<T>::iter() {
			ensure!(id < NextBountyId::<T>::get(), "bounty id not below NextBountyId");
			let escrowed = T::Currency::balance(&Self::escrow(id));
			let finished = matches!(bounty.status, BountyStatus::Paid | BountyStatus::Cancelled);
			let expected =
				if finished { Zero::zero() } else { bounty.reward.saturating_sub(bounty.paid) };
			ensure!(escrowed == expected, "escrow differs from the unpaid reward");
			ensure!(bounty.paid <= bounty.reward, "paid more than the reward");
			if bounty.status == BountyStatus::Paid {
				ensure!(bounty.paid == bounty.reward, "paid bounty did not pay its reward");
			}
			ensure!(
				bounty.milestones_paid as usize <= bounty.milestones.len(),
				"more milestones paid than exist"
			);
			ensure!(
				(bounty.approvals.len() as u32) < bounty.approvals_needed || finished,
				"enough approvals but not paid"
			);
			let claimed = matches!(bounty.status, BountyStatus::Claimed | BountyStatus::Submitted);
			let has_claim = Claims::<T>::contains_key(id);
			ensure!(!claimed || has_claim, "claimed bounty without a claim");
			ensure!(
				!has_claim || claimed || bounty.status == BountyStatus::Paid,
				"claim kept on an open or cancelled bounty"
			);
		}
		let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (id, claim) in Claims::<T>::iter() {
			let h = held.entry(claim.claimant.clone()).or_insert_with(Zero::zero);
			*h = h.saturating_add(claim.deposit);
			ensure!(Bounties::<T>::contains_key(id), "claim of an unknown bounty");
			ensure!(
				claim.contributors.first().map(|c| &c.who) == Some(&claim.claimant),
				"claimant is not the first contributor"
			);
		}
		for (who, deposits) in held {
			let on_hold = T::Currency::balance_on_hold(&HoldReason::ClaimDeposit.into(), &who);
			ensure!(on_hold == deposits, "claim deposits differ from the held amount");
		}
		Ok(())
	}
}
