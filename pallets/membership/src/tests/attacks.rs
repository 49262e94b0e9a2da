//! `try_state` and attacks played against the pallet, each shown to fail.

use super::*;

#[test]
fn try_state_detects_broken_counter() {
	ExtBuilder::default().build().execute_with(|| {
		active_coop_of_1();
		assert_ok!(Membership::do_try_state());
		ActiveMembers::<Test>::put(7);
		assert!(Membership::do_try_state().is_err());
	});
}

#[test]
fn admission_policy_is_checked() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		RefuseAdmit::set(Some(0));
		assert_noop!(
			Membership::admit_coop(RuntimeOrigin::root(), 0),
			DispatchError::Other("not attested")
		);
		RefuseAdmit::set(None);
		assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 0));
		RefuseJoin::set(Some(acc(2)));
		assert_ok!(Membership::add_member(signed(1), acc(2)));
		assert_noop!(
			Membership::accept_invitation(signed(2), 0),
			DispatchError::Other("not verified")
		);
		join(1, 3);
		RefuseJoin::set(None);
		assert_ok!(Membership::accept_invitation(signed(2), 0));
	});
}

#[test]
fn attack_application_spam_cannot_fill_the_federation() {
	ExtBuilder::default().founding(b"Founders", vec![(1, Role::Admin)]).build_and_execute(|| {
		// Puppets fill the applicant slots ...
		assert_ok!(Membership::apply_coop(signed(2), name(b"Spam1"), H256::zero()));
		assert_ok!(Membership::apply_coop(signed(3), name(b"Spam2"), H256::zero()));
		assert_noop!(
			Membership::apply_coop(signed(4), name(b"Spam3"), H256::zero()),
			Error::<Test>::TooManyApplicants
		);
		// ... but applicants never use up the federation's own capacity.
		assert_eq!((LiveCoops::<Test>::get(), Applicants::<Test>::get()), (1, 2));
		assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 1));
		assert_eq!((LiveCoops::<Test>::get(), Applicants::<Test>::get()), (2, 1));

		// A stale application can be pruned by anyone, once expired, without a trace.
		assert_noop!(
			Membership::prune_application(signed(9), 2),
			Error::<Test>::ApplicationNotExpired
		);
		System::set_block_number(1 + APPLICATION_PERIOD + 1);
		membership_events();
		assert_ok!(Membership::prune_application(signed(9), 2));
		assert_eq!(
			membership_events(),
			vec![Event::ApplicationExpired { coop: 2, members_released: 1 }]
		);
		assert!(Coops::<Test>::get(2).is_none());
		assert_eq!(free(3), START);
		assert_eq!(Applicants::<Test>::get(), 0);
		assert_noop!(Membership::prune_application(signed(9), 1), Error::<Test>::NotApplicant);
		assert_noop!(Membership::prune_application(signed(9), 2), Error::<Test>::CoopNotFound);
		// The slot is free again.
		assert_ok!(Membership::apply_coop(signed(4), name(b"Real"), H256::zero()));
	});
}

#[test]
fn attack_admission_cannot_exceed_max_coops() {
	ExtBuilder::default()
		.founding(b"A", vec![(1, Role::Admin)])
		.founding(b"B", vec![(2, Role::Admin)])
		.founding(b"C", vec![(3, Role::Admin)])
		.build_and_execute(|| {
			assert_ok!(Membership::apply_coop(signed(4), name(b"D"), H256::zero()));
			assert_noop!(
				Membership::admit_coop(RuntimeOrigin::root(), 3),
				Error::<Test>::TooManyCoops
			);
		});
}

#[test]
fn attack_suspended_coop_cannot_escape_with_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), coop, H256::zero()));
		assert_noop!(Membership::leave_federation(signed(1)), Error::<Test>::CoopSuspended);
		assert_eq!(held(HoldReason::CoopDeposit, 1), COOP_DEPOSIT);
		// The federation decides: expulsion (the deposit is returned only then).
		assert_ok!(Membership::expel_coop(RuntimeOrigin::root(), coop, H256::zero()));
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Exited);
	});
}

#[test]
fn attack_enrolment_without_consent_fails() {
	ExtBuilder::default()
		.founding(b"Grabber", vec![(1, Role::Admin)])
		.founding(b"Wanted", vec![(3, Role::Admin)])
		.build_and_execute(|| {
			// Admin 1 tries to lock account 5 into its co-op.
			assert_ok!(Membership::add_member(signed(1), acc(5)));
			assert!(Members::<Test>::get(acc(5)).is_none());
			assert_eq!(Membership::coop_of(&acc(5)), None);
			// Account 5 stays free to join the co-op it chooses ...
			join(3, 5);
			assert_eq!(Membership::coop_of(&acc(5)), Some(1));
			// ... and the stale invitation can no longer be accepted; the invitee or
			// anyone after expiry clears it and admin 1 gets its deposit back.
			assert_noop!(Membership::accept_invitation(signed(5), 0), Error::<Test>::AlreadyMember);
			assert_noop!(
				Membership::cancel_invitation(signed(9), 0, acc(5)),
				Error::<Test>::CannotCancelInvitation
			);
			System::set_block_number(1 + INVITATION_PERIOD + 1);
			membership_events();
			assert_ok!(Membership::cancel_invitation(signed(9), 0, acc(5)));
			assert_eq!(
				membership_events(),
				vec![Event::InvitationCancelled { coop: 0, who: acc(5) }]
			);
			assert_eq!(held(HoldReason::MemberDeposit, 1), 0);
			assert_eq!(free(1), START);
		});
}

