//! Unit tests of the passport pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

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

#[test]
fn genesis_seeds_six_claim_kinds_and_attesters() {
	build_and_execute(|| {
		let mut kinds = Passport::claim_kinds_page(None, 100).items;
		kinds.sort_by_key(|k| k.id);
		assert_eq!(kinds.len(), 6);
		for (i, kind) in kinds.iter().enumerate() {
			assert_eq!(kind.id, i as u16);
			assert_eq!(kind.name, CLAIM_KINDS[i].0.to_vec());
			assert_eq!(kind.subject, CLAIM_KINDS[i].1);
			assert_eq!(kind.max_validity, VALIDITY);
		}
		assert_eq!(NextClaimKindId::<Test>::get(), 6);
		assert_eq!(ClaimKinds::<Test>::get(OFFICERS_KYC).unwrap().subject, SubjectKind::Coop);
		assert_eq!(ClaimKinds::<Test>::get(COOP_PRINCIPLES).unwrap().subject, SubjectKind::Coop);
		assert_eq!(
			ClaimKinds::<Test>::get(MEMBER_IN_GOOD_STANDING).unwrap().subject,
			SubjectKind::Account
		);
		assert_eq!(Accredited::<Test>::get(LEGAL_ENTITY, acc(3)), Some(ActingFor::Coop(1)));
		assert_eq!(
			Accredited::<Test>::get(LEGAL_ENTITY, acc(REGISTRAR)),
			Some(ActingFor::Registrar)
		);
		assert_eq!(Accredited::<Test>::get(MEMBER_KYC, acc(1)), Some(ActingFor::Coop(0)));
		assert_eq!(Accredited::<Test>::get(MEMBER_KYC, acc(3)), None);
		// No policies at genesis: anyone may join, any co-op be admitted.
		assert_eq!(AdmissionRequirements::<Test>::get(), Policy::default());
		assert_ok!(<Passport as AdmissionPolicy<AccountId>>::can_join(0, &acc(9)));
		assert_ok!(<Passport as AdmissionPolicy<AccountId>>::can_admit(0));
	});
}

#[test]
fn set_passport_publishes_then_bumps_version_on_change() {
	build_and_execute(|| {
		assert_eq!(Passport::passport(0), None);
		publish(1);
		assert_eq!(passport_events(), vec![Event::PassportSet { coop: 0, version: 1 }]);
		let p = Passports::<Test>::get(0).unwrap();
		assert_eq!(p.jurisdiction, *b"ES");
		assert_eq!(p.legal_form.to_vec(), b"Cooperativa".to_vec());
		assert_eq!((p.registration_hash, p.documents_hash), (ev(1), ev(2)));
		assert_eq!((p.version, p.updated_at), (1, 1));

		// Identical data: refused, nothing goes stale.
		assert_noop!(
			Passport::set_passport(signed(1), *b"ES", text(b"Cooperativa"), ev(1), ev(2)),
			Error::<Test>::PassportUnchanged
		);
		System::set_block_number(5);
		publish_docs(1, 3);
		assert_eq!(passport_events(), vec![Event::PassportSet { coop: 0, version: 2 }]);
		let p = Passport::passport(0).unwrap();
		assert_eq!((p.version, p.updated_at, p.documents_hash), (2, 5, ev(3)));
		// Any field counts as a change.
		assert_ok!(Passport::set_passport(signed(1), *b"PT", text(b"Cooperativa"), ev(1), ev(3)));
		assert_eq!(Passport::passport(0).unwrap().version, 3);

		// Only admins.
		assert_noop!(
			Passport::set_passport(signed(2), *b"ES", text(&[1]), ev(0), ev(0)),
			Error::<Test>::NotCoopAdmin
		);
		assert_noop!(
			Passport::set_passport(signed(9), *b"ES", text(&[1]), ev(0), ev(0)),
			Error::<Test>::NotCoopAdmin
		);
		for bad in [*b"es", *b"E1", *b"E "] {
			assert_noop!(
				Passport::set_passport(signed(1), bad, text(&[1]), ev(0), ev(0)),
				Error::<Test>::BadJurisdiction
			);
		}
		assert_noop!(
			Passport::set_passport(signed(1), *b"ES", text(b""), ev(0), ev(0)),
			Error::<Test>::BadLegalForm
		);
		// 64 bytes is the longest legal form; a longer one cannot even be decoded
		// (`oversized_text_is_refused_when_the_call_is_decoded`).
		assert_ok!(Passport::set_passport(signed(1), *b"ES", text(&[b'x'; 64]), ev(0), ev(0)));
	});
}

#[test]
fn an_applicant_coop_publishes_its_passport_before_admission() {
	build_and_execute(|| {
		assert_ok!(MembershipCall::apply_coop(signed(8), text(b"New"), ev(0)));
		passport_events();
		publish(8);
		assert_eq!(passport_events(), vec![Event::PassportSet { coop: 3, version: 1 }]);
	});
}

