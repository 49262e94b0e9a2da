//! When an attestation counts, and whether a subject is verified: the rules the
//! pallet docs state under "When an attestation counts".

use super::*;

impl<T: Config> Pallet<T> {
	/// Whether `attester`, a member of `coop_now` (if any), would be attesting itself
	/// by attesting `subject`.
	pub(crate) fn is_self(
		attester: &T::AccountId,
		coop_now: Option<CoopId>,
		subject: &SubjectOf<T>,
	) -> bool {
		match subject {
			Subject::Coop(coop) => {
				coop_now == Some(*coop) || *attester == T::Membership::sovereign_account(*coop)
			}
			Subject::Account(who) => who == attester,
		}
	}

	/// The party `attester` attests for now (its co-op now, or itself if in none), or
	/// the error saying why it may not:
	/// not accredited for `kind`, no longer in the co-op it was accredited for, or
	/// in a co-op that is not active.
	pub(crate) fn standing(
		attester: &T::AccountId,
		kind: ClaimKindId,
	) -> Result<Party<T::AccountId>, Error<T>> {
		let acting_for = Accredited::<T>::get(kind, attester).ok_or(Error::<T>::NotAccredited)?;
		let coop_now = T::Membership::coop_of(attester);
		if let ActingFor::Coop(coop) = acting_for {
			ensure!(coop_now == Some(coop), Error::<T>::NotActingForCoop);
		}
		if let Some(coop) = coop_now {
			ensure!(T::Membership::is_active_coop(coop), Error::<T>::AttesterCoopNotActive);
		}
		let party = match coop_now {
			Some(coop) => Party::Coop(coop),
			None => Party::Registrar(attester.clone()),
		};
		Ok(party)
	}

	/// Checks that `attester` may attest `kind` about `subject` until `valid_until`;
	/// returns the passport version to record (0 for accounts).
	pub(crate) fn check_attestable(
		attester: &T::AccountId,
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		valid_until: BlockNumberFor<T>,
	) -> Result<u32, DispatchError> {
		let claim = ClaimKinds::<T>::get(kind).ok_or(Error::<T>::UnknownClaimKind)?;
		let coop_now = Self::standing(attester, kind)?.coop();
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(
			valid_until > now && valid_until <= now.saturating_add(claim.max_validity),
			Error::<T>::BadValidity
		);
		ensure!(claim.subject == subject.kind(), Error::<T>::WrongSubject);
		ensure!(!Self::is_self(attester, coop_now, subject), Error::<T>::SelfAttestation);
		match subject {
			Subject::Coop(coop) => {
				Ok(Passports::<T>::get(coop).ok_or(Error::<T>::NoPassport)?.version)
			}
			Subject::Account(_) => Ok(0),
		}
	}

	/// The party an attestation counts for now, if it counts (see "When an
	/// attestation counts" in the pallet docs). `version` is the subject's current
	/// passport version (`None` for accounts or a co-op without passport).
	pub(crate) fn counting_party(
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		attester: &T::AccountId,
		a: &AttestationOf<T>,
		version: Option<u32>,
	) -> Option<Party<T::AccountId>> {
		if a.status != AttestationStatus::Valid
			|| frame_system::Pallet::<T>::block_number() >= a.valid_until
		{
			return None;
		}
		if matches!(subject, Subject::Coop(_)) && version != Some(a.passport_version) {
			return None;
		}
		let party = Self::standing(attester, kind).ok()?;
		if Self::is_self(attester, party.coop(), subject) {
			return None;
		}
		Some(party)
	}

	/// The current passport version of a co-op subject (`None` for accounts).
	pub(crate) fn current_version(subject: &SubjectOf<T>) -> Option<u32> {
		match subject {
			Subject::Coop(coop) => Passports::<T>::get(coop).map(|p| p.version),
			Subject::Account(_) => None,
		}
	}

	/// Whether an attestation counts now (see "When an attestation counts" in the
	/// pallet docs).
	pub fn counts(
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		attester: &T::AccountId,
		a: &AttestationOf<T>,
	) -> bool {
		Self::counting_party(subject, kind, attester, a, Self::current_version(subject)).is_some()
	}

	/// Whether a co-op attestation attested another passport version than the
	/// current one (always `false` for accounts).
	pub fn is_stale(subject: &SubjectOf<T>, a: &AttestationOf<T>) -> bool {
		match subject {
			Subject::Coop(_) => Self::current_version(subject) != Some(a.passport_version),
			Subject::Account(_) => false,
		}
	}

	/// "Is `subject` verified for claim `kind` by at least `k` distinct attesters,
	/// now?" Counts attestations that count now (see the pallet docs), attesters of
	/// one co-op counting once together. `k = 0` is always true. Reads at most
	/// `MaxAttestersPerClaim` attestations (`PassportApi::is_verified`).
	pub fn is_verified(subject: &SubjectOf<T>, kind: ClaimKindId, k: u32) -> bool {
		let needed = usize::try_from(k).unwrap_or(usize::MAX);
		if needed == 0 {
			return true;
		}
		let version = Self::current_version(subject);
		let mut parties: alloc::vec::Vec<Party<T::AccountId>> = alloc::vec::Vec::new();
		for (attester, a) in Attestations::<T>::iter_prefix((subject.clone(), kind)) {
			if let Some(party) = Self::counting_party(subject, kind, &attester, &a, version) {
				if !parties.contains(&party) {
					parties.push(party);
					if parties.len() >= needed {
						return true;
					}
				}
			}
		}
		false
	}
}
