//! Test runtime: the validator registry beside membership, with a recording
//! stand-in for the session pallet and the finality gadget.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate as pallet_coop_validators;
use frame_support::{
	derive_impl, parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, ConstU32, ConstU64},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_coop_membership::Role;
use sp_runtime::BuildStorage;
use sp_staking::SessionIndex;

type Block = frame_system::mocking::MockBlock<Test>;
/// 32-byte accounts: co-op sovereign accounts are derived sub-accounts.
pub type AccountId = sp_runtime::AccountId32;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Membership: pallet_coop_membership,
		Validators: pallet_coop_validators,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	pub const MembershipPalletId: PalletId = PalletId(*b"coop/mbr");
	pub TreasuryAccount: AccountId = acc(99);
	/// Accounts whose session keys are set.
	pub static Keyed: Vec<AccountId> = vec![];
	/// Accounts disabled through `ValidatorSession::disable`, in order.
	pub static DisabledLog: Vec<AccountId> = vec![];
	/// The sessions `prune_history` was called with.
	pub static PrunedUpTo: Vec<SessionIndex> = vec![];
	/// `note_stalled` calls: (delay, best finalized).
	pub static Stalls: Vec<(u64, u64)> = vec![];
}

impl pallet_coop_membership::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Policy = ();
	type UnderMotion = ();
	type LeaveGuard = Validators;
	type OnCoopRemoved = ();
	type AdmissionOrigin = EnsureRoot<AccountId>;
	type FederationOrigin = EnsureRoot<AccountId>;
	type PalletId = MembershipPalletId;
	type CoopDeposit = ConstU128<100>;
	type MemberDeposit = ConstU128<10>;
	type MaxCoops = ConstU32<100>;
	type MaxApplicants = ConstU32<20>;
	type ApplicationPeriod = ConstU64<1_000>;
	type InvitationPeriod = ConstU64<100>;
	type MaxMembersPerCoop = ConstU32<100>;
	type MaxAdmins = ConstU32<4>;
	type MaxNameLen = ConstU32<32>;
	type WeightInfo = ();
}

/// Records what the registry asks of the session pallet.
pub struct TestSession;
impl crate::ValidatorSession<AccountId> for TestSession {
	fn has_keys(who: &AccountId) -> bool {
		Keyed::get().contains(who)
	}
	fn disable(who: &AccountId) {
		DisabledLog::mutate(|d| d.push(who.clone()));
	}
	fn prune_history(session: SessionIndex) {
		PrunedUpTo::mutate(|p| p.push(session));
	}
	fn has_keys_weight() -> Weight {
		Weight::zero()
	}
}

/// Records `note_stalled` calls.
pub struct TestFinality;
impl crate::FinalityStall<u64> for TestFinality {
	fn note_stalled(delay: u64, best: u64) {
		Stalls::mutate(|s| s.push((delay, best)));
	}
}

pub const DEPOSIT: Balance = 50;
pub const MAX_VALIDATORS: u32 = 6;
pub const MIN_VALIDATORS: u32 = 2;
pub const MAX_PER_COOP: u32 = 2;
pub const HISTORY_DEPTH: u32 = 3;
pub const SESSION_LENGTH: u64 = 10;

impl crate::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type Membership = Membership;
	type AdmissionOrigin = EnsureRoot<AccountId>;
	type FinalityOrigin = EnsureRoot<AccountId>;
	type Session = TestSession;
	type FinalityStall = TestFinality;
	type ValidatorDeposit = ConstU128<DEPOSIT>;
	type MaxValidators = ConstU32<MAX_VALIDATORS>;
	type MinValidators = ConstU32<MIN_VALIDATORS>;
	type MaxPerCoop = ConstU32<MAX_PER_COOP>;
	type MinSessionLength = ConstU64<5>;
	type HistoryDepth = ConstU32<HISTORY_DEPTH>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// Founds co-ops for benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for BenchHelper {
	fn set_keys(who: &AccountId) {
		Keyed::mutate(|k| k.push(who.clone()));
	}
}

/// Test account number `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId::new([n; 32])
}
pub const START: Balance = 1_000;

/// Co-op 0: 1 (admin), 2 (member), 3 (admin). Co-op 1: 4 (admin). Co-op 2: 5 (admin).
/// Genesis validators: 11 (co-op 0) and 12 (co-op 1), keys set.
/// Every account `acc(1..=30)` has `START`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=30).map(|a| (acc(a), START)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_coop_membership::GenesisConfig::<Test> {
		founding_coops: vec![
			(
				b"A".to_vec(),
				vec![(acc(1), Role::Admin), (acc(2), Role::Member), (acc(3), Role::Admin)],
			),
			(b"B".to_vec(), vec![(acc(4), Role::Admin)]),
			(b"C".to_vec(), vec![(acc(5), Role::Admin)]),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	crate::GenesisConfig::<Test> {
		validators: vec![(acc(11), 0), (acc(12), 1)],
		session_length: SESSION_LENGTH,
	}
	.assimilate_storage(&mut t)
	.unwrap();
	Keyed::set(vec![acc(11), acc(12)]);
	DisabledLog::set(vec![]);
	PrunedUpTo::set(vec![]);
	Stalls::set(vec![]);
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then the pallets' `try_state` invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Validators::do_try_state().expect("validator registry invariants hold");
		Membership::do_try_state().expect("membership invariants hold");
	})
}

/// The validators pallet's events since the last call, oldest first.
pub fn events() -> Vec<crate::Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Validators(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}