#[test]
fn claim_kinds_are_managed_by_the_federation() {
	build_and_execute(|| {
		assert_noop!(
			Passport::add_claim_kind(signed(1), text(b"Audited"), SubjectKind::Coop, 10),
			DispatchError::BadOrigin
		);
		assert_ok!(Passport::add_claim_kind(root(), text(b"Audited"), SubjectKind::Coop, 10));
		assert_eq!(
			passport_events(),
			vec![Event::ClaimKindAdded { id: 6, subject: SubjectKind::Coop }]
		);
		assert_eq!(NextClaimKindId::<Test>::get(), 7);
		let k = ClaimKinds::<Test>::get(6).unwrap();
		assert_eq!(
			(k.name.to_vec(), k.subject, k.max_validity),
			(b"Audited".to_vec(), SubjectKind::Coop, 10)
		);

		assert_noop!(
			Passport::set_claim_kind(signed(1), 6, text(b"Audit"), 20),
			DispatchError::BadOrigin
		);
		assert_ok!(Passport::set_claim_kind(root(), 6, text(b"Audit"), 20));
		assert_eq!(passport_events(), vec![Event::ClaimKindSet { id: 6 }]);
		let k = ClaimKinds::<Test>::get(6).unwrap();
		assert_eq!(
			(k.name.to_vec(), k.subject, k.max_validity),
			(b"Audit".to_vec(), SubjectKind::Coop, 20)
		);

		assert_noop!(
			Passport::set_claim_kind(root(), 9, text(b"X"), 20),
			Error::<Test>::UnknownClaimKind
		);
		// An empty name is refused; one longer than 64 bytes cannot even be decoded
		// (`oversized_text_is_refused_when_the_call_is_decoded`).
		assert_noop!(
			Passport::add_claim_kind(root(), text(b""), SubjectKind::Coop, 10),
			Error::<Test>::BadName
		);
		assert_noop!(Passport::set_claim_kind(root(), 6, text(b""), 10), Error::<Test>::BadName);
		assert_ok!(Passport::set_claim_kind(root(), 6, text(&[b'n'; 64]), 10));
		assert_noop!(
			Passport::add_claim_kind(root(), text(b"Z"), SubjectKind::Coop, 0),
			Error::<Test>::BadMaxValidity
		);
		assert_noop!(
			Passport::set_claim_kind(root(), 6, text(b"Z"), 0),
			Error::<Test>::BadMaxValidity
		);
	});
}

/// The text parameters are bounded types: encoded exactly as the `Vec<u8>` they
/// replaced, and a value over 64 bytes is refused when the call is decoded (before
/// anything is allocated for it or the call dispatched).
#[test]
fn oversized_text_is_refused_when_the_call_is_decoded() {
	use codec::{Decode, Encode};
	use frame_support::traits::PalletInfoAccess;
	build_and_execute(|| {
		let pallet = <Passport as PalletInfoAccess>::index() as u8;
		// (call index, the fields before the text, the fields after it), as encoded.
		let calls: [(u8, Vec<u8>, Vec<u8>); 3] = [
			(0, b"ES".to_vec(), (ev(1), ev(2)).encode()),
			(1, vec![], (SubjectKind::Coop, 10u64).encode()),
			(2, 6u16.encode(), 10u64.encode()),
		];
		let encoded = |call: u8, before: &[u8], text: Vec<u8>, after: &[u8]| {
			let mut bytes = vec![pallet, call];
			bytes.extend_from_slice(before);
			bytes.extend(text.encode());
			bytes.extend_from_slice(after);
			bytes
		};
		for (call, before, after) in calls {
			let longest = encoded(call, &before, vec![b'x'; 64], &after);
			let decoded = RuntimeCall::decode(&mut &longest[..]).unwrap();
			assert_eq!(decoded.encode(), longest, "call {call}: encoding changed");
			let expected = match call {
				0 => crate::Call::set_passport {
					jurisdiction: *b"ES",
					legal_form: text(&[b'x'; 64]),
					registration_hash: ev(1),
					documents_hash: ev(2),
				},
				1 => crate::Call::add_claim_kind {
					name: text(&[b'x'; 64]),
					subject: SubjectKind::Coop,
					max_validity: 10,
				},
				_ => {
					crate::Call::set_claim_kind { id: 6, name: text(&[b'x'; 64]), max_validity: 10 }
				}
			};
			assert_eq!(decoded, RuntimeCall::Passport(expected));
			let oversized = encoded(call, &before, vec![b'x'; 65], &after);
			assert!(RuntimeCall::decode(&mut &oversized[..]).is_err(), "call {call} decoded");
		}
	});
}

#[test]
fn ids_exhausted_is_an_error_not_an_overflow() {
	build_and_execute(|| {
		NextClaimKindId::<Test>::put(u16::MAX);
		assert_noop!(
			Passport::add_claim_kind(root(), text(b"Last"), SubjectKind::Coop, 10),
			Error::<Test>::ClaimKindIdsExhausted
		);
		NextClaimKindId::<Test>::put(6);
	});
}

#[test]
fn a_shorter_max_validity_applies_to_new_attestations_only() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(7), 1 + VALIDITY));
		assert_ok!(Passport::set_claim_kind(root(), MEMBER_KYC, text(b"MemberKyc"), 10));
		assert_eq!(record(account(7), MEMBER_KYC, 1).valid_until, 1 + VALIDITY);
		assert_noop!(
			Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, ev(7), 12),
			Error::<Test>::BadValidity
		);
		assert_ok!(Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, ev(7), 11));
		assert_noop!(
			Passport::renew(signed(1), account(7), MEMBER_KYC, 12, None),
			Error::<Test>::BadValidity
		);
	});
}

