//! Configuration of the federation's own pallets: membership and governance.

use alloc::vec::Vec;
use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstU32, EitherOfDiverse, EqualPrivilegeOnly},
	weights::Weight,
	PalletId,
};
use frame_system::EnsureRoot;
use pallet_coop_governance::{EnsureFederation, TrackId};

use crate::{
	AccountId, Balance, Balances, CoopValidators, Membership, OriginCaller, Passport, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System, Treasury, DAYS,
	MILLI_UNIT, MINUTES, UNIT,
};

/// Track ids, fixed in genesis; their parameters live in storage.
pub mod tracks {
	use super::TrackId;
	/// Ordinary decisions: per co-op, simple majority.
	pub const ORDINARY: TrackId = 0;
	/// Bylaws, runtime upgrades, track changes: per co-op, 2/3, higher quorum.
	pub const BYLAWS: TrackId = pallet_coop_governance::BYLAWS_TRACK;
	/// Admission, suspension, expulsion of co-ops.
	pub const MEMBERSHIP: TrackId = 2;
	/// Treasury spends and bounty funding.
	pub const TREASURY: TrackId = 3;
	/// Routine "medium" decisions by consent.
	pub const ROUTINE: TrackId = 4;
}

parameter_types! {
	pub const MembershipPalletId: PalletId = PalletId(*b"coop/mbr");
	pub const MembershipTrack: TrackId = tracks::MEMBERSHIP;
	pub const BylawsTrack: TrackId = tracks::BYLAWS;
	pub const TreasuryTrack: TrackId = tracks::TREASURY;
	pub const TreasuryPalletId: PalletId = PalletId(*b"py/trsry");
	pub const BountiesPalletId: PalletId = PalletId(*b"coop/bty");
	pub TreasuryAccount: AccountId = Treasury::account_id();
	/// The most one Treasury-track vote may spend.
	pub const MaxTreasurySpend: Balance = 1_000_000 * UNIT;
	/// A proposal's call may use at most a quarter of a block.
	pub MaxProposalCallWeight: Weight = crate::configs::RuntimeBlockWeights::get()
		.max_block
		.saturating_div(4);
	/// Delayed enactments may use most of a block (each is at most a quarter).
	/// (Divided before multiplied: the block's proof size is `u64::MAX` and must not
	/// saturate below a proposal call's quarter of it.)
	pub SchedulerMaxWeight: Weight = crate::configs::RuntimeBlockWeights::get()
		.max_block
		.saturating_div(10)
		.saturating_mul(8);
}

/// Root stays accepted so the dev chain's sudo can demo admission; no other
/// preset has a sudo key, so there only the federation's vote can act.
pub type FederationOr<Track> = EitherOfDiverse<EnsureRoot<AccountId>, EnsureFederation<Track>>;

impl pallet_coop_membership::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Policy = Passport;
	type UnderMotion = pallet_coop_governance::OpenMotions<Runtime>;
	type LeaveGuard = CoopValidators;
	type OnCoopRemoved = Passport;
	type AdmissionOrigin = FederationOr<MembershipTrack>;
	type FederationOrigin = FederationOr<MembershipTrack>;
	type PalletId = MembershipPalletId;
	type CoopDeposit = frame_support::traits::ConstU128<{ 10 * UNIT }>;
	type MemberDeposit = frame_support::traits::ConstU128<{ 100 * MILLI_UNIT }>;
	type MaxCoops = ConstU32<1_000>;
	type MaxApplicants = ConstU32<50>;
	type ApplicationPeriod = ConstU32<{ 90 * DAYS }>;
	type InvitationPeriod = ConstU32<{ 30 * DAYS }>;
	type MaxMembersPerCoop = ConstU32<500>;
	type MaxAdmins = ConstU32<8>;
	type MaxNameLen = ConstU32<64>;
	type WeightInfo = pallet_coop_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_coop_governance::Config for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Slash = ResolveTo<TreasuryAccount, Balances>;
	type Membership = Membership;
	type MotionSubject = SuspendOrExpel;
	type BylawsOrigin = FederationOr<BylawsTrack>;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type MaxCallLen = ConstU32<{ 16 * 1024 }>;
	type MaxCallWeight = MaxProposalCallWeight;
	type CleanupBatch = ConstU32<200>;
	type MaxCoops = <Runtime as pallet_coop_membership::Config>::MaxCoops;
	type MaxOpenPerProposer = ConstU32<5>;
	// Short enough for the dev chain's demo tracks (one minute), long enough to read.
	type MinVotingPeriod = ConstU32<{ MINUTES / 2 }>;
	type MaxVotingPeriod = ConstU32<{ 90 * DAYS }>;
	type MaxEnactmentDelay = ConstU32<{ 30 * DAYS }>;
	type MaxTrackDeposit = frame_support::traits::ConstU128<{ 1_000 * UNIT }>;
	type WeightInfo = pallet_coop_governance::weights::SubstrateWeight<Runtime>;
}

