//! Registry calls, session planning, offences, and the attacks on them.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate::{mock::*, Admitted, Error, Event, PerCoop, Registry, ValidatorStatus};
use frame_support::{
	assert_noop, assert_ok,
	traits::{fungible::InspectHold, EstimateNextSessionRotation},
};
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{DispatchError, Perbill, Permill};
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

type Planner = <Test as frame_system::Config>::AccountId;

fn held(who: u8) -> Balance {
	Balances::balance_on_hold(&crate::HoldReason::ValidatorDeposit.into(), &acc(who))
}

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

/// The next session's set as the session pallet would get it.
fn plan(session: u32) -> Option<Vec<Planner>> {
	<Validators as SessionManager<Planner>>::new_session(session)
}

/// Registers `validator` by admin `admin`, sets its keys and admits it.
fn admit(admin: u8, validator: u8) {
	assert_ok!(Validators::register(signed(admin), acc(validator)));
	Keyed::mutate(|k| k.push(acc(validator)));
	assert_ok!(Validators::admit(root(), acc(validator)));
}

fn offence(who: u8, session: u32) {
	let details = [OffenceDetails { offender: (acc(who), ()), reporters: vec![acc(30)] }];
	let _ = <Validators as OnOffenceHandler<Planner, (Planner, ()), _>>::on_offence(
		&details,
		&[Perbill::zero()],
		session,
	);
}

#[test]
fn genesis_admits_the_founding_validators_without_deposit() {
	build_and_execute(|| {
		assert_eq!(Admitted::<Test>::get().into_inner(), vec![acc(11), acc(12)]);
		let info = Registry::<Test>::get(acc(11)).unwrap();
		assert_eq!((info.coop, info.status, info.deposit), (0, ValidatorStatus::Active, 0));
		assert_eq!(PerCoop::<Test>::get(0), 1);
		// The genesis set is already planned: the first session change keeps it.
		assert_eq!(plan(1), None);
		assert!(events().is_empty());
	});
}

#[test]
fn an_admin_registers_a_candidate_and_pays_its_deposit() {
	build_and_execute(|| {
		assert_ok!(Validators::register(signed(1), acc(20)));
		assert_eq!(
			events(),
			vec![Event::Registered {
				validator: acc(20),
				coop: 0,
				sponsor: acc(1),
				deposit: DEPOSIT
			}]
		);
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(Balances::free_balance(acc(1)), START - DEPOSIT);
		let info = Registry::<Test>::get(acc(20)).unwrap();
		assert_eq!((info.coop, info.status, info.sponsor), (0, ValidatorStatus::Candidate, acc(1)));
		assert_eq!(PerCoop::<Test>::get(0), 2);
		// A candidate is not in the set.
		assert_eq!(plan(1), None);
	});
}

#[test]
fn only_an_admin_of_an_active_coop_registers() {
	build_and_execute(|| {
		// A plain member, and an account in no co-op.
		assert_noop!(Validators::register(signed(2), acc(20)), Error::<Test>::NotCoopAdmin);
		assert_noop!(Validators::register(signed(25), acc(20)), Error::<Test>::NotCoopAdmin);
		// An admin of a suspended co-op.
		assert_ok!(Membership::suspend_coop(root(), 1, Default::default()));
		assert_noop!(Validators::register(signed(4), acc(20)), Error::<Test>::NotCoopAdmin);
	});
}

#[test]
fn registration_needs_the_deposit_and_a_free_account() {
	build_and_execute(|| {
		assert_noop!(Validators::register(signed(1), acc(12)), Error::<Test>::AlreadyRegistered);
		// Admin 5 spends all but 10 of its balance.
		assert_ok!(Balances::transfer_allow_death(signed(5), acc(29), START - 10));
		assert_noop!(Validators::register(signed(5), acc(20)), Error::<Test>::InsufficientDeposit);
	});
}

/// Attack: one co-op fills the registry (and so the set) with its own accounts.
#[test]
fn one_coop_cannot_register_more_than_its_share() {
	build_and_execute(|| {
		// Co-op 0 already runs validator 11; two admins together may add one more.
		assert_ok!(Validators::register(signed(1), acc(20)));
		assert_noop!(Validators::register(signed(3), acc(21)), Error::<Test>::TooManyForCoop);
		assert_noop!(Validators::register(signed(1), acc(21)), Error::<Test>::TooManyForCoop);
		// Another co-op is unaffected.
		assert_ok!(Validators::register(signed(5), acc(21)));
	});
}