#[test]
fn accreditation_records_on_whose_behalf() {
	build_and_execute(|| {
		assert_noop!(
			Passport::accredit_attester(signed(1), LEGAL_ENTITY, acc(12)),
			DispatchError::BadOrigin
		);
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(12)));
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(2)));
		assert_eq!(
			passport_events(),
			vec![
				Event::Accredited {
					kind: LEGAL_ENTITY,
					attester: acc(12),
					acting_for: ActingFor::Registrar
				},
				Event::Accredited {
					kind: LEGAL_ENTITY,
					attester: acc(2),
					acting_for: ActingFor::Coop(0)
				},
			]
		);
		assert_eq!(Accredited::<Test>::get(LEGAL_ENTITY, acc(2)), Some(ActingFor::Coop(0)));
		assert_noop!(
			Passport::accredit_attester(root(), LEGAL_ENTITY, acc(12)),
			Error::<Test>::AlreadyAccredited
		);
		assert_noop!(
			Passport::accredit_attester(root(), 9, acc(12)),
			Error::<Test>::UnknownClaimKind
		);
		// Members of a co-op that is not active cannot be accredited.
		assert_ok!(MembershipCall::suspend_coop(root(), 2, ev(0)));
		assert_noop!(
			Passport::accredit_attester(root(), MEMBER_KYC, acc(5)),
			Error::<Test>::AttesterCoopNotActive
		);
		assert_ok!(MembershipCall::apply_coop(signed(8), text(b"New"), ev(0)));
		assert_noop!(
			Passport::accredit_attester(root(), MEMBER_KYC, acc(8)),
			Error::<Test>::AttesterCoopNotActive
		);
		passport_events();

		assert_noop!(
			Passport::withdraw_accreditation(signed(1), LEGAL_ENTITY, acc(12)),
			DispatchError::BadOrigin
		);
		assert_ok!(Passport::withdraw_accreditation(root(), LEGAL_ENTITY, acc(12)));
		assert_eq!(
			passport_events(),
			vec![Event::AccreditationWithdrawn { kind: LEGAL_ENTITY, attester: acc(12) }]
		);
		assert_eq!(Accredited::<Test>::get(LEGAL_ENTITY, acc(12)), None);
		assert_noop!(
			Passport::withdraw_accreditation(root(), LEGAL_ENTITY, acc(12)),
			Error::<Test>::NotAccredited
		);
	});
}

#[test]
fn attest_holds_the_deposit_and_records_everything() {
	build_and_execute(|| {
		publish(1);
		System::set_block_number(3);
		passport_events();
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(9), 50));
		assert_eq!(
			passport_events(),
			vec![Event::Attested {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: acc(3),
				evidence: ev(9),
				passport_version: 1,
				valid_until: 50,
				deposit: DEPOSIT,
			}]
		);
		assert_eq!(
			record(coop(0), LEGAL_ENTITY, 3),
			Attestation {
				evidence: ev(9),
				passport_version: 1,
				issued_at: 3,
				valid_until: 50,
				status: AttestationStatus::Valid,
				deposit: DEPOSIT,
			}
		);
		assert_eq!(held(3), DEPOSIT);
		assert_eq!(free(3), START - DEPOSIT);
		assert_eq!(AttestationCount::<Test>::get((coop(0), LEGAL_ENTITY)), 1);
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert!(!Passport::is_verified(&coop(0), GOOD_STANDING, 1));
		assert!(Passport::is_verified(&coop(0), GOOD_STANDING, 0));

		// An account attestation records passport version 0.
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(7), 50));
		assert_eq!(
			passport_events()[0],
			Event::Attested {
				subject: account(7),
				kind: MEMBER_KYC,
				attester: acc(1),
				evidence: ev(7),
				passport_version: 0,
				valid_until: 50,
				deposit: DEPOSIT,
			}
		);
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(free(1), START - DEPOSIT);
	});
}

#[test]
fn attest_errors() {
	build_and_execute(|| {
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::NoPassport
		);
		publish(1);
		publish(3);
		assert_noop!(
			Passport::attest(signed(4), coop(0), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::NotAccredited
		);
		assert_noop!(
			Passport::attest(signed(3), coop(0), 7, ev(0), 50),
			Error::<Test>::UnknownClaimKind
		);
		// A co-op cannot attest itself, nor an account itself.
		assert_noop!(
			Passport::attest(signed(3), coop(1), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			Passport::attest(signed(1), account(1), MEMBER_KYC, ev(0), 50),
			Error::<Test>::SelfAttestation
		);
		assert_noop!(
			Passport::attest(signed(3), account(2), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::WrongSubject
		);
		assert_noop!(
			Passport::attest(signed(1), coop(1), MEMBER_KYC, ev(0), 50),
			Error::<Test>::WrongSubject
		);
		// valid_until in (now, now + max_validity].
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 1),
			Error::<Test>::BadValidity
		);
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 1 + VALIDITY + 1),
			Error::<Test>::BadValidity
		);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 1 + VALIDITY));
		assert_noop!(
			Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::AlreadyAttested
		);
		// A fourth attester would exceed MaxAttestersPerClaim (3).
		assert_ok!(Passport::attest(signed(5), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(12)));
		assert_noop!(
			Passport::attest(signed(12), coop(0), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::TooManyAttesters
		);
		// Deposit.
		assert_ok!(Passport::accredit_attester(root(), MEMBER_KYC, acc(30)));
		assert_noop!(
			Passport::attest(signed(30), account(2), MEMBER_KYC, ev(0), 50),
			Error::<Test>::InsufficientDeposit
		);
		assert_eq!(free(30), 0);
	});
}

