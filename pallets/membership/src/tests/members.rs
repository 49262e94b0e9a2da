//! Members of a co-op: invitations, roles, leaving.

use super::*;

#[test]
fn add_member_holds_deposit_from_admin() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		assert_ok!(Membership::add_member(signed(1), acc(2)));
		assert_eq!(
			membership_events(),
			vec![Event::MemberInvited {
				coop,
				who: acc(2),
				by: acc(1),
				expires: 1 + INVITATION_PERIOD
			}]
		);
		// Invited, not yet a member: the deposit is held already.
		assert!(Members::<Test>::get(acc(2)).is_none());
		assert_eq!(held(HoldReason::MemberDeposit, 1), MEMBER_DEPOSIT);
		assert_ok!(Membership::accept_invitation(signed(2), coop));
		assert_eq!(membership_events(), vec![Event::MemberAdded { coop, who: acc(2), by: acc(1) }]);
		assert!(!Invitations::<Test>::contains_key(coop, acc(2)));
		assert_eq!(held(HoldReason::MemberDeposit, 1), MEMBER_DEPOSIT);
		assert_eq!(free(1), START - COOP_DEPOSIT - MEMBER_DEPOSIT);
		assert_eq!(free(2), START);
		let m = Members::<Test>::get(acc(2)).unwrap();
		assert_eq!(
			(m.coop, m.role, m.depositor, m.deposit),
			(coop, Role::Member, acc(1), MEMBER_DEPOSIT)
		);
		assert_eq!(Coops::<Test>::get(coop).unwrap().member_count, 2);
		assert_eq!(ActiveMembers::<Test>::get(), 2);
		assert_eq!(Membership::member_count(coop), 2);
	});
}

#[test]
fn add_member_errors() {
	ExtBuilder::default().build_and_execute(|| {
		active_coop_of_1();
		assert_noop!(Membership::add_member(signed(2), acc(3)), Error::<Test>::NotCoopAdmin);
		join(1, 2);
		assert_noop!(Membership::add_member(signed(2), acc(3)), Error::<Test>::NotCoopAdmin);
		assert_noop!(Membership::add_member(signed(1), acc(2)), Error::<Test>::AlreadyMember);
		assert_ok!(Membership::apply_coop(signed(6), name(b"Beta"), H256::zero()));
		assert_noop!(Membership::add_member(signed(1), acc(6)), Error::<Test>::AlreadyMember);
		assert_ok!(Membership::add_member(signed(1), acc(7)));
		assert_noop!(Membership::add_member(signed(1), acc(7)), Error::<Test>::AlreadyInvited);
		for who in 3..=5 {
			join(1, who);
		}
		assert_noop!(Membership::accept_invitation(signed(7), 0), Error::<Test>::TooManyMembers);
		assert_noop!(Membership::accept_invitation(signed(8), 0), Error::<Test>::NoInvitation);
	});
}

#[test]
fn add_member_needs_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		active_coop_of_1();
		join(1, POOR);
		assert_ok!(Membership::set_role(signed(1), acc(POOR), Role::Admin));
		assert_noop!(
			Membership::add_member(signed(POOR), acc(3)),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn remove_member_returns_deposit_to_payer() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		assert_ok!(Membership::set_role(signed(1), acc(2), Role::Admin));
		join(2, 3);
		membership_events();
		// Admin 1 removes member 3, whose deposit admin 2 paid.
		assert_ok!(Membership::remove_member(signed(1), acc(3)));
		assert_eq!(
			membership_events(),
			vec![Event::MemberRemoved { coop, who: acc(3), by: acc(1) }]
		);
		assert_eq!(free(2), START);
		assert_eq!(held(HoldReason::MemberDeposit, 2), 0);
		assert!(Members::<Test>::get(acc(3)).is_none());
		assert_eq!(ActiveMembers::<Test>::get(), 2);
		// Removing another admin takes a second admin; admin 1 may remove itself.
		assert_ok!(Membership::remove_member(signed(1), acc(1)));
		assert_eq!(Coops::<Test>::get(coop).unwrap().admins.to_vec(), vec![acc(2)]);
		// Account 1 still pays the deposit for member 2, whom it added.
		assert_eq!(free(1), START - COOP_DEPOSIT - MEMBER_DEPOSIT);
	});
}

