//! Benchmarks of the membership pallet (frame-benchmarking v2).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use crate::Pallet as Membership;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_system::RawOrigin;

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	let amount = T::Currency::minimum_balance()
		.saturating_add(T::CoopDeposit::get())
		.saturating_add(T::MemberDeposit::get().saturating_mul(T::MaxMembersPerCoop::get().into()))
		.saturating_mul(2u32.into());
	T::Currency::set_balance(&who, amount);
	who
}

/// An applicant co-op whose admin is returned, with `members` members in all.
fn applicant<T: Config>(members: u32) -> (CoopId, T::AccountId) {
	let admin = funded::<T>("admin", 0);
	Membership::<T>::apply_coop(
		RawOrigin::Signed(admin.clone()).into(),
		vec![b'c'; 8].try_into().unwrap(),
		H256::zero(),
	)
	.unwrap();
	let coop = NextCoopId::<T>::get() - 1;
	for i in 1..members {
		let who: T::AccountId = account("member", i, 0);
		Membership::<T>::add_member(
			RawOrigin::Signed(admin.clone()).into(),
			T::Lookup::unlookup(who.clone()),
		)
		.unwrap();
		Membership::<T>::accept_invitation(RawOrigin::Signed(who).into(), coop).unwrap();
	}
	(coop, admin)
}

/// The worst case for releasing members: an applicant co-op with `members` members
/// whose deposits were paid by as many different admins as it may have (each new
/// member is invited by the next admin in turn and promoted while there is room).
fn applicant_spread<T: Config>(members: u32) -> (CoopId, T::AccountId) {
	let (coop, admin) = applicant::<T>(1);
	let mut admins = vec![admin.clone()];
	for i in 1..members {
		let who = funded::<T>("member", i);
		let inviter = admins[(i as usize) % admins.len()].clone();
		Membership::<T>::add_member(
			RawOrigin::Signed(inviter).into(),
			T::Lookup::unlookup(who.clone()),
		)
		.unwrap();
		Membership::<T>::accept_invitation(RawOrigin::Signed(who.clone()).into(), coop).unwrap();
		if admins.len() < T::MaxAdmins::get() as usize {
			// With two admins or more, a promotion takes two of them.
			for by in admins.iter().take(2) {
				Membership::<T>::set_role(
					RawOrigin::Signed(by.clone()).into(),
					T::Lookup::unlookup(who.clone()),
					Role::Admin,
				)
				.unwrap();
			}
			admins.push(who);
		}
	}
	(coop, admin)
}

fn active_spread<T: Config>(members: u32) -> (CoopId, T::AccountId) {
	let (coop, admin) = applicant_spread::<T>(members);
	let origin = T::AdmissionOrigin::try_successful_origin().unwrap();
	Membership::<T>::admit_coop(origin, coop).unwrap();
	(coop, admin)
}

