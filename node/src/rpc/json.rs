//! The JSON shape of everything `coop_*` returns, defined once, here.
//!
//! - balances and other u128 amounts: decimal strings (JSON numbers lose
//!   precision above 2^53 in JavaScript);
//! - hashes and commits: `0x` hex; accounts: SS58;
//! - names, URLs, tags and legal forms: UTF-8 strings;
//! - field names in camelCase; ids, counts and block numbers as numbers;
//! - lists: `{ "items": [...], "next": cursor | null }`.
//!
//! `docs/rpc.md` shows each one with an example from a real node.

use coop_primitives::{
	bounties::{
		BountyStatus, BountyView, ClaimView, Contributor, Funder, Ledger, Milestone, PayTo,
		SubmissionView,
	},
	governance::{DecisionView, Outcome, ProposalView, Tally},
	membership::{CoopStatus, CoopView, MemberView, Role},
	passport::{ActingFor, AttestationStatus, AttestationView, ClaimKindView, PassportView},
	AccountId, Balance, BlockNumber, Hash, Page,
};
use serde::Serialize;
use sp_core::H256;

/// A balance as a decimal string.
fn amount(value: Balance) -> String {
	value.to_string()
}

/// Bytes the chain holds as UTF-8 text (names, URLs, tags), as a string;
/// invalid UTF-8 (which the pallets do not check) shows replacement characters.
fn text(bytes: Vec<u8>) -> String {
	String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Bytes that are not text (a git commit), as `0x` hex.
fn hex(bytes: &[u8]) -> String {
	format!("0x{}", sp_core::hexdisplay::HexDisplay::from(&bytes))
}

/// A page of a list: the items and the cursor that resumes after them.
#[derive(Clone, Serialize)]
pub struct PageJson<T, C> {
	pub items: Vec<T>,
	/// Pass as `startAfter` for the next page; `null` on the last page.
	pub next: Option<C>,
}

impl<V, C> PageJson<V, C> {
	pub fn from_page<T>(page: Page<T, C>) -> Self
	where
		V: From<T>,
	{
		PageJson { items: page.items.into_iter().map(V::from).collect(), next: page.next }
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoopJson {
	pub id: u32,
	pub name: String,
	pub admins: Vec<AccountId>,
	pub status: CoopStatus,
	pub member_count: u32,
	pub applied_at: BlockNumber,
	pub joined_at: Option<BlockNumber>,
	pub metadata: H256,
	pub sovereign_account: AccountId,
	pub deposit: String,
}

impl From<CoopView<AccountId, Balance, BlockNumber>> for CoopJson {
	fn from(c: CoopView<AccountId, Balance, BlockNumber>) -> Self {
		CoopJson {
			id: c.id,
			name: text(c.name),
			admins: c.admins,
			status: c.status,
			member_count: c.member_count,
			applied_at: c.applied_at,
			joined_at: c.joined_at,
			metadata: c.metadata,
			sovereign_account: c.sovereign_account,
			deposit: amount(c.deposit),
		}
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemberJson {
	pub account: AccountId,
	pub coop: u32,
	pub role: Role,
	pub since: BlockNumber,
}

impl From<MemberView<AccountId, BlockNumber>> for MemberJson {
	fn from(m: MemberView<AccountId, BlockNumber>) -> Self {
		MemberJson { account: m.account, coop: m.coop, role: m.role, since: m.since }
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProposalJson {
	pub id: u32,
	pub track: u8,
	pub proposer: AccountId,
	pub coop: u32,
	pub action_hash: Hash,
	pub created: BlockNumber,
	pub deadline: BlockNumber,
	pub eligible_members: u32,
	pub eligible_coops: u32,
	pub members: Tally,
	pub coops: Tally,
	pub passing: bool,
}

impl From<ProposalView<AccountId, BlockNumber, Hash>> for ProposalJson {
	fn from(p: ProposalView<AccountId, BlockNumber, Hash>) -> Self {
		ProposalJson {
			id: p.id,
			track: p.track,
			proposer: p.proposer,
			coop: p.coop,
			action_hash: p.action_hash,
			created: p.created,
			deadline: p.deadline,
			eligible_members: p.eligible_members,
			eligible_coops: p.eligible_coops,
			members: p.members,
			coops: p.coops,
			passing: p.passing,
		}
	}
}

/// A reasoned block recorded in a decision.
#[derive(Clone, Serialize)]
pub struct BlockJson {
	pub who: AccountId,
	pub reason: H256,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionJson {
	pub id: u32,
	pub track: u8,
	pub proposer: AccountId,
	pub coop: u32,
	pub action_hash: Hash,
	pub members: Tally,
	pub coops: Tally,
	pub eligible_members: u32,
	pub eligible_coops: u32,
	/// Parts per billion of the eligible members that voted.
	pub member_turnout_ppb: u32,
	/// Parts per billion of the eligible co-ops with at least one vote.
	pub coop_turnout_ppb: u32,
	pub outcome: Outcome,
	pub created: BlockNumber,
	pub closed_at: BlockNumber,
	pub enact_at: Option<BlockNumber>,
	/// `null` (not approved, or waiting), `"ok"`, or the call's error.
	pub enactment: Option<String>,
	pub blocks: Vec<BlockJson>,
}

impl From<DecisionView<AccountId, BlockNumber, Hash>> for DecisionJson {
	fn from(d: DecisionView<AccountId, BlockNumber, Hash>) -> Self {
		DecisionJson {
			id: d.id,
			track: d.track,
			proposer: d.proposer,
			coop: d.coop,
			action_hash: d.action_hash,
			members: d.members,
			coops: d.coops,
			eligible_members: d.eligible_members,
			eligible_coops: d.eligible_coops,
			member_turnout_ppb: d.member_turnout.deconstruct(),
			coop_turnout_ppb: d.coop_turnout.deconstruct(),
			outcome: d.outcome,
			created: d.created,
			closed_at: d.closed_at,
			enact_at: d.enact_at,
			enactment: d.enactment.map(|r| match r {
				Ok(()) => "ok".to_string(),
				Err(e) => format!("{e:?}"),
			}),
			blocks: d.blocks.into_iter().map(|(who, reason)| BlockJson { who, reason }).collect(),
		}
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassportJson {
	pub coop: u32,
	pub jurisdiction: String,
	pub legal_form: String,
	pub registration_hash: H256,
	pub documents_hash: H256,
	pub version: u32,
	pub updated_at: BlockNumber,
}

impl From<PassportView<BlockNumber>> for PassportJson {
	fn from(p: PassportView<BlockNumber>) -> Self {
		PassportJson {
			coop: p.coop,
			jurisdiction: text(p.jurisdiction),
			legal_form: text(p.legal_form),
			registration_hash: p.registration_hash,
			documents_hash: p.documents_hash,
			version: p.version,
			updated_at: p.updated_at,
		}
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimKindJson {
	pub id: u16,
	pub name: String,
	pub subject: coop_primitives::passport::SubjectKind,
	pub max_validity: BlockNumber,
}

impl From<ClaimKindView<BlockNumber>> for ClaimKindJson {
	fn from(k: ClaimKindView<BlockNumber>) -> Self {
		ClaimKindJson {
			id: k.id,
			name: text(k.name),
			subject: k.subject,
			max_validity: k.max_validity,
		}
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AttestationJson {
	pub kind: u16,
	pub attester: AccountId,
	pub evidence: H256,
	pub passport_version: u32,
	pub issued_at: BlockNumber,
	pub valid_until: BlockNumber,
	pub status: AttestationStatus,
	pub deposit: String,
	pub acting_for: Option<ActingFor>,
	pub stale: bool,
	pub counts: bool,
}

impl From<AttestationView<AccountId, Balance, BlockNumber>> for AttestationJson {
	fn from(v: AttestationView<AccountId, Balance, BlockNumber>) -> Self {
		let a = v.attestation;
		AttestationJson {
			kind: v.kind,
			attester: v.attester,
			evidence: a.evidence,
			passport_version: a.passport_version,
			issued_at: a.issued_at,
			valid_until: a.valid_until,
			status: a.status,
			deposit: amount(a.deposit),
			acting_for: v.acting_for,
			stale: v.stale,
			counts: v.counts,
		}
	}
}

#[derive(Clone, Serialize)]
pub struct MilestoneJson {
	pub amount: String,
	pub description: H256,
}

impl From<Milestone<Balance>> for MilestoneJson {
	fn from(m: Milestone<Balance>) -> Self {
		MilestoneJson { amount: amount(m.amount), description: m.description }
	}
}

/// A reviewer of a claim, with their co-op.
#[derive(Clone, Serialize)]
pub struct ReviewerJson {
	pub who: AccountId,
	pub coop: u32,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimJson {
	pub claimant: AccountId,
	pub pay_to: PayTo,
	pub until: BlockNumber,
	pub deposit: String,
	pub contributors: Vec<Contributor<AccountId>>,
	pub reviewers: Vec<ReviewerJson>,
}

impl From<ClaimView<AccountId, Balance, BlockNumber>> for ClaimJson {
	fn from(c: ClaimView<AccountId, Balance, BlockNumber>) -> Self {
		ClaimJson {
			claimant: c.claimant,
			pay_to: c.pay_to,
			until: c.until,
			deposit: amount(c.deposit),
			contributors: c.contributors,
			reviewers: c
				.reviewers
				.into_iter()
				.map(|(who, coop)| ReviewerJson { who, coop })
				.collect(),
		}
	}
}

#[derive(Clone, Serialize)]
pub struct SubmissionJson {
	pub by: AccountId,
	pub milestone: Option<u32>,
	pub repo: String,
	pub commit: String,
	pub tag: Option<String>,
	pub at: BlockNumber,
}

impl From<SubmissionView<AccountId, BlockNumber>> for SubmissionJson {
	fn from(s: SubmissionView<AccountId, BlockNumber>) -> Self {
		SubmissionJson {
			by: s.by,
			milestone: s.milestone,
			repo: text(s.repo),
			commit: hex(&s.commit),
			tag: s.tag.map(text),
			at: s.at,
		}
	}
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BountyJson {
	pub id: u32,
	pub funder: Funder<AccountId>,
	pub creator: Option<AccountId>,
	pub spec_hash: H256,
	pub spec_url: String,
	pub reward: String,
	pub paid: String,
	pub milestones: Vec<MilestoneJson>,
	pub milestones_paid: u32,
	pub deposit: String,
	pub reviewers: Vec<AccountId>,
	pub approvals_needed: u32,
	pub approvals: Vec<AccountId>,
	pub rejections: Vec<AccountId>,
	pub claim_period: BlockNumber,
	pub hours: Option<u32>,
	pub status: BountyStatus,
	pub claimable_from: BlockNumber,
	pub claim: Option<ClaimJson>,
	pub submissions: Vec<SubmissionJson>,
}

impl From<BountyView<AccountId, Balance, BlockNumber>> for BountyJson {
	fn from(b: BountyView<AccountId, Balance, BlockNumber>) -> Self {
		BountyJson {
			id: b.id,
			funder: b.funder,
			creator: b.creator,
			spec_hash: b.spec_hash,
			spec_url: text(b.spec_url),
			reward: amount(b.reward),
			paid: amount(b.paid),
			milestones: b.milestones.into_iter().map(Into::into).collect(),
			milestones_paid: b.milestones_paid,
			deposit: amount(b.deposit),
			reviewers: b.reviewers,
			approvals_needed: b.approvals_needed,
			approvals: b.approvals,
			rejections: b.rejections,
			claim_period: b.claim_period,
			hours: b.hours,
			status: b.status,
			claimable_from: b.claimable_from,
			claim: b.claim.map(Into::into),
			submissions: b.submissions.into_iter().map(Into::into).collect(),
		}
	}
}

#[derive(Clone, Serialize)]
pub struct LedgerJson {
	pub delivered: u32,
	pub milestones: u32,
	pub earned: String,
	pub hours: u32,
	pub reviews: u32,
}

impl From<Ledger<Balance>> for LedgerJson {
	fn from(l: Ledger<Balance>) -> Self {
		LedgerJson {
			delivered: l.delivered,
			milestones: l.milestones,
			earned: amount(l.earned),
			hours: l.hours,
			reviews: l.reviews,
		}
	}
}

#[cfg(test)]
mod tests {
	#![allow(clippy::unwrap_used, clippy::indexing_slicing)]
	use super::*;
	use serde_json::json;

	#[test]
	fn amounts_above_2_pow_53_and_non_ascii_names_read_back_exactly() {
		let big: Balance = (1u128 << 53) + 1;
		let huge = u128::MAX;
		let account = AccountId::new([7; 32]);
		let coop = CoopJson::from(CoopView {
			id: 4,
			name: "Cooperativa Ñandú 協同組合 🐝".as_bytes().to_vec(),
			admins: vec![account.clone()],
			status: CoopStatus::Active,
			member_count: 2,
			applied_at: 1,
			joined_at: Some(2),
			metadata: H256::repeat_byte(0xab),
			sovereign_account: account.clone(),
			deposit: big,
		});
		let text = serde_json::to_string(&coop).unwrap();
		let back: serde_json::Value = serde_json::from_str(&text).unwrap();
		assert_eq!(back["name"], json!("Cooperativa Ñandú 協同組合 🐝"));
		assert_eq!(back["deposit"], json!("9007199254740993"));
		assert_eq!(back["deposit"].as_str().unwrap().parse::<u128>().unwrap(), big);
		assert_eq!(back["metadata"], json!(format!("0x{}", "ab".repeat(32))));
		assert_eq!(back["memberCount"], json!(2));
		assert_eq!(back["admins"][0], json!(account.to_string()));
		let ledger = serde_json::to_value(LedgerJson::from(Ledger {
			delivered: 1,
			milestones: 0,
			earned: huge,
			hours: 3,
			reviews: 0,
		}))
		.unwrap();
		assert_eq!(ledger["earned"].as_str().unwrap().parse::<u128>().unwrap(), huge);
	}

	#[test]
	fn commits_are_hex_and_pages_carry_their_cursor() {
		let s = SubmissionJson::from(SubmissionView {
			by: AccountId::new([1; 32]),
			milestone: None,
			repo: b"https://git.example/x".to_vec(),
			commit: [0x0f; 20],
			tag: Some(b"v1.0".to_vec()),
			at: 9,
		});
		let v = serde_json::to_value(s).unwrap();
		assert_eq!(v["commit"], json!(format!("0x{}", "0f".repeat(20))));
		assert_eq!(v["tag"], json!("v1.0"));
		let page: PageJson<LedgerJson, u32> = PageJson::from_page(Page {
			items: vec![Ledger { delivered: 0, milestones: 0, earned: 5, hours: 0, reviews: 0 }],
			next: Some(7),
		});
		let v = serde_json::to_value(page).unwrap();
		assert_eq!(
			v,
			json!({ "items": [{ "delivered": 0, "milestones": 0, "earned": "5", "hours": 0, "reviews": 0 }], "next": 7 })
		);
	}
}
