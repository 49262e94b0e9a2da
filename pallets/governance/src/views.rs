//! What [`coop_primitives::governance::GovernanceApi`] returns, read from storage.
//! `Proposals` holds open proposals only and `Decisions` closed ones, so each is
//! its own index: a page costs reads for its own items only.

use crate::{BlockReasons, Config, DecisionOf, Decisions, Pallet, Proposals};
use coop_primitives::{
	governance::{DecisionView, ProposalId, ProposalView},
	Page,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// An open proposal as the runtime API shows it.
pub type ProposalViewOf<T> = ProposalView<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;
/// A decision as the runtime API shows it.
pub type DecisionViewOf<T> = DecisionView<
	<T as frame_system::Config>::AccountId,
	BlockNumberFor<T>,
	<T as frame_system::Config>::Hash,
>;

impl<T: Config> Pallet<T> {
	/// `GovernanceApi::proposal`.
	pub fn proposal_view(id: ProposalId) -> Option<ProposalViewOf<T>> {
		let p = Proposals::<T>::get(id)?;
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

	/// `GovernanceApi::proposals`.
	pub fn proposals_page(
		start_after: Option<ProposalId>,
		limit: u32,
	) -> Page<ProposalViewOf<T>, ProposalId> {
		let ids = match start_after {
			Some(id) => Proposals::<T>::iter_keys_from(Proposals::<T>::hashed_key_for(id)),
			None => Proposals::<T>::iter_keys(),
		};
		Page::collect(ids, limit, |id| (id, Self::proposal_view(id))).flatten()
	}

	/// `GovernanceApi::decision`.
	pub fn decision_view(id: ProposalId) -> Option<DecisionViewOf<T>> {
		Decisions::<T>::get(id).map(|d| Self::view_decision(id, d))
	}

	/// `GovernanceApi::decisions`.
	pub fn decisions_page(
		start_after: Option<ProposalId>,
		limit: u32,
	) -> Page<DecisionViewOf<T>, ProposalId> {
		let decisions = match start_after {
			Some(id) => Decisions::<T>::iter_from(Decisions::<T>::hashed_key_for(id)),
			None => Decisions::<T>::iter(),
		};
		Page::collect(decisions, limit, |(id, d)| (id, Self::view_decision(id, d)))
	}

	fn view_decision(id: ProposalId, d: DecisionOf<T>) -> DecisionViewOf<T> {
		DecisionView {
			id,
			track: d.track,
			proposer: d.proposer,
			coop: d.coop,
			action_hash: d.action_hash,
			members: d.members,
			coops: d.coops,
			eligible_members: d.eligible_members,
			eligible_coops: d.eligible_coops,
			member_turnout: d.member_turnout,
			coop_turnout: d.coop_turnout,
			outcome: d.outcome,
			created: d.created,
			closed_at: d.closed_at,
			enact_at: d.enact_at,
			enactment: d.enactment,
			blocks: BlockReasons::<T>::iter_prefix(id).collect(),
		}
	}
}