#[test]
fn every_coop_has_its_own_sovereign_account() {
	build_and_execute(|| {
		// 8-byte accounts would truncate every co-op's sub-account into one, and the
		// sovereign-account tests below could not tell co-ops apart.
		let sovereigns: Vec<AccountId> = (0..3).map(sovereign).collect();
		for (i, a) in sovereigns.iter().enumerate() {
			for b in &sovereigns[i + 1..] {
				assert_ne!(a, b);
			}
			// Nor is any a test account or a member of a co-op.
			assert!((0..=u8::MAX).all(|n| *a != acc(n)));
			assert_eq!(Membership::coop_of(a), None);
		}
	});
}

#[test]
fn a_coop_cannot_attest_itself_through_its_sovereign_account() {
	build_and_execute(|| {
		publish(1);
		publish(3);
		// Each co-op's sovereign account, in no co-op, is accredited as a registrar.
		for c in [0, 1] {
			let who = sovereign(c);
			assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, who.clone()));
			assert_eq!(Accredited::<Test>::get(LEGAL_ENTITY, &who), Some(ActingFor::Registrar));
			<Balances as Mutate<AccountId>>::set_balance(&who, START);
		}
		let by = |c: u32| RuntimeOrigin::signed(sovereign(c));
		// Its own co-op: refused.
		for c in [0, 1] {
			assert_noop!(
				Passport::attest(by(c), coop(c), LEGAL_ENTITY, ev(0), 50),
				Error::<Test>::SelfAttestation
			);
		}
		// Another co-op: allowed, and it counts. This fails if two co-ops share a
		// sovereign account (the attestation would be refused as self-attestation).
		assert_ok!(Passport::attest(by(0), coop(1), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::attest(by(1), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(Passport::is_verified(&coop(1), LEGAL_ENTITY, 1));
		for c in [0, 1] {
			let deposit =
				Balances::balance_on_hold(&HoldReason::AttestationDeposit.into(), &sovereign(c));
			assert_eq!(deposit, DEPOSIT);
		}
		// Renewing is checked the same way: allowed for the other co-op only.
		assert_ok!(Passport::renew(by(0), coop(1), LEGAL_ENTITY, 60, None));
		assert_noop!(
			Passport::renew(by(0), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::SelfAttestation
		);
	});
}

#[test]
fn expiry_at_the_exact_block() {
	build_and_execute(|| {
		// Attested at block 1, valid until 10: counts at blocks 1..=9, not at 10.
		publish(1);
		assert_ok!(Passport::set_member_policy(signed(3), policy(vec![MEMBER_KYC], 1)));
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 10));
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 10));
		System::set_block_number(9);
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(attestations_of(&account(7))[0].counts);
		assert_ok!(<Passport as AdmissionPolicy<AccountId>>::can_join(1, &acc(7)));
		assert_noop!(
			Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(1)),
			Error::<Test>::StillValid
		);
		System::set_block_number(10);
		assert!(!Passport::is_verified(&account(7), MEMBER_KYC, 1));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		let view = attestations_of(&account(7));
		assert!(!view[0].counts && !view[0].stale);
		assert_ok!(MembershipCall::add_member(signed(3), acc(7)));
		assert_noop!(MembershipCall::accept_invitation(signed(7), 1), Error::<Test>::NotVerified);
		assert_ok!(Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(1)));
	});
}

#[test]
fn renew_extends_and_can_revive_an_expired_attestation() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(7), 10));
		System::set_block_number(12);
		assert!(!Passport::is_verified(&account(7), MEMBER_KYC, 1));
		passport_events();
		assert_ok!(Passport::renew(signed(1), account(7), MEMBER_KYC, 30, None));
		assert_eq!(
			passport_events(),
			vec![Event::Renewed {
				subject: account(7),
				kind: MEMBER_KYC,
				attester: acc(1),
				evidence: ev(7),
				passport_version: 0,
				valid_until: 30,
			}]
		);
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
		let a = record(account(7), MEMBER_KYC, 1);
		// Renewal keeps the original issue time.
		assert_eq!((a.issued_at, a.valid_until, a.evidence), (1, 30, ev(7)));
		// No second deposit.
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(free(1), START - DEPOSIT);

		// New evidence.
		assert_ok!(Passport::renew(signed(1), account(7), MEMBER_KYC, 40, Some(ev(8))));
		assert_eq!(record(account(7), MEMBER_KYC, 1).evidence, ev(8));

		assert_noop!(
			Passport::renew(signed(1), account(7), MEMBER_KYC, 12, None),
			Error::<Test>::BadValidity
		);
		assert_noop!(
			Passport::renew(signed(1), account(7), MEMBER_KYC, 12 + VALIDITY + 1, None),
			Error::<Test>::BadValidity
		);
		assert_noop!(
			Passport::renew(signed(REGISTRAR), account(7), MEMBER_KYC, 30, None),
			Error::<Test>::NoAttestation
		);
		// Only while accredited.
		assert_ok!(Passport::withdraw_accreditation(root(), MEMBER_KYC, acc(1)));
		assert_noop!(
			Passport::renew(signed(1), account(7), MEMBER_KYC, 50, None),
			Error::<Test>::NotAccredited
		);
	});
}

