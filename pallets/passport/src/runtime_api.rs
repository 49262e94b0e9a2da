//! Runtime API for wallets, explorers and relying co-ops (served over RPC as
//! `coop_passport`, `coop_attestations`, `coop_isVerified`, `coop_claimKinds`).

use crate::types::{Attestation, ClaimKind, ClaimKindId, Passport, Subject};
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
	pub kind: ClaimKindId,
	pub attester: AccountId,
	pub attestation: Attestation<Balance, BlockNumber>,
	/// Attests an older passport version (co-op subjects).
	pub stale: bool,
	/// Counts now: valid, unexpired, accredited attester, not stale.
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
		/// Every attestation about `subject` (bounded: per kind at most `MaxAttestersPerClaim`).
		fn attestations(subject: Subject<AccountId>) -> Vec<AttestationView<AccountId, Balance, BlockNumber>>;
		/// Whether `subject` is verified for `kind` by at least `k` distinct attesters now.
		fn is_verified(subject: Subject<AccountId>, kind: ClaimKindId, k: u32) -> bool;
		/// All claim kinds, by id.
		fn claim_kinds() -> Vec<(ClaimKindId, ClaimKind<BlockNumber>)>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// [`PassportApi::attestations`].
	pub fn attestations_of(
		subject: &crate::SubjectOf<T>,
	) -> Vec<AttestationView<T::AccountId, crate::BalanceOf<T>, BlockNumberFor<T>>> {
		crate::ClaimKinds::<T>::iter_keys()
			.flat_map(|kind| {
				crate::Attestations::<T>::iter_prefix((subject.clone(), kind)).map(
					move |(attester, a)| AttestationView {
						kind,
						stale: Self::is_stale(subject, &a),
						counts: Self::counts(subject, kind, &attester, &a),
						attester,
						attestation: a,
					},
				)
			})
			.collect()
	}

	/// [`PassportApi::claim_kinds`].
	pub fn claim_kinds_list() -> Vec<(ClaimKindId, ClaimKind<BlockNumberFor<T>>)> {
		crate::ClaimKinds::<T>::iter().collect()
	}
}
