//! Member and admission policies: which claims a joining member or an admitted
//! co-op must hold, checked for the membership pallet through `AdmissionPolicy`.

use super::*;

impl<T: Config> Pallet<T> {
	pub(crate) fn check_policy(policy: &Policy, subject: SubjectKind) -> DispatchResult {
		if policy.kinds.is_empty() {
			return Ok(());
		}
		ensure!(
			policy.min_attesters >= 1 && policy.min_attesters <= T::MaxAttestersPerClaim::get(),
			Error::<T>::BadPolicy
		);
		for (i, kind) in policy.kinds.iter().enumerate() {
			ensure!(
				!policy.kinds.iter().skip(i.saturating_add(1)).any(|k| k == kind),
				Error::<T>::BadPolicy
			);
			let k = ClaimKinds::<T>::get(kind).ok_or(Error::<T>::UnknownClaimKind)?;
			ensure!(k.subject == subject, Error::<T>::WrongSubject);
		}
		Ok(())
	}

	pub(crate) fn meets(subject: &SubjectOf<T>, policy: &Policy) -> DispatchResult {
		for kind in policy.kinds.iter() {
			ensure!(
				Self::is_verified(subject, *kind, policy.min_attesters),
				Error::<T>::NotVerified
			);
		}
		Ok(())
	}
}

/// A co-op's passport and member policy are stored without a deposit, covered by
/// the co-op's own: they go when the co-op's application ends or it exits.
impl<T: Config> pallet_coop_membership::OnCoopRemoved for Pallet<T> {
	fn on_coop_removed(coop: CoopId) {
		let passport = Passports::<T>::take(coop).is_some();
		let policy = MemberPolicies::<T>::take(coop).is_some();
		if passport || policy {
			Self::deposit_event(Event::CoopRecordsRemoved { coop });
		}
	}

	fn on_coop_removed_weight() -> Weight {
		T::DbWeight::get().reads_writes(2, 2)
	}
}

impl<T: Config> AdmissionPolicy<T::AccountId> for Pallet<T> {
	/// `Ok` if the co-op has no member policy, or `who` meets it now; otherwise
	/// [`Error::NotVerified`].
	fn can_join(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		match MemberPolicies::<T>::get(coop) {
			Some(policy) => Self::meets(&Subject::Account(who.clone()), &policy),
			None => Ok(()),
		}
	}

	/// `Ok` if the federation's admission policy is empty, or the co-op meets it now;
	/// otherwise [`Error::NotVerified`].
	fn can_admit(coop: CoopId) -> DispatchResult {
		Self::meets(&Subject::Coop(coop), &AdmissionRequirements::<T>::get())
	}

	/// Benchmarked worst case (8 claim kinds, each attested by
	/// `MaxAttestersPerClaim` attesters of as many co-ops), or one read when the
	/// co-op has no member policy.
	fn can_join_weight(coop: Option<CoopId>) -> frame_support::weights::Weight {
		match coop {
			Some(coop) if !MemberPolicies::<T>::contains_key(coop) => {
				<T as frame_system::Config>::DbWeight::get().reads(1)
			}
			_ => T::WeightInfo::check_member_policy(),
		}
	}

	/// As [`Self::can_join_weight`], for a co-op subject.
	fn can_admit_weight() -> frame_support::weights::Weight {
		T::WeightInfo::check_admission_policy()
	}
}