#[test]
fn admission_is_a_federation_decision() {
	build_and_execute(|| {
		assert_ok!(Validators::register(signed(1), acc(20)));
		Keyed::mutate(|k| k.push(acc(20)));
		// Attack: the co-op admits its own validator.
		assert_noop!(Validators::admit(signed(1), acc(20)), DispatchError::BadOrigin);
		assert_noop!(Validators::admit(signed(20), acc(20)), DispatchError::BadOrigin);
		events();
		assert_ok!(Validators::admit(root(), acc(20)));
		assert_eq!(events(), vec![Event::Admitted { validator: acc(20), coop: 0 }]);
		assert_eq!(Registry::<Test>::get(acc(20)).unwrap().status, ValidatorStatus::Active);
		assert_noop!(Validators::admit(root(), acc(20)), Error::<Test>::NotCandidate);
		assert_noop!(Validators::admit(root(), acc(21)), Error::<Test>::NotRegistered);
	});
}

#[test]
fn admission_needs_session_keys_and_an_active_coop() {
	build_and_execute(|| {
		assert_ok!(Validators::register(signed(4), acc(20)));
		assert_noop!(Validators::admit(root(), acc(20)), Error::<Test>::NoSessionKeys);
		Keyed::mutate(|k| k.push(acc(20)));
		assert_ok!(Membership::suspend_coop(root(), 1, Default::default()));
		assert_noop!(Validators::admit(root(), acc(20)), Error::<Test>::CoopNotActive);
		assert_ok!(Membership::reinstate_coop(root(), 1));
		assert_ok!(Validators::admit(root(), acc(20)));
	});
}

