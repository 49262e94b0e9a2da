//! The pallet's invariants (`try_state`): checked after every unit test by the
//! mock's test builder, by the fuzzer, and on real chain states by try-runtime.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants: every unfinished bounty's escrow holds at least its
	/// unpaid reward (more if someone donated), a proposed one paid nothing; a paid
	/// bounty paid its whole reward; exactly the finished bounties have an end;
	/// approvals and rejections below what decides; claims only on claimed, submitted
	/// or paid bounties, with their reviewers in distinct co-ops; the claim and
	/// bounty deposits held (until reaped) match the records.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let mut bounty_held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (status, id, ()) in BountiesByStatus::<T>::iter() {
			let bounty = Bounties::<T>::get(id).ok_or("status index names an unknown bounty")?;
			ensure!(bounty.status == status, "status index differs from the record");
		}
		for (id, bounty) in Bounties::<T>::iter() {
			ensure!(id < NextBountyId::<T>::get(), "bounty id not below NextBountyId");
			ensure!(
				BountiesByStatus::<T>::contains_key(bounty.status, id),
				"bounty missing from the status index"
			);
			let escrowed = T::Currency::balance(&Self::escrow(id));
			let finished = matches!(bounty.status, BountyStatus::Paid | BountyStatus::Cancelled);
			let expected = if finished || bounty.status == BountyStatus::Proposed {
				Zero::zero()
			} else {
				bounty.reward.saturating_sub(bounty.paid)
			};
			ensure!(escrowed >= expected, "escrow holds less than the unpaid reward");
			ensure!(bounty.paid <= bounty.reward, "paid more than the reward");
			if bounty.status == BountyStatus::Paid {
				ensure!(bounty.paid == bounty.reward, "paid bounty did not pay its reward");
			}
			if bounty.status == BountyStatus::Proposed {
				ensure!(bounty.paid.is_zero(), "proposed bounty paid something");
				ensure!(
					matches!(bounty.funder, Funder::Coop(_)),
					"proposed bounty not funded by a co-op"
				);
			}
			ensure!(
				finished == EndedAt::<T>::contains_key(id),
				"finished bounty without an end, or an end of a running one"
			);
			if let Some(creator) = &bounty.creator {
				let h = bounty_held.entry(creator.clone()).or_insert_with(Zero::zero);
				*h = h.saturating_add(bounty.deposit);
			}
			ensure!(
				bounty.milestones_paid as usize <= bounty.milestones.len(),
				"more milestones paid than exist"
			);
			ensure!(
				(bounty.approvals.len() as u32) < bounty.approvals_needed || finished,
				"enough approvals but not paid"
			);
			ensure!(
				bounty.approvals.iter().all(|a| !bounty.rejections.contains(a)),
				"a reviewer both approved and rejected"
			);
			let claimed = matches!(bounty.status, BountyStatus::Claimed | BountyStatus::Submitted);
			let claim = Claims::<T>::get(id);
			ensure!(!claimed || claim.is_some(), "claimed bounty without a claim");
			ensure!(
				claim.is_none() || claimed || bounty.status == BountyStatus::Paid,
				"claim kept on an open, proposed or cancelled bounty"
			);
			if let (true, Some(claim)) = (claimed, &claim) {
				ensure!(
					(bounty.rejections.len() as u32) < Self::rejections_needed(&bounty, claim),
					"enough rejections but not rejected"
				);
				ensure!(
					claim.reviewers.len() as u32 >= bounty.approvals_needed,
					"claim with fewer reviewers than approvals needed"
				);
			}
			ensure!(
				claimed
					|| bounty.status == BountyStatus::Paid
					|| !Submissions::<T>::contains_key(id),
				"submissions kept after the claim ended"
			);
		}
		for id in EndedAt::<T>::iter_keys() {
			ensure!(Bounties::<T>::contains_key(id), "end of an unknown bounty");
		}
		let mut held = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (id, claim) in Claims::<T>::iter() {
			let h = held.entry(claim.claimant.clone()).or_insert_with(Zero::zero);
			*h = h.saturating_add(claim.deposit);
			ensure!(Bounties::<T>::contains_key(id), "claim of an unknown bounty");
			ensure!(
				claim.contributors.first().map(|c| &c.who) == Some(&claim.claimant),
				"claimant is not the first contributor"
			);
			ensure!(
				all_distinct(claim.reviewers.iter().map(|(_, c)| c)),
				"two claim reviewers of one co-op"
			);
			ensure!(
				claim
					.reviewers
					.iter()
					.all(|(_, rc)| claim.contributors.iter().all(|c| c.coop != *rc)),
				"a claim reviewer of a contributor's co-op"
			);
		}
		for (who, deposits) in held {
			let on_hold = T::Currency::balance_on_hold(&HoldReason::ClaimDeposit.into(), &who);
			ensure!(on_hold == deposits, "claim deposits differ from the held amount");
		}
		for (who, deposits) in bounty_held {
			let on_hold = T::Currency::balance_on_hold(&HoldReason::BountyDeposit.into(), &who);
			ensure!(on_hold == deposits, "bounty deposits differ from the held amount");
		}
		Ok(())
	}
}
