//! Types stored by the passport pallet. Only hashes of documents: no personal data.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{traits::ConstU32, BoundedVec};
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of a claim kind.
pub type ClaimKindId = u16;
/// Short names (claim kinds, legal forms).
pub type ShortText = BoundedVec<u8, ConstU32<64>>;

/// Who a claim is about. In JSON: `{"coop": 3}` or `{"account": "5F…"}`.
#[derive(
	Clone,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum Subject<AccountId> {
	/// A co-op (its passport).
	Coop(CoopId),
	/// A member account.
	Account(AccountId),
}

impl<AccountId> Subject<AccountId> {
	/// Whether this is a co-op or an account.
	pub fn kind(&self) -> SubjectKind {
		match self {
			Subject::Coop(_) => SubjectKind::Coop,
			Subject::Account(_) => SubjectKind::Account,
		}
	}
}

/// Which subjects a claim kind applies to.
#[derive(
	Clone,
	Copy,
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
pub enum SubjectKind {
	/// Claims about a co-op (`Subject::Coop`), attesting its passport.
	Coop,
	/// Claims about a member account (`Subject::Account`).
	Account,
}

/// On whose behalf an accredited attester attests, fixed when it is accredited.
#[derive(
	Clone,
	Copy,
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
#[serde(rename_all = "camelCase")]
pub enum ActingFor {
	/// For this co-op (the attester was a member of it when accredited). Its
	/// attestations count only while it is still a member and the co-op is active.
	Coop(CoopId),
	/// As an external registrar, in no co-op when accredited.
	Registrar,
}

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

/// Whether an attestation still stands.
#[derive(
	Clone,
	Copy,
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
pub enum AttestationStatus {
	/// Stands until `valid_until`.
	Valid,
	/// Withdrawn by its attester, with a reason code.
	Revoked(u8),
}

/// One attester's attestation of one claim about one subject.
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
pub struct Attestation<Balance, BlockNumber> {
	/// Hash of the evidence, e.g. of the verifiable credential the member holds.
	pub evidence: H256,
	/// The passport version attested (co-op subjects; 0 for accounts). When the
	/// passport changes, the attestation is *stale* and stops counting until renewed.
	pub passport_version: u32,
	/// Block it was first issued at (kept when renewed).
	pub issued_at: BlockNumber,
	/// It counts at blocks strictly before this one: at block `n` iff `n < valid_until`.
	pub valid_until: BlockNumber,
	/// Valid or revoked.
	pub status: AttestationStatus,
	/// Deposit held from the attester until the record is removed.
	pub deposit: Balance,
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