/// A motion against a co-op: its suspension or expulsion on the Membership track
/// (the only track whose origin may make them), also inside a batch or either
/// branch of an `if_else`.
pub struct SuspendOrExpel;
impl SuspendOrExpel {
	fn collect(call: &RuntimeCall, coops: &mut Vec<pallet_coop_membership::CoopId>) {
		use pallet_coop_membership::Call as M;
		use pallet_utility::Call as U;
		match call {
			RuntimeCall::Membership(M::suspend_coop { coop, .. } | M::expel_coop { coop, .. }) => {
				coops.push(*coop)
			}
			RuntimeCall::Utility(
				U::batch { calls } | U::batch_all { calls } | U::force_batch { calls },
			) => calls.iter().for_each(|c| Self::collect(c, coops)),
			RuntimeCall::Utility(U::if_else { main, fallback }) => {
				Self::collect(main, coops);
				Self::collect(fallback, coops);
			}
			_ => {}
		}
	}
}
impl pallet_coop_governance::MotionSubject<RuntimeCall> for SuspendOrExpel {
	fn coops_of(track: TrackId, call: &RuntimeCall) -> Vec<pallet_coop_membership::CoopId> {
		let mut coops = Vec::new();
		if track == tracks::MEMBERSHIP {
			Self::collect(call, &mut coops);
			coops.sort_unstable();
			coops.dedup();
		}
		coops
	}
}

impl pallet_coop_passport::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Membership = Membership;
	type FederationOrigin = FederationOr<MembershipTrack>;
	type AttestationDeposit = frame_support::traits::ConstU128<{ 100 * MILLI_UNIT }>;
	type MaxAttestersPerClaim = ConstU32<16>;
	type WeightInfo = pallet_coop_passport::weights::SubstrateWeight<Runtime>;
}

/// Runs the federation's approved calls once their track's enactment delay passed.
/// Only root schedules: in practice the governance pallet, for approved proposals.
impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = SchedulerMaxWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	// Governance schedules only its own small `enact` call, always inline.
	type Preimages = ();
	type BlockNumberProvider = System;
}

impl pallet_treasury::Config for Runtime {
	type Currency = Balances;
	type RejectOrigin = FederationOr<TreasuryTrack>;
	type RuntimeEvent = RuntimeEvent;
	type SpendPeriod = ConstU32<{ 7 * DAYS }>;
	type Burn = ();
	type PalletId = TreasuryPalletId;
	type BurnDestination = ();
	type WeightInfo = crate::weights::pallet_treasury::WeightInfo<Runtime>;
	type SpendFunds = ();
	type MaxApprovals = ConstU32<100>;
	type SpendOrigin =
		frame_system::EnsureWithSuccess<FederationOr<TreasuryTrack>, AccountId, MaxTreasurySpend>;
	type AssetKind = ();
	type Beneficiary = AccountId;
	type BeneficiaryLookup = sp_runtime::traits::IdentityLookup<AccountId>;
	type Paymaster = frame_support::traits::tokens::PayFromAccount<Balances, TreasuryAccount>;
	type BalanceConverter = frame_support::traits::tokens::UnityAssetBalanceConversion;
	type PayoutPeriod = ConstU32<{ 30 * DAYS }>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::TreasuryArguments;
	type BlockNumberProvider = System;
}

impl pallet_coop_bounties::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Membership = Membership;
	type TreasuryOrigin = FederationOr<TreasuryTrack>;
	// The floor is a bylaw: one Treasury-track vote cannot lower it and spend.
	type FloorOrigin = FederationOr<BylawsTrack>;
	type MaxTreasuryBounty = frame_support::traits::ConstU128<{ 50_000 * UNIT }>;
	type TreasuryCommitments = TreasurySpendsNotPaid;
	// A month for explorers to read a finished bounty before its record may go.
	type RecordRetention = ConstU32<{ 30 * DAYS }>;
	type MinClaimPeriod = ConstU32<10>;
	type MaxClaimPeriod = ConstU32<{ 365 * DAYS }>;
	type ClaimCooldown = ConstU32<{ crate::HOURS }>;
	type TreasuryAccount = TreasuryAccount;
	type PalletId = BountiesPalletId;
	type BountyDeposit = frame_support::traits::ConstU128<UNIT>;
	type ClaimDeposit = frame_support::traits::ConstU128<{ UNIT / 2 }>;
	type MaxReviewers = ConstU32<8>;
	type MaxMilestones = ConstU32<8>;
	type MaxContributors = ConstU32<8>;
	type MaxSubmissions = ConstU32<32>;
	type WeightInfo = pallet_coop_bounties::weights::SubstrateWeight<Runtime>;
}

/// The treasury's approved spends not paid out yet: `spend` entries still pending
/// (or failed, so retryable) and not expired, and `spend_local` approvals.
pub struct TreasurySpendsNotPaid;

/// The most `spend` entries read; with more outstanding, treasury bounties wait
/// (the floor check sees `Balance::MAX`) until `check_status`/`void_spend` clear
/// old ones.
const MAX_SPENDS_READ: u32 = 100;

impl pallet_coop_bounties::TreasuryCommitments<Balance> for TreasurySpendsNotPaid {
	// The spends read (plus one to see there are no more), the approvals list and
	// the `spend_local` proposals it names.
	const MAX_READS: u64 = MAX_SPENDS_READ as u64 + 2 + 100;

	fn committed() -> Balance {
		use pallet_treasury::PaymentState;
		let now = System::block_number();
		let mut spends = pallet_treasury::Spends::<Runtime>::iter_values();
		let mut sum: Balance = 0;
		for _ in 0..MAX_SPENDS_READ {
			let Some(spend) = spends.next() else { break };
			if !matches!(spend.status, PaymentState::Attempted { .. }) && spend.expire_at > now {
				sum = sum.saturating_add(spend.amount);
			}
		}
		if spends.next().is_some() {
			return Balance::MAX;
		}
		#[allow(deprecated)]
		for index in pallet_treasury::Approvals::<Runtime>::get() {
			if let Some(proposal) = pallet_treasury::Proposals::<Runtime>::get(index) {
				sum = sum.saturating_add(proposal.value);
			}
		}
		sum
	}
}
