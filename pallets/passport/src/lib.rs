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
//!   every change (re-publishing identical data is refused, so nothing goes stale
//!   by accident).
//! - **Claim kinds** (federation vote): name, subject kind (co-op or account),
//!   maximum validity.
//! - **Attesters** are accredited per claim kind by a federation vote, either for
//!   the co-op they belong to when accredited ([`ActingFor::Coop`]) or as an
//!   external registrar ([`ActingFor::Registrar`]). When an accreditation is
//!   withdrawn, that attester's attestations of the kind stop counting
//!   **immediately** (their records stay until removed, and count again if the
//!   attester is accredited again before they expire).
//! - **Attestations** `(subject, kind, attester)`: evidence hash, passport version
//!   attested, issued-at, valid-until, status, deposit. A co-op cannot attest
//!   itself (nor through its sovereign account), nor an account itself.
//! - **Policies**: a co-op may require claims of accounts joining it, and the
//!   federation may require claims of co-ops it admits; the membership pallet
//!   checks both through [`pallet_coop_membership::AdmissionPolicy`].
//!
//! ## When an attestation counts
//! An attestation by `attester` of `kind` about `subject` counts at block `n` iff
//! 1. its status is `Valid` and `n < valid_until` (at block `valid_until` it has
//!    expired);
//! 2. `attester` is accredited for `kind` now;
//! 3. if accredited for co-op `c`, `attester` is still a member of `c`;
//! 4. if `attester` is a member of a co-op now, that co-op is `Active` and is not
//!    the subject (a suspended co-op's attestations stop counting until it is
//!    reinstated; a registrar who joins the subject co-op stops counting for it);
//! 5. for a co-op subject, it attested the passport's current version (otherwise
//!    it is *stale*, shown as such by the runtime API, and counts again once
//!    renewed).
//!
//! [`Pallet::is_verified`] counts **distinct attesters**: every account attesting
//! for the same co-op counts as one attester (that co-op), a registrar as itself.
//! So one co-op with two accredited accounts cannot reach `k = 2` on its own.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod policy;
mod try_state;
pub mod types;
mod verification;
mod views;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use views::{AttestationCursor, AttestationViewOf};
pub use weights::WeightInfo;

use frame_support::{
	pallet_prelude::*,
	traits::fungible::{Inspect, Mutate, MutateHold},
};
use frame_system::pallet_prelude::*;
use pallet_coop_membership::{deposit, AdmissionPolicy, CoopId, CoopMembership};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A subject as stored.
pub type SubjectOf<T> = Subject<<T as frame_system::Config>::AccountId>;
/// An attestation as stored.
pub type AttestationOf<T> = Attestation<BalanceOf<T>, BlockNumberFor<T>>;

/// Who an attestation counts for in [`Pallet::is_verified`]: attesters of one co-op
/// count once together.
#[derive(PartialEq, Eq)]
enum Party<AccountId> {
	/// The attester's co-op (it is a member of it now).
	Coop(CoopId),
	/// An attester in no co-op.
	Registrar(AccountId),
}

