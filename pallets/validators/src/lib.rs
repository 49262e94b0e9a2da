//! # Validator co-ops pallet
//!
//! The chain is run by validator co-ops. This pallet is the registry of their
//! validator accounts and the session pallet's source of the validator set:
//!
//! 1. An admin of an active co-op [`register`](Pallet::register)s a validator
//!    account (a deposit is held from the admin). The account sets its session
//!    keys itself with `session.setKeys` (from `author_rotateKeysWithOwner` on its
//!    node), which proves the co-op controls it.
//! 2. The federation [`admit`](Pallet::admit)s it by a vote (the runtime puts this
//!    on the Membership track). From the next session change it is planned into
//!    the set, and it authors and votes from the session after (the session
//!    pallet queues a set one session ahead).
//! 3. It leaves by a federation vote ([`remove`](Pallet::remove), which may slash
//!    the deposit) or by its co-op ([`withdraw`](Pallet::withdraw)), but never
//!    below [`Config::MinValidators`] admitted validators.
//!
//! At every session change the set is recomputed: admitted, not suspended, its
//! co-op active (a suspended or expelled co-op's validators leave), its session
//! keys set. If none qualifies, the current set stays, since a chain without
//! validators cannot recover.
//!
//! ## Offences
//! A reported offence (a GRANDPA equivocation proven through the session
//! pallet's key-ownership history) disables the validator at once for the rest
//! of the session and suspends it, so it is left out of the next set. No funds
//! are slashed: the federation decides by vote to [`reinstate`](Pallet::reinstate)
//! it or to [`remove`](Pallet::remove) it, with or without its deposit.
//!
//! ## Stalled finality
//! If GRANDPA cannot finalize (too many keys lost), the federation votes
//! [`note_stalled`](Pallet::note_stalled): the next session change then forces a
//! new authority set.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod session;
mod try_state;
pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use session::FullIdentificationOf;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{self, Inspect, Mutate, MutateHold},
		OnUnbalanced,
	},
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{deposit, CoopId, CoopMembership};
use sp_runtime::traits::{Saturating, StaticLookup, Zero};
use sp_staking::SessionIndex;

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// Slashed deposits, on their way to [`Config::Slash`].
pub type CreditOf<T> =
	fungible::Credit<<T as frame_system::Config>::AccountId, <T as Config>::Currency>;
/// A registry entry as stored.
pub type ValidatorOf<T> =
	ValidatorInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// An account as a call names it (an id or an address).
pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
/// A list of validator accounts, at most [`Config::MaxValidators`] long.
pub type ValidatorList<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxValidators>;

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
		/// The overarching hold reason, so deposits are held under [`HoldReason`].
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency registration deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>
			+ fungible::BalancedHold<Self::AccountId>;

		/// Where deposits slashed by a federation vote go (the treasury).
		type Slash: OnUnbalanced<CreditOf<Self>>;

		/// Co-ops, their admins and their status.
		type Membership: CoopMembership<Self::AccountId>;

		/// Who admits, removes and reinstates validators (a federation vote).
		type AdmissionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who recovers stalled finality and sets the session length (a federation
		/// vote).
		type FinalityOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The session pallet: session keys, disabling, key-ownership history.
		type Session: ValidatorSession<Self::AccountId>;

		/// The finality gadget's stall recovery.
		type FinalityStall: FinalityStall<BlockNumberFor<Self>>;

		/// Held from the registering admin for each validator account until its
		/// registration ends.
		#[pallet::constant]
		type ValidatorDeposit: Get<BalanceOf<Self>>;

		/// The most admitted validators (the session set can be no larger).
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Removals and withdrawals that would leave fewer admitted, unsuspended
		/// validators of active co-ops are refused, so a vote or a co-op cannot
		/// stop the chain.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// The most validator accounts (candidates and admitted) one co-op may
		/// register, so no co-op can fill the registry or the set.
		#[pallet::constant]
		type MaxPerCoop: Get<u32>;

		/// The shortest session the federation may set.
		#[pallet::constant]
		type MinSessionLength: Get<BlockNumberFor<Self>>;

		/// Sessions of key-ownership history kept: equivocations older than this
		/// can no longer be reported.
		#[pallet::constant]
		type HistoryDepth: Get<SessionIndex>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets session keys for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Creates what the benchmarks need from other pallets.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// Give `who` session keys, so [`ValidatorSession::has_keys`] holds for it.
		fn set_keys(who: &AccountId);
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A validator registration's deposit, held from the admin who registered it.
		ValidatorDeposit,
	}

	/// Every registered validator account: candidates, active and suspended.
	#[pallet::storage]
	pub type Registry<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ValidatorOf<T>, OptionQuery>;

	/// The admitted validators (active or suspended), in order of admission.
	#[pallet::storage]
	pub type Admitted<T: Config> = StorageValue<_, ValidatorList<T>, ValueQuery>;

	/// How many validator accounts each co-op has registered.
	#[pallet::storage]
	pub type PerCoop<T: Config> = StorageMap<_, Twox64Concat, CoopId, u32, ValueQuery>;

	/// The set last handed to the session pallet; a session change with the same
	/// eligible set changes nothing.
	#[pallet::storage]
	pub type Planned<T: Config> = StorageValue<_, ValidatorList<T>, ValueQuery>;

	/// Blocks per session. Sessions end at multiples of it.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The founding validators and their co-ops, admitted without a deposit.
		/// Their session keys go in the session pallet's genesis.
		pub validators: Vec<(T::AccountId, CoopId)>,
		/// Blocks per session.
		pub session_length: BlockNumberFor<T>,
	}

	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { validators: Vec::new(), session_length: T::MinSessionLength::get() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			assert!(
				self.session_length >= T::MinSessionLength::get(),
				"genesis session length is below MinSessionLength"
			);
			SessionLength::<T>::put(self.session_length);
			let mut admitted = ValidatorList::<T>::default();
			for (who, coop) in &self.validators {
				assert!(
					T::Membership::is_active_coop(*coop),
					"genesis validator's co-op is not active"
				);
				assert!(!Registry::<T>::contains_key(who), "genesis validator listed twice");
				Registry::<T>::insert(
					who,
					ValidatorInfo {
						coop: *coop,
						sponsor: who.clone(),
						deposit: Zero::zero(),
						status: ValidatorStatus::Active,
						since: Zero::zero(),
					},
				);
				PerCoop::<T>::mutate(coop, |n| n.saturating_inc());
				assert!(
					admitted.try_push(who.clone()).is_ok(),
					"more genesis validators than MaxValidators"
				);
			}
			Admitted::<T>::put(&admitted);
			Planned::<T>::put(admitted);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op registered a validator account; it waits for the federation's vote.
		Registered {
			validator: T::AccountId,
			coop: CoopId,
			sponsor: T::AccountId,
			deposit: BalanceOf<T>,
		},
		/// The federation admitted a validator: it joins the set planned at the next
		/// session change.
		Admitted { validator: T::AccountId, coop: CoopId },
		/// The federation removed a validator (or candidate); its deposit was
		/// returned unless `DepositSlashed` says otherwise.
		Removed { validator: T::AccountId, coop: CoopId },
		/// A co-op (or the validator account) withdrew a registration; its deposit
		/// was returned.
		Withdrawn { validator: T::AccountId, coop: CoopId },
		/// A registration's deposit was slashed by the federation's vote.
		DepositSlashed { validator: T::AccountId, sponsor: T::AccountId, amount: BalanceOf<T> },
		/// A validator was reported for an offence: disabled for the rest of
		/// `session` and left out of later sets until reinstated.
		Suspended { validator: T::AccountId, coop: CoopId, session: SessionIndex },
		/// The federation reinstated a suspended validator.
		Reinstated { validator: T::AccountId, coop: CoopId },
		/// A new validator set was planned at the start of `session`; it becomes
		/// the active set one session later.
		NewSetPlanned { session: SessionIndex, validators: ValidatorList<T> },
		/// No validator qualified at the start of `session`, so the set did not change.
		NoEligibleValidators { session: SessionIndex },
		/// The federation noted that finality stalled: the next session change forces
		/// a new GRANDPA authority set.
		FinalityStallNoted {
			delay: BlockNumberFor<T>,
			best_finalized_block_number: BlockNumberFor<T>,
		},
		/// The federation changed the session length.
		SessionLengthSet { length: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Only an admin of an active co-op can register a validator for it. Ask
		/// your co-op's admin, or wait until your co-op is admitted or reinstated.
		NotCoopAdmin,
		/// This account is already registered as a validator (by your co-op or
		/// another). Register a different account, or, if it is yours, withdraw the
		/// other registration by signing `withdraw` with the validator account.
		AlreadyRegistered,
		/// Your co-op already has `MaxPerCoop` validator accounts registered.
		/// Withdraw one before registering another.
		TooManyForCoop,
		/// The admin cannot pay the registration deposit (`ValidatorDeposit`, held
		/// until the registration ends). Top up the account and retry.
		InsufficientDeposit,
		/// This account is not a registered validator. Check the address.
		NotRegistered,
		/// Only a candidate can be admitted; this account is already admitted or
		/// suspended.
		NotCandidate,
		/// Only a suspended validator can be reinstated.
		NotSuspended,
		/// The validator's co-op is not an active member of the federation, so its
		/// validator cannot be admitted or reinstated now.
		CoopNotActive,
		/// The validator account has not set session keys. It must call
		/// `session.setKeys` with the keys and proof from `author_rotateKeysWithOwner`
		/// on its node before it can be admitted.
		NoSessionKeys,
		/// The validator set is full (`MaxValidators`). Remove a validator first.
		TooManyValidators,
		/// Removing this validator would leave fewer than `MinValidators` admitted,
		/// unsuspended validators of active co-ops, which would put the chain's
		/// liveness at risk. Admit a replacement first.
		TooFewValidators,
		/// Your co-op's validators are among the `MinValidators` that keep the chain
		/// live: it cannot leave the federation until validators of other co-ops are
		/// admitted (or yours are replaced).
		CoopValidatorsNeeded,
		/// Only the validator account, the admin who registered it or an admin of
		/// its co-op can withdraw a registration.
		NotAllowed,
		/// The session length must be at least `MinSessionLength` blocks.
		SessionTooShort,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() <= T::MaxValidators::get());
			assert!(T::MaxPerCoop::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register `validator` as your co-op's validator candidate.
		///
		/// Origin: signed by an admin of an active co-op. Holds `ValidatorDeposit`
		/// from you until the registration ends. The validator account must then set
		/// its session keys (`session.setKeys`) before the federation can admit it.
		///
		/// Emits `Registered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register())]
		pub fn register(origin: OriginFor<T>, validator: AccountIdLookupOf<T>) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let validator = T::Lookup::lookup(validator)?;
			let coop = T::Membership::coop_of(&admin)
				.filter(|c| {
					T::Membership::is_admin(&admin, *c) && T::Membership::is_active_coop(*c)
				})
				.ok_or(Error::<T>::NotCoopAdmin)?;
			ensure!(!Registry::<T>::contains_key(&validator), Error::<T>::AlreadyRegistered);
			let count = PerCoop::<T>::get(coop);
			ensure!(count < T::MaxPerCoop::get(), Error::<T>::TooManyForCoop);
			let deposit = T::ValidatorDeposit::get();
			deposit::take::<T::Currency, _>(&HoldReason::ValidatorDeposit.into(), &admin, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			Registry::<T>::insert(
				&validator,
				ValidatorInfo {
					coop,
					sponsor: admin.clone(),
					deposit,
					status: ValidatorStatus::Candidate,
					since: frame_system::Pallet::<T>::block_number(),
				},
			);
			PerCoop::<T>::insert(coop, count.saturating_add(1));
			Self::deposit_event(Event::Registered { validator, coop, sponsor: admin, deposit });
			Ok(())
		}

		/// Admit candidate `validator` to the validator set.
		///
		/// Origin: [`Config::AdmissionOrigin`] (a federation vote). The candidate's
		/// co-op must be active and its session keys set. It is planned into the set
		/// at the next session change and validates from the session after.
		///
		/// Emits `Admitted`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::admit().saturating_add(T::Session::has_keys_weight()))]
		pub fn admit(origin: OriginFor<T>, validator: AccountIdLookupOf<T>) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let validator = T::Lookup::lookup(validator)?;
			let mut info = Registry::<T>::get(&validator).ok_or(Error::<T>::NotRegistered)?;
			ensure!(info.status == ValidatorStatus::Candidate, Error::<T>::NotCandidate);
			ensure!(T::Membership::is_active_coop(info.coop), Error::<T>::CoopNotActive);
			ensure!(T::Session::has_keys(&validator), Error::<T>::NoSessionKeys);
			Admitted::<T>::try_mutate(|list| list.try_push(validator.clone()))
				.map_err(|_| Error::<T>::TooManyValidators)?;
			info.status = ValidatorStatus::Active;
			info.since = frame_system::Pallet::<T>::block_number();
			let coop = info.coop;
			Registry::<T>::insert(&validator, info);
			Self::deposit_event(Event::Admitted { validator, coop });
			Ok(())
		}

		/// Remove `validator` (admitted, suspended or candidate) from the registry.
		///
		/// Origin: [`Config::AdmissionOrigin`] (a federation vote). Refused if it
		/// would leave fewer than `MinValidators` active validators. The deposit goes
		/// back to the admin who registered it, or to [`Config::Slash`] if
		/// `slash_deposit`. It leaves the set at the next session change.
		///
		/// Emits `Removed`, and `DepositSlashed` if slashed.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::remove())]
		pub fn remove(
			origin: OriginFor<T>,
			validator: AccountIdLookupOf<T>,
			slash_deposit: bool,
		) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let validator = T::Lookup::lookup(validator)?;
			let info = Registry::<T>::get(&validator).ok_or(Error::<T>::NotRegistered)?;
			Self::unregister(&validator, &info, slash_deposit)?;
			Self::deposit_event(Event::Removed { validator, coop: info.coop });
			Ok(())
		}

		/// Withdraw `validator`'s registration; its deposit goes back to the admin
		/// who registered it.
		///
		/// Origin: signed by the validator account itself, by the admin who
		/// registered it, or by an admin of its co-op. Refused if it would leave
		/// fewer than `MinValidators` active validators. An admitted validator leaves
		/// the set at the next session change.
		///
		/// Emits `Withdrawn`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>, validator: AccountIdLookupOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let validator = T::Lookup::lookup(validator)?;
			let info = Registry::<T>::get(&validator).ok_or(Error::<T>::NotRegistered)?;
			ensure!(
				who == validator || who == info.sponsor || T::Membership::is_admin(&who, info.coop),
				Error::<T>::NotAllowed
			);
			Self::unregister(&validator, &info, false)?;
			Self::deposit_event(Event::Withdrawn { validator, coop: info.coop });
			Ok(())
		}

		/// Reinstate suspended `validator`: it is planned into the set again at the
		/// next session change.
		///
		/// Origin: [`Config::AdmissionOrigin`] (a federation vote). Its co-op must be
		/// active.
		///
		/// Emits `Reinstated`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reinstate())]
		pub fn reinstate(origin: OriginFor<T>, validator: AccountIdLookupOf<T>) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let validator = T::Lookup::lookup(validator)?;
			let mut info = Registry::<T>::get(&validator).ok_or(Error::<T>::NotRegistered)?;
			ensure!(info.status == ValidatorStatus::Suspended, Error::<T>::NotSuspended);
			ensure!(T::Membership::is_active_coop(info.coop), Error::<T>::CoopNotActive);
			info.status = ValidatorStatus::Active;
			info.since = frame_system::Pallet::<T>::block_number();
			let coop = info.coop;
			Registry::<T>::insert(&validator, info);
			Self::deposit_event(Event::Reinstated { validator, coop });
			Ok(())
		}

		/// Recover stalled finality: the next session change forces a new GRANDPA
		/// authority set, enacted `delay` blocks after it is signalled, on the chain
		/// whose best finalized block is `best_finalized_block_number`.
		///
		/// Origin: [`Config::FinalityOrigin`] (a federation vote). Use when GRANDPA
		/// has not finalized for long (more than a third of the voters' keys lost);
		/// blocks and votes go on without finality.
		///
		/// Emits `FinalityStallNoted`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::note_stalled())]
		pub fn note_stalled(
			origin: OriginFor<T>,
			delay: BlockNumberFor<T>,
			best_finalized_block_number: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FinalityOrigin::ensure_origin(origin)?;
			T::FinalityStall::note_stalled(delay, best_finalized_block_number);
			Self::deposit_event(Event::FinalityStallNoted { delay, best_finalized_block_number });
			Ok(())
		}

		/// Set the session length to `length` blocks, from the next multiple of it.
		///
		/// Origin: [`Config::FinalityOrigin`] (a federation vote). At least
		/// `MinSessionLength`.
		///
		/// Emits `SessionLengthSet`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			length: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FinalityOrigin::ensure_origin(origin)?;
			ensure!(length >= T::MinSessionLength::get(), Error::<T>::SessionTooShort);
			SessionLength::<T>::put(length);
			Self::deposit_event(Event::SessionLengthSet { length });
			Ok(())
		}
	}
}

