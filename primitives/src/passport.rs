//! Co-op passports and attestations: the claim ids and subjects, and `PassportApi`
//! (`coop_passport`, `coop_attestations`, `coop_isVerified`, `coop_claimKinds`).
//! Only hashes of documents: no personal data.

use crate::{CoopId, Page};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use sp_core::H256;

/// Identifier of a claim kind.
pub type ClaimKindId = u16;

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

/// A co-op's passport.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct PassportView<BlockNumber> {
	/// The co-op.
	pub coop: CoopId,
	/// ISO 3166-1 alpha-2 country code, upper case (e.g. `ES`).
	pub jurisdiction: Vec<u8>,
	/// Legal form (UTF-8).
	pub legal_form: Vec<u8>,
	/// Hash of the registration number.
	pub registration_hash: H256,
	/// Hash of the passport's document bundle.
	pub documents_hash: H256,
	/// Bumped on every change; attestations record the version they attested.
	pub version: u32,
	/// Block of the last change.
	pub updated_at: BlockNumber,
}

/// A kind of claim attesters may make.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ClaimKindView<BlockNumber> {
	/// Its id.
	pub id: ClaimKindId,
	/// Its name (UTF-8).
	pub name: Vec<u8>,
	/// What it is about.
	pub subject: SubjectKind,
	/// The longest an attestation of this kind may stay valid, in blocks.
	pub max_validity: BlockNumber,
}

/// An attestation with what a relying party needs to judge it now.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
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
	/// stale, not self-attested.
	pub counts: bool,
}

sp_api::decl_runtime_apis! {
	/// Read access to passports and attestations.
	///
	/// Version 2: plain views, and cursor pages for attestations and claim kinds.
	#[api_version(2)]
	pub trait PassportApi<AccountId, Balance, BlockNumber>
	where
		AccountId: codec::Codec,
		Balance: codec::Codec,
		BlockNumber: codec::Codec,
	{
		/// A co-op's passport.
		fn passport(coop: CoopId) -> Option<PassportView<BlockNumber>>;
		/// Attestations about `subject`, by claim kind, after `(kind, attester)`
		/// `start_after`.
		fn attestations(
			subject: Subject<AccountId>,
			start_after: Option<(ClaimKindId, AccountId)>,
			limit: u32,
		) -> Page<AttestationView<AccountId, Balance, BlockNumber>, (ClaimKindId, AccountId)>;
		/// Whether `subject` is verified for `kind` by at least `k` distinct attesters
		/// now (attesters of one co-op count once).
		fn is_verified(subject: Subject<AccountId>, kind: ClaimKindId, k: u32) -> bool;
		/// Claim kinds after `start_after`.
		fn claim_kinds(
			start_after: Option<ClaimKindId>,
			limit: u32,
		) -> Page<ClaimKindView<BlockNumber>, ClaimKindId>;
	}
}
