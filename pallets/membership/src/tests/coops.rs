//! Co-ops in the federation: applying, admission, suspension, expulsion, leaving, genesis, electorate.

use super::*;

#[test]
fn apply_coop_holds_deposit_and_makes_applicant_admin() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::repeat_byte(7)));

		assert_eq!(
			membership_events(),
			vec![Event::CoopApplied { coop: 0, admin: acc(1), deposit: COOP_DEPOSIT }]
		);
		let info = Coops::<Test>::get(0).unwrap();
		assert_eq!(info.status, CoopStatus::Applicant);
		assert_eq!(info.admins.to_vec(), vec![acc(1)]);
		assert_eq!(info.member_count, 1);
		assert_eq!(info.metadata, H256::repeat_byte(7));
		assert_eq!(info.joined_at, None);
		assert_eq!(held(HoldReason::CoopDeposit, 1), COOP_DEPOSIT);
		assert_eq!(free(1), START - COOP_DEPOSIT);
		assert_eq!(Members::<Test>::get(acc(1)).unwrap().role, Role::Admin);
		// Applicants have their own counter; `LiveCoops` counts admitted co-ops.
		assert_eq!(LiveCoops::<Test>::get(), 0);
		assert_eq!(Applicants::<Test>::get(), 1);
		// Applicants are not active yet.
		assert_eq!(ActiveCoops::<Test>::get(), 0);
		assert!(!Membership::is_active_member(&acc(1)));
	});
}

#[test]
fn apply_coop_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::apply_coop(signed(1), name(b""), H256::zero()),
			Error::<Test>::EmptyName
		);
		// A name over `MaxNameLen` (16) cannot even be decoded
		// (`oversized_name_is_refused_when_the_call_is_decoded`); a founding co-op's
		// is refused with `NameTooLong`.
		assert_eq!(
			Membership::found_coop(&[b'a'; 17], &[(acc(1), Role::Admin)]),
			Err(Error::<Test>::NameTooLong.into())
		);
		assert_noop!(
			Membership::apply_coop(signed(POOR), name(b"Poor"), H256::zero()),
			Error::<Test>::InsufficientDeposit
		);
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		assert_noop!(
			Membership::apply_coop(signed(1), name(b"Again"), H256::zero()),
			Error::<Test>::AlreadyMember
		);
		assert_ok!(Membership::apply_coop(signed(2), name(b"Beta"), H256::zero()));
		assert_noop!(
			Membership::apply_coop(signed(3), name(b"Gamma"), H256::zero()),
			Error::<Test>::TooManyApplicants
		);
	});
}

#[test]
fn admit_activates_members() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		join(1, 2);
		membership_events();
		System::set_block_number(5);
		assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 0));
		assert_eq!(membership_events(), vec![Event::CoopAdmitted { coop: 0 }]);
		let info = Coops::<Test>::get(0).unwrap();
		assert_eq!(info.status, CoopStatus::Active);
		assert_eq!(info.joined_at, Some(5));
		assert_eq!(ActiveCoops::<Test>::get(), 1);
		assert_eq!(ActiveMembers::<Test>::get(), 2);
		assert!(Membership::is_active_member(&acc(2)));
		assert!(Membership::is_active_coop(0));
	});
}

#[test]
fn admit_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Membership::admit_coop(signed(1), 0), DispatchError::BadOrigin);
		assert_noop!(Membership::admit_coop(RuntimeOrigin::root(), 0), Error::<Test>::CoopNotFound);
		active_coop_of_1();
		assert_noop!(Membership::admit_coop(RuntimeOrigin::root(), 0), Error::<Test>::NotApplicant);
	});
}

