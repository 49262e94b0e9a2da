//! Runtime APIs the node and wallets call.

use alloc::vec::Vec;
use coop_primitives::{
	bounties::{BountyId, BountyStatus, BountyView, Ledger},
	governance::{DecisionView, ProposalId, ProposalView},
	membership::{CoopId, CoopStatus, CoopView, MemberView},
	passport::{AttestationView, ClaimKindId, ClaimKindView, PassportView, Subject},
	Page,
};
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use pallet_grandpa::AuthorityId as GrandpaId;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Block, BlockNumber, Bounties, Executive, Governance, Grandpa, Hash,
	InherentDataExt, Membership, Nonce, Passport, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SessionKeys, System, TransactionPayment, UncheckedExtrinsic, VERSION,
};

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl coop_primitives::ExtrinsicCheckApi<Block> for Runtime {
		fn decodes(encoded: Vec<u8>) -> bool {
			// `UncheckedExtrinsic::decode` bounds the call's size but not its nesting,
			// and `Executive` refuses extrinsics nested deeper than
			// `MAX_EXTRINSIC_DEPTH` (`InvalidTransaction::Call`): decode with that
			// same limit, which also keeps this check's recursion bounded.
			<UncheckedExtrinsic as codec::DecodeLimit>::decode_all_with_depth_limit(
				frame_support::MAX_EXTRINSIC_DEPTH,
				&mut encoded.as_slice(),
			)
			.is_ok()
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			let key_owner_proof = key_owner_proof.decode()?;
			Grandpa::submit_unsigned_equivocation_report(equivocation_proof, key_owner_proof)
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			use codec::Encode;
			use frame_support::traits::KeyOwnerProofSystem;
			// Proves the key was in the current session's set, via the historical trie.
			crate::Historical::prove((sp_consensus_grandpa::KEY_TYPE, authority_id))
				.map(|p| p.encode())
				.map(sp_consensus_grandpa::OpaqueKeyOwnershipProof::new)
		}
	}

	impl coop_primitives::membership::MembershipApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn coop(id: CoopId) -> Option<CoopView<AccountId, Balance, BlockNumber>> {
			Membership::coop_view(id)
		}

		fn coop_of(who: AccountId) -> Option<MemberView<AccountId, BlockNumber>> {
			Membership::member_view(who)
		}

		fn coops(
			status: Option<CoopStatus>,
			start_after: Option<CoopId>,
			limit: u32,
		) -> Page<CoopView<AccountId, Balance, BlockNumber>, CoopId> {
			Membership::coops_page(status, start_after, limit)
		}

		fn members(
			coop: CoopId,
			start_after: Option<AccountId>,
			limit: u32,
		) -> Page<MemberView<AccountId, BlockNumber>, AccountId> {
			Membership::members_page(coop, start_after, limit)
		}
	}

	impl coop_primitives::governance::GovernanceApi<Block, AccountId, BlockNumber, Hash> for Runtime {
		fn proposal(id: ProposalId) -> Option<ProposalView<AccountId, BlockNumber, Hash>> {
			Governance::proposal_view(id)
		}

		fn proposals(
			start_after: Option<ProposalId>,
			limit: u32,
		) -> Page<ProposalView<AccountId, BlockNumber, Hash>, ProposalId> {
			Governance::proposals_page(start_after, limit)
		}

		fn decision(id: ProposalId) -> Option<DecisionView<AccountId, BlockNumber, Hash>> {
			Governance::decision_view(id)
		}

		fn decisions(
			start_after: Option<ProposalId>,
			limit: u32,
		) -> Page<DecisionView<AccountId, BlockNumber, Hash>, ProposalId> {
			Governance::decisions_page(start_after, limit)
		}
	}

	impl coop_primitives::passport::PassportApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn passport(coop: CoopId) -> Option<PassportView<BlockNumber>> {
			Passport::passport_view(coop)
		}

		fn attestations(
			subject: Subject<AccountId>,
			start_after: Option<(ClaimKindId, AccountId)>,
			limit: u32,
		) -> Page<AttestationView<AccountId, Balance, BlockNumber>, (ClaimKindId, AccountId)> {
			Passport::attestations_page(subject, start_after, limit)
		}

		fn is_verified(subject: Subject<AccountId>, kind: ClaimKindId, k: u32) -> bool {
			Passport::is_verified(&subject, kind, k)
		}

		fn claim_kinds(
			start_after: Option<ClaimKindId>,
			limit: u32,
		) -> Page<ClaimKindView<BlockNumber>, ClaimKindId> {
			Passport::claim_kinds_page(start_after, limit)
		}
	}

	impl coop_primitives::bounties::BountiesApi<Block, AccountId, Balance, BlockNumber> for Runtime {
		fn bounty(id: BountyId) -> Option<BountyView<AccountId, Balance, BlockNumber>> {
			Bounties::bounty_view(id)
		}

		fn bounties(
			status: Option<BountyStatus>,
			start_after: Option<BountyId>,
			limit: u32,
		) -> Page<BountyView<AccountId, Balance, BlockNumber>, BountyId> {
			Bounties::bounties_page(status, start_after, limit)
		}

		fn contributions(who: AccountId) -> Ledger<Balance> {
			pallet_coop_bounties::Contributions::<Runtime>::get(who)
		}

		fn coop_contributions(coop: CoopId) -> Ledger<Balance> {
			pallet_coop_bounties::CoopContributions::<Runtime>::get(coop)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			let feeless = crate::configs::is_feeless(&uxt);
			let mut info = TransactionPayment::query_info(uxt, len);
			if feeless {
				info.partial_fee = 0;
			}
			info
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			if crate::configs::is_feeless(&uxt) {
				return pallet_transaction_payment::FeeDetails { inclusion_fee: None, tip: 0 };
			}
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use super::{benchmarks::*, *};

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = super::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use frame_support::traits::WhitelistedStorageKeys;
			use sp_storage::TrackedStorageKey;
			use super::{benchmarks::*, *};

			let whitelist: Vec<TrackedStorageKey> =
				super::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			// try-runtime is an off-chain tool: failing loudly here is the point.
			#[allow(clippy::unwrap_used)]
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			match Executive::try_execute_block(block, state_root_check, signature_check, select) {
				Ok(weight) => weight,
				// try-runtime is an off-chain tool: failing loudly here is the point.
				Err(e) => panic!("execute-block failed: {e:?}"),
			}
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
