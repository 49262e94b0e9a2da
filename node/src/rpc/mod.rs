//! JSON-RPC methods beyond the ones `sc-service` provides (system, chain,
//! state, author): `system_accountNextIndex`, `system_dryRun`, `payment_*`,
//! `grandpa_*` (round state, finality proofs, justifications) and `coop_*`.

mod checked;
pub mod coop;
pub mod json;

use std::sync::Arc;

use coop_primitives::{AccountId, Balance, BlockNumber, Hash, Nonce};
use coop_runtime::opaque::Block;
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the GRANDPA RPC reads from the finality gadget.
pub struct GrandpaDeps<B> {
	/// The voter's rounds, for `grandpa_roundState`.
	pub shared_voter_state: sc_consensus_grandpa::SharedVoterState,
	/// The current authority set.
	pub shared_authority_set: sc_consensus_grandpa::SharedAuthoritySet<Hash, BlockNumber>,
	/// Justifications as they are made, for `grandpa_subscribeJustifications`.
	pub justification_stream: sc_consensus_grandpa::GrandpaJustificationStream<Block>,
	/// Finality proofs, for `grandpa_proveFinality`.
	pub finality_provider: Arc<sc_consensus_grandpa::FinalityProofProvider<B, Block>>,
}

// By hand: a derive would ask the database backend `B` to be `Clone`.
impl<B> Clone for GrandpaDeps<B> {
	fn clone(&self) -> Self {
		Self {
			shared_voter_state: self.shared_voter_state.clone(),
			shared_authority_set: self.shared_authority_set.clone(),
			justification_stream: self.justification_stream.clone(),
			finality_provider: self.finality_provider.clone(),
		}
	}
}

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P, B> {
	/// The client, to call runtime APIs.
	pub client: Arc<C>,
	/// The transaction pool (the RPC server's: [`crate::checked_pool::CheckedPool`]).
	pub pool: Arc<P>,
	/// The finality gadget's state.
	pub grandpa: GrandpaDeps<B>,
	/// Runs subscriptions.
	pub subscription_executor: sc_rpc::SubscriptionTaskExecutor,
}

/// All RPC extensions of a full node.
pub fn create_full<C, P, B>(
	deps: FullDeps<C, P, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
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
		+ coop_primitives::membership::MembershipApi<Block, AccountId, Balance, BlockNumber>
		+ coop_primitives::governance::GovernanceApi<Block, AccountId, BlockNumber, Hash>
		+ coop_primitives::passport::PassportApi<Block, AccountId, Balance, BlockNumber>
		+ coop_primitives::bounties::BountiesApi<Block, AccountId, Balance, BlockNumber>,
	P: TransactionPool + 'static,
{
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, grandpa, subscription_executor } = deps;

	module.merge(
		Grandpa::new(
			subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

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
	module.merge(coop::CoopApiServer::into_rpc(coop::Coop::<_, Block>::new(client)))?;

	Ok(module)
}