/// A co-op whose validators the chain needs may not leave the federation: leaving
/// would drop them from the next set below `MinValidators` (governance's
/// suspension or expulsion, a federation decision, is not held back).
impl<T: Config> pallet_coop_membership::LeaveGuard for Pallet<T> {
	fn can_leave(coop: CoopId) -> DispatchResult {
		let (mut live, mut theirs) = (0usize, 0usize);
		for info in Self::live_validators() {
			live = live.saturating_add(1);
			theirs = theirs.saturating_add(usize::from(info.coop == coop));
		}
		let enough = live.saturating_sub(theirs) >= T::MinValidators::get() as usize;
		ensure!(theirs == 0 || enough, Error::<T>::CoopValidatorsNeeded);
		Ok(())
	}

	fn can_leave_weight() -> Weight {
		// The admitted list, then each validator's record and co-op.
		let each = u64::from(T::MaxValidators::get()).saturating_mul(2);
		T::DbWeight::get().reads(each.saturating_add(1))
	}
}

impl<T: Config> Pallet<T> {
	/// The admitted validators that qualify for the next set, in admission order:
	/// not suspended, their co-op active, their session keys set.
	pub fn eligible() -> Vec<T::AccountId> {
		Admitted::<T>::get()
			.into_iter()
			.filter(|who| {
				Registry::<T>::get(who).is_some_and(|v| {
					v.status == ValidatorStatus::Active && T::Membership::is_active_coop(v.coop)
				}) && T::Session::has_keys(who)
			})
			.collect()
	}

