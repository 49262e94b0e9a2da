//! Deposits and ids, taken and given back the same way by every CoopDAO pallet.
//!
//! A deposit is a hold on the payer's balance under the pallet's own hold reason:
//! [`take`] when the storage it pays for is created, then exactly one of [`refund`]
//! (the storage is removed), [`slash`] (to the federation's `Slash` handler) or
//! [`forfeit_to`] (to a named account) when it goes.

use frame_support::{
	storage::StorageValue,
	traits::{
		fungible::{BalancedHold, Credit, MutateHold},
		tokens::{Fortitude, Precision, Restriction},
		OnUnbalanced,
	},
};
use sp_runtime::{
	traits::{CheckedAdd, One, Saturating, Zero},
	DispatchResult,
};

/// Holds `amount` of `who`'s balance for `reason`; nothing for zero. Fails, holding
/// nothing, if `who` cannot afford it.
pub fn take<F: MutateHold<A>, A>(
	reason: &F::Reason,
	who: &A,
	amount: F::Balance,
) -> DispatchResult {
	if amount.is_zero() {
		return Ok(());
	}
	F::hold(reason, who, amount)
}

/// Gives back up to `amount` held from `who` for `reason`; returns what was given
/// back. Best effort, which never fails: the pallet releases only what it held.
pub fn refund<F: MutateHold<A>, A>(reason: &F::Reason, who: &A, amount: F::Balance) -> F::Balance {
	if amount.is_zero() {
		return Zero::zero();
	}
	F::release(reason, who, amount, Precision::BestEffort).unwrap_or_else(|_| Zero::zero())
}

/// Takes up to `amount` held from `who` for `reason` and hands it to `H` (the
/// pallets' `Config::Slash`, the treasury in the runtime); returns how much was taken.
pub fn slash<F: BalancedHold<A>, A, H: OnUnbalanced<Credit<A, F>>>(
	reason: &F::Reason,
	who: &A,
	amount: F::Balance,
) -> F::Balance {
	if amount.is_zero() {
		return Zero::zero();
	}
	let (credit, _missing) = F::slash(reason, who, amount);
	let taken = frame_support::traits::Imbalance::peek(&credit);
	H::on_unbalanced(credit);
	taken
}

/// Moves up to `amount` held from `who` for `reason` to `to`'s free balance and
/// gives back whatever could not move; returns how much moved.
pub fn forfeit_to<F: MutateHold<A>, A>(
	reason: &F::Reason,
	who: &A,
	to: &A,
	amount: F::Balance,
) -> F::Balance {
	if amount.is_zero() {
		return Zero::zero();
	}
	let moved = F::transfer_on_hold(
		reason,
		who,
		to,
		amount,
		Precision::BestEffort,
		Restriction::Free,
		Fortitude::Force,
	)
	.unwrap_or_else(|_| Zero::zero());
	// Anything left behind is not held for this reason any more.
	refund::<F, A>(reason, who, amount.saturating_sub(moved));
	moved
}

/// The next id of the counter `Next` (which then points past it); `None` once the
/// ids are exhausted, so an id is never reused.
pub fn next_id<Next, Id>() -> Option<Id>
where
	Next: StorageValue<Id, Query = Id>,
	Id: codec::FullCodec + CheckedAdd + One,
{
	let id = Next::get();
	Next::put(id.checked_add(&One::one())?);
	Some(id)
}