#[test]
fn the_set_is_bounded() {
	build_and_execute(|| {
		// Two genesis validators; co-ops 0, 1, 2 may add 1, 1 and 2.
		admit(1, 20);
		admit(4, 21);
		admit(5, 22);
		admit(5, 23);
		assert_eq!(Admitted::<Test>::get().len() as u32, MAX_VALIDATORS);
		// A new co-op cannot get past the bound.
		let (admin, coop) = (acc(26), 3);
		assert_eq!(
			Membership::found_coop(b"D", &[(admin.clone(), pallet_coop_membership::Role::Admin)]),
			Ok(coop)
		);
		assert_ok!(Validators::register(RuntimeOrigin::signed(admin), acc(24)));
		Keyed::mutate(|k| k.push(acc(24)));
		assert_noop!(Validators::admit(root(), acc(24)), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn an_admitted_validator_is_planned_at_the_next_session_change() {
	build_and_execute(|| {
		admit(1, 20);
		events();
		assert_eq!(plan(1), Some(vec![acc(11), acc(12), acc(20)]));
		assert_eq!(
			events(),
			vec![Event::NewSetPlanned {
				session: 1,
				validators: vec![acc(11), acc(12), acc(20)].try_into().unwrap()
			}]
		);
		// Nothing changed since: the session keeps its set.
		assert_eq!(plan(2), None);
		// The historical manager hands out the same set, identified by `()`.
		assert_ok!(Validators::withdraw(signed(20), acc(20)));
		assert_eq!(
			<Validators as pallet_session::historical::SessionManager<Planner, ()>>::new_session(3),
			Some(vec![(acc(11), ()), (acc(12), ())])
		);
	});
}

#[test]
fn validators_without_keys_or_of_suspended_coops_leave_the_set() {
	build_and_execute(|| {
		admit(4, 20);
		admit(5, 21);
		assert_eq!(plan(1), Some(vec![acc(11), acc(12), acc(20), acc(21)]));
		// Co-op 1 (validators 12 and 20) is suspended: both leave.
		assert_ok!(Membership::suspend_coop(root(), 1, Default::default()));
		assert_eq!(plan(2), Some(vec![acc(11), acc(21)]));
		// Validator 21 purges its keys: it leaves too.
		Keyed::mutate(|k| k.retain(|a| *a != acc(21)));
		assert_eq!(plan(3), Some(vec![acc(11)]));
		// Co-op 1 is reinstated: its validators come back.
		assert_ok!(Membership::reinstate_coop(root(), 1));
		assert_eq!(plan(4), Some(vec![acc(11), acc(12), acc(20)]));
	});
}

#[test]
fn with_no_eligible_validator_the_set_stays() {
	build_and_execute(|| {
		assert_ok!(Membership::suspend_coop(root(), 0, Default::default()));
		assert_ok!(Membership::suspend_coop(root(), 1, Default::default()));
		events();
		assert_eq!(plan(1), None);
		assert_eq!(events(), vec![Event::NoEligibleValidators { session: 1 }]);
	});
}

#[test]
fn the_federation_removes_and_returns_or_slashes_the_deposit() {
	build_and_execute(|| {
		admit(1, 20);
		admit(5, 21);
		events();
		assert_noop!(Validators::remove(signed(1), acc(20), false), DispatchError::BadOrigin);
		assert_ok!(Validators::remove(root(), acc(20), false));
		assert_eq!(events(), vec![Event::Removed { validator: acc(20), coop: 0 }]);
		assert_eq!((held(1), Balances::free_balance(acc(1))), (0, START));
		assert_eq!(PerCoop::<Test>::get(0), 1);

		let treasury = Balances::free_balance(TreasuryAccount::get());
		assert_ok!(Validators::remove(root(), acc(21), true));
		assert_eq!(
			events(),
			vec![
				Event::DepositSlashed { validator: acc(21), sponsor: acc(5), amount: DEPOSIT },
				Event::Removed { validator: acc(21), coop: 2 },
			]
		);
		assert_eq!((held(5), Balances::free_balance(acc(5))), (0, START - DEPOSIT));
		assert_eq!(Balances::free_balance(TreasuryAccount::get()), treasury + DEPOSIT);
		assert_eq!(PerCoop::<Test>::get(2), 0);
		assert_eq!(plan(1), None);
	});
}

/// Attack: a vote (or a co-op) removes validators until the chain stops.
#[test]
fn removals_stop_at_the_minimum() {
	build_and_execute(|| {
		assert_eq!(MIN_VALIDATORS, 2);
		assert_noop!(Validators::remove(root(), acc(11), false), Error::<Test>::TooFewValidators);
		assert_noop!(Validators::withdraw(signed(1), acc(11)), Error::<Test>::TooFewValidators);
		// A candidate can always go.
		assert_ok!(Validators::register(signed(1), acc(20)));
		assert_ok!(Validators::withdraw(signed(1), acc(20)));
		// With a third, one may go.
		admit(5, 21);
		assert_ok!(Validators::withdraw(signed(1), acc(11)));
		assert_noop!(Validators::remove(root(), acc(12), false), Error::<Test>::TooFewValidators);
	});
}

/// Attack: a co-op's admin takes the co-op out of the federation, and its
/// validator out of the next set with it: with two validators, one transaction
/// would leave one. Refused while the co-op's validators are needed; a co-op
/// without validators, or once others are admitted, leaves as before.
#[test]
fn attack_coop_cannot_leave_the_federation_below_the_validator_minimum() {
	build_and_execute(|| {
		assert_noop!(Membership::leave_federation(signed(4)), Error::<Test>::CoopValidatorsNeeded);
		admit(5, 21);
		assert_ok!(Membership::leave_federation(signed(4)));
		assert_eq!(plan(1), Some(vec![acc(11), acc(21)]));
	});
}

/// A validator whose co-op is suspended keeps nothing live, so it may go even at
/// the minimum; its co-op's suspension alone does not free the others.
#[test]
fn a_suspended_coops_validator_may_leave_at_the_minimum() {
	build_and_execute(|| {
		admit(5, 21);
		assert_ok!(Membership::suspend_coop(root(), 2, Default::default()));
		// Validators 11 and 12 are the last two that count: neither may go.
		assert_noop!(Validators::withdraw(signed(1), acc(11)), Error::<Test>::TooFewValidators);
		assert_ok!(Validators::withdraw(signed(21), acc(21)));
		assert_eq!((held(5), Balances::free_balance(acc(5))), (0, START));
	});
}

#[test]
fn the_validator_its_sponsor_or_its_coops_admins_withdraw() {
	build_and_execute(|| {
		for (by, validator) in [(20, 20), (1, 20), (3, 20)] {
			assert_ok!(Validators::register(signed(1), acc(validator)));
			events();
			assert_ok!(Validators::withdraw(signed(by), acc(validator)));
			assert_eq!(events(), vec![Event::Withdrawn { validator: acc(validator), coop: 0 }]);
			assert_eq!((held(1), Balances::free_balance(acc(1))), (0, START));
		}
		assert_ok!(Validators::register(signed(1), acc(20)));
		// A plain member of the co-op, an admin of another co-op, a stranger.
		for stranger in [2, 4, 25] {
			assert_noop!(
				Validators::withdraw(signed(stranger), acc(20)),
				Error::<Test>::NotAllowed
			);
		}
		assert_noop!(Validators::withdraw(signed(1), acc(21)), Error::<Test>::NotRegistered);
	});
}

/// Attack: a co-op squats another co-op's validator account so it cannot be
/// registered; the account's holder withdraws the squatter's registration.
#[test]
fn a_squatted_validator_account_frees_itself() {
	build_and_execute(|| {
		assert_ok!(Validators::register(signed(5), acc(20)));
		assert_noop!(Validators::register(signed(1), acc(20)), Error::<Test>::AlreadyRegistered);
		// The squatter cannot get it admitted without its session keys.
		assert_noop!(Validators::admit(root(), acc(20)), Error::<Test>::NoSessionKeys);
		assert_ok!(Validators::withdraw(signed(20), acc(20)));
		assert_ok!(Validators::register(signed(1), acc(20)));
		assert_eq!(Registry::<Test>::get(acc(20)).unwrap().coop, 0);
	});
}

#[test]
fn an_offence_disables_and_suspends_until_the_federation_decides() {
	build_and_execute(|| {
		admit(5, 21);
		assert_eq!(plan(1), Some(vec![acc(11), acc(12), acc(21)]));
		events();
		offence(21, 4);
		assert_eq!(DisabledLog::get(), vec![acc(21)]);
		assert_eq!(events(), vec![Event::Suspended { validator: acc(21), coop: 2, session: 4 }]);
		let info = Registry::<Test>::get(acc(21)).unwrap();
		assert_eq!((info.status, info.deposit), (ValidatorStatus::Suspended, DEPOSIT));
		// No funds move on an offence.
		assert_eq!(held(5), DEPOSIT);
		assert_eq!(plan(5), Some(vec![acc(11), acc(12)]));
		events();
		// A second report of the same offender changes nothing more.
		offence(21, 4);
		assert!(events().is_empty());
		// The co-op cannot reinstate it itself.
		assert_noop!(Validators::reinstate(signed(5), acc(21)), DispatchError::BadOrigin);
		assert_noop!(Validators::reinstate(root(), acc(11)), Error::<Test>::NotSuspended);
		assert_ok!(Validators::reinstate(root(), acc(21)));
		assert_eq!(events(), vec![Event::Reinstated { validator: acc(21), coop: 2 }]);
		assert_eq!(plan(6), Some(vec![acc(11), acc(12), acc(21)]));
	});
}

#[test]
fn a_suspended_validator_does_not_count_towards_the_minimum() {
	build_and_execute(|| {
		admit(5, 21);
		offence(21, 1);
		// Two unsuspended validators remain: neither may leave.
		assert_noop!(Validators::withdraw(signed(1), acc(11)), Error::<Test>::TooFewValidators);
		// The suspended one may be removed, with its deposit slashed by the vote.
		assert_ok!(Validators::remove(root(), acc(21), true));
		assert_eq!(held(5), 0);
	});
}

#[test]
fn an_offender_outside_the_registry_is_only_disabled() {
	build_and_execute(|| {
		events();
		offence(25, 1);
		assert_eq!(DisabledLog::get(), vec![acc(25)]);
		assert!(events().is_empty());
	});
}

#[test]
fn the_federation_recovers_stalled_finality() {
	build_and_execute(|| {
		assert_noop!(Validators::note_stalled(signed(1), 5, 100), DispatchError::BadOrigin);
		assert_ok!(Validators::note_stalled(root(), 5, 100));
		assert_eq!(Stalls::get(), vec![(5, 100)]);
		assert_eq!(
			events(),
			vec![Event::FinalityStallNoted { delay: 5, best_finalized_block_number: 100 }]
		);
	});
}

#[test]
fn sessions_end_at_multiples_of_the_session_length() {
	build_and_execute(|| {
		type V = Validators;
		assert!(!<V as ShouldEndSession<u64>>::should_end_session(9));
		assert!(<V as ShouldEndSession<u64>>::should_end_session(10));
		assert!(<V as ShouldEndSession<u64>>::should_end_session(20));
		assert_eq!(<V as EstimateNextSessionRotation<u64>>::average_session_length(), 10);
		assert_eq!(
			<V as EstimateNextSessionRotation<u64>>::estimate_next_session_rotation(13).0,
			Some(20)
		);
		assert_eq!(
			<V as EstimateNextSessionRotation<u64>>::estimate_current_session_progress(14).0,
			Some(Permill::from_percent(50))
		);

		assert_noop!(Validators::set_session_length(signed(1), 30), DispatchError::BadOrigin);
		assert_noop!(Validators::set_session_length(root(), 4), Error::<Test>::SessionTooShort);
		assert_ok!(Validators::set_session_length(root(), 30));
		assert_eq!(events(), vec![Event::SessionLengthSet { length: 30 }]);
		assert!(!<V as ShouldEndSession<u64>>::should_end_session(20));
		assert!(<V as ShouldEndSession<u64>>::should_end_session(30));
	});
}

/// Nothing stays in storage nobody paid for: key-ownership history is pruned.
#[test]
fn session_starts_prune_history_beyond_its_depth() {
	build_and_execute(|| {
		for session in 1..=5 {
			<Validators as SessionManager<Planner>>::start_session(session);
		}
		assert_eq!(PrunedUpTo::get(), vec![0, 1, 2]);
		assert_eq!(HISTORY_DEPTH, 3);
		<Validators as pallet_session::historical::SessionManager<Planner, ()>>::start_session(6);
		assert_eq!(PrunedUpTo::get(), vec![0, 1, 2, 3]);
	});
}
