//! The pallet's invariants (`try_state`): checked after every unit test by the
//! mock's test builder, by the fuzzer, and on real chain states by try-runtime.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants: claim kinds below `NextClaimKindId`; accreditations,
	/// policies and attestations only of known kinds of the right subject kind;
	/// passports well formed; attestations attest an existing passport version;
	/// attestation counters match the records; deposits held.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;
		let next = NextClaimKindId::<T>::get();
		for (id, kind) in ClaimKinds::<T>::iter() {
			ensure!(id < next, "claim kind id not below NextClaimKindId");
			ensure!(!kind.max_validity.is_zero(), "claim kind with zero max validity");
		}
		for (kind, _, _) in Accredited::<T>::iter() {
			ensure!(ClaimKinds::<T>::contains_key(kind), "accreditation of unknown kind");
		}
		for (_, p) in Passports::<T>::iter() {
			ensure!(p.version >= 1, "passport version 0");
			ensure!(p.jurisdiction.iter().all(u8::is_ascii_uppercase), "bad jurisdiction");
		}
		let policies = MemberPolicies::<T>::iter()
			.map(|(_, p)| (p, SubjectKind::Account))
			.chain(core::iter::once((AdmissionRequirements::<T>::get(), SubjectKind::Coop)));
		for (policy, subject) in policies {
			if !policy.kinds.is_empty() {
				Self::check_policy(&policy, subject).map_err(|_| "invalid policy stored")?;
			}
		}
		ensure!(
			MemberPolicies::<T>::iter().all(|(_, p)| !p.kinds.is_empty()),
			"empty member policy stored"
		);
		let mut counts: BTreeMap<(SubjectOf<T>, ClaimKindId), u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for ((subject, kind), attester, a) in Attestations::<T>::iter() {
			let claim = ClaimKinds::<T>::get(kind).ok_or("attestation of unknown kind")?;
			ensure!(claim.subject == subject.kind(), "attestation of the wrong subject kind");
			ensure!(a.issued_at < a.valid_until, "attestation valid until before issued");
			match subject {
				Subject::Coop(coop) => {
					ensure!(
						a.passport_version >= 1,
						"co-op attestation without a passport version"
					);
					// A co-op whose application ended or that exited has no passport
					// left: its records no longer count, and anyone may remove them.
					if let Some(p) = Passports::<T>::get(coop) {
						ensure!(
							a.passport_version <= p.version,
							"attestation of a passport version that never existed"
						);
					}
				}
				Subject::Account(_) => {
					ensure!(a.passport_version == 0, "account attestation with a passport version")
				}
			}
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
