//! `try_state` and attacks played against the pallet, each shown to fail.

use super::*;

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

/// Attack: one co-op's accredited attesters take several slots of a claim (they
/// count once together), so that other attesters find the claim full although
/// it is attested by too few parties. A second record of a co-op gives way.
#[test]
fn attack_one_coop_filling_a_claims_slots_fails() {
	build_and_execute(|| {
		publish(1);
		assert_ok!(Passport::accredit_attester(root(), LEGAL_ENTITY, acc(4)));
		// 3 and 4 are both of co-op 1; the claim has MAX_ATTESTERS = 3 slots.
		for attester in [3, 4, 5] {
			assert_ok!(Passport::attest(signed(attester), coop(0), LEGAL_ENTITY, ev(0), 50));
		}
		assert!(!Passport::is_verified(&coop(0), LEGAL_ENTITY, 3));
		passport_events();
		assert_ok!(Passport::attest(signed(REGISTRAR), coop(0), LEGAL_ENTITY, ev(1), 50));
		let events = passport_events();
		let Some(Event::AttestationRemoved { attester, deposit, .. }) = events.first() else {
			panic!("no record gave way: {events:?}")
		};
		assert!([acc(3), acc(4)].contains(attester));
		assert_eq!(*deposit, DEPOSIT);
		assert!(Passport::is_verified(&coop(0), LEGAL_ENTITY, 3));
	});
}
