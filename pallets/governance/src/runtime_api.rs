//! Runtime API for wallets and explorers (served over RPC as `coop_proposal`,
//! `coop_proposals`, `coop_decision`, `coop_decisions`).

use crate::types::{Decision, Outcome, ProposalId, Tally, TrackId};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_system::pallet_prelude::BlockNumberFor;
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;

/// An open proposal as shown to wallets and explorers.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
#[cfg_attr(feature = "std", derive(serde::Serialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ProposalView<AccountId, BlockNumber, Hash> {
	pub id: ProposalId,
	pub track: TrackId,
	pub proposer: AccountId,
	pub coop: CoopId,
	pub action_hash: Hash,
	pub created: BlockNumber,
	pub deadline: BlockNumber,
	pub eligible_members: u32,
	pub eligible_coops: u32,
	pub members: Tally,
	pub coops: Tally,
	/// Whether it would pass if it closed at its deadline with these votes.
	pub passing: bool,
}

sp_api::decl_runtime_apis! {
	/// Read access to proposals, tallies and the decision register.
	/// Version 2 added `block_reasons`.
	#[api_version(2)]
	pub trait GovernanceApi<AccountId, BlockNumber, Hash>
	where
		AccountId: codec::Codec,
		BlockNumber: codec::Codec,
		Hash: codec::Codec,
	{
		/// The open proposal with this id.
		fn proposal(id: ProposalId) -> Option<ProposalView<AccountId, BlockNumber, Hash>>;
		/// Open proposals with id `>= start`, at most `limit`, by id.
		fn proposals(start: ProposalId, limit: u32) -> Vec<ProposalView<AccountId, BlockNumber, Hash>>;
		/// The decision record of a closed or cancelled proposal.
		fn decision(id: ProposalId) -> Option<Decision<AccountId, BlockNumber, Hash>>;
		/// Decisions with id `>= start`, at most `limit`, by id.
		fn decisions(start: ProposalId, limit: u32) -> Vec<(ProposalId, Decision<AccountId, BlockNumber, Hash>)>;
		/// Who blocked proposal `id` (on a consent track) and the hash of each reason.
		#[api_version(2)]
		fn block_reasons(id: ProposalId) -> Vec<(AccountId, sp_core::H256)>;
	}
}

impl<T: crate::Config> crate::Pallet<T> {
	/// [`GovernanceApi::proposal`].
	pub fn proposal_view(
		id: ProposalId,
	) -> Option<ProposalView<T::AccountId, BlockNumberFor<T>, T::Hash>> {
		let p = crate::Proposals::<T>::get(id)?;
		let tallies = Self::tallies(id);
		let passing = Self::approved(&p, &tallies);
		Some(ProposalView {
			id,
			track: p.track,
			proposer: p.proposer,
			coop: p.coop,
			action_hash: p.action_hash,
			created: p.created,
			deadline: p.deadline,
			eligible_members: p.eligible_members,
			eligible_coops: p.eligible_coops,
			members: tallies.members,
			coops: tallies.coops,
			passing,
		})
	}

	/// [`GovernanceApi::proposals`]: scans ids from `start`, bounded by `NextProposalId`.
	pub fn proposals_page(
		start: ProposalId,
		limit: u32,
	) -> Vec<ProposalView<T::AccountId, BlockNumberFor<T>, T::Hash>> {
		(start..crate::NextProposalId::<T>::get())
			.filter_map(Self::proposal_view)
			.take(limit as usize)
			.collect()
	}

	/// [`GovernanceApi::decisions`].
	pub fn decisions_page(
		start: ProposalId,
		limit: u32,
	) -> Vec<(ProposalId, crate::DecisionOf<T>)> {
		(start..crate::NextProposalId::<T>::get())
			.filter_map(|id| crate::Decisions::<T>::get(id).map(|d| (id, d)))
			.take(limit as usize)
			.collect()
	}

	/// [`GovernanceApi::block_reasons`].
	pub fn block_reasons_of(id: ProposalId) -> Vec<(T::AccountId, sp_core::H256)> {
		crate::BlockReasons::<T>::get(id).map(|r| r.into_inner()).unwrap_or_default()
	}

	/// Whether a decision approved its proposal (for explorers' summaries).
	pub fn was_approved(id: ProposalId) -> bool {
		crate::Decisions::<T>::get(id).is_some_and(|d| d.outcome == Outcome::Approved)
	}
}
