//! Unit tests of the membership pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod attacks;
mod coops;
mod members;
mod views;

use crate::{
	mock::*, ActiveCoops, ActiveMembers, AdminChanges, Applicants, CoopMembership, CoopStatus,
	Coops, Electorate, Error, Event, HoldReason, Invitations, LiveCoops, Members, NotEligible,
	Role,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, EnsureOrigin},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::DispatchError;

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn held(reason: HoldReason, n: u8) -> Balance {
	Balances::balance_on_hold(&reason.into(), &acc(n))
}

fn free(n: u8) -> Balance {
	Balances::free_balance(acc(n))
}

/// A co-op name, as `apply_coop` takes it (at most `MaxNameLen` bytes).
fn name(bytes: &[u8]) -> BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	bytes.to_vec().try_into().unwrap()
}

/// Admin `admin` invites `who`, who accepts.
fn join(admin: u8, who: u8) {
	let coop = Members::<Test>::get(acc(admin)).unwrap().coop;
	assert_ok!(Membership::add_member(signed(admin), acc(who)));
	assert_ok!(Membership::accept_invitation(signed(who), coop));
}

/// Account 1 applies for co-op 0 and the federation admits it.
fn active_coop_of_1() -> u32 {
	assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::repeat_byte(1)));
	assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 0));
	membership_events();
	0
}