fn active<T: Config>(members: u32) -> (CoopId, T::AccountId) {
	let (coop, admin) = applicant::<T>(members);
	let origin = T::AdmissionOrigin::try_successful_origin().unwrap();
	Membership::<T>::admit_coop(origin, coop).unwrap();
	(coop, admin)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn apply_coop() {
		let caller = funded::<T>("caller", 0);
		let name: BoundedVec<u8, T::MaxNameLen> =
			vec![b'n'; T::MaxNameLen::get() as usize].try_into().unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), name, H256::zero());
		assert_eq!(Members::<T>::get(&caller).map(|m| m.role), Some(Role::Admin));
	}

	#[benchmark]
	fn admit_coop() -> Result<(), BenchmarkError> {
		let (coop, _) = applicant::<T>(1);
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);
		assert_eq!(Coops::<T>::get(coop).map(|c| c.status), Some(CoopStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn reject_application(
		m: Linear<1, { T::MaxMembersPerCoop::get() }>,
	) -> Result<(), BenchmarkError> {
		let (coop, _) = applicant_spread::<T>(m);
		let origin =
			T::AdmissionOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);
		assert!(Coops::<T>::get(coop).is_none());
		Ok(())
	}

	#[benchmark]
	fn suspend_coop() -> Result<(), BenchmarkError> {
		let (coop, _) = active::<T>(1);
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, H256::zero());
		assert_eq!(Coops::<T>::get(coop).map(|c| c.status), Some(CoopStatus::Suspended));
		Ok(())
	}

	#[benchmark]
	fn reinstate_coop() -> Result<(), BenchmarkError> {
		let (coop, _) = active::<T>(1);
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Membership::<T>::suspend_coop(origin.clone(), coop, H256::zero()).unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop);
		assert_eq!(Coops::<T>::get(coop).map(|c| c.status), Some(CoopStatus::Active));
		Ok(())
	}

	#[benchmark]
	fn expel_coop(m: Linear<1, { T::MaxMembersPerCoop::get() }>) -> Result<(), BenchmarkError> {
		let (coop, _) = active_spread::<T>(m);
		let origin =
			T::FederationOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, coop, H256::zero());
		assert_eq!(Coops::<T>::get(coop).map(|c| c.status), Some(CoopStatus::Exited));
		Ok(())
	}

	#[benchmark]
	fn leave_federation(m: Linear<1, { T::MaxMembersPerCoop::get() }>) {
		let (coop, admin) = active_spread::<T>(m);
		// With several admins another one asked first: this call agrees, and the co-op
		// leaves.
		let other =
			Coops::<T>::get(coop).and_then(|c| c.admins.iter().find(|a| **a != admin).cloned());
		if let Some(other) = other {
			Membership::<T>::leave_federation(RawOrigin::Signed(other).into()).unwrap();
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(admin));
		assert_eq!(Coops::<T>::get(coop).map(|c| c.status), Some(CoopStatus::Exited));
	}

	#[benchmark]
	fn add_member() {
		let (coop, admin) = active::<T>(1);
		let who: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), T::Lookup::unlookup(who.clone()));
		assert!(Invitations::<T>::contains_key(coop, &who));
	}

	#[benchmark]
	fn accept_invitation() {
		let (coop, admin) = active::<T>(1);
		let who: T::AccountId = account("new", 0, 0);
		Membership::<T>::add_member(
			RawOrigin::Signed(admin).into(),
			T::Lookup::unlookup(who.clone()),
		)
		.unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), coop);
		assert_eq!(Members::<T>::get(&who).map(|m| m.coop), Some(coop));
	}

	#[benchmark]
	fn cancel_invitation() {
		let (coop, admin) = active::<T>(1);
		let who: T::AccountId = account("new", 0, 0);
		Membership::<T>::add_member(
			RawOrigin::Signed(admin.clone()).into(),
			T::Lookup::unlookup(who.clone()),
		)
		.unwrap();
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), coop, T::Lookup::unlookup(who.clone()));
		assert!(!Invitations::<T>::contains_key(coop, &who));
	}

	#[benchmark]
	fn prune_application(m: Linear<1, { T::MaxMembersPerCoop::get() }>) {
		let (coop, _) = applicant_spread::<T>(m);
		let expiry = frame_system::Pallet::<T>::block_number()
			.saturating_add(T::ApplicationPeriod::get())
			.saturating_add(1u32.into());
		frame_system::Pallet::<T>::set_block_number(expiry);
		let caller: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), coop);
		assert!(Coops::<T>::get(coop).is_none());
	}

	/// The worst case: a second admin carries out another admin's removal request.
	#[benchmark]
	fn remove_member() {
		let (_, admin) = active::<T>(3);
		let other: T::AccountId = account("member", 2, 0);
		Membership::<T>::set_role(
			RawOrigin::Signed(admin.clone()).into(),
			T::Lookup::unlookup(other.clone()),
			Role::Admin,
		)
		.unwrap();
		let who: T::AccountId = account("member", 1, 0);
		for by in [&admin, &other] {
			Membership::<T>::set_role(
				RawOrigin::Signed(by.clone()).into(),
				T::Lookup::unlookup(who.clone()),
				Role::Admin,
			)
			.unwrap();
		}
		Membership::<T>::remove_member(
			RawOrigin::Signed(other).into(),
			T::Lookup::unlookup(who.clone()),
		)
		.unwrap();
		let who: T::AccountId = account("member", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), T::Lookup::unlookup(who.clone()));
		assert!(Members::<T>::get(&who).is_none());
	}

	#[benchmark]
	fn set_role() {
		let (_, admin) = active::<T>(2);
		let who: T::AccountId = account("member", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), T::Lookup::unlookup(who.clone()), Role::Admin);
		assert_eq!(Members::<T>::get(&who).map(|m| m.role), Some(Role::Admin));
	}

	#[benchmark]
	fn leave_coop() {
		let (_, _) = active::<T>(2);
		let who: T::AccountId = account("member", 1, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Members::<T>::get(&who).is_none());
	}

	impl_benchmark_test_suite!(
		Membership,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