#[test]
fn reject_application_removes_record_and_returns_all_deposits() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		join(1, 2);
		assert_eq!(free(1), START - COOP_DEPOSIT - MEMBER_DEPOSIT);
		membership_events();

		assert_ok!(Membership::reject_application(RuntimeOrigin::root(), 0));
		assert_eq!(
			membership_events(),
			vec![Event::ApplicationRejected { coop: 0, members_released: 2 }]
		);
		assert!(Coops::<Test>::get(0).is_none());
		assert!(Members::<Test>::get(acc(1)).is_none());
		assert!(Members::<Test>::get(acc(2)).is_none());
		assert_eq!(free(1), START);
		assert_eq!(held(HoldReason::CoopDeposit, 1), 0);
		assert_eq!(held(HoldReason::MemberDeposit, 1), 0);
		assert_eq!(LiveCoops::<Test>::get(), 0);
		// Ids are never reused.
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		assert!(Coops::<Test>::get(1).is_some());
	});
}

#[test]
fn reject_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Membership::reject_application(signed(1), 0), DispatchError::BadOrigin);
		assert_noop!(
			Membership::reject_application(RuntimeOrigin::root(), 0),
			Error::<Test>::CoopNotFound
		);
		active_coop_of_1();
		assert_noop!(
			Membership::reject_application(RuntimeOrigin::root(), 0),
			Error::<Test>::NotApplicant
		);
	});
}

#[test]
fn suspend_and_reinstate() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		membership_events();
		let reason = H256::repeat_byte(9);

		assert_noop!(Membership::suspend_coop(signed(1), coop, reason), DispatchError::BadOrigin);
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), coop, reason));
		assert_eq!(membership_events(), vec![Event::CoopSuspended { coop, reason }]);
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Suspended);
		assert_eq!(ActiveCoops::<Test>::get(), 0);
		assert_eq!(ActiveMembers::<Test>::get(), 0);
		// Members of a suspended co-op are not active.
		assert!(!Membership::is_active_member(&acc(2)));
		assert_noop!(
			Membership::suspend_coop(RuntimeOrigin::root(), coop, reason),
			Error::<Test>::CoopNotActive
		);
		// Suspended co-ops cannot grow, but members may still leave.
		assert_noop!(Membership::add_member(signed(1), acc(3)), Error::<Test>::CoopNotOpen);
		assert_noop!(
			Membership::set_role(signed(1), acc(2), Role::Admin),
			Error::<Test>::CoopNotOpen
		);

		assert_noop!(Membership::reinstate_coop(signed(1), coop), DispatchError::BadOrigin);
		assert_ok!(Membership::reinstate_coop(RuntimeOrigin::root(), coop));
		assert_eq!(membership_events(), vec![Event::CoopReinstated { coop }]);
		assert_eq!(ActiveCoops::<Test>::get(), 1);
		assert_eq!(ActiveMembers::<Test>::get(), 2);
		assert_noop!(
			Membership::reinstate_coop(RuntimeOrigin::root(), coop),
			Error::<Test>::NotSuspended
		);
		assert_noop!(
			Membership::suspend_coop(RuntimeOrigin::root(), 7, reason),
			Error::<Test>::CoopNotFound
		);
		assert_noop!(
			Membership::reinstate_coop(RuntimeOrigin::root(), 7),
			Error::<Test>::CoopNotFound
		);
	});
}

#[test]
fn expel_releases_members_and_deposits() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		join(1, 3);
		membership_events();
		let reason = H256::repeat_byte(3);

		assert_noop!(Membership::expel_coop(signed(1), coop, reason), DispatchError::BadOrigin);
		assert_ok!(Membership::expel_coop(RuntimeOrigin::root(), coop, reason));
		assert_eq!(
			membership_events(),
			vec![Event::CoopExpelled { coop, reason, members_released: 3 }]
		);
		let info = Coops::<Test>::get(coop).unwrap();
		assert_eq!(info.status, CoopStatus::Exited);
		assert_eq!(info.member_count, 0);
		assert!(info.admins.is_empty());
		for who in 1..=3 {
			assert!(Members::<Test>::get(acc(who)).is_none());
		}
		assert_eq!(free(1), START);
		assert_eq!(ActiveCoops::<Test>::get(), 0);
		assert_eq!(ActiveMembers::<Test>::get(), 0);
		assert_eq!(LiveCoops::<Test>::get(), 0);
		assert_noop!(
			Membership::expel_coop(RuntimeOrigin::root(), coop, reason),
			Error::<Test>::AlreadyExited
		);
		assert_noop!(
			Membership::expel_coop(RuntimeOrigin::root(), 9, reason),
			Error::<Test>::CoopNotFound
		);
		// Released members can join another co-op.
		assert_ok!(Membership::apply_coop(signed(2), name(b"Beta"), H256::zero()));
	});
}

