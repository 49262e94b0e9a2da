//! Types stored by the passport pallet. Only hashes of documents: no personal data.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use scale_info::TypeInfo;
use sp_core::H256;

pub use coop_primitives::passport::{
	ActingFor, Attestation, AttestationStatus, ClaimKindId, Subject, SubjectKind,
};

/// Short names (claim kinds, legal forms).
pub type ShortText = BoundedVec<u8, ConstU32<64>>;

/// A kind of claim attesters may make, e.g. `LegalEntity` or `MemberKyc`.
#[derive(
	Clone,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ClaimKind<BlockNumber> {
	/// Its name.
	pub name: ShortText,
	/// What it is about.
	pub subject: SubjectKind,
	/// The longest an attestation of this kind may stay valid, in blocks.
	pub max_validity: BlockNumber,
}

/// A co-op's passport: public facts and hashes of documents kept off chain.
#[derive(
	Clone,
	Encode,
	Decode,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Passport<BlockNumber> {
	/// ISO 3166-1 alpha-2 country code, upper case (e.g. `ES`).
	pub jurisdiction: [u8; 2],
	/// Legal form, e.g. `Cooperativa de trabajo asociado`.
	pub legal_form: ShortText,
	/// Hash of the registration number.
	pub registration_hash: H256,
	/// Hash of the passport's document bundle.
	pub documents_hash: H256,
	/// Bumped on every change; attestations record the version they attested.
	pub version: u32,
	/// Block of the last change.
	pub updated_at: BlockNumber,
}

/// Claims a subject must hold, each from at least `min_attesters` distinct attesters
/// (see [`crate::Pallet::is_verified`]). No kinds: nothing is required.
#[derive(
	Clone,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Policy {
	/// The claim kinds required (no duplicates, all about the same kind of subject).
	pub kinds: BoundedVec<ClaimKindId, ConstU32<8>>,
	/// Distinct valid attesters needed per kind: from 1 to `MaxAttestersPerClaim`
	/// when `kinds` is not empty.
	pub min_attesters: u32,
}
