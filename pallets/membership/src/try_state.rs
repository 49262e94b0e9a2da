//! The pallet's invariants (`try_state`): checked after every unit test by the
//! mock's test builder, by the fuzzer, and on real chain states by try-runtime.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants: counters match storage, every member's co-op
	/// exists and has not exited, every co-op that has not exited has an admin who is
	/// one of its members, the deposits held match the records (memberships and open
	/// invitations), and pending admin removals name current admins.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungible::InspectHold;

		let (mut live, mut applicants, mut active, mut active_members) = (0u32, 0u32, 0u32, 0u32);
		let mut held: BTreeMap<(T::AccountId, bool), BalanceOf<T>> = BTreeMap::new();
		for (id, info) in Coops::<T>::iter() {
			ensure!(id < NextCoopId::<T>::get(), "co-op id not below NextCoopId");
			let members = CoopMembers::<T>::iter_prefix(id).count();
			ensure!(members == info.member_count as usize, "member_count differs from members");
			ensure!(CoopsByStatus::<T>::contains_key(info.status, id), "co-op missing from index");
			if info.status == CoopStatus::Exited {
				ensure!(info.member_count == 0, "exited co-op has members");
				continue;
			}
			if info.status == CoopStatus::Applicant {
				applicants = applicants.saturating_add(1);
			} else {
				live = live.saturating_add(1);
			}
			ensure!(!info.admins.is_empty(), "co-op without admin");
			for admin in info.admins.iter() {
				let m = Members::<T>::get(admin).ok_or("admin is not a member")?;
				ensure!(m.coop == id && m.role == Role::Admin, "admin list differs from roles");
			}
			if info.status == CoopStatus::Active {
				active = active.saturating_add(1);
				active_members = active_members.saturating_add(info.member_count);
			}
			let e = held.entry((info.depositor.clone(), true)).or_default();
			*e = e.saturating_add(info.deposit);
		}
		for (who, m) in Members::<T>::iter() {
			let info = Coops::<T>::get(m.coop).ok_or("member of unknown co-op")?;
			ensure!(info.status != CoopStatus::Exited, "member of exited co-op");
			ensure!(CoopMembers::<T>::contains_key(m.coop, &who), "member missing from index");
			ensure!(
				(m.role == Role::Admin) == info.admins.contains(&who),
				"role differs from admin list"
			);
			let e = held.entry((m.depositor.clone(), false)).or_default();
			*e = e.saturating_add(m.deposit);
		}
		ensure!(live == LiveCoops::<T>::get(), "LiveCoops differs");
		for (status, id, ()) in CoopsByStatus::<T>::iter() {
			let info = Coops::<T>::get(id).ok_or("index names an unknown co-op")?;
			ensure!(info.status == status, "index status differs from the record");
		}
		ensure!(applicants == Applicants::<T>::get(), "Applicants differs");
		for (_, _, invitation) in Invitations::<T>::iter() {
			let e = held.entry((invitation.by.clone(), false)).or_default();
			*e = e.saturating_add(invitation.deposit);
		}
		for (coop, target, by) in AdminChanges::<T>::iter() {
			let member = Members::<T>::get(&target).ok_or("admin change for a non-member")?;
			ensure!(member.coop == coop, "admin change for a member of another co-op");
			ensure!(target != by, "admin change requested by the member itself");
		}
		for coop in LeaveRequests::<T>::iter_keys() {
			let status = Coops::<T>::get(coop).map(|c| c.status);
			ensure!(
				matches!(status, Some(CoopStatus::Active | CoopStatus::Suspended)),
				"leave request of a co-op that is not admitted"
			);
		}
		ensure!(active == ActiveCoops::<T>::get(), "ActiveCoops differs");
		ensure!(active_members == ActiveMembers::<T>::get(), "ActiveMembers differs");
		for ((who, is_coop), amount) in held {
			let reason = if is_coop { HoldReason::CoopDeposit } else { HoldReason::MemberDeposit };
			ensure!(
				T::Currency::balance_on_hold(&reason.into(), &who) == amount,
				"held deposit differs from records"
			);
		}
		Ok(())
	}
}
