//! # Co-op passport pallet
//!
//! Portable, privacy-respecting verification between co-ops: a co-op verified
//! once can be trusted by every other co-op, and a person one co-op has checked
//! can join another without handing over documents again. The chain is the
//! status and revocation registry that off-chain credentials are checked against.
//!
//! ## Model
//! - **Passport** of a co-op, set by its admin: jurisdiction, legal form, and
//!   hashes of the registration number and documents. Its `version` is bumped on
//!   every change.
//! - **Claim kinds** (federation vote): name, subject kind (co-op or account),
//!   maximum validity.
//! - **Attesters** are accredited per claim kind by a federation vote. When an
//!   accreditation is withdrawn, that attester's attestations of the kind stop
//!   counting **immediately** (their records stay until removed).
//! - **Attestations** `(subject, kind, attester)`: evidence hash, passport version
//!   attested, issued-at, valid-until, status, deposit. An attestation counts at
//!   block `n` iff it is `Valid`, `n < valid_until`, its attester is accredited for
//!   the kind, and — for a co-op subject — it attested the passport's current
//!   version (after a passport change, older attestations are *stale* and do not
//!   count until renewed). A co-op cannot attest itself, nor an account itself.
//! - **Policies**: a co-op may require claims of accounts joining it, and the
//!   federation may require claims of co-ops it admits; the membership pallet
//!   checks both through [`pallet_coop_membership::AdmissionPolicy`].

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
		tokens::Precision,
	},
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{AdmissionPolicy, CoopId, CoopMembership};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A subject as stored.
pub type SubjectOf<T> = Subject<<T as frame_system::Config>::AccountId>;
/// An attestation as stored.
pub type AttestationOf<T> = Attestation<BalanceOf<T>, BlockNumberFor<T>>;

