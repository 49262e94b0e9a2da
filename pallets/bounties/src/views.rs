//! What [`coop_primitives::bounties::BountiesApi`] returns, read from storage.
//! Lists by status go through `BountiesByStatus`, so a page costs reads for its
//! own items only.

use crate::{
	BalanceOf, Bounties, BountiesByStatus, BountyOf, ClaimOf, Claims, Config, Pallet, Submissions,
};
use coop_primitives::{
	bounties::{BountyId, BountyStatus, BountyView, ClaimView, SubmissionView},
	Page,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// A bounty as the runtime API shows it.
pub type BountyViewOf<T> =
	BountyView<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// `BountiesApi::bounty`.
	pub fn bounty_view(id: BountyId) -> Option<BountyViewOf<T>> {
		Bounties::<T>::get(id).map(|bounty| Self::view(id, bounty))
	}

	/// `BountiesApi::bounties`.
	pub fn bounties_page(
		status: Option<BountyStatus>,
		start_after: Option<BountyId>,
		limit: u32,
	) -> Page<BountyViewOf<T>, BountyId> {
		let view = |id: BountyId| (id, Self::bounty_view(id));
		let page = match status {
			Some(status) => {
				let ids = match start_after {
					Some(id) => BountiesByStatus::<T>::iter_key_prefix_from(
						status,
						BountiesByStatus::<T>::hashed_key_for(status, id),
					),
					None => BountiesByStatus::<T>::iter_key_prefix(status),
				};
				Page::collect(ids, limit, view)
			}
			None => {
				let ids = match start_after {
					Some(id) => Bounties::<T>::iter_keys_from(Bounties::<T>::hashed_key_for(id)),
					None => Bounties::<T>::iter_keys(),
				};
				Page::collect(ids, limit, view)
			}
		};
		page.flatten()
	}

	fn view(id: BountyId, b: BountyOf<T>) -> BountyViewOf<T> {
		BountyView {
			id,
			funder: b.funder,
			creator: b.creator,
			spec_hash: b.spec_hash,
			spec_url: b.spec_url.into_inner(),
			reward: b.reward,
			paid: b.paid,
			milestones: b.milestones.into_inner(),
			milestones_paid: b.milestones_paid,
			deposit: b.deposit,
			reviewers: b.reviewers.into_inner(),
			approvals_needed: b.approvals_needed,
			approvals: b.approvals.into_inner(),
			rejections: b.rejections.into_inner(),
			claim_period: b.claim_period,
			hours: b.hours,
			status: b.status,
			claimable_from: b.claimable_from,
			claim: Claims::<T>::get(id).map(Self::claim_view),
			submissions: Submissions::<T>::get(id)
				.into_iter()
				.map(|s| SubmissionView {
					by: s.by,
					milestone: s.milestone,
					repo: s.repo.into_inner(),
					commit: s.commit,
					tag: s.tag.map(|t| t.into_inner()),
					at: s.at,
				})
				.collect(),
		}
	}

	fn claim_view(c: ClaimOf<T>) -> ClaimView<T::AccountId, BalanceOf<T>, BlockNumberFor<T>> {
		ClaimView {
			claimant: c.claimant,
			pay_to: c.pay_to,
			until: c.until,
			deposit: c.deposit,
			contributors: c.contributors.into_inner(),
			reviewers: c.reviewers.into_inner(),
		}
	}
}
