//! What [`coop_primitives::passport::PassportApi`] returns, read from storage.

use crate::{
	Accredited, AttestationOf, Attestations, BalanceOf, ClaimKinds, Config, Pallet, Passports,
	SubjectOf,
};
use alloc::vec::Vec;
use coop_primitives::{
	passport::{AttestationView, ClaimKindId, ClaimKindView, PassportView},
	CoopId, Page,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// An attestation as the runtime API shows it.
pub type AttestationViewOf<T> =
	AttestationView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
/// Where a page of attestations resumes: after this attester's attestation of this kind.
pub type AttestationCursor<T> = (ClaimKindId, <T as frame_system::Config>::AccountId);

impl<T: Config> Pallet<T> {
	/// `PassportApi::passport`.
	pub fn passport_view(coop: CoopId) -> Option<PassportView<BlockNumberFor<T>>> {
		Passports::<T>::get(coop).map(|p| PassportView {
			coop,
			jurisdiction: p.jurisdiction.to_vec(),
			legal_form: p.legal_form.into_inner(),
			registration_hash: p.registration_hash,
			documents_hash: p.documents_hash,
			version: p.version,
			updated_at: p.updated_at,
		})
	}

	/// `PassportApi::attestations`: by claim kind id, then in storage order. Reads the
	/// claim kinds' ids (a short, governed list) and the page's attestations.
	pub fn attestations_page(
		subject: SubjectOf<T>,
		start_after: Option<AttestationCursor<T>>,
		limit: u32,
	) -> Page<AttestationViewOf<T>, AttestationCursor<T>> {
		let mut kinds: Vec<ClaimKindId> = ClaimKinds::<T>::iter_keys().collect();
		kinds.sort_unstable();
		let first_kind = start_after.as_ref().map_or(0, |(kind, _)| *kind);
		let entries = kinds.into_iter().filter(move |kind| *kind >= first_kind).flat_map({
			let subject = subject.clone();
			move |kind| {
				let prefix = (subject.clone(), kind);
				let attesters = match &start_after {
					Some((k, attester)) if *k == kind => Attestations::<T>::iter_prefix_from(
						prefix.clone(),
						Attestations::<T>::hashed_key_for(prefix, attester),
					),
					_ => Attestations::<T>::iter_prefix(prefix),
				};
				attesters.map(move |(attester, a)| (kind, attester, a))
			}
		});
		Page::collect(entries, limit, |(kind, attester, a)| {
			((kind, attester.clone()), Self::attestation_view(&subject, kind, attester, a))
		})
	}

	fn attestation_view(
		subject: &SubjectOf<T>,
		kind: ClaimKindId,
		attester: T::AccountId,
		a: AttestationOf<T>,
	) -> AttestationViewOf<T> {
		AttestationView {
			kind,
			stale: Self::is_stale(subject, &a),
			counts: Self::counts(subject, kind, &attester, &a),
			acting_for: Accredited::<T>::get(kind, &attester),
			attester,
			attestation: a,
		}
	}

	/// `PassportApi::claim_kinds`: in storage order.
	pub fn claim_kinds_page(
		start_after: Option<ClaimKindId>,
		limit: u32,
	) -> Page<ClaimKindView<BlockNumberFor<T>>, ClaimKindId> {
		let kinds = match start_after {
			Some(id) => ClaimKinds::<T>::iter_from(ClaimKinds::<T>::hashed_key_for(id)),
			None => ClaimKinds::<T>::iter(),
		};
		Page::collect(kinds, limit, |(id, k)| {
			(
				id,
				ClaimKindView {
					id,
					name: k.name.into_inner(),
					subject: k.subject,
					max_validity: k.max_validity,
				},
			)
		})
	}
}