#[test]
fn remove_member_errors() {
	ExtBuilder::default().build_and_execute(|| {
		active_coop_of_1();
		join(1, 2);
		assert_ok!(Membership::apply_coop(signed(5), name(b"Beta"), H256::zero()));
		assert_noop!(Membership::remove_member(signed(2), acc(1)), Error::<Test>::NotCoopAdmin);
		assert_noop!(Membership::remove_member(signed(1), acc(7)), Error::<Test>::NotMember);
		assert_noop!(Membership::remove_member(signed(1), acc(5)), Error::<Test>::NotMember);
		assert_noop!(Membership::remove_member(signed(1), acc(1)), Error::<Test>::LastAdmin);
	});
}

#[test]
fn set_role_promotes_and_demotes() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		join(1, 3);
		membership_events();
		assert_ok!(Membership::set_role(signed(1), acc(2), Role::Admin));
		assert_eq!(
			membership_events(),
			vec![Event::RoleSet { coop, who: acc(2), role: Role::Admin }]
		);
		assert!(Membership::is_admin(&acc(2), coop));
		assert_noop!(
			Membership::set_role(signed(1), acc(2), Role::Admin),
			Error::<Test>::RoleUnchanged
		);
		join(1, 4);
		// With two admins, promoting takes both.
		assert_ok!(Membership::set_role(signed(1), acc(4), Role::Admin));
		assert!(!Membership::is_admin(&acc(4), coop));
		assert_ok!(Membership::set_role(signed(2), acc(4), Role::Admin));
		assert!(Membership::is_admin(&acc(4), coop));
		assert_ok!(Membership::set_role(signed(1), acc(3), Role::Admin));
		assert_noop!(
			Membership::set_role(signed(2), acc(3), Role::Admin),
			Error::<Test>::TooManyAdmins
		);
		// Admins may step down themselves; demoting another admin takes two.
		assert_ok!(Membership::set_role(signed(4), acc(4), Role::Member));
		membership_events();
		assert_ok!(Membership::set_role(signed(2), acc(1), Role::Member));
		assert_eq!(
			membership_events(),
			vec![Event::AdminChangeRequested { coop, who: acc(1), by: acc(2) }]
		);
		assert!(Membership::is_admin(&acc(1), coop));
		assert_ok!(Membership::set_role(signed(1), acc(2), Role::Member));
		assert!(Membership::is_admin(&acc(2), coop));
		assert_eq!(AdminChanges::<Test>::get(coop, acc(2)), Some(acc(1)));
		assert_noop!(
			Membership::set_role(signed(2), acc(1), Role::Member),
			Error::<Test>::AlreadyRequested
		);
		// Admin 2 steps down; its request against admin 1 no longer counts.
		assert_ok!(Membership::set_role(signed(2), acc(2), Role::Member));
		assert_noop!(
			Membership::set_role(signed(1), acc(1), Role::Member),
			Error::<Test>::LastAdmin
		);
		assert_noop!(
			Membership::set_role(signed(2), acc(3), Role::Admin),
			Error::<Test>::NotCoopAdmin
		);
		assert_noop!(
			Membership::set_role(signed(1), acc(9), Role::Admin),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn leave_coop() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		membership_events();
		assert_ok!(Membership::leave_coop(signed(2)));
		assert_eq!(membership_events(), vec![Event::MemberLeft { coop, who: acc(2) }]);
		assert_eq!(free(1), START - COOP_DEPOSIT);
		assert_eq!(ActiveMembers::<Test>::get(), 1);
		assert_noop!(Membership::leave_coop(signed(2)), Error::<Test>::NotMember);
		assert_noop!(Membership::leave_coop(signed(1)), Error::<Test>::LastAdmin);
	});
}

#[test]
fn members_of_suspended_coop_may_leave() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), coop, H256::zero()));
		assert_ok!(Membership::leave_coop(signed(2)));
		assert_eq!(ActiveMembers::<Test>::get(), 0);
		assert_eq!(Coops::<Test>::get(coop).unwrap().member_count, 1);
	});
}

#[test]
fn invitations_expire_and_can_be_declined() {
	ExtBuilder::default().founding(b"A", vec![(1, Role::Admin)]).build_and_execute(|| {
		assert_ok!(Membership::add_member(signed(1), acc(5)));
		assert_ok!(Membership::cancel_invitation(signed(5), 0, acc(5)));
		assert_eq!(free(1), START);
		assert_ok!(Membership::add_member(signed(1), acc(5)));
		System::set_block_number(1 + INVITATION_PERIOD + 1);
		assert_noop!(Membership::accept_invitation(signed(5), 0), Error::<Test>::InvitationExpired);
		assert_ok!(Membership::cancel_invitation(signed(1), 0, acc(5)));
		assert_noop!(
			Membership::cancel_invitation(signed(1), 0, acc(5)),
			Error::<Test>::NoInvitation
		);
	});
}
