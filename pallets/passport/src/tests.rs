//! Unit tests of the passport pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate::{
	mock::*, AttestationCount, AttestationStatus, Attestations, Error, Event, HoldReason, Policy,
	Subject, SubjectKind,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::DispatchError;

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn coop(id: u32) -> Subject<AccountId> {
	Subject::Coop(id)
}

fn account(who: AccountId) -> Subject<AccountId> {
	Subject::Account(who)
}

fn publish(admin: AccountId) {
	assert_ok!(Passport::set_passport(
		signed(admin),
		*b"ES",
		b"Cooperativa".to_vec(),
		H256::repeat_byte(1),
		H256::repeat_byte(2)
	));
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::AttestationDeposit.into(), &who)
}

fn policy(kinds: Vec<u16>, min: u32) -> Policy {
	Policy { kinds: kinds.try_into().unwrap(), min_attesters: min }
}

#[test]
fn set_passport_bumps_version() {
	build_and_execute(|| {
		publish(1);
		assert_eq!(passport_events(), vec![Event::PassportSet { coop: 0, version: 1 }]);
		publish(1);
		assert_eq!(passport_events(), vec![Event::PassportSet { coop: 0, version: 2 }]);
		let p = crate::Passports::<Test>::get(0).unwrap();
		assert_eq!((p.jurisdiction, p.version), (*b"ES", 2));
		assert_noop!(
			Passport::set_passport(signed(2), *b"ES", vec![1], H256::zero(), H256::zero()),
			Error::<Test>::NotCoopAdmin
		);
		assert_noop!(
			Passport::set_passport(signed(1), *b"es", vec![1], H256::zero(), H256::zero()),
			Error::<Test>::BadJurisdiction
		);
		assert_noop!(
			Passport::set_passport(signed(1), *b"ES", vec![0; 65], H256::zero(), H256::zero()),
			Error::<Test>::BadName
		);
	});
}

#[test]
fn attest_holds_deposit_and_counts() {
	build_and_execute(|| {
		publish(1);
		passport_events();
		let evidence = H256::repeat_byte(9);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, evidence, 50));
		assert_eq!(
			passport_events(),
			vec![Event::Attested {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: 3,
				evidence,
				valid_until: 50
			}]
		);
		assert_eq!(held(3), DEPOSIT);
		assert_eq!(Balances::free_balance(3), START - DEPOSIT);
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, evidence, 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert_eq!(AttestationCount::<Test>::get((coop(0), LEGAL_ENTITY)), 2);
	});
}

#[test]
fn attest_errors() {
	build_and_execute(|| {
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 50),
			Error::<Test>::NoPassport
		);
		publish(1);
		publish(3);
		assert_noop!(
			Passport::attest(signed(4), coop(0), LEGAL_ENTITY, H256::zero(), 50),
			Error::<Test>::NotAccredited
		);
		assert_noop!(
			Passport::attest(signed(3), coop(0), 7, H256::zero(), 50),
			Error::<Test>::UnknownClaimKind
		);
		// A co-op cannot attest itself.
		assert_noop!(
			Passport::attest(signed(3), coop(1), LEGAL_ENTITY, H256::zero(), 50),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			Passport::attest(signed(1), account(1), MEMBER_KYC, H256::zero(), 50),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			Passport::attest(signed(3), account(2), LEGAL_ENTITY, H256::zero(), 50),
			Error::<Test>::WrongSubject
		);
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 1),
			Error::<Test>::BadValidity
		);
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 1 + VALIDITY + 1),
			Error::<Test>::BadValidity
		);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 1 + VALIDITY));
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 50),
			Error::<Test>::AlreadyAttested
		);
		// A fourth attester would exceed MaxAttestersPerClaim (3).
		assert_ok!(Passport::attest(signed(5), coop(0), LEGAL_ENTITY, H256::zero(), 50));
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, H256::zero(), 50));
		assert_ok!(Passport::accredit_attester(RuntimeOrigin::root(), LEGAL_ENTITY, 12));
		assert_noop!(
			Passport::attest(signed(12), coop(0), LEGAL_ENTITY, H256::zero(), 50),
			Error::<Test>::TooManyAttesters
		);
		// Deposit.
		assert_ok!(Passport::accredit_attester(RuntimeOrigin::root(), MEMBER_KYC, 30));
		assert_noop!(
			Passport::attest(signed(30), account(2), MEMBER_KYC, H256::zero(), 50),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn expiry_at_the_exact_block() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, H256::zero(), 10));
		System::set_block_number(9);
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
		System::set_block_number(10);
		assert!(!Passport::is_verified(&account(7), MEMBER_KYC, 1));
	});
}

