//! JSON-RPC methods beyond the ones `sc-service` provides (system, chain,
//! state, author): `system_accountNextIndex`, `system_dryRun`, `payment_*`, and
//! `coop_*`.

mod checked;
pub mod coop;

use std::sync::Arc;

use coop_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Hash, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P> {
	/// The client, to call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool (the RPC server's: [`crate::checked_pool::CheckedPool`]).
	pub pool: Arc<P>,
}

/// All RPC extensions of a full node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: coop_primitives::ExtrinsicCheckApi<Block>
		+ substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>
		+ pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>
		+ BlockBuilder<Block>
		+ pallet_coop_membership::runtime_api::MembershipApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_coop_governance::runtime_api::GovernanceApi<Block, AccountId, BlockNumber, Hash>
		+ pallet_coop_passport::runtime_api::PassportApi<Block, AccountId, Balance, BlockNumber>
		+ pallet_coop_bounties::runtime_api::BountiesApi<
			Block,
			pallet_coop_bounties::BountyOf<coop_runtime::Runtime>,
			pallet_coop_bounties::ClaimOf<coop_runtime::Runtime>,
			AccountId,
			Balance,
			BlockNumber,
		>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool.clone()).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	// Upstream's fee quotes and dry run trap in the runtime on bytes that do not decode
	// as an extrinsic: these check first.
	checked::replace_extrinsic_methods(
		&mut module,
		client.clone(),
		TransactionPayment::new(client.clone()),
		System::new(client.clone(), pool),
	)?;
	module.merge(coop::CoopApiServer::into_rpc(coop::Coop::new(client)))?;

	Ok(module)
}
