//! Test runtime: governance over the membership pallet, with FRAME balances.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use crate as pallet_coop_governance;
use crate::{Method, Scheme, TrackInfo, TrackInfoOf};
use frame_support::{
	derive_impl, parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU128, ConstU32, ConstU64, EqualPrivilegeOnly},
	weights::Weight,
	PalletId,
};
use pallet_coop_membership::Role;
use sp_runtime::{BuildStorage, Perbill};

type Block = frame_system::mocking::MockBlock<Test>;
/// 32-byte accounts, as the runtime's: derived sub-accounts (co-op sovereign
/// accounts) would all truncate into one with 8-byte test accounts.
pub type AccountId = sp_runtime::AccountId32;
pub type Balance = u128;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Membership: pallet_coop_membership,
		Governance: pallet_coop_governance,
		Scheduler: pallet_scheduler,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = sp_runtime::traits::IdentityLookup<AccountId>;
	// Room for the scheduler to enact a proposal's heaviest call.
	type BlockWeights = BlockWeights;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const ORDINARY: u8 = 0;
pub const BYLAWS: u8 = 1;
pub const MEMBERSHIP: u8 = 2;
pub const ROUTINE: u8 = 4;
pub const BALLOT: u8 = 5;
pub const BALLOT_CONSENT: u8 = 6;

parameter_types! {
	pub const MembershipPalletId: PalletId = PalletId(*b"coop/mbr");
	pub const MembershipTrack: u8 = MEMBERSHIP;
	pub const BylawsTrack: u8 = BYLAWS;
	pub MaxCallWeight: Weight = Weight::from_parts(1_000_000_000_000, 1_000_000);
	pub SchedulerMaxWeight: Weight = Weight::from_parts(4_000_000_000_000, 4_000_000);
	pub TreasuryAccount: AccountId = acc(TREASURY);
	pub BlockWeights: frame_system::limits::BlockWeights =
		frame_system::limits::BlockWeights::simple_max(Weight::from_parts(8_000_000_000_000, u64::MAX));
}

/// Test account number `n`.
pub fn acc(n: u8) -> AccountId {
	AccountId::new([n; 32])
}

/// Where slashed proposal deposits go (account number).
pub const TREASURY: u8 = 99;

impl pallet_coop_membership::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Policy = ();
	type UnderMotion = crate::OpenMotions<Test>;
	type LeaveGuard = ();
	type OnCoopRemoved = ();
	type AdmissionOrigin = crate::EnsureFederation<MembershipTrack>;
	type FederationOrigin = crate::EnsureFederation<MembershipTrack>;
	type PalletId = MembershipPalletId;
	type CoopDeposit = ConstU128<100>;
	type MemberDeposit = ConstU128<10>;
	type MaxCoops = ConstU32<200>;
	type MaxApplicants = ConstU32<20>;
	type ApplicationPeriod = ConstU64<1_000>;
	type InvitationPeriod = ConstU64<100>;
	type MaxMembersPerCoop = ConstU32<100>;
	type MaxAdmins = ConstU32<4>;
	type MaxNameLen = ConstU32<32>;
	type WeightInfo = ();
}

impl crate::Config for Test {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type Membership = Membership;
	type MotionSubject = SuspendOrExpel;
	type BylawsOrigin = crate::EnsureFederation<BylawsTrack>;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type MaxCallLen = ConstU32<256>;
	type MaxCallWeight = MaxCallWeight;
	type CleanupBatch = ConstU32<3>;
	type MaxCoops = <Test as pallet_coop_membership::Config>::MaxCoops;
	type MaxOpenPerProposer = ConstU32<3>;
	type MinVotingPeriod = ConstU64<2>;
	type MaxVotingPeriod = ConstU64<1_000>;
	type MaxEnactmentDelay = ConstU64<100>;
	type MaxTrackDeposit = ConstU128<1_000>;
	type WeightInfo = ();
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = SchedulerMaxWeight;
	type ScheduleOrigin = frame_system::EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = ();
	type BlockNumberProvider = System;
}

/// Motions against a co-op: its suspension or expulsion, on the tracks whose
/// origin the mock's membership pallet accepts for them (`MEMBERSHIP`).
pub struct SuspendOrExpel;
impl crate::MotionSubject<RuntimeCall> for SuspendOrExpel {
	fn coops_of(track: crate::TrackId, call: &RuntimeCall) -> Vec<u32> {
		use pallet_coop_membership::Call as M;
		match call {
			RuntimeCall::Membership(M::suspend_coop { coop, .. } | M::expel_coop { coop, .. })
				if track == MEMBERSHIP =>
			{
				vec![*coop]
			}
			_ => Vec::new(),
		}
	}
}

pub fn track(
	scheme: Scheme,
	method: Method,
	period: u64,
	quorum: u32,
	threshold: Perbill,
) -> TrackInfoOf<Test> {
	TrackInfo {
		name: b"track".to_vec().try_into().unwrap(),
		scheme,
		method,
		voting_period: period,
		quorum: Perbill::from_percent(quorum),
		threshold,
		deposit: 10,
		max_open: 4,
		max_open_per_coop: 2,
		enactment_delay: 0,
	}
}

pub fn test_tracks() -> Vec<(u8, TrackInfoOf<Test>)> {
	let half = Perbill::from_percent(50);
	let two_thirds = Perbill::from_rational(2u32, 3u32);
	vec![
		(ORDINARY, track(Scheme::PerCoop, Method::Majority, 10, 50, half)),
		(
			BYLAWS,
			TrackInfo {
				deposit: 50,
				quorum: two_thirds,
				..track(Scheme::PerCoop, Method::Majority, 20, 66, two_thirds)
			},
		),
		(MEMBERSHIP, track(Scheme::PerCoop, Method::Majority, 10, 50, half)),
		(ROUTINE, track(Scheme::PerCoop, Method::Consent, 10, 0, half)),
		(BALLOT, track(Scheme::PerMember, Method::Majority, 10, 50, half)),
		(BALLOT_CONSENT, track(Scheme::PerMember, Method::Consent, 10, 0, half)),
	]
}

pub const START: Balance = 1_000;

/// Co-op 0: 1 (admin), 2, 3. Co-op 1: 4 (admin), 5, 6. Co-op 2: 7 (admin).
/// Account 10 belongs to no co-op. Accounts `acc(1..=20)` hold 1_000.
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
			(
				b"A".to_vec(),
				vec![(acc(1), Role::Admin), (acc(2), Role::Member), (acc(3), Role::Member)],
			),
			(
				b"B".to_vec(),
				vec![(acc(4), Role::Admin), (acc(5), Role::Member), (acc(6), Role::Member)],
			),
			(b"C".to_vec(), vec![(acc(7), Role::Admin)]),
		],
	}
	.assimilate_storage(&mut t)
	.unwrap();
	crate::GenesisConfig::<Test> { tracks: test_tracks() }.assimilate_storage(&mut t).unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then both pallets' `try_state` invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Governance::do_try_state().expect("governance invariants hold");
		Membership::do_try_state().expect("membership invariants hold");
	})
}

/// The governance pallet's events since the last call, oldest first.
pub fn governance_events() -> Vec<crate::Event<Test>> {
	let events = System::events()
		.into_iter()
		.filter_map(|r| if let RuntimeEvent::Governance(e) = r.event { Some(e) } else { None })
		.collect();
	System::reset_events();
	events
}
