//! The pallet's invariants (`try_state`): checked after every unit test by the
//! mock's test builder, by the fuzzer, and on real chain states by try-runtime.

use super::*;

impl<T: Config> Pallet<T> {
	/// The registry's invariants.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let admitted = Admitted::<T>::get();
		let mut seen = alloc::collections::btree_set::BTreeSet::new();
		for who in admitted.iter() {
			ensure!(seen.insert(who.clone()), "an account is admitted twice");
			let info = Registry::<T>::get(who).ok_or("an admitted account is not registered")?;
			ensure!(
				info.status != ValidatorStatus::Candidate,
				"a candidate is in the admitted list"
			);
		}
		let mut per_coop: BTreeMap<CoopId, u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (who, info) in Registry::<T>::iter() {
			ensure!(
				(info.status == ValidatorStatus::Candidate) != seen.contains(&who),
				"an admitted validator is missing from the admitted list"
			);
			let n = per_coop.entry(info.coop).or_default();
			*n = n.saturating_add(1);
			let h = held.entry(info.sponsor.clone()).or_default();
			*h = h.saturating_add(info.deposit);
		}
		for (coop, n) in PerCoop::<T>::iter() {
			ensure!(per_coop.remove(&coop) == Some(n), "PerCoop disagrees with the registry");
		}
		ensure!(per_coop.is_empty(), "a co-op with registrations has no PerCoop count");
		for (sponsor, amount) in held {
			ensure!(
				<T::Currency as fungible::InspectHold<T::AccountId>>::balance_on_hold(
					&HoldReason::ValidatorDeposit.into(),
					&sponsor
				) == amount,
				"a sponsor's held deposits differ from its registrations'"
			);
		}
		ensure!(
			SessionLength::<T>::get() >= T::MinSessionLength::get(),
			"the session length is below its minimum"
		);
		Ok(())
	}
}
