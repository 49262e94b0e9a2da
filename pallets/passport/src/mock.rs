//! Test runtime: passport beside membership (whose join/admission policy it is).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate as pallet_coop_passport;
use crate::{ClaimKind, SubjectKind};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_coop_membership::Role;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// 32-byte accounts: co-op sovereign accounts are derived sub-accounts, which
/// 8-byte test accounts would truncate into one (every co-op the same account).
pub type AccountId = sp_runtime::AccountId32;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Membership: pallet_coop_membership,
		Passport: pallet_coop_passport,
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
}

impl pallet_coop_membership::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Policy = Passport;
	type UnderMotion = ();
	type LeaveGuard = ();
	type OnCoopRemoved = Passport;
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

pub const DEPOSIT: Balance = 5;
pub const MAX_ATTESTERS: u32 = 3;

impl crate::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Membership = Membership;
	type FederationOrigin = EnsureRoot<AccountId>;
	type AttestationDeposit = ConstU128<DEPOSIT>;
	type MaxAttestersPerClaim = ConstU32<MAX_ATTESTERS>;
	type WeightInfo = ();
}

// The six claim kinds, in the runtime's genesis order.
pub const LEGAL_ENTITY: u16 = 0;
pub const OFFICERS_KYC: u16 = 1;
pub const COOP_PRINCIPLES: u16 = 2;
pub const GOOD_STANDING: u16 = 3;
pub const MEMBER_KYC: u16 = 4;
pub const MEMBER_IN_GOOD_STANDING: u16 = 5;
pub const VALIDITY: u64 = 100;
/// Test account number `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId::new([n; 32])
}
/// An external registrar (account number), in no co-op.
pub const REGISTRAR: u8 = 10;
pub const START: Balance = 1_000;

/// The claim kinds seeded at genesis: (name, subject).
pub const CLAIM_KINDS: [(&[u8], SubjectKind); 6] = [
	(b"LegalEntity", SubjectKind::Coop),
	(b"OfficersKyc", SubjectKind::Coop),
	(b"CoopPrinciples", SubjectKind::Coop),
	(b"GoodStanding", SubjectKind::Coop),
	(b"MemberKyc", SubjectKind::Account),
	(b"MemberInGoodStanding", SubjectKind::Account),
];

/// Co-op 0: 1 (admin), 2. Co-op 1: 3 (admin), 4. Co-op 2: 5 (admin).
/// Every account `acc(1..=20)` has `START`.
/// LegalEntity attesters: 3 (for co-op 1), 5 (for co-op 2), REGISTRAR.
/// GoodStanding attesters: 5, REGISTRAR. MemberKyc attesters: 1 (for co-op 0), REGISTRAR.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=20).map(|a| (acc(a), START)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_coop_membership::GenesisConfig::<Test> {
		founding_coops: vec![
			(b"A".to_vec(), vec![(acc(1), Role::Admin), (acc(2), Role::Member)]),
			(b"B".to_vec(), vec![(acc(3), Role::Admin), (acc(4), Role::Member)]),
			(b"C".to_vec(), vec![(acc(5), Role::Admin)]),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	crate::GenesisConfig::<Test> {
		claim_kinds: CLAIM_KINDS
			.iter()
			.map(|(name, subject)| ClaimKind {
				name: name.to_vec().try_into().unwrap(),
				subject: *subject,
				max_validity: VALIDITY,
			})
			.collect(),
		attesters: vec![
			(LEGAL_ENTITY, acc(3)),
			(LEGAL_ENTITY, acc(5)),
			(LEGAL_ENTITY, acc(REGISTRAR)),
			(GOOD_STANDING, acc(5)),
			(GOOD_STANDING, acc(REGISTRAR)),
			(MEMBER_KYC, acc(1)),
			(MEMBER_KYC, acc(REGISTRAR)),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then the pallets' `try_state` invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Passport::do_try_state().expect("passport invariants hold");
		Membership::do_try_state().expect("membership invariants hold");
	})
}

/// The passport pallet's events since the last call, oldest first.
pub fn passport_events() -> Vec<crate::Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Passport(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}
