//! `coop_*` JSON-RPC methods over the CoopDAO runtime APIs, for wallets and explorers.

use std::sync::Arc;

use coop_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use pallet_coop_bounties::runtime_api::BountiesApi;
use pallet_coop_governance::runtime_api::GovernanceApi;
use pallet_coop_membership::runtime_api::{CoopView, MembershipApi};
use pallet_coop_passport::runtime_api::PassportApi;
use serde::Serialize;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;

/// The most items one paged call returns.
pub const MAX_PAGE: u32 = 100;

/// A co-op in JSON: names as text, accounts as SS58.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CoopJson {
	pub id: u32,
	pub name: String,
	pub admins: Vec<AccountId>,
	pub status: pallet_coop_membership::CoopStatus,
	pub member_count: u32,
	pub applied_at: BlockNumber,
	pub joined_at: Option<BlockNumber>,
	pub metadata: sp_core::H256,
	pub sovereign_account: AccountId,
	/// As a decimal string: JSON numbers cannot hold every u128.
	pub deposit: String,
}

impl From<CoopView<AccountId, Balance, BlockNumber>> for CoopJson {
	fn from(c: CoopView<AccountId, Balance, BlockNumber>) -> Self {
		CoopJson {
			id: c.id,
			name: String::from_utf8_lossy(&c.name).into_owned(),
			admins: c.admins,
			status: c.status,
			member_count: c.member_count,
			applied_at: c.applied_at,
			joined_at: c.joined_at,
			metadata: c.metadata,
			sovereign_account: c.sovereign_account,
			deposit: c.deposit.to_string(),
		}
	}
}

/// The membership of an account in JSON.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MembershipJson {
	pub account: AccountId,
	pub coop: u32,
	pub role: pallet_coop_membership::Role,
	pub since: BlockNumber,
}

type ProposalView = pallet_coop_governance::runtime_api::ProposalView<AccountId, BlockNumber, Hash>;
type Decision = pallet_coop_governance::Decision<AccountId, BlockNumber, Hash>;

/// A decision in JSON, with its proposal id and the reasoned blocks it recorded.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DecisionJson {
	pub id: u32,
	#[serde(flatten)]
	pub decision: Decision,
	/// Who blocked (consent tracks) and the hash of their written reason.
	pub blocks: Vec<BlockJson>,
}

/// A reasoned block recorded in a decision.
#[derive(Clone, Serialize)]
pub struct BlockJson {
	pub who: AccountId,
	pub reason: Hash,
}

type Subject = pallet_coop_passport::Subject<AccountId>;
type AttestationView =
	pallet_coop_passport::runtime_api::AttestationView<AccountId, Balance, BlockNumber>;

/// A passport in JSON: text fields as text.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PassportJson {
	pub jurisdiction: String,
	pub legal_form: String,
	pub registration_hash: sp_core::H256,
	pub documents_hash: sp_core::H256,
	pub version: u32,
	pub updated_at: BlockNumber,
}

/// A claim kind in JSON.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClaimKindJson {
	pub id: u16,
	pub name: String,
	pub subject: pallet_coop_passport::SubjectKind,
	pub max_validity: BlockNumber,
}

type BountyOf = pallet_coop_bounties::BountyOf<coop_runtime::Runtime>;
type ClaimOf = pallet_coop_bounties::ClaimOf<coop_runtime::Runtime>;
type BountyView = pallet_coop_bounties::runtime_api::BountyViewOf<coop_runtime::Runtime>;

/// A contribution ledger in JSON.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LedgerJson {
	pub delivered: u32,
	pub milestones: u32,
	/// As a decimal string: JSON numbers cannot hold every u128.
	pub earned: String,
	pub hours: u32,
	pub reviews: u32,
}

impl From<pallet_coop_bounties::Ledger<Balance>> for LedgerJson {
	fn from(l: pallet_coop_bounties::Ledger<Balance>) -> Self {
		LedgerJson {
			delivered: l.delivered,
			milestones: l.milestones,
			earned: l.earned.to_string(),
			hours: l.hours,
			reviews: l.reviews,
		}
	}
}

#[rpc(server, namespace = "coop")]
pub trait CoopApi<BlockHash> {
	/// The co-op with this id, whatever its status.
	#[method(name = "coop")]
	fn coop(&self, id: u32, at: Option<BlockHash>) -> RpcResult<Option<CoopJson>>;