#[test]
fn expel_suspended_coop() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), coop, H256::zero()));
		assert_ok!(Membership::expel_coop(RuntimeOrigin::root(), coop, H256::zero()));
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Exited);
		assert_eq!(free(1), START);
	});
}

#[test]
fn leave_federation_by_admin() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		join(1, 2);
		membership_events();
		assert_noop!(Membership::leave_federation(signed(2)), Error::<Test>::NotCoopAdmin);
		assert_noop!(Membership::leave_federation(signed(5)), Error::<Test>::NotCoopAdmin);
		assert_ok!(Membership::leave_federation(signed(1)));
		assert_eq!(membership_events(), vec![Event::LeftFederation { coop, members_released: 2 }]);
		assert_eq!(Coops::<Test>::get(coop).unwrap().status, CoopStatus::Exited);
		assert_eq!(free(1), START);
		assert_noop!(Membership::leave_federation(signed(1)), Error::<Test>::NotCoopAdmin);
	});
}

#[test]
fn applicant_can_withdraw_with_leave_federation() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		join(1, 2);
		membership_events();
		assert_ok!(Membership::leave_federation(signed(1)));
		assert_eq!(
			membership_events(),
			vec![Event::ApplicationWithdrawn { coop: 0, members_released: 2 }]
		);
		// A withdrawn application leaves nothing behind.
		assert!(Coops::<Test>::get(0).is_none());
		assert!(Members::<Test>::get(acc(2)).is_none());
		assert_eq!(free(1), START);
		assert_eq!((ActiveCoops::<Test>::get(), Applicants::<Test>::get()), (0, 0));
	});
}

#[test]
fn genesis_founding_coops_are_active_without_deposits() {
	ExtBuilder::default()
		.founding(b"Founders", vec![(1, Role::Admin), (2, Role::Member)])
		.founding(b"Second", vec![(3, Role::Admin)])
		.build_and_execute(|| {
			assert_eq!(ActiveCoops::<Test>::get(), 2);
			assert_eq!(ActiveMembers::<Test>::get(), 3);
			assert_eq!(Membership::coop_of(&acc(2)), Some(0));
			assert_eq!(Membership::coop_of(&acc(3)), Some(1));
			assert_eq!(free(1), START);
			assert!(Membership::is_admin(&acc(1), 0));
			assert_eq!(Membership::active_coops(), 2);
			assert_eq!(Membership::active_members(), 3);
		});
}

#[test]
fn sovereign_account_is_derived_from_pallet_id() {
	// The mock's accounts are 32 bytes, as the runtime's: every co-op gets its own
	// sovereign account (8-byte accounts would truncate them all into one).
	ExtBuilder::default().build_and_execute(|| {
		use sp_runtime::traits::AccountIdConversion;
		for coop in 0..4u32 {
			assert_eq!(
				Membership::sovereign_account(coop),
				AccountIdConversion::<AccountId>::into_sub_account_truncating(
					&MembershipPalletId::get(),
					coop
				)
			);
			assert_eq!(
				<Membership as CoopMembership<AccountId>>::sovereign_account(coop),
				Membership::sovereign_account(coop)
			);
		}
		assert_ne!(Membership::sovereign_account(0), Membership::sovereign_account(1));
		assert_ne!(Membership::sovereign_account(1), Membership::sovereign_account(2));
		assert_ne!(Membership::sovereign_account(0), Membership::sovereign_account(2));
		// Nor is one a test account.
		assert!((0..=u8::MAX).all(|n| Membership::sovereign_account(0) != acc(n)));
	});
}

