//! Member and admission policies.

use super::*;

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
