//! Configuration of the validator set: the co-op validator registry, sessions,
//! their key-ownership history, offences and GRANDPA's equivocation reports.

use frame_support::{
	parameter_types,
	traits::{ConstU128, ConstU32},
	weights::Weight,
};
use sp_runtime::traits::{ConvertInto, OpaqueKeys};

use super::coop::{BylawsTrack, FederationOr, MembershipTrack, TreasuryAccount};
use crate::{
	AccountId, Aura, Balances, BlockNumber, CoopValidators, Grandpa, Membership, Runtime,
	RuntimeEvent, RuntimeHoldReason, SessionKeys, HOURS, MINUTES, UNIT,
};

/// Sessions of key-ownership history kept; GRANDPA equivocations older than this
/// can no longer be proven. A week of the default one-hour sessions.
pub const SESSION_HISTORY: u32 = 168;

parameter_types! {
	/// How long (in blocks) an equivocation report stays valid in the pool.
	pub const ReportLongevity: u64 = (SESSION_HISTORY as u64).saturating_mul(HOURS as u64);
}

impl pallet_coop_validators::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Slash = frame_support::traits::tokens::imbalance::ResolveTo<TreasuryAccount, Balances>;
	type Membership = Membership;
	// Admitting and removing a validator co-op is a membership decision.
	type AdmissionOrigin = FederationOr<MembershipTrack>;
	// Forcing a GRANDPA authority set and the session length change how the
	// chain finalizes: bylaws.
	type FinalityOrigin = FederationOr<BylawsTrack>;
	type Session = SessionAdapter;
	type FinalityStall = GrandpaStall;
	type ValidatorDeposit = ConstU128<{ 100 * UNIT }>;
	type MaxValidators = ConstU32<32>;
	// GRANDPA tolerates f faulty voters out of 3f + 1: four is the smallest set that
	// survives one.
	type MinValidators = ConstU32<4>;
	type MaxPerCoop = ConstU32<2>;
	type MinSessionLength = ConstU32<{ MINUTES }>;
	type HistoryDepth = ConstU32<SESSION_HISTORY>;
	type WeightInfo = pallet_coop_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ValidatorsBenchmarkHelper;
}

/// The registry's view of pallet-session.
pub struct SessionAdapter;
impl pallet_coop_validators::ValidatorSession<AccountId> for SessionAdapter {
	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
	fn disable(who: &AccountId) {
		pallet_session::Pallet::<Runtime>::report_offence(
			who.clone(),
			sp_staking::offence::OffenceSeverity::default(),
		);
	}
	fn prune_history(session: sp_staking::SessionIndex) {
		pallet_session::historical::Pallet::<Runtime>::prune_up_to(session);
	}
	fn has_keys_weight() -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get().reads(1)
	}
}

/// GRANDPA's stall recovery. Upstream offers it only to root (which no
/// production preset has), so the registry's federation-voted call grants root
/// for exactly this one call.
pub struct GrandpaStall;
impl pallet_coop_validators::FinalityStall<BlockNumber> for GrandpaStall {
	fn note_stalled(delay: BlockNumber, best_finalized_block_number: BlockNumber) {
		// Root passes `ensure_root`, the call's only check, so it cannot fail.
		let _ = Grandpa::note_stalled(
			frame_system::RawOrigin::Root.into(),
			delay,
			best_finalized_block_number,
		);
	}
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = CoopValidators;
	type NextSessionRotation = CoopValidators;
	type SessionManager = pallet_session::historical::NoteHistoricalRoot<Runtime, CoopValidators>;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// At most a third of the set disabled at once, so offences cannot halt GRANDPA.
	type DisablingStrategy = pallet_session::disabling::UpToLimitDisablingStrategy;
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	/// Pays for the keys' storage; returned by `purge_keys`.
	type KeyDeposit = ConstU128<UNIT>;
}

impl pallet_session::historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type FullIdentification = ();
	type FullIdentificationOf = pallet_coop_validators::FullIdentificationOf;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = pallet_session::historical::IdentificationTuple<Self>;
	type OnOffenceHandler = CoopValidators;
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	type EventHandler = ();
}

/// Sets session keys for the validator benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct ValidatorsBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_coop_validators::BenchmarkHelper<AccountId> for ValidatorsBenchmarkHelper {
	fn set_keys(who: &AccountId) {
		// Distinct (not necessarily valid) public keys: the account's bytes.
		let raw: [u8; 32] = who.clone().into();
		let keys = SessionKeys {
			aura: sp_consensus_aura::sr25519::AuthorityId::from(
				sp_core::sr25519::Public::from_raw(raw),
			),
			grandpa: sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
				raw,
			)),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
