//! `coop_*` JSON-RPC methods over CoopDAO's runtime APIs, for wallets and explorers.
//!
//! Every method reads through a runtime API declared in `coop-primitives` and
//! answers at block `at` (the best block if omitted; past blocks need an archive
//! node, `--state-pruning archive`). Lists take a cursor (`startAfter`, the `next`
//! of the previous page) and a `limit` (at most 100) and return
//! `{ "items": [...], "next": ... }`. The JSON shapes are in [`super::json`].
//! The methods run the runtime, so they are `blocking`: jsonrpsee runs them on a
//! blocking thread, off the server's async workers.

use std::sync::Arc;

use super::json::{
	AttestationJson, BountyJson, ClaimKindJson, CoopJson, DecisionJson, LedgerJson, MemberJson,
	PageJson, PassportJson, ProposalJson,
};
use coop_primitives::{
	bounties::{BountiesApi, BountyId, BountyStatus},
	governance::{GovernanceApi, ProposalId},
	membership::{CoopId, CoopStatus, MembershipApi},
	passport::{ClaimKindId, PassportApi, Subject},
	AccountId, Balance, BlockNumber, Hash, MAX_PAGE,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{ErrorObject, ErrorObjectOwned},
};
use sp_api::{ApiExt, ProvideRuntimeApi, RuntimeApiInfo};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// Where a page of attestations resumes: `[kind, attester]`.
pub type AttestationCursor = (ClaimKindId, AccountId);

#[rpc(server, namespace = "coop")]
pub trait CoopApi<BlockHash> {
	/// The co-op with this id, whatever its status.
	#[method(name = "coop", blocking)]
	fn coop(&self, id: CoopId, at: Option<BlockHash>) -> RpcResult<Option<CoopJson>>;