#[test]
fn revocation_stops_counting_and_record_stays() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 50));
		assert_ok!(Passport::attest(signed(5), coop(0), LEGAL_ENTITY, H256::zero(), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		passport_events();
		assert_ok!(Passport::revoke(signed(5), coop(0), LEGAL_ENTITY, 2));
		assert_eq!(
			passport_events(),
			vec![Event::Revoked { subject: coop(0), kind: LEGAL_ENTITY, attester: 5, reason: 2 }]
		);
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert_eq!(
			Attestations::<Test>::get((coop(0), LEGAL_ENTITY), 5).unwrap().status,
			AttestationStatus::Revoked(2)
		);
		assert_noop!(Passport::revoke(signed(5), coop(0), LEGAL_ENTITY, 2), Error::<Test>::Revoked);
		assert_noop!(
			Passport::renew(signed(5), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::Revoked
		);
		assert_noop!(
			Passport::revoke(signed(REGISTRAR), coop(0), LEGAL_ENTITY, 0),
			Error::<Test>::NoAttestation
		);
	});
}

#[test]
fn passport_change_makes_attestations_stale_until_renewed() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, H256::zero(), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		publish(1);
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		let view = Passport::attestations_of(&coop(0));
		assert!(view[0].stale && !view[0].counts);
		assert_ok!(Passport::renew(signed(3), coop(0), LEGAL_ENTITY, 60, None));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		let a = Attestations::<Test>::get((coop(0), LEGAL_ENTITY), 3).unwrap();
		assert_eq!((a.passport_version, a.valid_until), (2, 60));
		assert_noop!(
			Passport::renew(signed(5), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::NoAttestation
		);
	});
}

#[test]
fn withdrawn_accreditation_stops_counting_immediately() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, H256::zero(), 50));
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
		assert_noop!(
			Passport::withdraw_accreditation(signed(1), MEMBER_KYC, REGISTRAR),
			DispatchError::BadOrigin
		);
		assert_ok!(Passport::withdraw_accreditation(RuntimeOrigin::root(), MEMBER_KYC, REGISTRAR));
		assert!(!Passport::is_verified(&account(7), MEMBER_KYC, 1));
		assert_noop!(
			Passport::withdraw_accreditation(RuntimeOrigin::root(), MEMBER_KYC, REGISTRAR),
			Error::<Test>::NotAccredited
		);
		// Re-accredited, its attestation counts again.
		assert_ok!(Passport::accredit_attester(RuntimeOrigin::root(), MEMBER_KYC, REGISTRAR));
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
		assert_noop!(
			Passport::accredit_attester(RuntimeOrigin::root(), MEMBER_KYC, REGISTRAR),
			Error::<Test>::AlreadyAccredited
		);
		assert_noop!(
			Passport::accredit_attester(RuntimeOrigin::root(), 9, REGISTRAR),
			Error::<Test>::UnknownClaimKind
		);
	});
}

#[test]
fn remove_expired_returns_deposit_to_attester() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, H256::zero(), 10));
		assert_noop!(
			Passport::remove_expired(signed(9), account(7), MEMBER_KYC, 1),
			Error::<Test>::StillValid
		);
		System::set_block_number(10);
		passport_events();
		assert_ok!(Passport::remove_expired(signed(9), account(7), MEMBER_KYC, 1));
		assert_eq!(
			passport_events(),
			vec![Event::AttestationRemoved { subject: account(7), kind: MEMBER_KYC, attester: 1 }]
		);
		assert_eq!(held(1), 0);
		assert_eq!(Balances::free_balance(1), START);
		assert_eq!(AttestationCount::<Test>::get((account(7), MEMBER_KYC)), 0);
		assert_noop!(
			Passport::remove_expired(signed(9), account(7), MEMBER_KYC, 1),
			Error::<Test>::NoAttestation
		);
		// The attester may remove a valid one; anyone a revoked one.
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, H256::zero(), 50));
		assert_ok!(Passport::remove_expired(signed(1), account(7), MEMBER_KYC, 1));
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, H256::zero(), 50));
		assert_ok!(Passport::revoke(signed(1), account(7), MEMBER_KYC, 1));
		assert_ok!(Passport::remove_expired(signed(9), account(7), MEMBER_KYC, 1));
		assert_eq!(Balances::free_balance(1), START);
	});
}

