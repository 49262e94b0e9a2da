//! Attesting, renewing, revoking and removing, and when an attestation counts.

use super::*;

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