/// `apply_coop`'s name is a bounded type: encoded exactly as the `Vec<u8>` it
/// replaced, and one over `MaxNameLen` (16 here) is refused when the call is decoded
/// (before anything is allocated for it or the call dispatched).
#[test]
fn oversized_name_is_refused_when_the_call_is_decoded() {
	use codec::{Decode, Encode};
	use frame_support::traits::PalletInfoAccess;
	ExtBuilder::default().build_and_execute(|| {
		let pallet = <Membership as PalletInfoAccess>::index() as u8;
		let encoded = |bytes: Vec<u8>| (pallet, 0u8, bytes, H256::repeat_byte(1)).encode();
		let longest = encoded(vec![b'a'; 16]);
		let call = RuntimeCall::decode(&mut &longest[..]).unwrap();
		assert_eq!(
			call,
			RuntimeCall::Membership(crate::Call::apply_coop {
				name: name(&[b'a'; 16]),
				metadata: H256::repeat_byte(1)
			})
		);
		assert_eq!(call.encode(), longest);
		assert!(RuntimeCall::decode(&mut &encoded(vec![b'a'; 17])[..]).is_err());
	});
}

#[test]
fn origins_require_active_coop() {
	ExtBuilder::default().build_and_execute(|| {
		type Member = crate::EnsureActiveMember<Test>;
		type Admin = crate::EnsureCoopAdmin<Test>;
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		join(1, 2);
		// Applicants are not active.
		assert!(Member::try_origin(signed(1)).is_err());
		assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 0));
		assert_eq!(Member::try_origin(signed(2)).ok(), Some((acc(2), 0)));
		assert_eq!(Admin::try_origin(signed(1)).ok(), Some((acc(1), 0)));
		assert!(Admin::try_origin(signed(2)).is_err());
		assert!(Member::try_origin(signed(9)).is_err());
		assert!(Member::try_origin(RuntimeOrigin::from(RawOrigin::Root)).is_err());
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), 0, H256::zero()));
		assert!(Member::try_origin(signed(2)).is_err());
		assert!(Admin::try_origin(signed(1)).is_err());
	});
}

#[test]
fn electorate_counts_from_the_later_of_joining_and_activation() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::zero()));
		assert_eq!(Membership::active_since(&acc(1)), Err(NotEligible::CoopNotActive));
		assert_eq!(Membership::active_since(&acc(9)), Err(NotEligible::NotMember));
		System::set_block_number(5);
		assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 0));
		assert_eq!(Membership::active_since(&acc(1)), Ok((0, 5)));
		System::set_block_number(8);
		join(1, 2);
		assert_eq!(Membership::active_since(&acc(2)), Ok((0, 8)));
		// Suspension breaks the run; reinstatement starts a new one for everybody.
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), 0, H256::zero()));
		assert_eq!(Membership::active_since(&acc(2)), Err(NotEligible::CoopNotActive));
		System::set_block_number(12);
		assert_ok!(Membership::reinstate_coop(RuntimeOrigin::root(), 0));
		assert_eq!(Membership::active_since(&acc(1)), Ok((0, 12)));
		assert_eq!(Membership::active_since(&acc(2)), Ok((0, 12)));
		assert_eq!(Coops::<Test>::get(0).unwrap().joined_at, Some(12));
	});
}

#[test]
fn reinstatement_rechecks_the_admission_policy() {
	ExtBuilder::default().build_and_execute(|| {
		let coop = active_coop_of_1();
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), coop, H256::zero()));
		RefuseAdmit::set(Some(coop));
		assert_noop!(
			Membership::reinstate_coop(RuntimeOrigin::root(), coop),
			DispatchError::Other("not attested")
		);
		RefuseAdmit::set(None);
		assert_ok!(Membership::reinstate_coop(RuntimeOrigin::root(), coop));
	});
}