#[test]
fn revocation_stops_counting_and_the_record_and_deposit_stay_until_removed() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::attest(signed(5), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		passport_events();
		assert_ok!(Passport::revoke(signed(5), coop(0), LEGAL_ENTITY, 2));
		assert_eq!(
			passport_events(),
			vec![Event::Revoked {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: acc(5),
				reason: 2
			}]
		);
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert_eq!(record(coop(0), LEGAL_ENTITY, 5).status, AttestationStatus::Revoked(2));
		let view = attestations_of(&coop(0));
		assert_eq!(view.len(), 2);
		assert!(view.iter().any(|v| v.attester == acc(5) && !v.counts));
		assert_eq!(held(5), DEPOSIT);
		assert_eq!(free(5), START - DEPOSIT);

		assert_noop!(Passport::revoke(signed(5), coop(0), LEGAL_ENTITY, 2), Error::<Test>::Revoked);
		assert_noop!(
			Passport::renew(signed(5), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::Revoked
		);
		assert_noop!(
			Passport::attest(signed(5), coop(0), LEGAL_ENTITY, ev(0), 60),
			Error::<Test>::AlreadyAttested
		);
		assert_noop!(
			Passport::revoke(signed(REGISTRAR), coop(0), LEGAL_ENTITY, 0),
			Error::<Test>::NoAttestation
		);

		// Anyone removes a revoked record; the deposit goes back to the attester.
		assert_ok!(Passport::remove_expired(signed(9), coop(0), LEGAL_ENTITY, acc(5)));
		assert_eq!(
			passport_events(),
			vec![Event::AttestationRemoved {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: acc(5),
				deposit: DEPOSIT
			}]
		);
		assert_eq!((held(5), free(5), free(9)), (0, START, START));
		// Then it may attest afresh.
		assert_ok!(Passport::attest(signed(5), coop(0), LEGAL_ENTITY, ev(0), 60));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
	});
}

#[test]
fn a_deaccredited_attester_may_still_revoke_and_remove() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(Passport::withdraw_accreditation(root(), MEMBER_KYC, acc(REGISTRAR)));
		assert_ok!(Passport::revoke(signed(REGISTRAR), account(7), MEMBER_KYC, 1));
		assert_ok!(Passport::remove_expired(
			signed(REGISTRAR),
			account(7),
			MEMBER_KYC,
			acc(REGISTRAR)
		));
		assert_eq!((held(REGISTRAR), free(REGISTRAR)), (0, START));
	});
}

#[test]
fn a_passport_change_makes_attestations_stale_until_renewed() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		let view = attestations_of(&coop(0));
		assert!(view.iter().all(|v| !v.stale && v.counts));

		publish_docs(1, 3);
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		let view = attestations_of(&coop(0));
		assert_eq!(view.len(), 2);
		assert!(view.iter().all(|v| v.stale && !v.counts && v.attestation.passport_version == 1));

		passport_events();
		assert_ok!(Passport::renew(signed(3), coop(0), LEGAL_ENTITY, 60, None));
		assert_eq!(
			passport_events(),
			vec![Event::Renewed {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: acc(3),
				evidence: ev(0),
				passport_version: 2,
				valid_until: 60,
			}]
		);
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		let a = record(coop(0), LEGAL_ENTITY, 3);
		assert_eq!((a.passport_version, a.valid_until), (2, 60));
		let view = attestations_of(&coop(0));
		assert!(view.iter().any(|v| v.attester == acc(3) && !v.stale && v.counts));
		assert!(view.iter().any(|v| v.attester == acc(REGISTRAR) && v.stale && !v.counts));
		// A stale attestation no longer counts: anyone may remove it, its deposit going
		// back to its attester; the renewed one counts and stays.
		passport_events();
		assert_ok!(Passport::remove_expired(signed(9), coop(0), LEGAL_ENTITY, acc(REGISTRAR)));
		assert_eq!(
			passport_events(),
			vec![Event::AttestationRemoved {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: acc(REGISTRAR),
				deposit: DEPOSIT
			}]
		);
		assert_eq!((held(REGISTRAR), free(REGISTRAR)), (0, START));
		assert_noop!(
			Passport::remove_expired(signed(9), coop(0), LEGAL_ENTITY, acc(3)),
			Error::<Test>::StillValid
		);

		// Account attestations never go stale.
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 50));
		publish_docs(1, 4);
		assert!(!attestations_of(&account(7))[0].stale);
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
	});
}