	/// The co-op membership of an account.
	#[method(name = "coopOf")]
	fn coop_of(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Option<MembershipJson>>;

	/// Active co-ops with id >= `start`, at most `limit` (<= 100).
	#[method(name = "coops")]
	fn coops(&self, start: u32, limit: u32, at: Option<BlockHash>) -> RpcResult<Vec<CoopJson>>;

	/// Members of a co-op, at most `limit` (<= 100).
	#[method(name = "members")]
	fn members(&self, id: u32, limit: u32, at: Option<BlockHash>)
		-> RpcResult<Vec<MembershipJson>>;

	/// An open proposal with its live tallies.
	#[method(name = "proposal")]
	fn proposal(&self, id: u32, at: Option<BlockHash>) -> RpcResult<Option<ProposalView>>;

	/// Open proposals with id >= `start`, at most `limit` (<= 100).
	#[method(name = "proposals")]
	fn proposals(
		&self,
		start: u32,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<ProposalView>>;

	/// The decision record of a closed or cancelled proposal.
	#[method(name = "decision")]
	fn decision(&self, id: u32, at: Option<BlockHash>) -> RpcResult<Option<DecisionJson>>;

	/// A co-op's passport.
	#[method(name = "passport")]
	fn passport(&self, coop: u32, at: Option<BlockHash>) -> RpcResult<Option<PassportJson>>;

	/// Every attestation about a subject (`{"coop": id}` or `{"account": ss58}`), with
	/// whether it is stale and whether it counts now.
	#[method(name = "attestations")]
	fn attestations(
		&self,
		subject: Subject,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<AttestationView>>;

	/// Whether `subject` is verified for claim `kind` by at least `k` distinct
	/// attesters now.
	#[method(name = "isVerified")]
	fn is_verified(
		&self,
		subject: Subject,
		kind: u16,
		k: u32,
		at: Option<BlockHash>,
	) -> RpcResult<bool>;

	/// The claim kinds, by id.
	#[method(name = "claimKinds")]
	fn claim_kinds(&self, at: Option<BlockHash>) -> RpcResult<Vec<ClaimKindJson>>;

	/// A bounty with its claim (contributors and shares) and submissions.
	#[method(name = "bounty")]
	fn bounty(&self, id: u32, at: Option<BlockHash>) -> RpcResult<Option<BountyView>>;

	/// Bounties with id >= `start`, at most `limit` (<= 100); only those in `status`
	/// (`"Open"`, `"Claimed"`, `"Submitted"`, `"Paid"`, `"Cancelled"`) unless null.
	#[method(name = "bounties")]
	fn bounties(
		&self,
		status: Option<pallet_coop_bounties::BountyStatus>,
		start: u32,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<BountyView>>;

	/// An account's contribution ledger (amounts as decimal strings).
	#[method(name = "contributions")]
	fn contributions(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<LedgerJson>;

	/// A co-op's contribution ledger (amounts as decimal strings).
	#[method(name = "coopContributions")]
	fn coop_contributions(&self, coop: u32, at: Option<BlockHash>) -> RpcResult<LedgerJson>;

	/// Decisions with id >= `start`, at most `limit` (<= 100).
	#[method(name = "decisions")]
	fn decisions(
		&self,
		start: u32,
		limit: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<DecisionJson>>;
}

/// Serves the `coop_*` methods from a client.
pub struct Coop<C> {
	client: Arc<C>,
}

impl<C> Coop<C> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(1, format!("runtime API call failed: {e}"), None::<()>)
}

fn page(limit: u32) -> u32 {
	limit.min(MAX_PAGE)
}

impl<C: HeaderBackend<Block>> Coop<C> {
	fn at(&self, at: Option<Hash>) -> Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> Coop<C>
where
	C: ProvideRuntimeApi<Block>,
	C::Api: GovernanceApi<Block, AccountId, BlockNumber, Hash>,
{
	/// A decision with its recorded blocks (none on runtimes before GovernanceApi v2).
	fn decision_json(&self, at: Hash, id: u32, decision: Decision) -> RpcResult<DecisionJson> {
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn GovernanceApi<Block, AccountId, BlockNumber, Hash>>(at)
			.map_err(runtime_error)?
			.unwrap_or(1);
		let blocks = if version >= 2 {
			api.block_reasons(at, id).map_err(runtime_error)?
		} else {
			Vec::new()
		};
		let blocks = blocks.into_iter().map(|(who, reason)| BlockJson { who, reason }).collect();
		Ok(DecisionJson { id, decision, blocks })
	}
}

fn membership_json(
	account: AccountId,
	m: pallet_coop_membership::runtime_api::MembershipView<BlockNumber>,
) -> MembershipJson {
	MembershipJson { account, coop: m.coop, role: m.role, since: m.since }
}

impl<C> CoopApiServer<Hash> for Coop<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: MembershipApi<Block, AccountId, Balance, BlockNumber>
		+ GovernanceApi<Block, AccountId, BlockNumber, Hash>
		+ PassportApi<Block, AccountId, Balance, BlockNumber>
		+ BountiesApi<Block, BountyOf, ClaimOf, AccountId, Balance, BlockNumber>,
{
	fn bounty(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<BountyView>> {
		self.client.runtime_api().bounty(self.at(at), id).map_err(runtime_error)
	}

	fn bounties(
		&self,
		status: Option<pallet_coop_bounties::BountyStatus>,
		start: u32,
		limit: u32,
		at: Option<Hash>,
	) -> RpcResult<Vec<BountyView>> {
		let api = self.client.runtime_api();
		api.bounties(self.at(at), status, start, page(limit)).map_err(runtime_error)
	}

	fn contributions(&self, who: AccountId, at: Option<Hash>) -> RpcResult<LedgerJson> {
		let l = self.client.runtime_api().contributions(self.at(at), who).map_err(runtime_error)?;
		Ok(l.into())
	}

	fn coop_contributions(&self, coop: u32, at: Option<Hash>) -> RpcResult<LedgerJson> {
		let api = self.client.runtime_api();
		Ok(api.coop_contributions(self.at(at), coop).map_err(runtime_error)?.into())
	}

	fn passport(&self, coop: u32, at: Option<Hash>) -> RpcResult<Option<PassportJson>> {
		let p = self.client.runtime_api().passport(self.at(at), coop).map_err(runtime_error)?;
		Ok(p.map(|p| PassportJson {
			jurisdiction: String::from_utf8_lossy(&p.jurisdiction).into_owned(),
			legal_form: String::from_utf8_lossy(&p.legal_form).into_owned(),
			registration_hash: p.registration_hash,
			documents_hash: p.documents_hash,
			version: p.version,
			updated_at: p.updated_at,
		}))
	}

	fn attestations(&self, subject: Subject, at: Option<Hash>) -> RpcResult<Vec<AttestationView>> {
		self.client.runtime_api().attestations(self.at(at), subject).map_err(runtime_error)
	}

	fn is_verified(
		&self,
		subject: Subject,
		kind: u16,
		k: u32,
		at: Option<Hash>,
	) -> RpcResult<bool> {
		let api = self.client.runtime_api();
		api.is_verified(self.at(at), subject, kind, k).map_err(runtime_error)
	}

	fn claim_kinds(&self, at: Option<Hash>) -> RpcResult<Vec<ClaimKindJson>> {
		let kinds = self.client.runtime_api().claim_kinds(self.at(at)).map_err(runtime_error)?;
		Ok(kinds
			.into_iter()
			.map(|(id, k)| ClaimKindJson {
				id,
				name: String::from_utf8_lossy(&k.name).into_owned(),
				subject: k.subject,
				max_validity: k.max_validity,
			})
			.collect())
	}

	fn coop(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<CoopJson>> {
		let coop = self.client.runtime_api().coop(self.at(at), id).map_err(runtime_error)?;
		Ok(coop.map(Into::into))
	}

	fn coop_of(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Option<MembershipJson>> {
		let m =
			self.client.runtime_api().coop_of(self.at(at), who.clone()).map_err(runtime_error)?;
		Ok(m.map(|m| membership_json(who, m)))
	}

	fn coops(&self, start: u32, limit: u32, at: Option<Hash>) -> RpcResult<Vec<CoopJson>> {
		let api = self.client.runtime_api();
		let coops = api.coops(self.at(at), start, page(limit)).map_err(runtime_error)?;
		Ok(coops.into_iter().map(Into::into).collect())
	}

	fn members(&self, id: u32, limit: u32, at: Option<Hash>) -> RpcResult<Vec<MembershipJson>> {
		let api = self.client.runtime_api();
		let members = api.members(self.at(at), id, page(limit)).map_err(runtime_error)?;
		Ok(members.into_iter().map(|(account, m)| membership_json(account, m)).collect())
	}

	fn proposal(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<ProposalView>> {
		self.client.runtime_api().proposal(self.at(at), id).map_err(runtime_error)
	}

	fn proposals(&self, start: u32, limit: u32, at: Option<Hash>) -> RpcResult<Vec<ProposalView>> {
		let api = self.client.runtime_api();
		api.proposals(self.at(at), start, page(limit)).map_err(runtime_error)
	}

	fn decision(&self, id: u32, at: Option<Hash>) -> RpcResult<Option<DecisionJson>> {
		let at = self.at(at);
		let d = self.client.runtime_api().decision(at, id).map_err(runtime_error)?;
		d.map(|decision| self.decision_json(at, id, decision)).transpose()
	}

	fn decisions(&self, start: u32, limit: u32, at: Option<Hash>) -> RpcResult<Vec<DecisionJson>> {
		let at = self.at(at);
		let ds =
			self.client.runtime_api().decisions(at, start, page(limit)).map_err(runtime_error)?;
		ds.into_iter().map(|(id, decision)| self.decision_json(at, id, decision)).collect()
	}
}
