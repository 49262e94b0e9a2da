//! Checks of a bounty's terms and a claim's shares and reviewers: who may review
//! (people outside the beneficiaries' co-ops), milestones, shares.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks reviewers: at most `MaxReviewers`, distinct, each an active member of a
	/// co-op, no two in one co-op, none in `funding_coop`; `1 <= k <= n`.
	pub(crate) fn check_reviewers(
		reviewers: BoundedVec<T::AccountId, T::MaxReviewers>,
		k: u32,
		funding_coop: Option<CoopId>,
	) -> Result<BoundedVec<T::AccountId, T::MaxReviewers>, DispatchError> {
		ensure!(all_distinct(reviewers.iter()), Error::<T>::BadReviewers);
		ensure!(k >= 1 && (k as usize) <= reviewers.len(), Error::<T>::BadApprovals);
		let mut coops = Vec::with_capacity(reviewers.len());
		for r in reviewers.iter() {
			let coop = Self::active_coop_of(r).ok_or(Error::<T>::ReviewerNotMember)?;
			ensure!(Some(coop) != funding_coop, Error::<T>::ReviewerInFundingCoop);
			coops.push(coop);
		}
		ensure!(all_distinct(coops.iter()), Error::<T>::ReviewersSameCoop);
		Ok(reviewers)
	}

	/// The bounty's reviewers eligible for a claim by `contributors`, with their
	/// co-ops: active members of a co-op that is neither the funding co-op nor a
	/// contributor's, the first one per co-op.
	pub(crate) fn eligible_reviewers(
		bounty: &BountyOf<T>,
		contributors: &[Contributor<T::AccountId>],
	) -> BoundedVec<(T::AccountId, CoopId), T::MaxReviewers> {
		let funding_coop = Self::funding_coop(&bounty.funder);
		let mut eligible = BoundedVec::<(T::AccountId, CoopId), T::MaxReviewers>::new();
		for r in bounty.reviewers.iter() {
			let Some(coop) = Self::active_coop_of(r) else { continue };
			if Some(coop) == funding_coop
				|| contributors.iter().any(|c| c.coop == coop || &c.who == r)
				|| eligible.iter().any(|(_, c)| *c == coop)
			{
				continue;
			}
			// Cannot fail: at most as many as the bounty's reviewers.
			let _ = eligible.try_push((r.clone(), coop));
		}
		eligible
	}

	/// Rejections that reject a submission: `n - k + 1`, so that the `n - r`
	/// reviewers left could no longer give `k` approvals.
	pub(crate) fn rejections_needed(bounty: &BountyOf<T>, claim: &ClaimOf<T>) -> u32 {
		(claim.reviewers.len() as u32).saturating_sub(bounty.approvals_needed).saturating_add(1)
	}

	pub(crate) fn check_milestones(
		milestones: BoundedVec<Milestone<BalanceOf<T>>, T::MaxMilestones>,
		reward: BalanceOf<T>,
	) -> Result<BoundedVec<Milestone<BalanceOf<T>>, T::MaxMilestones>, DispatchError> {
		if milestones.is_empty() {
			return Ok(milestones);
		}
		let mut sum = BalanceOf::<T>::zero();
		for m in milestones.iter() {
			ensure!(m.amount >= T::Currency::minimum_balance(), Error::<T>::RewardTooLow);
			sum = sum.checked_add(&m.amount).ok_or(Error::<T>::BadMilestones)?;
		}
		ensure!(sum == reward, Error::<T>::BadMilestones);
		Ok(milestones)
	}

	/// Checks a claim's shares: the claimant listed (and put first), everyone once,
	/// a member of an active co-op, no reviewer and not the account that funded it,
	/// every part of the smallest payment at least the existential deposit.
	pub(crate) fn check_shares(
		bounty: &BountyOf<T>,
		claimant: &T::AccountId,
		mut shares: Vec<(T::AccountId, u32)>,
	) -> Result<BoundedVec<Contributor<T::AccountId>, T::MaxContributors>, DispatchError> {
		let at = shares.iter().position(|(who, _)| who == claimant).ok_or(Error::<T>::BadShares)?;
		shares.swap(0, at);
		ensure!(all_distinct(shares.iter().map(|(who, _)| who)), Error::<T>::BadShares);
		let mut total: u32 = 0;
		let mut contributors = BoundedVec::new();
		for (who, parts) in shares {
			ensure!(parts >= 1, Error::<T>::BadShares);
			total = total.checked_add(parts).ok_or(Error::<T>::BadShares)?;
			ensure!(!bounty.reviewers.contains(&who), Error::<T>::ReviewerCannotClaim);
			ensure!(
				!matches!(&bounty.funder, Funder::Account(funder) if funder == &who),
				Error::<T>::FunderCannotClaim
			);
			let coop = Self::active_coop_of(&who).ok_or(if &who == claimant {
				Error::<T>::NotActiveMember
			} else {
				Error::<T>::ContributorNotMember
			})?;
			contributors
				.try_push(Contributor { who, coop, shares: parts })
				.map_err(|_| Error::<T>::TooManyContributors)?;
		}
		let smallest = bounty.milestones.iter().map(|m| m.amount).min().unwrap_or(bounty.reward);
		let ed = T::Currency::minimum_balance();
		ensure!(
			Self::split(smallest, &contributors).iter().all(|part| *part >= ed),
			Error::<T>::ShareTooSmall
		);
		Ok(contributors)
	}
}