	/// The membership of an account.
	#[method(name = "coopOf", blocking)]
	fn coop_of(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<Option<MemberJson>>;

	/// Co-ops in `status` (`"Applicant"`, `"Active"`, `"Suspended"`, `"Exited"`; all if
	/// null), a page after co-op `startAfter`.
	#[method(name = "coops", blocking)]
	fn coops(
		&self,
		status: Option<CoopStatus>,
		start_after: Option<CoopId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<CoopJson, CoopId>>;

	/// Members of co-op `coop`, a page after member `startAfter`.
	#[method(name = "members", blocking)]
	fn members(
		&self,
		coop: CoopId,
		start_after: Option<AccountId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<MemberJson, AccountId>>;

	/// An open proposal with its live tallies.
	#[method(name = "proposal", blocking)]
	fn proposal(&self, id: ProposalId, at: Option<BlockHash>) -> RpcResult<Option<ProposalJson>>;

	/// Open proposals, a page after proposal `startAfter`.
	#[method(name = "proposals", blocking)]
	fn proposals(
		&self,
		start_after: Option<ProposalId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<ProposalJson, ProposalId>>;

	/// The decision record of a closed or cancelled proposal.
	#[method(name = "decision", blocking)]
	fn decision(&self, id: ProposalId, at: Option<BlockHash>) -> RpcResult<Option<DecisionJson>>;

	/// The decision register, a page after proposal `startAfter`.
	#[method(name = "decisions", blocking)]
	fn decisions(
		&self,
		start_after: Option<ProposalId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<DecisionJson, ProposalId>>;

	/// A co-op's passport.
	#[method(name = "passport", blocking)]
	fn passport(&self, coop: CoopId, at: Option<BlockHash>) -> RpcResult<Option<PassportJson>>;

	/// Attestations about a subject (`{"coop": id}` or `{"account": ss58}`), with
	/// whether each is stale and whether it counts now; a page after `startAfter`
	/// (`[kind, attester]`).
	#[method(name = "attestations", blocking)]
	fn attestations(
		&self,
		subject: Subject<AccountId>,
		start_after: Option<AttestationCursor>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<AttestationJson, AttestationCursor>>;

	/// Whether `subject` is verified for claim `kind` by at least `k` distinct
	/// attesters now.
	#[method(name = "isVerified", blocking)]
	fn is_verified(
		&self,
		subject: Subject<AccountId>,
		kind: ClaimKindId,
		k: u32,
		at: Option<BlockHash>,
	) -> RpcResult<bool>;

	/// Claim kinds, a page after kind `startAfter`.
	#[method(name = "claimKinds", blocking)]
	fn claim_kinds(
		&self,
		start_after: Option<ClaimKindId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<ClaimKindJson, ClaimKindId>>;

	/// A bounty with its claim (contributors and shares) and submissions.
	#[method(name = "bounty", blocking)]
	fn bounty(&self, id: BountyId, at: Option<BlockHash>) -> RpcResult<Option<BountyJson>>;

	/// Bounties in `status` (`"Proposed"`, `"Open"`, `"Claimed"`, `"Submitted"`,
	/// `"Paid"`, `"Cancelled"`; all if null), a page after bounty `startAfter`.
	#[method(name = "bounties", blocking)]
	fn bounties(
		&self,
		status: Option<BountyStatus>,
		start_after: Option<BountyId>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<PageJson<BountyJson, BountyId>>;

	/// An account's contribution ledger.
	#[method(name = "contributions", blocking)]
	fn contributions(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<LedgerJson>;

	/// A co-op's contribution ledger.
	#[method(name = "coopContributions", blocking)]
	fn coop_contributions(&self, coop: CoopId, at: Option<BlockHash>) -> RpcResult<LedgerJson>;
}

/// Serves the `coop_*` methods from a client.
pub struct Coop<C, B> {
	client: Arc<C>,
	_block: std::marker::PhantomData<B>,
}

impl<C, B> Coop<C, B> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(1, format!("runtime API call failed: {e}"), None::<()>)
}

fn limit(limit: Option<u32>) -> u32 {
	limit.unwrap_or(MAX_PAGE).min(MAX_PAGE)
}

impl<C, B> Coop<C, B>
where
	B: BlockT<Hash = Hash>,
	C: ProvideRuntimeApi<B> + HeaderBackend<B>,
{
	/// The block to read at, once its runtime is known to serve `Api` at the version
	/// this node speaks (blocks from before a runtime upgrade may not).
	fn at<Api: RuntimeApiInfo + ?Sized>(&self, at: Option<Hash>) -> RpcResult<Hash> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let version = self.client.runtime_api().api_version::<Api>(at).map_err(runtime_error)?;
		match version {
			Some(v) if v >= Api::VERSION => Ok(at),
			found => Err(ErrorObject::owned(
				2,
				format!(
					"the runtime at block {at} serves {} version {}, this node needs version {}: \
					 ask about a block after the runtime upgrade",
					std::any::type_name::<Api>(),
					found.map_or("none".to_string(), |v| v.to_string()),
					Api::VERSION,
				),
				None::<()>,
			)),
		}
	}
}

type Membership<B> = dyn MembershipApi<B, AccountId, Balance, BlockNumber>;
type Governance<B> = dyn GovernanceApi<B, AccountId, BlockNumber, Hash>;
type Passport<B> = dyn PassportApi<B, AccountId, Balance, BlockNumber>;
type Bounties<B> = dyn BountiesApi<B, AccountId, Balance, BlockNumber>;

impl<C, B> CoopApiServer<Hash> for Coop<C, B>
where
	B: BlockT<Hash = Hash>,
	C: ProvideRuntimeApi<B> + HeaderBackend<B> + Send + Sync + 'static,
	C::Api: MembershipApi<B, AccountId, Balance, BlockNumber>
		+ GovernanceApi<B, AccountId, BlockNumber, Hash>
		+ PassportApi<B, AccountId, Balance, BlockNumber>
		+ BountiesApi<B, AccountId, Balance, BlockNumber>,
{
	fn coop(&self, id: CoopId, at: Option<Hash>) -> RpcResult<Option<CoopJson>> {
		let at = self.at::<Membership<B>>(at)?;
		let coop = self.client.runtime_api().coop(at, id).map_err(runtime_error)?;
		Ok(coop.map(Into::into))
	}

	fn coop_of(&self, who: AccountId, at: Option<Hash>) -> RpcResult<Option<MemberJson>> {
		let at = self.at::<Membership<B>>(at)?;
		let member = self.client.runtime_api().coop_of(at, who).map_err(runtime_error)?;
		Ok(member.map(Into::into))
	}

	fn coops(
		&self,
		status: Option<CoopStatus>,
		start_after: Option<CoopId>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<CoopJson, CoopId>> {
		let at = self.at::<Membership<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.coops(at, status, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn members(
		&self,
		coop: CoopId,
		start_after: Option<AccountId>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<MemberJson, AccountId>> {
		let at = self.at::<Membership<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.members(at, coop, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn proposal(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<ProposalJson>> {
		let at = self.at::<Governance<B>>(at)?;
		let proposal = self.client.runtime_api().proposal(at, id).map_err(runtime_error)?;
		Ok(proposal.map(Into::into))
	}

	fn proposals(
		&self,
		start_after: Option<ProposalId>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<ProposalJson, ProposalId>> {
		let at = self.at::<Governance<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.proposals(at, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn decision(&self, id: ProposalId, at: Option<Hash>) -> RpcResult<Option<DecisionJson>> {
		let at = self.at::<Governance<B>>(at)?;
		let decision = self.client.runtime_api().decision(at, id).map_err(runtime_error)?;
		Ok(decision.map(Into::into))
	}

	fn decisions(
		&self,
		start_after: Option<ProposalId>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<DecisionJson, ProposalId>> {
		let at = self.at::<Governance<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.decisions(at, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn passport(&self, coop: CoopId, at: Option<Hash>) -> RpcResult<Option<PassportJson>> {
		let at = self.at::<Passport<B>>(at)?;
		let passport = self.client.runtime_api().passport(at, coop).map_err(runtime_error)?;
		Ok(passport.map(Into::into))
	}

	fn attestations(
		&self,
		subject: Subject<AccountId>,
		start_after: Option<AttestationCursor>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<AttestationJson, AttestationCursor>> {
		let at = self.at::<Passport<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.attestations(at, subject, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn is_verified(
		&self,
		subject: Subject<AccountId>,
		kind: ClaimKindId,
		k: u32,
		at: Option<Hash>,
	) -> RpcResult<bool> {
		let at = self.at::<Passport<B>>(at)?;
		self.client.runtime_api().is_verified(at, subject, kind, k).map_err(runtime_error)
	}

	fn claim_kinds(
		&self,
		start_after: Option<ClaimKindId>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<ClaimKindJson, ClaimKindId>> {
		let at = self.at::<Passport<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.claim_kinds(at, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn bounty(&self, id: BountyId, at: Option<Hash>) -> RpcResult<Option<BountyJson>> {
		let at = self.at::<Bounties<B>>(at)?;
		let bounty = self.client.runtime_api().bounty(at, id).map_err(runtime_error)?;
		Ok(bounty.map(Into::into))
	}

	fn bounties(
		&self,
		status: Option<BountyStatus>,
		start_after: Option<BountyId>,
		n: Option<u32>,
		at: Option<Hash>,
	) -> RpcResult<PageJson<BountyJson, BountyId>> {
		let at = self.at::<Bounties<B>>(at)?;
		let api = self.client.runtime_api();
		let page = api.bounties(at, status, start_after, limit(n)).map_err(runtime_error)?;
		Ok(PageJson::from_page(page))
	}

	fn contributions(&self, who: AccountId, at: Option<Hash>) -> RpcResult<LedgerJson> {
		let at = self.at::<Bounties<B>>(at)?;
		let ledger = self.client.runtime_api().contributions(at, who).map_err(runtime_error)?;
		Ok(ledger.into())
	}

	fn coop_contributions(&self, coop: CoopId, at: Option<Hash>) -> RpcResult<LedgerJson> {
		let at = self.at::<Bounties<B>>(at)?;
		let api = self.client.runtime_api();
		Ok(api.coop_contributions(at, coop).map_err(runtime_error)?.into())
	}
}
