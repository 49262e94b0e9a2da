//! Test runtime: bounties over membership, with FRAME balances.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate as pallet_coop_bounties;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use pallet_coop_membership::Role;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;
/// 32-byte accounts: co-op sovereign and escrow accounts are derived sub-accounts,
/// which 8-byte test accounts would truncate into one.
pub type AccountId = sp_runtime::AccountId32;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Membership: pallet_coop_membership,
		Bounties: pallet_coop_bounties,
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
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const ED: Balance = 2;
pub const DEPOSIT: Balance = 10;
pub const CLAIM_DEPOSIT: Balance = 5;
/// Test account number `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId::new([n; 32])
}
pub const TREASURY: u8 = 99;
/// The account standing for the Bylaws track, the only one that sets the floor.
pub const BYLAWS: u8 = 50;
pub const MIN_PERIOD: u64 = 5;
pub const MAX_PERIOD: u64 = 1_000;
pub const COOLDOWN: u64 = 10;
pub const MAX_TREASURY_BOUNTY: Balance = 2_000;
pub const START: Balance = 1_000;
pub const RETENTION: u64 = 20;

parameter_types! {
	pub const MembershipPalletId: PalletId = PalletId(*b"coop/mbr");
	pub const BountiesPalletId: PalletId = PalletId(*b"coop/bty");
	pub TreasuryAccount: AccountId = acc(TREASURY);
	/// What the treasury promised outside this pallet (approved spends not paid).
	pub static Committed: Balance = 0;
}

/// Treasury commitments as a test sets them.
pub struct TestCommitments;
impl crate::TreasuryCommitments<Balance> for TestCommitments {
	const MAX_READS: u64 = 1;
	fn committed() -> Balance {
		Committed::get()
	}
}

frame_support::ord_parameter_types! {
	pub const Bylaws: AccountId = AccountId::new([BYLAWS; 32]);
}

impl pallet_coop_membership::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Policy = ();
	type UnderMotion = ();
	type LeaveGuard = ();
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

impl crate::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Membership = Membership;
	type TreasuryOrigin = EnsureRoot<AccountId>;
	type FloorOrigin = EnsureSignedBy<Bylaws, AccountId>;
	type MaxTreasuryBounty = ConstU128<MAX_TREASURY_BOUNTY>;
	type TreasuryCommitments = TestCommitments;
	type RecordRetention = ConstU64<RETENTION>;
	type MinClaimPeriod = ConstU64<MIN_PERIOD>;
	type MaxClaimPeriod = ConstU64<MAX_PERIOD>;
	type ClaimCooldown = ConstU64<COOLDOWN>;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = BountiesPalletId;
	type BountyDeposit = ConstU128<DEPOSIT>;
	type ClaimDeposit = ConstU128<CLAIM_DEPOSIT>;
	type MaxReviewers = ConstU32<3>;
	type MaxMilestones = ConstU32<3>;
	type MaxContributors = ConstU32<3>;
	type MaxSubmissions = ConstU32<4>;
	type WeightInfo = ();
}

/// Co-op 0: 1 (admin), 2, 6. Co-op 1: 3 (admin), 4. Co-op 2: 5 (admin). Co-op 3: 7 (admin).
/// Co-op 4: 8 (admin), 10 (admin), 11 (two admins). Co-op 5: 12 (admin), 13.
/// Accounts 1..=20 and `BYLAWS` hold 1_000; the treasury 10_000. Account 9 is in no co-op.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut balances: Vec<(AccountId, Balance)> = (1..=20).map(|a| (acc(a), START)).collect();
	balances.push((acc(TREASURY), 10_000));
	balances.push((acc(BYLAWS), START));
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut t)
		.unwrap();
	pallet_coop_membership::GenesisConfig::<Test> {
		founding_coops: vec![
			(
				b"A".to_vec(),
				vec![(acc(1), Role::Admin), (acc(2), Role::Member), (acc(6), Role::Member)],
			),
			(b"B".to_vec(), vec![(acc(3), Role::Admin), (acc(4), Role::Member)]),
			(b"C".to_vec(), vec![(acc(5), Role::Admin)]),
			(b"D".to_vec(), vec![(acc(7), Role::Admin)]),
			(
				b"E".to_vec(),
				vec![(acc(8), Role::Admin), (acc(10), Role::Admin), (acc(11), Role::Member)],
			),
			(b"F".to_vec(), vec![(acc(12), Role::Admin), (acc(13), Role::Member)]),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks `try_state` and that no funds were created or destroyed.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let issuance = Balances::total_issuance();
		test();
		assert_eq!(Balances::total_issuance(), issuance, "funds created or destroyed");
		Bounties::do_try_state().expect("bounties invariants hold");
		Membership::do_try_state().expect("membership invariants hold");
	})
}

/// The bounties pallet's events since the last call, oldest first.
pub fn bounty_events() -> Vec<crate::Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Bounties(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}