impl<AccountId> Party<AccountId> {
	/// The co-op the attester is a member of now, if any.
	fn coop(&self) -> Option<CoopId> {
		match self {
			Party::Coop(coop) => Some(*coop),
			Party::Registrar(_) => None,
		}
	}
}

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
		/// The overarching hold reason, so deposits are held under [`HoldReason`].
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency attestation deposits are held in.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// Co-ops, their members and admins.
		type Membership: CoopMembership<Self::AccountId>;

		/// Who manages claim kinds, accreditations and the admission policy (a
		/// federation vote).
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Held from the attester for each attestation until it is removed.
		#[pallet::constant]
		type AttestationDeposit: Get<BalanceOf<Self>>;

		/// The most attestation records one claim about one subject may have. Bounds
		/// `is_verified`. Records that no longer count are removed to make room for a
		/// new attestation, so they never block a slot.
		#[pallet::constant]
		type MaxAttestersPerClaim: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// An attestation's deposit, held from its attester until the record is removed.
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

	/// Accredited attesters, per claim kind, and on whose behalf they attest.
	#[pallet::storage]
	pub type Accredited<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ClaimKindId,
		Blake2_128Concat,
		T::AccountId,
		ActingFor,
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

	/// What each co-op requires of accounts that join it (no entry: nothing).
	#[pallet::storage]
	pub type MemberPolicies<T: Config> = StorageMap<_, Twox64Concat, CoopId, Policy, OptionQuery>;

	/// What the federation requires of co-ops it admits (default: nothing).
	#[pallet::storage]
	pub type AdmissionRequirements<T: Config> = StorageValue<_, Policy, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op published or changed its passport; attestations of older versions
		/// are now stale.
		PassportSet { coop: CoopId, version: u32 },
		/// A claim kind was added.
		ClaimKindAdded { id: ClaimKindId, subject: SubjectKind },
		/// A claim kind's name or maximum validity changed.
		ClaimKindSet { id: ClaimKindId },
		/// An attester was accredited for a claim kind, acting for a co-op or as a
		/// registrar.
		Accredited { kind: ClaimKindId, attester: T::AccountId, acting_for: ActingFor },
		/// An accreditation was withdrawn; the attester's attestations of the kind
		/// stopped counting.
		AccreditationWithdrawn { kind: ClaimKindId, attester: T::AccountId },
		/// A claim was attested; `deposit` is held from the attester.
		Attested {
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
			evidence: H256,
			passport_version: u32,
			valid_until: BlockNumberFor<T>,
			deposit: BalanceOf<T>,
		},
		/// An attestation was renewed: it now holds this evidence, attests this passport
		/// version and is valid until this block.
		Renewed {
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
			evidence: H256,
			passport_version: u32,
			valid_until: BlockNumberFor<T>,
		},
		/// An attestation was revoked (its record stays until removed).
		Revoked { subject: SubjectOf<T>, kind: ClaimKindId, attester: T::AccountId, reason: u8 },
		/// An attestation record was removed and its deposit returned to the attester.
		AttestationRemoved {
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			attester: T::AccountId,
			deposit: BalanceOf<T>,
		},
		/// A co-op set what it requires of joining members (empty: nothing).
		MemberPolicySet { coop: CoopId, policy: Policy },
		/// The federation set what it requires of co-ops it admits (empty: nothing).
		AdmissionPolicySet { policy: Policy },
		/// A co-op's application ended or it left the federation: its passport and
		/// member policy, which it kept without a deposit, were removed.
		CoopRecordsRemoved { coop: CoopId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// You are not an admin of a co-op: only co-op admins can do this.
		NotCoopAdmin,
		/// The jurisdiction must be two upper-case letters (ISO 3166-1 alpha-2), e.g.
		/// `ES`: correct the code.
		BadJurisdiction,
		/// No claim kind has this id: check the id (`coop_claimKinds` lists them).
		UnknownClaimKind,
		/// Every claim kind id has been used; no new claim kind can be added.
		ClaimKindIdsExhausted,
		/// The claim kind name is empty: give a name of 1 to 64 bytes. (A name
		/// longer than 64 bytes is refused when the call is decoded.)
		BadName,
		/// The account is already accredited for this claim kind: nothing to do (to
		/// change on whose behalf it attests, withdraw the accreditation first).
		AlreadyAccredited,
		/// The account is not accredited for this claim kind: the federation must
		/// accredit it first.
		NotAccredited,
		/// The claim kind is about the other kind of subject (co-op vs account): pick
		/// a claim kind about this kind of subject.
		WrongSubject,
		/// A co-op cannot attest itself (through its members or sovereign account),
		/// nor an account itself: another attester must do it.
		SelfAttestation,
		/// The co-op has no passport to attest: its admin must publish one first.
		NoPassport,
		/// `valid_until` must be after the current block and at most the current
		/// block plus the claim kind's maximum validity: pick a block in that range.
		BadValidity,
		/// You already attested this claim about this subject: renew it instead (or,
		/// if revoked, remove it first).
		AlreadyAttested,
		/// No attestation by this attester of this claim about this subject: check
		/// the subject, kind and attester.
		NoAttestation,
		/// The attestation is revoked and cannot be renewed or revoked again: remove
		/// it, then attest afresh.
		Revoked,
		/// This claim about this subject already has `MaxAttestersPerClaim`
		/// attestations and every one of them still counts, each for a different co-op
		/// or registrar: the claim is attested enough (records that no longer count,
		/// or that repeat a co-op, are removed to make room).
		TooManyAttesters,
		/// The attestation still counts (valid, unexpired, current, from an attester in
		/// good standing): only its attester may remove it; anyone may once it stops
		/// counting.
		StillValid,
		/// The attester cannot cover the attestation deposit: it needs free balance of
		/// at least the deposit above the existential deposit.
		InsufficientDeposit,
		/// The account or co-op lacks the attestations a policy requires: it needs
		/// each required claim attested by enough distinct accredited attesters,
		/// valid now.
		NotVerified,
		/// The legal form is empty: give 1 to 64 bytes. (A legal form longer than 64
		/// bytes is refused when the call is decoded.)
		BadLegalForm,
		/// The passport is identical to the published one: nothing changed, so its
		/// version is not bumped (which would make every attestation stale).
		PassportUnchanged,
		/// A claim kind's maximum validity must be at least one block.
		BadMaxValidity,
		/// The policy is invalid: a claim kind is listed twice, or `min_attesters` is
		/// 0 or above `MaxAttestersPerClaim` while claim kinds are required.
		BadPolicy,
		/// The attester's co-op is not active (applicant, suspended or exited): its
		/// members can be accredited and attest only while it is active.
		AttesterCoopNotActive,
		/// The attester was accredited to attest for a co-op it no longer belongs to:
		/// the federation must withdraw and renew its accreditation.
		NotActingForCoop,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Claim kinds, given ids from 0 in order.
		pub claim_kinds: Vec<ClaimKind<BlockNumberFor<T>>>,
		/// Accredited attesters: (claim kind id, account). Each attests for the co-op
		/// it belongs to at genesis (membership's genesis is built first), or as a
		/// registrar if it belongs to none.
		pub attesters: Vec<(ClaimKindId, T::AccountId)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for kind in &self.claim_kinds {
				assert!(!kind.name.is_empty(), "claim kind without a name");
				assert!(!kind.max_validity.is_zero(), "claim kind with zero max validity");
				let id = NextClaimKindId::<T>::get();
				ClaimKinds::<T>::insert(id, kind.clone());
				NextClaimKindId::<T>::put(id.saturating_add(1));
			}
			for (kind, who) in &self.attesters {
				assert!(ClaimKinds::<T>::contains_key(kind), "attester of unknown claim kind");
				let acting_for =
					T::Membership::coop_of(who).map_or(ActingFor::Registrar, ActingFor::Coop);
				Accredited::<T>::insert(kind, who, acting_for);
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
		/// - origin: signed by an admin of the co-op (an applicant co-op may publish
		///   before admission).
		/// - `jurisdiction`: ISO 3166-1 alpha-2 code, upper case (e.g. `*b"ES"`).
		/// - `legal_form`: text, 1 to 64 bytes ([`ShortText`]: a longer one is refused
		///   when the call is decoded, before anything is allocated for it).
		/// - `registration_hash`, `documents_hash`: hashes of the registration number
		///   and of the document bundle, kept off chain. No personal data on chain.
		///
		/// Refused with `PassportUnchanged` if identical to the published passport.
		///
		/// Emits [`Event::PassportSet`].
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_passport())]
		pub fn set_passport(
			origin: OriginFor<T>,
			jurisdiction: [u8; 2],
			legal_form: ShortText,
			registration_hash: H256,
			documents_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = Self::admin_coop(&who)?;
			ensure!(jurisdiction.iter().all(u8::is_ascii_uppercase), Error::<T>::BadJurisdiction);
			ensure!(!legal_form.is_empty(), Error::<T>::BadLegalForm);
			let version = match Passports::<T>::get(coop) {
				Some(p) => {
					ensure!(
						p.jurisdiction != jurisdiction
							|| p.legal_form != legal_form
							|| p.registration_hash != registration_hash
							|| p.documents_hash != documents_hash,
						Error::<T>::PassportUnchanged
					);
					p.version.saturating_add(1)
				}
				None => 1,
			};
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

		/// Add a claim kind; it gets the next id.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `name`: 1 to 64 bytes, e.g. `GoodStanding` ([`ShortText`]: a longer one is
		///   refused when the call is decoded, before anything is allocated for it).
		/// - `subject`: whether it is about co-ops or member accounts (fixed forever).
		/// - `max_validity`: the longest an attestation may stay valid, in blocks (≥ 1).
		///
		/// Emits [`Event::ClaimKindAdded`].
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::add_claim_kind())]
		pub fn add_claim_kind(
			origin: OriginFor<T>,
			name: ShortText,
			subject: SubjectKind,
			max_validity: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			ensure!(!max_validity.is_zero(), Error::<T>::BadMaxValidity);
			let id = deposit::next_id::<NextClaimKindId<T>, _>()
				.ok_or(Error::<T>::ClaimKindIdsExhausted)?;
			ClaimKinds::<T>::insert(id, ClaimKind { name, subject, max_validity });
			Self::deposit_event(Event::ClaimKindAdded { id, subject });
			Ok(())
		}

		/// Rename a claim kind or change its maximum validity. Existing attestations
		/// keep their `valid_until`; the new maximum applies to attests and renewals.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `id`: an existing claim kind.
		/// - `name`: 1 to 64 bytes ([`ShortText`]: a longer one is refused when the call
		///   is decoded, before anything is allocated for it).
		/// - `max_validity`: in blocks, ≥ 1.
		///
		/// Emits [`Event::ClaimKindSet`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_claim_kind())]
		pub fn set_claim_kind(
			origin: OriginFor<T>,
			id: ClaimKindId,
			name: ShortText,
			max_validity: BlockNumberFor<T>,
		) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			let name = Self::checked_name(name)?;
			ensure!(!max_validity.is_zero(), Error::<T>::BadMaxValidity);
			ClaimKinds::<T>::try_mutate(id, |maybe| -> DispatchResult {
				let kind = maybe.as_mut().ok_or(Error::<T>::UnknownClaimKind)?;
				kind.name = name;
				kind.max_validity = max_validity;
				Ok(())
			})?;
			Self::deposit_event(Event::ClaimKindSet { id });
			Ok(())
		}

		/// Accredit an attester for a claim kind: a member of an active co-op (it then
		/// attests for that co-op, see [`ActingFor`]) or an external registrar (an
		/// account in no co-op).
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `kind`: an existing claim kind; `attester`: the account.
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
			let acting_for = match T::Membership::coop_of(&attester) {
				Some(coop) => {
					ensure!(T::Membership::is_active_coop(coop), Error::<T>::AttesterCoopNotActive);
					ActingFor::Coop(coop)
				}
				None => ActingFor::Registrar,
			};
			Accredited::<T>::insert(kind, &attester, acting_for);
			Self::deposit_event(Event::Accredited { kind, attester, acting_for });
			Ok(())
		}

		/// Withdraw an accreditation: the attester's attestations of this kind stop
		/// counting at once (their records stay until removed; the attester may still
		/// revoke or remove them).
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `kind`, `attester`: an existing accreditation.
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
		/// - origin: signed by an attester accredited for `kind`, in good standing
		///   (its co-op, if any, active and the one it was accredited for);
		///   [`Config::AttestationDeposit`] is held from it until the record is removed.
		/// - `subject`: a co-op with a passport (not the attester's own) or an account
		///   (not the attester itself), as `kind` requires.
		/// - `kind`: the claim kind.
		/// - `evidence`: hash of the evidence kept off chain (for an account, e.g. of
		///   the verifiable credential its co-op issued).
		/// - `valid_until`: after the current block, at most the current block plus the
		///   kind's `max_validity`; the attestation counts at blocks before it.
		///
		/// Records that no longer count do not take a slot: when the claim already has
		/// [`Config::MaxAttestersPerClaim`] records, one that no longer counts (expired,
		/// revoked, stale, or by an attester no longer in good standing), or a second
		/// one of a co-op another record already counts for (a co-op counts once), is
		/// removed to make room, its deposit returned to its attester.
		///
		/// Emits [`Event::AttestationRemoved`] for a record removed to make room, then
		/// [`Event::Attested`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::attest().max(T::WeightInfo::attest_evicting()))]
		pub fn attest(
			origin: OriginFor<T>,
			subject: SubjectOf<T>,
			kind: ClaimKindId,
			evidence: H256,
			valid_until: BlockNumberFor<T>,
		) -> DispatchResultWithPostInfo {
			let attester = ensure_signed(origin)?;
			let passport_version = Self::check_attestable(&attester, &subject, kind, valid_until)?;
			let key = (subject.clone(), kind);
			ensure!(!Attestations::<T>::contains_key(&key, &attester), Error::<T>::AlreadyAttested);
			let mut count = AttestationCount::<T>::get(&key);
			let mut weight = T::WeightInfo::attest();
			if count >= T::MaxAttestersPerClaim::get() {
				let version = Self::current_version(&subject);
				// A record that no longer counts, or whose party (co-op) another record
				// already counts for: one party cannot fill the slots of a claim.
				let mut counted = Vec::new();
				let dead =
					Attestations::<T>::iter_prefix(&key).find(
						|(who, a)| match Self::counting_party(&subject, kind, who, a, version) {
							None => true,
							Some(party) if counted.contains(&party) => true,
							Some(party) => {
								counted.push(party);
								false
							}
						},
					);
				let (dead_attester, dead) = dead.ok_or(Error::<T>::TooManyAttesters)?;
				// Should the deposit below fail, the call's storage layer undoes this.
				Self::remove_record(&subject, kind, &dead_attester, &dead);
				count = count.saturating_sub(1);
				weight = T::WeightInfo::attest_evicting();
			}
			let deposit = T::AttestationDeposit::get();
			deposit::take::<T::Currency, _>(
				&HoldReason::AttestationDeposit.into(),
				&attester,
				deposit,
			)
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
			Self::deposit_event(Event::Attested {
				subject,
				kind,
				attester,
				evidence,
				passport_version,
				valid_until,
				deposit,
			});
			Ok(Some(weight).into())
		}

		/// Renew your attestation (also once expired or stale): new `valid_until`, and
		/// new evidence if given; for a co-op, it now attests the passport's current
		/// version. `issued_at` keeps the original issue time (the record says since
		/// when this attester vouches for the subject).
		///
		/// - origin: signed by the attester, still accredited and in good standing.
		/// - `subject`, `kind`: the attestation; it must not be revoked.
		/// - `valid_until`: as for [`Pallet::attest`].
		/// - `evidence`: the new evidence hash, or `None` to keep the old one.
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
			let evidence = Attestations::<T>::try_mutate(
				&key,
				&attester,
				|maybe| -> Result<H256, DispatchError> {
					let a = maybe.as_mut().ok_or(Error::<T>::NoAttestation)?;
					ensure!(a.status == AttestationStatus::Valid, Error::<T>::Revoked);
					a.valid_until = valid_until;
					a.passport_version = passport_version;
					if let Some(e) = evidence {
						a.evidence = e;
					}
					Ok(a.evidence)
				},
			)?;
			Self::deposit_event(Event::Renewed {
				subject,
				kind,
				attester,
				evidence,
				passport_version,
				valid_until,
			});
			Ok(())
		}

		/// Revoke your attestation; it stops counting at once and the record stays
		/// (as `Revoked`, with the reason) for relying parties until removed, its
		/// deposit held until then.
		///
		/// - origin: signed by the attester (even if no longer accredited).
		/// - `subject`, `kind`: the attestation; it must not be revoked already.
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

		/// Remove an attestation record and return its deposit to the attester (who paid
		/// it).
		///
		/// - origin: signed; anyone once the attestation no longer counts (see "When an
		///   attestation counts" in the pallet docs: expired, revoked, stale, or by an
		///   attester no longer accredited, no longer in the co-op it attests for, or
		///   whose co-op is not active), the attester at any time.
		/// - `subject`, `kind`, `attester`: the attestation.
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
			ensure!(
				who == attester || !Self::counts(&subject, kind, &attester, &a),
				Error::<T>::StillValid
			);
			Self::remove_record(&subject, kind, &attester, &a);
			Ok(())
		}

		/// Set what your co-op requires of accounts that join it (checked by
		/// `Membership::add_member`). An empty `kinds` list requires nothing and
		/// removes the policy.
		///
		/// - origin: signed by an admin of the co-op.
		/// - `policy`: claim kinds about accounts (at most 8, no duplicates), each to
		///   be attested by at least `min_attesters` distinct attesters (1 to
		///   `MaxAttestersPerClaim`).
		///
		/// Emits [`Event::MemberPolicySet`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_member_policy())]
		pub fn set_member_policy(origin: OriginFor<T>, policy: Policy) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = Self::admin_coop(&who)?;
			Self::check_policy(&policy, SubjectKind::Account)?;
			if policy.kinds.is_empty() {
				MemberPolicies::<T>::remove(coop);
			} else {
				MemberPolicies::<T>::insert(coop, policy.clone());
			}
			Self::deposit_event(Event::MemberPolicySet { coop, policy });
			Ok(())
		}

		/// Set what the federation requires of co-ops it admits (checked by
		/// `Membership::admit_coop`). An empty `kinds` list requires nothing.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `policy`: claim kinds about co-ops (at most 8, no duplicates), each to be
		///   attested by at least `min_attesters` distinct attesters (1 to
		///   `MaxAttestersPerClaim`).
		///
		/// Emits [`Event::AdmissionPolicySet`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_admission_policy())]
		pub fn set_admission_policy(origin: OriginFor<T>, policy: Policy) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Self::check_policy(&policy, SubjectKind::Coop)?;
			if policy.kinds.is_empty() {
				AdmissionRequirements::<T>::kill();
			} else {
				AdmissionRequirements::<T>::put(policy.clone());
			}
			Self::deposit_event(Event::AdmissionPolicySet { policy });
			Ok(())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Removes an attestation record, releases its deposit to its attester and emits
	/// [`Event::AttestationRemoved`].
	fn remove_record(
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		attester: &T::AccountId,
		a: &AttestationOf<T>,
	) {
		let key = (subject.clone(), kind);
		Attestations::<T>::remove(&key, attester);
		AttestationCount::<T>::mutate_exists(&key, |c| {
			*c = c.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		// Held by this pallet when attested (try_state checks it still is).
		let deposit = deposit::refund::<T::Currency, _>(
			&HoldReason::AttestationDeposit.into(),
			attester,
			a.deposit,
		);
		Self::deposit_event(Event::AttestationRemoved {
			subject: subject.clone(),
			kind,
			attester: attester.clone(),
			deposit,
		});
	}

	fn admin_coop(who: &T::AccountId) -> Result<CoopId, DispatchError> {
		let coop = T::Membership::coop_of(who).ok_or(Error::<T>::NotCoopAdmin)?;
		ensure!(T::Membership::is_admin(who, coop), Error::<T>::NotCoopAdmin);
		Ok(coop)
	}

	/// A claim kind name, refused with [`Error::BadName`] if empty (its length bound
	/// is enforced by its type when the call is decoded).
	fn checked_name(name: ShortText) -> Result<ShortText, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::BadName);
		Ok(name)
	}

	/// A co-op's passport as stored (`PassportApi::passport` serves `passport_view`).
	pub fn passport(coop: CoopId) -> Option<Passport<BlockNumberFor<T>>> {
		Passports::<T>::get(coop)
	}
}