// FRAME's pallet macros expand to `expect` calls on their own invariants; see
// the note in the membership pallet.
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
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency attestation deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// Co-ops and their admins.
		type Membership: CoopMembership<Self::AccountId>;

		/// Who manages claim kinds, accreditations and the admission policy (a
		/// federation vote).
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from the attester for each attestation until it is removed.
		#[pallet::constant]
		type AttestationDeposit: Get<BalanceOf<Self>>;

		/// The most attesters that may attest one claim about one subject.
		#[pallet::constant]
		type MaxAttestersPerClaim: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Creates co-ops for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Creates what the benchmarks need from other pallets.
	#[cfg(feature = "runtime-benchmarks")]
	pub trait BenchmarkHelper<AccountId> {
		/// A new active co-op number `index`, returning its admin and id.
		fn coop(index: u32) -> (AccountId, CoopId);
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An attestation's deposit.
		AttestationDeposit,
	}

	/// Each co-op's passport.
	#[pallet::storage]
	pub type Passports<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, Passport<BlockNumberFor<T>>, OptionQuery>;

	/// The claim kinds.
	#[pallet::storage]
	pub type ClaimKinds<T: Config> =
		StorageMap<_, Twox64Concat, ClaimKindId, ClaimKind<BlockNumberFor<T>>, OptionQuery>;

	/// The id the next claim kind will get.
	#[pallet::storage]
	pub type NextClaimKindId<T> = StorageValue<_, ClaimKindId, ValueQuery>;

	/// Accredited attesters, per claim kind.
	#[pallet::storage]
	pub type Accredited<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ClaimKindId,
		Blake2_128Concat,
		T::AccountId,
		(),
		OptionQuery,
	>;

	/// Attestations: `(subject, kind)` then attester.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(SubjectOf<T>, ClaimKindId),
		Blake2_128Concat,
		T::AccountId,
		AttestationOf<T>,
		OptionQuery,
	>;

	/// How many attestations each `(subject, kind)` has (bounded by `MaxAttestersPerClaim`).
	#[pallet::storage]
	pub type AttestationCount<T: Config> =
		StorageMap<_, Blake2_128Concat, (SubjectOf<T>, ClaimKindId), u32, ValueQuery>;

	/// What each co-op requires of accounts that join it.
	#[pallet::storage]
	pub type MemberPolicies<T: Config> = StorageMap<_, Twox64Concat, CoopId, Policy, OptionQuery>;

	/// What the federation requires of co-ops it admits.
	#[pallet::storage]
	pub type AdmissionRequirements<T: Config> = StorageValue<_, Policy, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op published or changed its passport.
		PassportSet { coop: CoopId, version: u32 },
		/// A claim kind was added.
		ClaimKindAdded { id: ClaimKindId, subject: SubjectKind },
		/// A claim kind's name or maximum validity changed.
		ClaimKindSet { id: ClaimKindId },
		/// An attester was accredited for a claim kind.
		Accredited { kind: ClaimKindId, attester: T::AccountId },
		/// An accreditation was withdrawn; the attester's attestations of the kind
		/// stopped counting.
		AccreditationWithdrawn { kind: ClaimKindId, attester: T::AccountId },
		/// A claim was attested.
		Attested {
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
			evidence: H256,
			valid_until: BlockNumberFor<T>,
		},
		/// An attestation was renewed (and now attests the current passport version).
		Renewed {
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
			valid_until: BlockNumberFor<T>,
		},
		/// An attestation was revoked.
		Revoked { subject: SubjectOf<T>, kind: ClaimKindId, attester: T::AccountId, reason: u8 },
		/// An attestation record was removed and its deposit returned to the attester.
		AttestationRemoved { subject: SubjectOf<T>, kind: ClaimKindId, attester: T::AccountId },
		/// A co-op set what it requires of joining members.
		MemberPolicySet { coop: CoopId, policy: Policy },
		/// The federation set what it requires of co-ops it admits.
		AdmissionPolicySet { policy: Policy },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// You are not an admin of a co-op: only co-op admins can do this.
		NotCoopAdmin,
		/// The jurisdiction must be two upper-case letters (ISO 3166-1 alpha-2).
		BadJurisdiction,
		/// No claim kind has this id.
		UnknownClaimKind,
		/// Every claim kind id has been used.
		ClaimKindIdsExhausted,
		/// The name is empty or longer than 64 bytes.
		BadName,
		/// The account is already accredited for this claim kind.
		AlreadyAccredited,
		/// The account is not accredited for this claim kind: the federation must
		/// accredit it first.
		NotAccredited,
		/// The claim kind is about the other kind of subject (co-op vs account).
		WrongSubject,
		/// A co-op cannot attest itself, nor an account itself.
		SelfAttestation,
		/// The co-op has no passport to attest: its admin must publish one first.
		NoPassport,
		/// `valid_until` must be after the current block and within the claim kind's
		/// maximum validity.
		BadValidity,
		/// You already attested this claim about this subject: renew it instead.
		AlreadyAttested,
		/// No attestation by this attester of this claim about this subject.
		NoAttestation,
		/// The attestation is revoked: attest again after removing it.
		Revoked,
		/// This claim about this subject already has `MaxAttestersPerClaim` attestations.
		TooManyAttesters,
		/// The attestation is still valid: only its attester may remove it.
		StillValid,
		/// The attester cannot cover the attestation deposit.
		InsufficientDeposit,
		/// The account or co-op lacks the attestations a policy requires.
		NotVerified,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Claim kinds, given ids from 0 in order.
		pub claim_kinds: Vec<ClaimKind<BlockNumberFor<T>>>,
		/// Accredited attesters: (claim kind id, account).
		pub attesters: Vec<(ClaimKindId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for kind in &self.claim_kinds {
				let id = NextClaimKindId::<T>::get();
				ClaimKinds::<T>::insert(id, kind.clone());
				NextClaimKindId::<T>::put(id.saturating_add(1));
			}
			for (kind, who) in &self.attesters {
				assert!(ClaimKinds::<T>::contains_key(kind), "attester of unknown claim kind");
				Accredited::<T>::insert(kind, who, ());
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
		/// Publish or change your co-op's passport; bumps its version, so
		/// attestations of the previous version become stale until renewed.
		///
		/// - origin: signed by an admin of the co-op.
		/// - `jurisdiction`: ISO 3166-1 alpha-2 code; `legal_form`: text (≤ 64 bytes);
		///   `registration_hash`, `documents_hash`: hashes of documents kept off chain.
		///
		/// Emits [`Event::PassportSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_passport())]
		pub fn set_passport(
			origin: OriginFor<T>,
			jurisdiction: [u8; 2],
			legal_form: Vec<u8>,
			registration_hash: H256,
			documents_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = Self::admin_coop(&who)?;
			ensure!(jurisdiction.iter().all(u8::is_ascii_uppercase), Error::<T>::BadJurisdiction);
			let legal_form = ShortText::try_from(legal_form).map_err(|_| Error::<T>::BadName)?;
			let version = Passports::<T>::get(coop).map_or(1, |p| p.version.saturating_add(1));
			Passports::<T>::insert(
				coop,
				Passport {
					jurisdiction,
					legal_form,
					registration_hash,
					documents_hash,
					version,
					updated_at: frame_system::Pallet::<T>::block_number(),
				},
			);
			Self::deposit_event(Event::PassportSet { coop, version });
			Ok(())
		}

		/// Add a claim kind.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `name` (1 to 64 bytes), `subject` kind, `max_validity` in blocks.
		///
		/// Emits [`Event::ClaimKindAdded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_claim_kind())]
		pub fn add_claim_kind(
			origin: OriginFor<T>,
			name: Vec<u8>,
			subject: SubjectKind,
			max_validity: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			let id = NextClaimKindId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::ClaimKindIdsExhausted)?;
			ClaimKinds::<T>::insert(id, ClaimKind { name, subject, max_validity });
			NextClaimKindId::<T>::put(next);
			Self::deposit_event(Event::ClaimKindAdded { id, subject });
			Ok(())
		}

		/// Rename a claim kind or change its maximum validity (existing attestations
		/// keep their `valid_until`).
		///
		/// - origin: [`Config::FederationOrigin`].
		///
		/// Emits [`Event::ClaimKindSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_claim_kind())]
		pub fn set_claim_kind(
			origin: OriginFor<T>,
			id: ClaimKindId,
			name: Vec<u8>,
			max_validity: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			ClaimKinds::<T>::try_mutate(id, |maybe| -> DispatchResult {
				let kind = maybe.as_mut().ok_or(Error::<T>::UnknownClaimKind)?;
				kind.name = name;
				kind.max_validity = max_validity;
				Ok(())
			})?;
			Self::deposit_event(Event::ClaimKindSet { id });
			Ok(())
		}

		/// Accredit an attester (a co-op's account or an external registrar) for a
		/// claim kind.
		///
		/// - origin: [`Config::FederationOrigin`].
		///
		/// Emits [`Event::Accredited`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::accredit_attester())]
		pub fn accredit_attester(
			origin: OriginFor<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			ensure!(ClaimKinds::<T>::contains_key(kind), Error::<T>::UnknownClaimKind);
			ensure!(!Accredited::<T>::contains_key(kind, &attester), Error::<T>::AlreadyAccredited);
			Accredited::<T>::insert(kind, &attester, ());
			Self::deposit_event(Event::Accredited { kind, attester });
			Ok(())
		}

		/// Withdraw an accreditation: the attester's attestations of this kind stop
		/// counting at once.
		///
		/// - origin: [`Config::FederationOrigin`].
		///
		/// Emits [`Event::AccreditationWithdrawn`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::withdraw_accreditation())]
		pub fn withdraw_accreditation(
			origin: OriginFor<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			ensure!(Accredited::<T>::take(kind, &attester).is_some(), Error::<T>::NotAccredited);
			Self::deposit_event(Event::AccreditationWithdrawn { kind, attester });
			Ok(())
		}

		/// Attest a claim about a co-op or an account.
		///
		/// - origin: signed by an attester accredited for `kind`;
		///   [`Config::AttestationDeposit`] is held from it.
		/// - `subject`: a co-op with a passport (not the attester's own) or an account
		///   (not the attester itself), as `kind` requires.
		/// - `evidence`: hash of the evidence kept off chain.
		/// - `valid_until`: after now, at most `now + max_validity`.
		///
		/// Emits [`Event::Attested`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			evidence: H256,
			valid_until: BlockNumberFor<T>,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			let passport_version = Self::check_attestable(&attester, &subject, kind, valid_until)?;
			let key = (subject.clone(), kind);
			ensure!(!Attestations::<T>::contains_key(&key, &attester), Error::<T>::AlreadyAttested);
			let count = AttestationCount::<T>::get(&key);
			ensure!(count < T::MaxAttestersPerClaim::get(), Error::<T>::TooManyAttesters);
			let deposit = T::AttestationDeposit::get();
			T::Currency::hold(&HoldReason::AttestationDeposit.into(), &attester, deposit)
				.map_err(|_| Error::<T>::InsufficientDeposit)?;
			Attestations::<T>::insert(
				&key,
				&attester,
				Attestation {
					evidence,
					passport_version,
					issued_at: frame_system::Pallet::<T>::block_number(),
					valid_until,
					status: AttestationStatus::Valid,
					deposit,
				},
			);
			AttestationCount::<T>::insert(&key, count.saturating_add(1));
			Self::deposit_event(Event::Attested { subject, kind, attester, evidence, valid_until });
			Ok(())
		}

		/// Renew your attestation: new `valid_until` (and evidence, if given); for a
		/// co-op it now attests the passport's current version.
		///
		/// - origin: signed by the attester, still accredited.
		///
		/// Emits [`Event::Renewed`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::renew())]
		pub fn renew(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			valid_until: BlockNumberFor<T>,
			evidence: Option<H256>,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			let passport_version = Self::check_attestable(&attester, &subject, kind, valid_until)?;
			let key = (subject.clone(), kind);
			Attestations::<T>::try_mutate(&key, &attester, |maybe| -> DispatchResult {
				let a = maybe.as_mut().ok_or(Error::<T>::NoAttestation)?;
				ensure!(a.status == AttestationStatus::Valid, Error::<T>::Revoked);
				a.valid_until = valid_until;
				a.passport_version = passport_version;
				a.issued_at = frame_system::Pallet::<T>::block_number();
				if let Some(e) = evidence {
					a.evidence = e;
				}
				Ok(())
			})?;
			Self::deposit_event(Event::Renewed { subject, kind, attester, valid_until });
			Ok(())
		}

		/// Revoke your attestation; the record stays (as `Revoked`) for relying
		/// parties until removed.
		///
		/// - origin: signed by the attester.
		/// - `reason`: a reason code (0 unspecified, 1 superseded, 2 evidence
		///   withdrawn, 3 subject request, others by federation convention).
		///
		/// Emits [`Event::Revoked`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::revoke())]
		pub fn revoke(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			reason: u8,
		) -> DispatchResult {
			let attester = ensure_signed(origin)?;
			let key = (subject.clone(), kind);
			Attestations::<T>::try_mutate(&key, &attester, |maybe| -> DispatchResult {
				let a = maybe.as_mut().ok_or(Error::<T>::NoAttestation)?;
				ensure!(a.status == AttestationStatus::Valid, Error::<T>::Revoked);
				a.status = AttestationStatus::Revoked(reason);
				Ok(())
			})?;
			Self::deposit_event(Event::Revoked { subject, kind, attester, reason });
			Ok(())
		}

		/// Remove an attestation record and return its deposit to the attester.
		///
		/// - origin: signed; anyone once the attestation expired or was revoked, the
		///   attester at any time.
		///
		/// Emits [`Event::AttestationRemoved`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_expired())]
		pub fn remove_expired(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = (subject.clone(), kind);
			let a = Attestations::<T>::get(&key, &attester).ok_or(Error::<T>::NoAttestation)?;
			let now = frame_system::Pallet::<T>::block_number();
			let ended = a.status != AttestationStatus::Valid || now >= a.valid_until;
			ensure!(ended || who == attester, Error::<T>::StillValid);
			Attestations::<T>::remove(&key, &attester);
			AttestationCount::<T>::mutate_exists(&key, |c| {
				*c = c.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
			});
			if !a.deposit.is_zero() {
				// Held by this pallet when attested; best effort never fails here.
				let _ = T::Currency::release(
					&HoldReason::AttestationDeposit.into(),
					&attester,
					a.deposit,
					Precision::BestEffort,
				);
			}
			Self::deposit_event(Event::AttestationRemoved { subject, kind, attester });
			Ok(())
		}

		/// Set what your co-op requires of accounts that join it (checked by
		/// `Membership::add_member`). An empty `kinds` list requires nothing.
		///
		/// - origin: signed by an admin of the co-op.
		///
		/// Emits [`Event::MemberPolicySet`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_member_policy())]
		pub fn set_member_policy(origin: OriginFor<T>, policy: Policy) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = Self::admin_coop(&who)?;
			Self::check_policy(&policy, SubjectKind::Account)?;
			MemberPolicies::<T>::insert(coop, policy.clone());
			Self::deposit_event(Event::MemberPolicySet { coop, policy });
			Ok(())
		}

		/// Set what the federation requires of co-ops it admits (checked by
		/// `Membership::admit_coop`).
		///
		/// - origin: [`Config::FederationOrigin`].
		///
		/// Emits [`Event::AdmissionPolicySet`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_admission_policy())]
		pub fn set_admission_policy(origin: OriginFor<T>, policy: Policy) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::check_policy(&policy, SubjectKind::Coop)?;
			AdmissionRequirements::<T>::put(policy.clone());
			Self::deposit_event(Event::AdmissionPolicySet { policy });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	fn admin_coop(who: &T::AccountId) -> Result<CoopId, DispatchError> {
		let coop = T::Membership::coop_of(who).ok_or(Error::<T>::NotCoopAdmin)?;
		ensure!(T::Membership::is_admin(who, coop), Error::<T>::NotCoopAdmin);
		Ok(coop)
	}

	fn checked_name(name: alloc::vec::Vec<u8>) -> Result<ShortText, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::BadName);
		Ok(ShortText::try_from(name).map_err(|_| Error::<T>::BadName)?)
	}

	fn check_policy(policy: &Policy, subject: SubjectKind) -> DispatchResult {
		for kind in policy.kinds.iter() {
			let k = ClaimKinds::<T>::get(kind).ok_or(Error::<T>::UnknownClaimKind)?;
			ensure!(k.subject == subject, Error::<T>::WrongSubject);
		}
		Ok(())
	}

	/// Checks that `attester` may attest `kind` about `subject` until `valid_until`;
	/// returns the passport version to record (0 for accounts).
	fn check_attestable(
		attester: &T::AccountId,
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		valid_until: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let claim = ClaimKinds::<T>::get(kind).ok_or(Error::<T>::UnknownClaimKind)?;
		ensure!(Accredited::<T>::contains_key(kind, attester), Error::<T>::NotAccredited);
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			valid_until > now && valid_until <= now.saturating_add(claim.max_validity),
			Error::<T>::BadValidity
		);
		match subject {
			Subject::Coop(coop) => {
				ensure!(claim.subject == SubjectKind::Coop, Error::<T>::WrongSubject);
				ensure!(
					T::Membership::coop_of(attester) != Some(*coop),
					Error::<T>::SelfAttestation
				);
				Ok(Passports::<T>::get(coop).ok_or(Error::<T>::NoPassport)?.version)
			}
			Subject::Account(who) => {
				ensure!(claim.subject == SubjectKind::Account, Error::<T>::WrongSubject);
				ensure!(who != attester, Error::<T>::SelfAttestation);
				Ok(0)
			}
		}
	}

	/// Whether an attestation counts now (see the pallet docs).
	pub fn counts(
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		attester: &T::AccountId,
		a: &AttestationOf<T>,
	) -> bool {
		a.status == AttestationStatus::Valid
			&& frame_system::Pallet::<T>::block_number() < a.valid_until
			&& Accredited::<T>::contains_key(kind, attester)
			&& !Self::is_stale(subject, a)
	}

	/// Whether a co-op attestation attested an older passport version.
	pub fn is_stale(subject: &SubjectOf<T>, a: &AttestationOf<T>) -> bool {
		match subject {
			Subject::Coop(coop) => {
				Passports::<T>::get(coop).is_none_or(|p| p.version != a.passport_version)
			}
			Subject::Account(_) => false,
		}
	}

	/// "Is `subject` verified for claim `kind` by at least `k` distinct attesters,
	/// now?" Reads at most `MaxAttestersPerClaim` attestations.
	pub fn is_verified(subject: &SubjectOf<T>, kind: ClaimKindId, k: u32) -> bool {
		let valid = Attestations::<T>::iter_prefix((subject.clone(), kind))
			.filter(|(attester, a)| Self::counts(subject, kind, attester, a))
			.count();
		valid >= k as usize
	}

	fn meets(subject: &SubjectOf<T>, policy: &Policy) -> DispatchResult {
		for kind in policy.kinds.iter() {
			ensure!(
				Self::is_verified(subject, *kind, policy.min_attesters),
				Error::<T>::NotVerified
			);
		}
		Ok(())
	}

	/// Checks the invariants: attestation counters match the records, every
	/// attestation is of a known kind whose subject kind matches, deposits held.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let mut counts: BTreeMap<(SubjectOf<T>, ClaimKindId), u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for ((subject, kind), attester, a) in Attestations::<T>::iter() {
			let claim = ClaimKinds::<T>::get(kind).ok_or("attestation of unknown kind")?;
			let subject_kind = match subject {
				Subject::Coop(_) => SubjectKind::Coop,
				Subject::Account(_) => SubjectKind::Account,
			};
			ensure!(claim.subject == subject_kind, "attestation of the wrong subject kind");
			let c = counts.entry((subject, kind)).or_default();
			*c = c.saturating_add(1);
			let h = held.entry(attester).or_default();
			*h = h.saturating_add(a.deposit);
		}
		for (key, count) in AttestationCount::<T>::iter() {
			ensure!(counts.get(&key) == Some(&count), "AttestationCount differs from records");
			ensure!(count <= T::MaxAttestersPerClaim::get(), "too many attesters");
		}
		ensure!(
			counts.len() == AttestationCount::<T>::iter().count(),
			"AttestationCount missing an entry"
		);
		for (who, amount) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::AttestationDeposit.into(), &who)
					== amount,
				"held deposit differs from records"
			);
		}
		Ok(())
	}
}

impl<T: Config> AdmissionPolicy<T::AccountId> for Pallet<T> {
	fn can_join(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		match MemberPolicies::<T>::get(coop) {
			Some(policy) => Self::meets(&Subject::Account(who.clone()), &policy),
			None => Ok(()),
		}
	}

	fn can_admit(coop: CoopId) -> DispatchResult {
		Self::meets(&Subject::Coop(coop), &AdmissionRequirements::<T>::get())
	}
}