#[test]
fn attack_admin_cannot_remove_other_admins_alone() {
	ExtBuilder::default()
		.founding(
			b"A",
			vec![(1, Role::Admin), (2, Role::Admin), (3, Role::Admin), (4, Role::Member)],
		)
		.build_and_execute(|| {
			membership_events();
			// Admin 1 tries to take the co-op over by removing admins 2 and 3.
			assert_ok!(Membership::remove_member(signed(1), acc(2)));
			assert_ok!(Membership::set_role(signed(1), acc(3), Role::Member));
			assert_eq!(
				membership_events(),
				vec![
					Event::AdminChangeRequested { coop: 0, who: acc(2), by: acc(1) },
					Event::AdminChangeRequested { coop: 0, who: acc(3), by: acc(1) },
				]
			);
			assert!(Membership::is_admin(&acc(2), 0) && Membership::is_admin(&acc(3), 0));
			assert_noop!(
				Membership::remove_member(signed(1), acc(2)),
				Error::<Test>::AlreadyRequested
			);
			// The target cannot approve its own removal by someone else, but a second
			// admin can: admin 3 agrees to remove admin 2.
			assert_ok!(Membership::remove_member(signed(3), acc(2)));
			assert_eq!(
				membership_events(),
				vec![Event::MemberRemoved { coop: 0, who: acc(2), by: acc(3) }]
			);
			// Nor can admin 1 promote a puppet to outvote the others.
			membership_events();
			assert_ok!(Membership::set_role(signed(1), acc(4), Role::Admin));
			assert_eq!(
				membership_events(),
				vec![Event::AdminChangeRequested { coop: 0, who: acc(4), by: acc(1) }]
			);
			assert!(!Membership::is_admin(&acc(4), 0));
			// Plain members are removed by one admin, as before.
			assert_ok!(Membership::remove_member(signed(1), acc(4)));
			assert!(Members::<Test>::get(acc(4)).is_none());
			assert!(AdminChanges::<Test>::get(0, acc(4)).is_none());
		});
}

#[test]
fn attack_removed_admin_cannot_bring_in_puppets() {
	ExtBuilder::default()
		.founding(b"A", vec![(1, Role::Admin), (2, Role::Admin), (3, Role::Admin)])
		.build_and_execute(|| {
			// Admin 3 invites a puppet, then is removed by the two others.
			assert_ok!(Membership::add_member(signed(3), acc(9)));
			assert_ok!(Membership::remove_member(signed(1), acc(3)));
			assert_ok!(Membership::remove_member(signed(2), acc(3)));
			assert!(Members::<Test>::get(acc(3)).is_none());
			assert_noop!(
				Membership::accept_invitation(signed(9), 0),
				Error::<Test>::InviterNotAdmin
			);
			// Anyone may clear the dead invitation; account 3 gets its deposit back.
			assert_ok!(Membership::cancel_invitation(signed(1), 0, acc(9)));
			assert_eq!(free(3), START);
		});
}

/// Attack: one admin of a co-op with two admins takes the co-op out of the
/// federation alone, releasing every member and putting the co-op's account out
/// of reach. It takes the second admin's agreement (the same call); a request by
/// an admin who was demoted since does not count.
#[test]
fn attack_one_admin_cannot_take_a_coop_with_several_admins_out_alone() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		join(1, 3);
		assert_ok!(Membership::set_role(signed(1), acc(2), Role::Admin));
		membership_events();
		assert_ok!(Membership::leave_federation(signed(1)));
		assert_eq!(membership_events(), vec![Event::LeaveRequested { coop, by: acc(1) }]);
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Active);
		assert_noop!(Membership::leave_federation(signed(1)), Error::<Test>::AlreadyRequested);
		// The second admin agrees: the co-op leaves and the request is gone.
		assert_ok!(Membership::leave_federation(signed(2)));
		assert_eq!(membership_events(), vec![Event::LeftFederation { coop, members_released: 3 }]);
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Exited);
		assert!(crate::LeaveRequests::<Test>::get(coop).is_none());
	});
}

#[test]
fn a_leave_request_by_a_former_admin_does_not_count() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		join(1, 3);
		assert_ok!(Membership::set_role(signed(1), acc(2), Role::Admin));
		assert_ok!(Membership::leave_federation(signed(2)));
		// Account 2 steps down: its request no longer speaks for the co-op.
		assert_ok!(Membership::set_role(signed(2), acc(2), Role::Member));
		assert_ok!(Membership::set_role(signed(1), acc(3), Role::Admin));
		membership_events();
		assert_ok!(Membership::leave_federation(signed(1)));
		assert_eq!(membership_events(), vec![Event::LeaveRequested { coop, by: acc(1) }]);
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Active);
		assert_ok!(Membership::leave_federation(signed(3)));
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Exited);
	});
}
