//! Runtime API for wallets, explorers and relying co-ops (served over RPC as
//! `coop_passport`, `coop_attestations`, `coop_isVerified`, `coop_claimKinds`).

use crate::types::{ActingFor, Attestation, ClaimKind, ClaimKindId, Passport, Subject};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;

/// An attestation with what a relying party needs to judge it now.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct AttestationView<AccountId, Balance, BlockNumber> {
	/// The claim kind attested.
	pub kind: ClaimKindId,
	/// Who attested it.
	pub attester: AccountId,
	/// The record as stored.
	pub attestation: Attestation<Balance, BlockNumber>,
	/// On whose behalf the attester is accredited for this kind now (`None`: no
	/// longer accredited).
	pub acting_for: Option<ActingFor>,
	/// Attests another passport version than the current one (co-op subjects).
	pub stale: bool,
	/// Counts now: valid, unexpired, accredited attester in good standing, not
	/// stale, not self-attested (see the pallet docs).
	pub counts: bool,
}

sp_api::decl_runtime_apis! {
	/// Read access to passports and attestations.
	pub trait PassportApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A co-op's passport.
		fn passport(coop: CoopId) -> Option<Passport<BlockNumber>>;
		/// Every attestation about `subject`, by claim kind (bounded: per kind at most
		/// `MaxAttestersPerClaim`).
		fn attestations(subject: Subject<AccountId>) -> Vec<AttestationView<AccountId, Balance, BlockNumber>>;
		/// Whether `subject` is verified for `kind` by at least `k` distinct attesters
		/// now (attesters of one co-op count once).
		fn is_verified(subject: Subject<AccountId>, kind: ClaimKindId, k: u32) -> bool;
		/// All claim kinds, by id.
		fn claim_kinds() -> Vec<(ClaimKindId, ClaimKind<BlockNumber>)>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// [`PassportApi::attestations`]: every attestation about `subject`, ordered by
	/// claim kind id.
	pub fn attestations_of(
		subject: &crate::SubjectOf<T>,
	) -> Vec<AttestationView<T::AccountId, crate::BalanceOf<T>, BlockNumberFor<T>>> {
		let mut kinds: Vec<ClaimKindId> = crate::ClaimKinds::<T>::iter_keys().collect();
		kinds.sort_unstable();
		kinds
			.into_iter()
			.flat_map(|kind| {
				crate::Attestations::<T>::iter_prefix((subject.clone(), kind)).map(
					move |(attester, a)| AttestationView {
						kind,
						stale: Self::is_stale(subject, &a),
						counts: Self::counts(subject, kind, &attester, &a),
						acting_for: crate::Accredited::<T>::get(kind, &attester),
						attester,
						attestation: a,
					},
				)
			})
			.collect()
	}

	/// [`PassportApi::claim_kinds`]: all claim kinds, ordered by id.
	pub fn claim_kinds_list() -> Vec<(ClaimKindId, ClaimKind<BlockNumberFor<T>>)> {
		let mut kinds: Vec<_> = crate::ClaimKinds::<T>::iter().collect();
		kinds.sort_unstable_by_key(|(id, _)| *id);
		kinds
	}
}
