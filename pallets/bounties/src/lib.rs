//! # Co-op bounties pallet
//!
//! Escrowed contribution bounties: co-ops (or the federation treasury, by one
//! vote) fund work on common tools; members claim and deliver it; several
//! reviewers approve it; the reward goes to the contributor's co-op (or to the
//! contributor); a contribution ledger keeps count.
//!
//! ## Model
//! - The reward moves into the bounty's own escrow account (derived from
//!   [`Config::PalletId`] and the id) when the bounty is created: an open bounty
//!   is always fully funded, and no path creates or destroys funds — escrow is
//!   paid out or refunded whole.
//! - `Open → Claimed → Submitted → Paid`, or back to `Claimed` when a reviewer
//!   rejects the submission; `Cancelled` (refund) only while `Open`; an expired
//!   claim can be released by anyone.
//! - Reviewers: a bounded set chosen by the funder; none may claim the bounty,
//!   and a reviewer from the claimant's own co-op may not review it.
//! - Each submission (repository URL + commit) is kept for the record.

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
use sp_runtime::traits::{AccountIdConversion, Saturating, Zero};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A bounty as stored.
pub type BountyOf<T> = Bounty<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxReviewers,
>;

// FRAME's pallet macros expand to `expect` calls on their own invariants; see
// the note in the membership pallet. Calls take a bounty's terms as separate
// parameters so wallets show each one.
#[allow(clippy::expect_used, clippy::too_many_arguments)]
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

		/// The most reviewers a bounty may have.
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// The most submissions kept per bounty.
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
	}

	/// The id the next bounty will get.
	#[pallet::storage]
	pub type NextBountyId<T> = StorageValue<_, BountyId, ValueQuery>;

	/// Every bounty, finished ones included.
	#[pallet::storage]
	pub type Bounties<T: Config> = StorageMap<_, Twox64Concat, BountyId, BountyOf<T>, OptionQuery>;

	/// Each bounty's submissions, oldest first.
	#[pallet::storage]
	pub type Submissions<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BountyId,
		BoundedVec<Submission<T::AccountId, BlockNumberFor<T>>, T::MaxSubmissions>,
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
		BountyCreated { id: BountyId, funder: Funder<T::AccountId>, reward: BalanceOf<T> },
		/// A bounty was cancelled and its reward refunded to its funder.
		BountyCancelled { id: BountyId },
		/// The funder changed the reviewers.
		ReviewersSet { id: BountyId, approvals_needed: u32 },
		/// A member claimed a bounty.
		Claimed { id: BountyId, claimant: T::AccountId, coop: CoopId, pay_to: PayTo },
		/// A claim ended without delivery (`unclaim` or expiry); the bounty is open again.
		ClaimReleased { id: BountyId, claimant: T::AccountId },
		/// Work was submitted for review.
		WorkSubmitted { id: BountyId, by: T::AccountId, repo: Url, commit: [u8; 20] },
		/// A reviewer approved or rejected the submission.
		Reviewed { id: BountyId, reviewer: T::AccountId, approve: bool, comment: H256 },
		/// Enough approvals: the reward was paid.
		Paid { id: BountyId, to: T::AccountId, amount: BalanceOf<T> },
		/// The treasury floor was set.
		TreasuryFloorSet { floor: BalanceOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only members of active co-ops can create or claim bounties.
		NotActiveMember,
		/// Only an admin of the co-op can spend its funds.
		NotCoopAdmin,
		/// The reward is below the existential deposit: escrow could not hold it.
		RewardTooLow,
		/// The funding account cannot pay the reward (and the deposit).
		InsufficientFunds,
		/// The treasury would fall below its floor: a smaller reward, or a vote to lower it.
		BelowTreasuryFloor,
		/// Approvals needed must be at least 1 and at most the number of reviewers.
		BadApprovals,
		/// Too many reviewers, or a reviewer listed twice.
		BadReviewers,
		/// The URL is longer than 128 bytes.
		UrlTooLong,
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
		/// The claim has not expired yet.
		ClaimNotExpired,
		/// The claim has expired: it must be released before work can be submitted.
		ClaimExpired,
		/// Reviewers cannot claim the bounty they review.
		ReviewerCannotClaim,
		/// You are not a reviewer of this bounty, or you are in the claimant's co-op.
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
		/// - `spec_hash`, `spec_url`: the specification; `reward`: moved to escrow now;
		///   `reviewers`, `approvals_needed` (k of n); `claim_period` in blocks;
		///   `hours`: estimated hours.
		///
		/// Emits [`Event::BountyCreated`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_bounty())]
		pub fn create_bounty(
			origin: OriginFor<T>,
			from_coop: bool,
			spec_hash: H256,
			spec_url: Vec<u8>,
			reward: BalanceOf<T>,
			reviewers: Vec<T::AccountId>,
			approvals_needed: u32,
			claim_period: BlockNumberFor<T>,
			hours: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = T::Membership::coop_of(&who).ok_or(Error::<T>::NotActiveMember)?;
			ensure!(T::Membership::is_active_coop(coop), Error::<T>::NotActiveMember);
			let funder = if from_coop {
				ensure!(T::Membership::is_admin(&who, coop), Error::<T>::NotCoopAdmin);
				Funder::Coop(coop)
			} else {
				Funder::Account(who.clone())
			};
			let deposit = T::BountyDeposit::get();
			T::Currency::hold(&HoldReason::BountyDeposit.into(), &who, deposit)
				.map_err(|_| Error::<T>::InsufficientFunds)?;
			let details = (spec_hash, spec_url, reward, reviewers, approvals_needed);
			Self::open(funder, Some(who), deposit, details, claim_period, hours)
		}

		/// Fund and open a bounty from the federation treasury (one Treasury-track vote).
		///
		/// - origin: [`Config::TreasuryOrigin`].
		/// - Parameters as `create_bounty`. Refused if the treasury would fall below
		///   [`TreasuryFloor`].
		///
		/// Emits [`Event::BountyCreated`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::create_bounty())]
		pub fn fund_from_treasury(
			origin: OriginFor<T>,
			spec_hash: H256,
			spec_url: Vec<u8>,
			reward: BalanceOf<T>,
			reviewers: Vec<T::AccountId>,
			approvals_needed: u32,
			claim_period: BlockNumberFor<T>,
			hours: u32,
		) -> DispatchResult {
			T::TreasuryOrigin::ensure_origin(origin)?;
			let balance = T::Currency::balance(&T::TreasuryAccount::get());
			ensure!(
				balance.saturating_sub(reward) >= TreasuryFloor::<T>::get() && balance >= reward,
				Error::<T>::BelowTreasuryFloor
			);
			let details = (spec_hash, spec_url, reward, reviewers, approvals_needed);
			Self::open(Funder::Treasury, None, Zero::zero(), details, claim_period, hours)
		}

		/// Cancel an open bounty: the reward goes back to its funder, the deposit to
		/// its creator.
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
			let to = Self::source(&bounty.funder);
			T::Currency::transfer(&Self::escrow(id), &to, bounty.reward, Preservation::Expendable)?;
			Self::release_deposit(&bounty);
			bounty.status = BountyStatus::Cancelled;
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::BountyCancelled { id });
			Ok(())
		}

		/// Change the reviewers before anyone claims the bounty.
		///
		/// - origin: the creator (or [`Config::TreasuryOrigin`] for treasury bounties).
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

		/// Claim an open bounty: you have `claim_period` blocks to deliver.
		///
		/// - origin: a member of an active co-op who is not a reviewer of it.
		/// - `pay_to`: your co-op's sovereign account (default) or your own account.
		///
		/// Emits [`Event::Claimed`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, id: BountyId, pay_to: PayTo) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = T::Membership::coop_of(&who).ok_or(Error::<T>::NotActiveMember)?;
			ensure!(T::Membership::is_active_coop(coop), Error::<T>::NotActiveMember);
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			ensure!(bounty.status == BountyStatus::Open, Error::<T>::NotOpen);
			ensure!(!bounty.reviewers.contains(&who), Error::<T>::ReviewerCannotClaim);
			let until =
				frame_system::Pallet::<T>::block_number().saturating_add(bounty.claim_period);
			bounty.status = BountyStatus::Claimed { claimant: who.clone(), coop, pay_to, until };
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::Claimed { id, claimant: who, coop, pay_to });
			Ok(())
		}

		/// Give up your claim; the bounty is open again.
		///
		/// - origin: the claimant.
		///
		/// Emits [`Event::ClaimReleased`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::unclaim())]
		pub fn unclaim(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			let (claimant, ..) = Self::claim_of(&bounty).ok_or(Error::<T>::NotClaimant)?;
			ensure!(claimant == who, Error::<T>::NotClaimant);
			bounty.status = BountyStatus::Open;
			bounty.approvals = Default::default();
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::ClaimReleased { id, claimant: who });
			Ok(())
		}

		/// Release a claim whose delivery period has passed; the bounty is open again.
		///
		/// - origin: signed, anyone.
		///
		/// Emits [`Event::ClaimReleased`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::unclaim())]
		pub fn release_expired_claim(origin: OriginFor<T>, id: BountyId) -> DispatchResult {
			ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			let (claimant, _, _, until) = Self::claim_of(&bounty).ok_or(Error::<T>::NotClaimant)?;
			ensure!(
				frame_system::Pallet::<T>::block_number() >= until,
				Error::<T>::ClaimNotExpired
			);
			bounty.status = BountyStatus::Open;
			bounty.approvals = Default::default();
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::ClaimReleased { id, claimant });
			Ok(())
		}

		/// Submit your work for review: the repository and the commit that delivers it.
		///
		/// - origin: the claimant, before the claim expires.
		///
		/// Emits [`Event::WorkSubmitted`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::submit_work())]
		pub fn submit_work(
			origin: OriginFor<T>,
			id: BountyId,
			repo: Vec<u8>,
			commit: [u8; 20],
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let repo = Url::try_from(repo).map_err(|_| Error::<T>::UrlTooLong)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			let BountyStatus::Claimed { claimant, coop, pay_to, until } = bounty.status.clone()
			else {
				return Err(Error::<T>::NotClaimant.into());
			};
			ensure!(claimant == who, Error::<T>::NotClaimant);
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now < until, Error::<T>::ClaimExpired);
			Submissions::<T>::try_mutate(id, |subs| {
				subs.try_push(Submission { by: who.clone(), repo: repo.clone(), commit, at: now })
			})
			.map_err(|_| Error::<T>::TooManySubmissions)?;
			bounty.status = BountyStatus::Submitted { claimant, coop, pay_to, until };
			bounty.approvals = Default::default();
			Bounties::<T>::insert(id, bounty);
			Self::deposit_event(Event::WorkSubmitted { id, by: who, repo, commit });
			Ok(())
		}

		/// Review the submitted work. When approvals reach `approvals_needed`, the
		/// reward is paid from escrow at once; a rejection sends the bounty back to
		/// `Claimed` for another submission.
		///
		/// - origin: a reviewer of the bounty who is not in the claimant's co-op.
		/// - `comment`: hash of the review text.
		///
		/// Emits [`Event::Reviewed`], and [`Event::Paid`] on the last approval.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::review())]
		pub fn review(
			origin: OriginFor<T>,
			id: BountyId,
			approve: bool,
			comment: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mut bounty = Bounties::<T>::get(id).ok_or(Error::<T>::UnknownBounty)?;
			let BountyStatus::Submitted { claimant, coop, pay_to, until } = bounty.status.clone()
			else {
				return Err(Error::<T>::NotSubmitted.into());
			};
			ensure!(bounty.reviewers.contains(&who), Error::<T>::NotReviewer);
			ensure!(T::Membership::coop_of(&who) != Some(coop), Error::<T>::NotReviewer);
			ensure!(!bounty.approvals.contains(&who), Error::<T>::AlreadyApproved);
			Contributions::<T>::mutate(&who, |l| l.reviews = l.reviews.saturating_add(1));
			if let Some(reviewer_coop) = T::Membership::coop_of(&who) {
				CoopContributions::<T>::mutate(reviewer_coop, |l| {
					l.reviews = l.reviews.saturating_add(1)
				});
			}
			Self::deposit_event(Event::Reviewed { id, reviewer: who.clone(), approve, comment });

			if !approve {
				bounty.status = BountyStatus::Claimed { claimant, coop, pay_to, until };
				bounty.approvals = Default::default();
				Bounties::<T>::insert(id, bounty);
				return Ok(());
			}
			bounty.approvals.try_push(who).map_err(|_| Error::<T>::BadReviewers)?;
			if (bounty.approvals.len() as u32) < bounty.approvals_needed {
				Bounties::<T>::insert(id, bounty);
				return Ok(());
			}
			let to = match pay_to {
				PayTo::Coop => T::Membership::sovereign_account(coop),
				PayTo::Own => claimant.clone(),
			};
			T::Currency::transfer(&Self::escrow(id), &to, bounty.reward, Preservation::Expendable)?;
			let record = |l: &mut Ledger<BalanceOf<T>>| {
				l.delivered = l.delivered.saturating_add(1);
				l.earned = l.earned.saturating_add(bounty.reward);
				l.hours = l.hours.saturating_add(bounty.hours);
			};
			Contributions::<T>::mutate(&claimant, record);
			CoopContributions::<T>::mutate(coop, record);
			Self::release_deposit(&bounty);
			Self::deposit_event(Event::Paid { id, to, amount: bounty.reward });
			bounty.status = BountyStatus::Paid { claimant, coop };
			Bounties::<T>::insert(id, bounty);
			Ok(())
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

/// What `open` needs besides the funder: spec hash, spec URL, reward, reviewers, k.
type Details<T> = (
	H256,
	alloc::vec::Vec<u8>,
	BalanceOf<T>,
	alloc::vec::Vec<<T as frame_system::Config>::AccountId>,
	u32,
);

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

	fn check_reviewers(
		reviewers: alloc::vec::Vec<T::AccountId>,
		k: u32,
	) -> Result<BoundedVec<T::AccountId, T::MaxReviewers>, DispatchError> {
		let n = reviewers.len();
		let mut sorted = reviewers.clone();
		sorted.sort();
		sorted.dedup();
		ensure!(sorted.len() == n, Error::<T>::BadReviewers);
		ensure!(k >= 1 && (k as usize) <= n, Error::<T>::BadApprovals);
		BoundedVec::try_from(reviewers).map_err(|_| Error::<T>::BadReviewers.into())
	}

	fn open(
		funder: Funder<T::AccountId>,
		creator: Option<T::AccountId>,
		deposit: BalanceOf<T>,
		(spec_hash, spec_url, reward, reviewers, approvals_needed): Details<T>,
		claim_period: BlockNumberFor<T>,
		hours: u32,
	) -> DispatchResult {
		ensure!(reward >= T::Currency::minimum_balance(), Error::<T>::RewardTooLow);
		let spec_url = Url::try_from(spec_url).map_err(|_| Error::<T>::UrlTooLong)?;
		let reviewers = Self::check_reviewers(reviewers, approvals_needed)?;
		let id = NextBountyId::<T>::get();
		NextBountyId::<T>::put(id.checked_add(1).ok_or(Error::<T>::BountyIdsExhausted)?);
		T::Currency::transfer(
			&Self::source(&funder),
			&Self::escrow(id),
			reward,
			Preservation::Preserve,
		)
		.map_err(|_| Error::<T>::InsufficientFunds)?;
		Bounties::<T>::insert(
			id,
			Bounty {
				funder: funder.clone(),
				creator,
				spec_hash,
				spec_url,
				reward,
				deposit,
				reviewers,
				approvals_needed,
				approvals: Default::default(),
				claim_period,
				hours,
				status: BountyStatus::Open,
			},
		);
		Self::deposit_event(Event::BountyCreated { id, funder, reward });
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

	fn claim_of(bounty: &BountyOf<T>) -> Option<(T::AccountId, CoopId, PayTo, BlockNumberFor<T>)> {
		match &bounty.status {
			BountyStatus::Claimed { claimant, coop, pay_to, until }
			| BountyStatus::Submitted { claimant, coop, pay_to, until } => {
				Some((claimant.clone(), *coop, *pay_to, *until))
			}
			_ => None,
		}
	}

	fn release_deposit(bounty: &BountyOf<T>) {
		if let (Some(creator), false) = (&bounty.creator, bounty.deposit.is_zero()) {
			// Held by this pallet at creation; best effort never fails here.
			let _ = T::Currency::release(
				&HoldReason::BountyDeposit.into(),
				creator,
				bounty.deposit,
				Precision::BestEffort,
			);
		}
	}

	/// Checks the escrow invariant: every unfinished bounty's escrow account holds
	/// exactly its unpaid reward; finished ones hold nothing.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		for (id, bounty) in Bounties::<T>::iter() {
			ensure!(id < NextBountyId::<T>::get(), "bounty id not below NextBountyId");
			let escrowed = T::Currency::balance(&Self::escrow(id));
			let finished =
				matches!(bounty.status, BountyStatus::Paid { .. } | BountyStatus::Cancelled);
			let expected = if finished { Zero::zero() } else { bounty.reward };
			ensure!(escrowed == expected, "escrow differs from the unpaid reward");
			ensure!(
				(bounty.approvals.len() as u32) < bounty.approvals_needed || finished,
				"enough approvals but not paid"
			);
		}
		Ok(())
	}
}