#[test]
fn withdrawn_accreditation_stops_counting_immediately() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, ev(0), 50));
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
		assert_eq!(attestations_of(&account(7))[0].acting_for, Some(ActingFor::Registrar));
		assert_ok!(Passport::withdraw_accreditation(root(), MEMBER_KYC, acc(REGISTRAR)));
		// Same block: no grace period.
		assert!(!Passport::is_verified(&account(7), MEMBER_KYC, 1));
		let view = attestations_of(&account(7));
		assert_eq!((view[0].acting_for, view[0].counts), (None, false));
		// The record and deposit stay.
		assert_eq!(record(account(7), MEMBER_KYC, REGISTRAR).status, AttestationStatus::Valid);
		assert_eq!(held(REGISTRAR), DEPOSIT);
		// Accredited again before it expires, it counts again.
		assert_ok!(Passport::accredit_attester(root(), MEMBER_KYC, acc(REGISTRAR)));
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 1));
	});
}

#[test]
fn attesters_of_one_coop_count_once() {
	build_and_execute(|| {
		publish(1);
		// 3 (admin) and 4 (member) both attest for co-op 1.
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(4)));
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::attest(signed(4), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(attestations_of(&coop(0)).iter().all(|v| v.counts));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		// A registrar is a second distinct attester.
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 3));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, u32::MAX));
		// Two distinct registrars count as two.
		assert_ok!(Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(Passport::accredit_attester(root(), MEMBER_KYC, acc(12)));
		assert_ok!(Passport::attest(signed(12), account(7), MEMBER_KYC, ev(0), 50));
		assert!(Passport::is_verified(&account(7), MEMBER_KYC, 2));
	});
}

#[test]
fn a_suspended_coops_attestations_stop_counting_until_reinstated() {
	build_and_execute(|| {
		publish(1);
		publish(5);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert_ok!(MembershipCall::suspend_coop(root(), 1, ev(0)));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert!(!attestations_of(&coop(0))[0].counts);
		assert_noop!(
			Passport::attest(signed(3), coop(2), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::AttesterCoopNotActive
		);
		assert_noop!(
			Passport::renew(signed(3), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::AttesterCoopNotActive
		);
		assert_ok!(MembershipCall::reinstate_coop(root(), 1));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
	});
}

#[test]
fn an_attester_no_longer_in_the_coop_it_was_accredited_for_stops_counting() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(4)));
		assert_ok!(Passport::attest(signed(4), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::attest(signed(5), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		// 4 leaves co-op 1.
		assert_ok!(MembershipCall::leave_coop(signed(4)));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 2));
		assert_noop!(
			Passport::renew(signed(4), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::NotActingForCoop
		);
		// Co-op 2 is expelled: its former admin is in no co-op, but was accredited
		// for co-op 2, so it does not become a registrar.
		assert_ok!(MembershipCall::expel_coop(root(), 2, ev(0)));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert_noop!(
			Passport::attest(signed(5), coop(1), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::NotActingForCoop
		);
	});
}

#[test]
fn a_registrar_who_joins_the_subject_coop_stops_counting_for_it() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert_ok!(MembershipCall::add_member(signed(1), acc(REGISTRAR)));
		assert_ok!(MembershipCall::accept_invitation(signed(REGISTRAR), 0));
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 1));
		assert_noop!(
			Passport::renew(signed(REGISTRAR), coop(0), LEGAL_ENTITY, 60, None),
			Error::<Test>::SelfAttestation
		);
	});
}

#[test]
fn remove_expired_returns_the_deposit_to_the_attester() {
	build_and_execute(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 10));
		assert_eq!((held(1), free(1)), (DEPOSIT, START - DEPOSIT));
		assert_noop!(
			Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(1)),
			Error::<Test>::StillValid
		);
		System::set_block_number(10);
		passport_events();
		assert_ok!(Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(1)));
		assert_eq!(
			passport_events(),
			vec![Event::AttestationRemoved {
				subject: account(7),
				kind: MEMBER_KYC,
				attester: acc(1),
				deposit: DEPOSIT
			}]
		);
		assert_eq!((held(1), free(1), free(9)), (0, START, START));
		assert_eq!(AttestationCount::<Test>::get((account(7), MEMBER_KYC)), 0);
		assert!(!AttestationCount::<Test>::contains_key((account(7), MEMBER_KYC)));
		assert!(attestations_of(&account(7)).is_empty());
		assert_noop!(
			Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(1)),
			Error::<Test>::NoAttestation
		);
		// The attester may remove a valid one.
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(Passport::remove_expired(signed(1), account(7), MEMBER_KYC, acc(1)));
		assert_eq!((held(1), free(1)), (0, START));
	});
}

