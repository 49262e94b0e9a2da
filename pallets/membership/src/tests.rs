//! Unit tests of the membership pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate::{
	mock::*, ActiveCoops, ActiveMembers, AdminChanges, Applicants, CoopMembership, CoopStatus,
	Coops, Electorate, Error, Event, HoldReason, Invitations, LiveCoops, Members, NotEligible,
	Role,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, EnsureOrigin},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::DispatchError;

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn held(reason: HoldReason, n: u8) -> Balance {
	Balances::balance_on_hold(&reason.into(), &acc(n))
}

fn free(n: u8) -> Balance {
	Balances::free_balance(acc(n))
}

/// A co-op name, as `apply_coop` takes it (at most `MaxNameLen` bytes).
fn name(bytes: &[u8]) -> BoundedVec<u8, <Test as crate::Config>::MaxNameLen> {
	bytes.to_vec().try_into().unwrap()
}

/// Admin `admin` invites `who`, who accepts.
fn join(admin: u8, who: u8) {
	let coop = Members::<Test>::get(acc(admin)).unwrap().coop;
	assert_ok!(Membership::add_member(signed(admin), acc(who)));
	assert_ok!(Membership::accept_invitation(signed(who), coop));
}

/// Account 1 applies for co-op 0 and the federation admits it.
fn active_coop_of_1() -> u32 {
	assert_ok!(Membership::apply_coop(signed(1), name(b"Alpha"), H256::repeat_byte(1)));
	assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 0));
	membership_events();
	0
}

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
fn runtime_api_views() {
	ExtBuilder::default()
		.founding(b"Founders", vec![(1, Role::Admin), (2, Role::Member)])
		.build_and_execute(|| {
			assert_ok!(Membership::apply_coop(signed(3), name(b"Applicant"), H256::zero()));
			let view = Membership::coop_view(0).unwrap();
			assert_eq!(view.name, b"Founders".to_vec());
			assert_eq!(view.member_count, 2);
			assert_eq!(view.sovereign_account, Membership::sovereign_account(0));
			let member = Membership::member_view(acc(2)).unwrap();
			assert_eq!((member.account, member.coop, member.role), (acc(2), 0, Role::Member));
			// By status, through the index.
			let active = Membership::coops_page(Some(CoopStatus::Active), None, 10);
			assert_eq!(active.items.iter().map(|c| c.id).collect::<Vec<_>>(), vec![0]);
			assert_eq!(active.next, None);
			let applicants = Membership::coops_page(Some(CoopStatus::Applicant), None, 10);
			assert_eq!(applicants.items.iter().map(|c| c.id).collect::<Vec<_>>(), vec![1]);
			assert_eq!(Membership::coops_page(None, None, 10).items.len(), 2);
			// Members, one per page, resumed with the cursor.
			let first = Membership::members_page(0, None, 1);
			assert_eq!(first.items.len(), 1);
			let cursor = first.next.clone().unwrap();
			assert_eq!(cursor, first.items[0].account);
			let second = Membership::members_page(0, Some(cursor), 1);
			assert_eq!(second.items.len(), 1);
			assert_eq!(second.next, None);
			assert_ne!(first.items[0].account, second.items[0].account);
		});
}

#[test]
fn pages_walk_every_coop_once_and_skip_exited_history() {
	ExtBuilder::default().founding(b"Founders", vec![(1, Role::Admin)]).build_and_execute(|| {
		// Co-ops 1..=4 join; 1 and 3 leave again, staying in `Coops` as history.
		for i in 0..4u8 {
			assert_ok!(Membership::apply_coop(signed(10 + i), name(b"Co"), H256::zero()));
			assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 1 + i as u32));
			if i % 2 == 0 {
				assert_ok!(Membership::leave_federation(signed(10 + i)));
			}
		}
		let mut seen = Vec::new();
		let mut cursor = None;
		loop {
			let page = Membership::coops_page(Some(CoopStatus::Active), cursor, 2);
			assert!(page.items.len() <= 2);
			seen.extend(page.items.iter().map(|c| c.id));
			match page.next {
				Some(next) => cursor = Some(next),
				None => break,
			}
		}
		seen.sort();
		assert_eq!(seen, vec![0, 2, 4]);
		let exited = Membership::coops_page(Some(CoopStatus::Exited), None, 10);
		let mut exited: Vec<_> = exited.items.iter().map(|c| c.id).collect();
		exited.sort();
		assert_eq!(exited, vec![1, 3]);
		// A limit above the cap is cut to `MAX_PAGE`.
		assert_eq!(Membership::coops_page(None, None, u32::MAX).items.len(), 5);
	});
}

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
