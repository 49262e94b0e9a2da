//! Paying a delivery to its contributors, sweeping an escrow, and giving back or
//! forfeiting deposits.

use super::*;

impl<T: Config> Pallet<T> {
	/// Where a contributor's part goes: their co-op's account if chosen and they are
	/// still a member of it and it is active; otherwise their own account.
	pub(crate) fn payee(pay_to: PayTo, c: &Contributor<T::AccountId>) -> T::AccountId {
		let coop_alive =
			T::Membership::coop_of(&c.who) == Some(c.coop) && T::Membership::is_active_coop(c.coop);
		match pay_to {
			PayTo::Coop if coop_alive => T::Membership::sovereign_account(c.coop),
			_ => c.who.clone(),
		}
	}

	/// Pays the approved delivery (next milestone or whole reward) to the
	/// contributors by shares, records it in the ledgers, and moves the bounty on.
	pub(crate) fn pay_delivery(
		id: BountyId,
		bounty: &mut BountyOf<T>,
		claim: &mut ClaimOf<T>,
	) -> DispatchResult {
		let unpaid = bounty.reward.saturating_sub(bounty.paid);
		let next = bounty.milestones_paid.saturating_add(1);
		let last = bounty.milestones.is_empty() || next as usize >= bounty.milestones.len();
		let amount = if last {
			unpaid
		} else {
			bounty
				.milestones
				.get(bounty.milestones_paid as usize)
				.map_or(unpaid, |m| m.amount.min(unpaid))
		};
		let parts = Self::split(amount, &claim.contributors);
		let hours =
			Self::split(if last { bounty.hours.unwrap_or(0) } else { 0 }, &claim.contributors);
		let milestones = u32::from(!bounty.milestones.is_empty());
		let delivered = u32::from(last);
		let credit = |l: &mut Ledger<BalanceOf<T>>, earned: BalanceOf<T>, hours: u32| {
			l.earned = l.earned.saturating_add(earned);
			l.hours = l.hours.saturating_add(hours);
			l.milestones = l.milestones.saturating_add(milestones);
			l.delivered = l.delivered.saturating_add(delivered);
		};
		let escrow = Self::escrow(id);
		// Each co-op counts a delivery once, however many of its members shared it.
		let mut by_coop = BTreeMap::<CoopId, (BalanceOf<T>, u32)>::new();
		for ((c, part), hours) in claim.contributors.iter().zip(parts).zip(hours) {
			let to = Self::payee(claim.pay_to, c);
			T::Currency::transfer(&escrow, &to, part, Preservation::Expendable)?;
			Contributions::<T>::mutate(&c.who, |l| credit(l, part, hours));
			let (earned, coop_hours) = by_coop.entry(c.coop).or_insert((Zero::zero(), 0));
			*earned = earned.saturating_add(part);
			*coop_hours = coop_hours.saturating_add(hours);
			Self::deposit_event(Event::Paid { id, to, amount: part });
		}
		for (coop, (earned, hours)) in by_coop {
			CoopContributions::<T>::mutate(coop, |l| credit(l, earned, hours));
		}
		bounty.paid = bounty.paid.saturating_add(amount);
		bounty.approvals = Default::default();
		bounty.rejections = Default::default();
		if last {
			Self::set_status(id, bounty, BountyStatus::Paid);
			if milestones > 0 {
				bounty.milestones_paid = next;
			}
			EndedAt::<T>::insert(id, frame_system::Pallet::<T>::block_number());
			Self::release_claim_deposit(claim);
			Self::deposit_event(Event::BountyCompleted { id, total: bounty.paid });
			let to = Self::refund_account(&bounty.funder);
			let swept = Self::sweep(id, &to);
			if !swept.is_zero() {
				Self::deposit_event(Event::EscrowSwept { id, to, amount: swept });
			}
		} else {
			let milestone = bounty.milestones_paid;
			bounty.milestones_paid = next;
			Self::set_status(id, bounty, BountyStatus::Claimed);
			claim.until =
				frame_system::Pallet::<T>::block_number().saturating_add(bounty.claim_period);
			Self::deposit_event(Event::MilestoneCompleted {
				id,
				milestone,
				amount,
				until: claim.until,
			});
		}
		Ok(())
	}

	/// Splits `amount` by the contributors' shares, rounding down; the remainder
	/// goes to the first (the claimant), so the parts always sum to `amount`.
	pub(crate) fn split<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
		amount: B,
		contributors: &[Contributor<T::AccountId>],
	) -> Vec<B> {
		let total = contributors.iter().fold(0u128, |t, c| t.saturating_add(c.shares.into()));
		let whole: u128 = amount.saturated_into();
		let mut parts: Vec<B> = contributors
			.iter()
			.map(|c| {
				multiply_by_rational_with_rounding(whole, c.shares.into(), total, Rounding::Down)
					.unwrap_or(0)
					.saturated_into()
			})
			.collect();
		let given = parts.iter().skip(1).fold(B::zero(), |s, p| s.saturating_add(*p));
		if let Some(first) = parts.first_mut() {
			*first = amount.saturating_sub(given);
		}
		parts
	}

	/// Moves the escrow's whole balance to `to`; returns how much.
	pub(crate) fn sweep(id: BountyId, to: &T::AccountId) -> BalanceOf<T> {
		let escrow = Self::escrow(id);
		let all = T::Currency::balance(&escrow);
		if all.is_zero() {
			return all;
		}
		match T::Currency::transfer(&escrow, to, all, Preservation::Expendable) {
			Ok(_) => all,
			Err(_) => Zero::zero(),
		}
	}

	/// Moves an expired claim's held deposit to `to`; returns how much moved. If the
	/// transfer cannot be made (e.g. `to` cannot receive that little), the deposit is
	/// released to the claimant instead and 0 is returned.
	pub(crate) fn forfeit_claim_deposit(claim: &ClaimOf<T>, to: &T::AccountId) -> BalanceOf<T> {
		deposit::forfeit_to::<T::Currency, _>(
			&HoldReason::ClaimDeposit.into(),
			&claim.claimant,
			to,
			claim.deposit,
		)
	}

	pub(crate) fn release_claim_deposit(claim: &mut ClaimOf<T>) {
		Self::release(HoldReason::ClaimDeposit, &claim.claimant, claim.deposit);
		claim.deposit = Zero::zero();
	}

	pub(crate) fn release_deposit(bounty: &BountyOf<T>) {
		if let Some(creator) = &bounty.creator {
			Self::release(HoldReason::BountyDeposit, creator, bounty.deposit);
		}
	}

	/// Releases a deposit this pallet held.
	pub(crate) fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		deposit::refund::<T::Currency, _>(&reason.into(), who, amount);
	}
}
