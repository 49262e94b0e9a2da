//! Benchmarks of the validator registry (frame-benchmarking v2). Every call that
//! scans the admitted list runs with the list full.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use crate::Pallet as Validators;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_add(T::ValidatorDeposit::get())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(who, amount);
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

/// A candidate of a new active co-op, with session keys, registered by its
/// funded admin.
fn candidate<T: Config>(index: u32) -> (T::AccountId, T::AccountId) {
	let admin: T::AccountId = account("validator-coop", index, 0);
	T::Membership::benchmark_found_coop(core::slice::from_ref(&admin));
	fund::<T>(&admin);
	let validator: T::AccountId = account("validator", index, 0);
	T::BenchmarkHelper::set_keys(&validator);
	Validators::<T>::register(RawOrigin::Signed(admin.clone()).into(), lookup::<T>(&validator))
		.unwrap();
	(admin, validator)
}

/// Fills the admitted list with active validators up to `MaxValidators - free`.
fn fill<T: Config>(free: u32) {
	let target = T::MaxValidators::get().saturating_sub(free) as usize;
	let origin = T::AdmissionOrigin::try_successful_origin().unwrap();
	let mut index = 1_000;
	while Admitted::<T>::decode_len().unwrap_or(0) < target {
		let (_, validator) = candidate::<T>(index);
		Validators::<T>::admit(origin.clone(), lookup::<T>(&validator)).unwrap();
		index += 1;
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn register() {
		let admin: T::AccountId = account("validator-coop", 0, 0);
		T::Membership::benchmark_found_coop(core::slice::from_ref(&admin));
		fund::<T>(&admin);
		let validator: T::AccountId = account("validator", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), lookup::<T>(&validator));

		assert_eq!(
			Registry::<T>::get(&validator).map(|v| v.status),
			Some(ValidatorStatus::Candidate)
		);
	}

	#[benchmark]
	fn admit() -> Result<(), BenchmarkError> {
		fill::<T>(1);
		let (_, validator) = candidate::<T>(0);
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup::<T>(&validator));

		assert_eq!(Registry::<T>::get(&validator).map(|v| v.status), Some(ValidatorStatus::Active));
		Ok(())
	}

	/// An admitted validator removed from a full list, its deposit slashed.
	#[benchmark]
	fn remove() -> Result<(), BenchmarkError> {
		fill::<T>(1);
		let (_, validator) = candidate::<T>(0);
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Validators::<T>::admit(origin.clone(), lookup::<T>(&validator)).unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup::<T>(&validator), true);

		assert!(Registry::<T>::get(&validator).is_none());
		Ok(())
	}

	/// An admitted validator withdrawn by its sponsor from a full list.
	#[benchmark]
	fn withdraw() {
		fill::<T>(1);
		let (admin, validator) = candidate::<T>(0);
		let origin = T::AdmissionOrigin::try_successful_origin().unwrap();
		Validators::<T>::admit(origin, lookup::<T>(&validator)).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(admin), lookup::<T>(&validator));

		assert!(Registry::<T>::get(&validator).is_none());
	}

	#[benchmark]
	fn reinstate() -> Result<(), BenchmarkError> {
		let (_, validator) = candidate::<T>(0);
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Validators::<T>::admit(origin.clone(), lookup::<T>(&validator)).unwrap();
		Registry::<T>::mutate(&validator, |v| {
			if let Some(v) = v {
				v.status = ValidatorStatus::Suspended;
			}
		});

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, lookup::<T>(&validator));

		assert_eq!(Registry::<T>::get(&validator).map(|v| v.status), Some(ValidatorStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn note_stalled() -> Result<(), BenchmarkError> {
		let origin =
			T::FinalityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 10u32.into(), 1u32.into());

		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::FinalityOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let length = T::MinSessionLength::get().saturating_mul(2u32.into());

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, length);

		assert_eq!(SessionLength::<T>::get(), length);
		Ok(())
	}

	impl_benchmark_test_suite!(Validators, crate::mock::new_test_ext(), crate::mock::Test);
}
