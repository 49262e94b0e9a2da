//! Origins for other pallets: a member or an admin of an active co-op.

use crate::{traits::CoopMembership, types::Role, Config, CoopId, Members, Pallet};
use core::marker::PhantomData;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;

/// Succeeds for a signed origin whose account is a member of an active co-op,
/// yielding the account and its co-op.
pub struct EnsureActiveMember<T>(PhantomData<T>);

/// Succeeds for a signed origin whose account is an admin of an active co-op,
/// yielding the account and its co-op.
pub struct EnsureCoopAdmin<T>(PhantomData<T>);

fn signed_member<T: Config, O>(o: O, admin_only: bool) -> Result<(T::AccountId, CoopId), O>
where
	O: Into<Result<RawOrigin<T::AccountId>, O>> + From<RawOrigin<T::AccountId>>,
{
	match o.into() {
		Ok(RawOrigin::Signed(who)) => match Members::<T>::get(&who) {
			Some(m)
				if Pallet::<T>::is_active_coop(m.coop)
					&& (!admin_only || m.role == Role::Admin) =>
			{
				Ok((who, m.coop))
			}
			_ => Err(O::from(RawOrigin::Signed(who))),
		},
		Ok(other) => Err(O::from(other)),
		Err(o) => Err(o),
	}
}

#[cfg(feature = "runtime-benchmarks")]
fn benchmark_origin<T: Config, O>(admin: bool) -> Result<O, ()>
where
	O: From<RawOrigin<T::AccountId>>,
{
	let who: T::AccountId = frame_benchmarking::account("coop-origin", 0, 0);
	if Members::<T>::get(&who).is_none() {
		let role = if admin { Role::Admin } else { Role::Member };
		let founder: T::AccountId = frame_benchmarking::account("coop-origin-admin", 0, 0);
		let mut members = alloc::vec![(who.clone(), role)];
		if !admin {
			members.push((founder, Role::Admin));
		}
		Pallet::<T>::found_coop(b"benchmark co-op", &members).map_err(|_| ())?;
	}
	Ok(O::from(RawOrigin::Signed(who)))
}

impl<T: Config, O> EnsureOrigin<O> for EnsureActiveMember<T>
where
	O: Into<Result<RawOrigin<T::AccountId>, O>> + From<RawOrigin<T::AccountId>>,
{
	type Success = (T::AccountId, CoopId);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		signed_member::<T, O>(o, false)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		benchmark_origin::<T, O>(false)
	}
}

impl<T: Config, O> EnsureOrigin<O> for EnsureCoopAdmin<T>
where
	O: Into<Result<RawOrigin<T::AccountId>, O>> + From<RawOrigin<T::AccountId>>,
{
	type Success = (T::AccountId, CoopId);

	fn try_origin(o: O) -> Result<Self::Success, O> {
		signed_member::<T, O>(o, true)
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<O, ()> {
		benchmark_origin::<T, O>(true)
	}
}
