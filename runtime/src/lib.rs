//! # CoopDAO runtime
//!
//! The state-transition function of the CoopDAO chain: FRAME's own pallets for
//! accounts, fees and consensus, beside the federation's custom pallets.
//!
//! Layout: pallet configurations live under [`configs`], runtime API
//! implementations in [`apis`], genesis presets in [`genesis_config_presets`].

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

// Declared first: `define_benchmarks!` makes macros `apis` uses.
#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
#[cfg(feature = "std")]
pub mod client;
pub mod configs;
pub mod feeless;
pub mod genesis_config_presets;
#[cfg(feature = "std")]
pub mod live_network;
#[cfg(test)]
mod tests;
pub mod weights;

use sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256, MultiAddress};
use sp_version::RuntimeVersion;

pub use frame_support::{construct_runtime, parameter_types};
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types used by the node, which needs no knowledge of the runtime's calls.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The session keys a validator co-op holds: Aura for authoring, GRANDPA for finality.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime version. Bump `spec_version` on every runtime upgrade.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("coop-runtime"),
	impl_name: alloc::borrow::Cow::Borrowed("coop-runtime"),
	authoring_version: 1,
	spec_version: 115,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Target block time. Slots cannot change once a chain has started.
pub const MILLISECS_PER_BLOCK: u64 = 6000;
/// Aura slot duration, equal to the block time.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Blocks per minute, hour and day, for periods expressed in blocks.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

/// One COOP, the native token, has 12 decimals.
pub const UNIT: Balance = 1_000_000_000_000;
pub const MILLI_UNIT: Balance = 1_000_000_000;
pub const MICRO_UNIT: Balance = 1_000_000;

/// An account needs at least this much to exist: 0.01 COOP.
pub const EXISTENTIAL_DEPOSIT: Balance = 10 * MILLI_UNIT;

/// The aliases every CoopDAO crate shares (signatures: sr25519, ed25519 or ecdsa,
/// so every common wallet can sign).
pub use coop_primitives::{AccountId, Balance, BlockNumber, Hash, Nonce, Signature};
/// The address format: accounts are addressed by id (no indices).
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// Signed block with justifications.
pub type SignedBlock = generic::SignedBlock<Block>;
/// Block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions every signed extrinsic carries, in order.
/// `CheckMetadataHash` lets hardware wallets verify the metadata they decode with.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// Members' first votes are feeless (`#[pallet::feeless_if]` on `vote`) and take
	// no block space for the payment they skip; every other call pays as usual.
	feeless::SkipPaymentIfFeeless,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload that is signed.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run on the next runtime upgrade. Each checks the pallet's
/// on-chain storage version, so on a chain already migrated (or started with this
/// runtime, whose genesis writes the current versions) it does nothing.
type Migrations = (
	pallet_coop_membership::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_coop_governance::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_coop_bounties::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_coop_bounties::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_coop_governance::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_coop_membership::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_coop_bounties::migrations::v4::MigrateV3ToV4<Runtime>,
	pallet_coop_governance::migrations::v4::MigrateV3ToV4<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(8)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;

	/// Dev-chain only: the development preset names a sudo key, every other
	/// preset leaves it empty so no account can act as root.
	#[runtime::pallet_index(7)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(9)]
	pub type Sudo = pallet_sudo;

	/// Co-ops and their worker-members.
	#[runtime::pallet_index(20)]
	pub type Membership = pallet_coop_membership;

	/// Proposals, votes and the decision register.
	#[runtime::pallet_index(21)]
	pub type Governance = pallet_coop_governance;

	/// Co-op passports and attestations.
	#[runtime::pallet_index(22)]
	pub type Passport = pallet_coop_passport;

	/// Escrowed contribution bounties and the contribution ledger.
	#[runtime::pallet_index(23)]
	pub type Bounties = pallet_coop_bounties;

	/// The federation's treasury; spends only through the Treasury track.
	#[runtime::pallet_index(15)]
	pub type Treasury = pallet_treasury;

	/// Validator co-ops admitted by vote: the source of the session's validator set.
	/// Declared after Membership (its genesis reads the founding co-ops) and before
	/// Session (whose genesis asks it for the first set).
	#[runtime::pallet_index(24)]
	pub type CoopValidators = pallet_coop_validators;

	/// Session keys and validator-set rotation, feeding Aura and GRANDPA. Declared
	/// after Aura, so Aura checks a block's author against the set that chose it.
	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;

	/// Which keys each session's validators held, so equivocations can be proven.
	#[runtime::pallet_index(11)]
	pub type Historical = pallet_session::historical;

	/// Proven offences, handed to the validator registry.
	#[runtime::pallet_index(12)]
	pub type Offences = pallet_offences;

	/// Each block's author, who is credited with the equivocation reports it includes.
	#[runtime::pallet_index(13)]
	pub type Authorship = pallet_authorship;
}