#[test]
fn a_coop_requires_member_kyc_attested_by_another_coop() {
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
		assert_noop!(
			Passport::set_member_policy(signed(3), policy(vec![9], 1)),
			Error::<Test>::UnknownClaimKind
		);
		for bad in [
			policy(vec![MEMBER_KYC, MEMBER_KYC], 1),
			policy(vec![MEMBER_KYC], 0),
			policy(vec![MEMBER_KYC], MAX_ATTESTERS + 1),
		] {
			assert_noop!(Passport::set_member_policy(signed(3), bad), Error::<Test>::BadPolicy);
		}
		assert_ok!(Passport::set_member_policy(signed(3), policy(vec![MEMBER_KYC], 1)));
		assert_eq!(
			passport_events(),
			vec![Event::MemberPolicySet { coop: 1, policy: policy(vec![MEMBER_KYC], 1) }]
		);
		assert_eq!(MemberPolicies::<Test>::get(1), Some(policy(vec![MEMBER_KYC], 1)));
		assert_eq!(
			<Passport as AdmissionPolicy<AccountId>>::can_join(1, &acc(7)),
			Err(Error::<Test>::NotVerified.into())
		);
		assert_ok!(MembershipCall::add_member(signed(3), acc(7)));
		assert_noop!(MembershipCall::accept_invitation(signed(7), 1), Error::<Test>::NotVerified);
		// Other co-ops are unaffected.
		assert_ok!(<Passport as AdmissionPolicy<AccountId>>::can_join(0, &acc(7)));

		// Co-op 0's admin checked account 7 once and attested it; co-op 1 admits it
		// without checking again.
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(7), 50));
		assert_ok!(MembershipCall::accept_invitation(signed(7), 1));
		assert_eq!(Membership::coop_of(&acc(7)), Some(1));

		// An empty policy removes it.
		passport_events();
		assert_ok!(Passport::set_member_policy(signed(3), policy(vec![], 0)));
		assert_eq!(
			passport_events(),
			vec![Event::MemberPolicySet { coop: 1, policy: policy(vec![], 0) }]
		);
		assert!(!MemberPolicies::<Test>::contains_key(1));
		assert_ok!(MembershipCall::add_member(signed(3), acc(8)));
		assert_ok!(MembershipCall::accept_invitation(signed(8), 1));
	});
}

