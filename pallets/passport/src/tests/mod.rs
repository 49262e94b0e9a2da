//! Unit tests of the passport pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod attacks;
mod attestations;
mod passports;
mod policies;

use crate::{
	mock::*, Accredited, ActingFor, AdmissionRequirements, Attestation, AttestationCount,
	AttestationStatus, AttestationViewOf, Attestations, ClaimKinds, Error, Event, HoldReason,
	MemberPolicies, NextClaimKindId, Passports, Policy, Subject, SubjectKind, SubjectOf,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{InspectHold, Mutate, MutateHold},
		tokens::Precision,
		Get,
	},
	BoundedVec,
};
use pallet_coop_membership::{AdmissionPolicy, CoopMembership};
use sp_core::H256;
use sp_runtime::DispatchError;

type MembershipCall = pallet_coop_membership::Pallet<Test>;

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn coop(id: u32) -> Subject<AccountId> {
	Subject::Coop(id)
}

fn account(n: u8) -> Subject<AccountId> {
	Subject::Account(acc(n))
}

fn sovereign(coop: u32) -> AccountId {
	Membership::sovereign_account(coop)
}

/// Bytes as a bounded call parameter (a claim kind name, a legal form, a co-op name).
fn text<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	bytes.to_vec().try_into().unwrap()
}

fn ev(byte: u8) -> H256 {
	H256::repeat_byte(byte)
}

/// The admin of co-op `admin`'s co-op publishes a passport whose documents hash is
/// `docs` (so each call with a new `docs` is a change).
fn publish_docs(admin: u8, docs: u8) {
	assert_ok!(Passport::set_passport(
		signed(admin),
		*b"ES",
		text(b"Cooperativa"),
		ev(1),
		ev(docs)
	));
}

fn publish(admin: u8) {
	publish_docs(admin, 2);
}

fn held(n: u8) -> Balance {
	Balances::balance_on_hold(&HoldReason::AttestationDeposit.into(), &acc(n))
}

fn free(n: u8) -> Balance {
	Balances::free_balance(acc(n))
}

fn policy(kinds: Vec<u16>, min: u32) -> Policy {
	Policy { kinds: kinds.try_into().unwrap(), min_attesters: min }
}

fn record(subject: Subject<AccountId>, kind: u16, attester: u8) -> Attestation<Balance, u64> {
	Attestations::<Test>::get((subject, kind), acc(attester)).unwrap()
}

/// Every attestation about `subject`, walked page by page (pages of 2, to walk the
/// cursors across claim kinds too).
fn attestations_of(subject: &SubjectOf<Test>) -> Vec<AttestationViewOf<Test>> {
	let mut all = Vec::new();
	let mut cursor = None;
	loop {
		let page = Passport::attestations_page(subject.clone(), cursor, 2);
		all.extend(page.items);
		match page.next {
			Some(next) => cursor = Some(next),
			None => return all,
		}
	}
}