#[test]
fn claim_kinds_by_federation() {
	build_and_execute(|| {
		assert_noop!(
			Passport::add_claim_kind(signed(1), b"GoodStanding".to_vec(), SubjectKind::Coop, 10),
			DispatchError::BadOrigin
		);
		assert_ok!(Passport::add_claim_kind(
			RuntimeOrigin::root(),
			b"GoodStanding".to_vec(),
			SubjectKind::Coop,
			10
		));
		assert_eq!(
			passport_events(),
			vec![Event::ClaimKindAdded { id: 2, subject: SubjectKind::Coop }]
		);
		assert_ok!(Passport::set_claim_kind(RuntimeOrigin::root(), 2, b"Standing".to_vec(), 20));
		assert_eq!(crate::ClaimKinds::<Test>::get(2).unwrap().max_validity, 20);
		assert_noop!(
			Passport::set_claim_kind(RuntimeOrigin::root(), 9, b"X".to_vec(), 20),
			Error::<Test>::UnknownClaimKind
		);
		assert_noop!(
			Passport::add_claim_kind(RuntimeOrigin::root(), vec![], SubjectKind::Coop, 10),
			Error::<Test>::BadName
		);
	});
}

#[test]
fn member_kyc_attested_by_one_coop_lets_another_admit_without_new_checks() {
	build_and_execute(|| {
		// Co-op 1 (admin 3) requires MemberKyc from one attester of accounts joining it.
		assert_noop!(
			Passport::set_member_policy(signed(4), policy(vec![MEMBER_KYC], 1)),
			Error::<Test>::NotCoopAdmin
		);
		assert_noop!(
			Passport::set_member_policy(signed(3), policy(vec![LEGAL_ENTITY], 1)),
			Error::<Test>::WrongSubject
		);
		assert_ok!(Passport::set_member_policy(signed(3), policy(vec![MEMBER_KYC], 1)));
		assert_noop!(
			pallet_coop_membership::Pallet::<Test>::add_member(signed(3), 7),
			Error::<Test>::NotVerified
		);
		// Co-op 0's admin checked account 7 once and attested it.
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, H256::repeat_byte(7), 50));
		assert_ok!(pallet_coop_membership::Pallet::<Test>::add_member(signed(3), 7));
	});
}

#[test]
fn admission_requires_attested_legal_entity() {
	build_and_execute(|| {
		assert_ok!(Passport::set_admission_policy(
			RuntimeOrigin::root(),
			policy(vec![LEGAL_ENTITY], 2)
		));
		assert_ok!(pallet_coop_membership::Pallet::<Test>::apply_coop(
			signed(8),
			b"New".to_vec(),
			H256::zero()
		));
		assert_noop!(
			pallet_coop_membership::Pallet::<Test>::admit_coop(RuntimeOrigin::root(), 3),
			Error::<Test>::NotVerified
		);
		publish(8);
		assert_ok!(Passport::attest(signed(3), coop(3), LEGAL_ENTITY, H256::zero(), 50));
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(3), LEGAL_ENTITY, H256::zero(), 50));
		assert_ok!(pallet_coop_membership::Pallet::<Test>::admit_coop(RuntimeOrigin::root(), 3));
	});
}

#[test]
fn try_state_detects_broken_counter() {
	new_test_ext().execute_with(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, H256::zero(), 50));
		assert_ok!(Passport::do_try_state());
		AttestationCount::<Test>::insert((account(7), MEMBER_KYC), 2);
		assert!(Passport::do_try_state().is_err());
	});
}
