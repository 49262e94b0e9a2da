//! Test runtime for the membership pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate as pallet_coop_membership;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
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

pub const COOP_DEPOSIT: Balance = 100;
pub const MEMBER_DEPOSIT: Balance = 10;
pub const MAX_MEMBERS: u32 = 5;
pub const MAX_ADMINS: u32 = 3;
pub const MAX_COOPS: u32 = 3;
pub const MAX_APPLICANTS: u32 = 2;
pub const APPLICATION_PERIOD: u64 = 100;
pub const INVITATION_PERIOD: u64 = 10;

parameter_types! {
	pub const MembershipPalletId: PalletId = PalletId(*b"coop/mbr");
}

impl crate::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Policy = TestPolicy;
	type UnderMotion = ();
	type LeaveGuard = ();
	type OnCoopRemoved = ();
	type AdmissionOrigin = EnsureRoot<AccountId>;
	type FederationOrigin = EnsureRoot<AccountId>;
	type PalletId = MembershipPalletId;
	type CoopDeposit = ConstU128<COOP_DEPOSIT>;
	type MemberDeposit = ConstU128<MEMBER_DEPOSIT>;
	type MaxCoops = ConstU32<MAX_COOPS>;
	type MaxApplicants = ConstU32<MAX_APPLICANTS>;
	type ApplicationPeriod = ConstU64<APPLICATION_PERIOD>;
	type InvitationPeriod = ConstU64<INVITATION_PERIOD>;
	type MaxMembersPerCoop = ConstU32<MAX_MEMBERS>;
	type MaxAdmins = ConstU32<MAX_ADMINS>;
	type MaxNameLen = ConstU32<16>;
	type WeightInfo = ();
}

parameter_types! {
	/// An account the test policy refuses as a member.
	pub static RefuseJoin: Option<AccountId> = None;
	/// A co-op the test policy refuses to admit.
	pub static RefuseAdmit: Option<u32> = None;
}

/// A policy that refuses what the test asks it to.
pub struct TestPolicy;
impl crate::AdmissionPolicy<AccountId> for TestPolicy {
	fn can_join(_: u32, who: &AccountId) -> sp_runtime::DispatchResult {
		if RefuseJoin::get().as_ref() == Some(who) {
			return Err(sp_runtime::DispatchError::Other("not verified"));
		}
		Ok(())
	}
	fn can_admit(coop: u32) -> sp_runtime::DispatchResult {
		if RefuseAdmit::get() == Some(coop) {
			return Err(sp_runtime::DispatchError::Other("not attested"));
		}
		Ok(())
	}
}

/// Test account number `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId::new([n; 32])
}

/// Accounts `acc(1..=20)` start with 1_000 each; account `POOR` has nothing.
pub const START: Balance = 1_000;
pub const POOR: u8 = 99;

/// Builds the test externalities and checks `try_state` after every test.
#[derive(Default)]
pub struct ExtBuilder {
	founding: Vec<crate::types::FoundingCoop<AccountId>>,
}

impl ExtBuilder {
	/// Adds a founding co-op at genesis, its members given by account number.
	pub fn founding(mut self, name: &[u8], members: Vec<(u8, crate::Role)>) -> Self {
		let members = members.into_iter().map(|(n, role)| (acc(n), role)).collect();
		self.founding.push((name.to_vec(), members));
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=20).map(|a| (acc(a), START)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut t)
		.unwrap();
		crate::GenesisConfig::<Test> { founding_coops: self.founding }
			.assimilate_storage(&mut t)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(t);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then the pallet's `try_state` invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Membership::do_try_state().expect("try_state invariants hold");
		})
	}
}

/// The pallet's events since the last call, oldest first.
pub fn membership_events() -> Vec<crate::Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Membership(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}
