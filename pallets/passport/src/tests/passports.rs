//! Passports, claim kinds and accreditation.

use super::*;

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

/// Attack: apply, publish a passport and a member policy, withdraw the
/// application (its deposit comes back) and repeat: each round would leave
/// records on chain that nobody pays for. They go with the application, and with
/// an admitted co-op when it leaves.
#[test]
fn attack_withdrawn_application_leaves_no_passport_or_policy_behind() {
	build_and_execute(|| {
		assert_ok!(MembershipCall::apply_coop(signed(8), text(b"New"), ev(0)));
		publish(8);
		assert_ok!(Passport::set_member_policy(signed(8), policy(vec![MEMBER_KYC], 1)));
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(3), LEGAL_ENTITY, ev(1), 50));
		let registrar_held = held(REGISTRAR);
		passport_events();
		assert_ok!(MembershipCall::leave_federation(signed(8)));
		assert!(Passports::<Test>::get(3).is_none());
		assert!(MemberPolicies::<Test>::get(3).is_none());
		assert_eq!(passport_events(), vec![Event::CoopRecordsRemoved { coop: 3 }]);
		assert_eq!(free(8), START);
		// The attestation about it no longer counts: anyone removes it, and its
		// deposit goes back to the attester.
		assert!(!Passport::is_verified(&coop(3), LEGAL_ENTITY, 1));
		assert_ok!(Passport::remove_expired(signed(9), coop(3), LEGAL_ENTITY, acc(REGISTRAR)));
		assert_eq!(held(REGISTRAR), registrar_held - DEPOSIT);

		// An admitted co-op's records go when it leaves the federation.
		publish(3);
		assert_ok!(Passport::set_member_policy(signed(3), policy(vec![MEMBER_KYC], 1)));
		passport_events();
		assert_ok!(MembershipCall::leave_federation(signed(3)));
		assert!(Passports::<Test>::get(1).is_none());
		assert!(MemberPolicies::<Test>::get(1).is_none());
		assert_eq!(passport_events(), vec![Event::CoopRecordsRemoved { coop: 1 }]);
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