	/// Whether `info` is an admitted validator that keeps the chain live: not
	/// suspended, its co-op active. Only these count towards `MinValidators`.
	fn counts_towards_minimum(info: &ValidatorOf<T>) -> bool {
		info.status == ValidatorStatus::Active && T::Membership::is_active_coop(info.coop)
	}

	/// The records of the admitted validators that count towards `MinValidators`.
	fn live_validators() -> impl Iterator<Item = ValidatorOf<T>> {
		Admitted::<T>::get()
			.into_iter()
			.filter_map(|who| Registry::<T>::get(&who).filter(Self::counts_towards_minimum))
	}

	/// How many admitted validators count towards `MinValidators`.
	fn live_count() -> usize {
		Self::live_validators().count()
	}

	/// Ends `validator`'s registration: out of the registry and the admitted list,
	/// its deposit returned (or slashed). Refused if a validator that keeps the
	/// chain live would leave fewer than `MinValidators` of them; a suspended one,
	/// or one whose co-op is suspended or gone, may always go.
	fn unregister(validator: &T::AccountId, info: &ValidatorOf<T>, slash: bool) -> DispatchResult {
		if Self::counts_towards_minimum(info) {
			ensure!(
				Self::live_count() > T::MinValidators::get() as usize,
				Error::<T>::TooFewValidators
			);
		}
		Admitted::<T>::mutate(|list| list.retain(|v| v != validator));
		Registry::<T>::remove(validator);
		PerCoop::<T>::mutate_exists(info.coop, |n| {
			*n = n.and_then(|n| n.checked_sub(1)).filter(|n| *n > 0)
		});
		let reason = HoldReason::ValidatorDeposit.into();
		if slash {
			let amount =
				deposit::slash::<T::Currency, _, T::Slash>(&reason, &info.sponsor, info.deposit);
			if !amount.is_zero() {
				Self::deposit_event(Event::DepositSlashed {
					validator: validator.clone(),
					sponsor: info.sponsor.clone(),
					amount,
				});
			}
		} else {
			deposit::refund::<T::Currency, _>(&reason, &info.sponsor, info.deposit);
		}
		Ok(())
	}
}