#[test]
fn a_policy_requires_every_kind_from_enough_distinct_attesters() {
	build_and_execute(|| {
		assert_ok!(Passport::accredit_attester(root(), MEMBER_IN_GOOD_STANDING, acc(5)));
		assert_ok!(Passport::set_member_policy(
			signed(3),
			policy(vec![MEMBER_KYC, MEMBER_IN_GOOD_STANDING], 2)
		));
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(Passport::attest(signed(REGISTRAR), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(Passport::attest(signed(5), account(7), MEMBER_IN_GOOD_STANDING, ev(0), 50));
		// Two attesters for MemberKyc, only one for MemberInGoodStanding.
		assert_ok!(MembershipCall::add_member(signed(3), acc(7)));
		assert_noop!(MembershipCall::accept_invitation(signed(7), 1), Error::<Test>::NotVerified);
		assert_ok!(Passport::accredit_attester(root(), MEMBER_IN_GOOD_STANDING, acc(REGISTRAR)));
		assert_ok!(Passport::attest(
			signed(REGISTRAR),
			account(7),
			MEMBER_IN_GOOD_STANDING,
			ev(0),
			50
		));
		assert_ok!(MembershipCall::accept_invitation(signed(7), 1));
	});
}

#[test]
fn admission_requires_attested_legal_entity() {
	build_and_execute(|| {
		assert_noop!(
			Passport::set_admission_policy(signed(1), policy(vec![LEGAL_ENTITY], 2)),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Passport::set_admission_policy(root(), policy(vec![MEMBER_KYC], 2)),
			Error::<Test>::WrongSubject
		);
		assert_noop!(
			Passport::set_admission_policy(root(), policy(vec![LEGAL_ENTITY], 0)),
			Error::<Test>::BadPolicy
		);
		assert_ok!(Passport::set_admission_policy(root(), policy(vec![LEGAL_ENTITY], 2)));
		assert_eq!(
			passport_events(),
			vec![Event::AdmissionPolicySet { policy: policy(vec![LEGAL_ENTITY], 2) }]
		);
		assert_ok!(MembershipCall::apply_coop(signed(8), text(b"New"), ev(0)));
		assert_noop!(MembershipCall::admit_coop(root(), 3), Error::<Test>::NotVerified);
		publish(8);
		assert_ok!(Passport::attest(signed(3), coop(3), LEGAL_ENTITY, ev(0), 50));
		assert_noop!(MembershipCall::admit_coop(root(), 3), Error::<Test>::NotVerified);
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(3), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(MembershipCall::admit_coop(root(), 3));

		// Back to no requirement.
		passport_events();
		assert_ok!(Passport::set_admission_policy(root(), policy(vec![], 0)));
		assert_eq!(
			passport_events(),
			vec![Event::AdmissionPolicySet { policy: policy(vec![], 0) }]
		);
		assert!(!AdmissionRequirements::<Test>::exists());
		assert_ok!(<Passport as AdmissionPolicy<AccountId>>::can_admit(42));
	});
}

#[test]
fn try_state_detects_broken_invariants() {
	// A broken counter.
	new_test_ext().execute_with(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(Passport::do_try_state());
		AttestationCount::<Test>::insert((account(7), MEMBER_KYC), 2);
		assert!(Passport::do_try_state().is_err());
	});
	// A deposit released behind the pallet's back.
	new_test_ext().execute_with(|| {
		assert_ok!(Passport::attest(signed(1), account(7), MEMBER_KYC, ev(0), 50));
		assert_ok!(<Balances as MutateHold<AccountId>>::release(
			&HoldReason::AttestationDeposit.into(),
			&acc(1),
			1,
			Precision::Exact
		));
		assert!(Passport::do_try_state().is_err());
	});
	// An attestation of a passport version that never existed.
	new_test_ext().execute_with(|| {
		publish(1);
		assert_ok!(Passport::attest(signed(3), coop(0), LEGAL_ENTITY, ev(0), 50));
		assert_ok!(Passport::do_try_state());
		Attestations::<Test>::mutate((coop(0), LEGAL_ENTITY), acc(3), |a| {
			a.as_mut().unwrap().passport_version = 2
		});
		assert!(Passport::do_try_state().is_err());
	});
	// An invalid stored policy.
	new_test_ext().execute_with(|| {
		MemberPolicies::<Test>::insert(0, policy(vec![LEGAL_ENTITY], 1));
		assert!(Passport::do_try_state().is_err());
	});
	// A claim kind at or above the next id.
	new_test_ext().execute_with(|| {
		NextClaimKindId::<Test>::put(5);
		assert!(Passport::do_try_state().is_err());
	});
}

/// Attack 7. The per-claim cap (3 here) is filled with records that no longer count
/// (de-accredited attester, attester's co-op suspended, attester left the co-op it
/// attested for), so no new attester can attest. Anyone may remove such records
/// (deposit back to its attester), and a new attestation takes the slot of one.
#[test]
fn attack_slots_blocked_by_dead_attestations_fails() {
	build_and_execute(|| {
		publish(1);
		for attester in [3, 5, REGISTRAR] {
			assert_ok!(Passport::attest(signed(attester), coop(0), LEGAL_ENTITY, ev(0), 50));
		}
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(12)));
		// While all three count, the claim is full.
		assert_noop!(
			Passport::attest(signed(12), coop(0), LEGAL_ENTITY, ev(0), 50),
			Error::<Test>::TooManyAttesters
		);
		assert_noop!(
			Passport::remove_expired(signed(9), coop(0), LEGAL_ENTITY, acc(REGISTRAR)),
			Error::<Test>::StillValid
		);
		// The registrar is de-accredited: its record stops counting and gives way.
		assert_ok!(Passport::withdraw_accreditation(root(), LEGAL_ENTITY, acc(REGISTRAR)));
		passport_events();
		assert_ok!(Passport::attest(signed(12), coop(0), LEGAL_ENTITY, ev(2), 50));
		assert_eq!(
			passport_events(),
			vec![
				Event::AttestationRemoved {
					subject: coop(0),
					kind: LEGAL_ENTITY,
					attester: acc(REGISTRAR),
					deposit: DEPOSIT
				},
				Event::Attested {
					subject: coop(0),
					kind: LEGAL_ENTITY,
					attester: acc(12),
					evidence: ev(2),
					passport_version: 1,
					valid_until: 50,
					deposit: DEPOSIT
				},
			]
		);
		assert_eq!((held(REGISTRAR), free(REGISTRAR)), (0, START));
		assert_eq!((held(12), free(12)), (DEPOSIT, START - DEPOSIT));
		assert_eq!(AttestationCount::<Test>::get((coop(0), LEGAL_ENTITY)), 3);
		assert!(!Attestations::<Test>::contains_key((coop(0), LEGAL_ENTITY), acc(REGISTRAR)));

		// The attester's co-op is suspended: anyone removes its record.
		assert_ok!(MembershipCall::suspend_coop(root(), 1, ev(9)));
		passport_events();
		assert_ok!(Passport::remove_expired(signed(9), coop(0), LEGAL_ENTITY, acc(3)));
		assert_eq!(
			passport_events(),
			vec![Event::AttestationRemoved {
				subject: coop(0),
				kind: LEGAL_ENTITY,
				attester: acc(3),
				deposit: DEPOSIT
			}]
		);
		assert_eq!((held(3), free(3), free(9)), (0, START, START));
		assert_eq!(AttestationCount::<Test>::get((coop(0), LEGAL_ENTITY)), 2);
		// Those that count stay.
		assert_noop!(
			Passport::remove_expired(signed(9), coop(0), LEGAL_ENTITY, acc(5)),
			Error::<Test>::StillValid
		);
		assert_ok!(MembershipCall::reinstate_coop(root(), 1));

		// The attester leaves the co-op it was accredited for.
		assert_ok!(Passport::accredit_attester(root(), MEMBER_KYC, acc(4)));
		assert_ok!(Passport::attest(signed(4), account(7), MEMBER_KYC, ev(0), 50));
		assert_noop!(
			Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(4)),
			Error::<Test>::StillValid
		);
		assert_ok!(MembershipCall::leave_coop(signed(4)));
		assert_ok!(Passport::remove_expired(signed(9), account(7), MEMBER_KYC, acc(4)));
		assert_eq!((held(4), free(4)), (0, START));
		assert!(!Passport::is_verified(&account(7), MEMBER_KYC, 1));
	});
}
