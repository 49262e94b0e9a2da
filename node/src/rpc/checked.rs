//! `payment_queryInfo`, `payment_queryFeeDetails` and `system_dryRun` (alias
//! `system_dryRunAt`), refusing bytes the runtime cannot decode as an extrinsic.
//!
//! Upstream (`pallet-transaction-payment-rpc`, `substrate-frame-rpc-system`)
//! decodes the bytes only as the node's opaque extrinsic and hands them to the
//! runtime, whose API glue panics (a Wasm trap, whose text reached the wallet)
//! when they do not decode as its `UncheckedExtrinsic`. These methods take the
//! same parameters, ask `ExtrinsicCheckApi::decodes` at the block in question
//! (the best block when none is given) and, when the runtime says the bytes do
//! not decode, answer
//! `{"code": -32602, "message": "the bytes do not decode as an extrinsic of this runtime"}`.
//! Otherwise they return what upstream returns, for the same block.

use std::{marker::PhantomData, sync::Arc};

use codec::{Decode, Encode};
use coop_primitives::ExtrinsicCheckApi;
use coop_primitives::{AccountId, Balance, Hash, Nonce};
use coop_runtime::opaque::Block;
use jsonrpsee::{
	core::RegisterMethodError,
	types::{
		error::{ErrorCode, ErrorObject},
		ErrorObjectOwned, Params,
	},
	Extensions, RpcModule,
};
use pallet_transaction_payment_rpc::{
	TransactionPayment, TransactionPaymentApiServer, TransactionPaymentRuntimeApi,
};
use pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo;
use sc_transaction_pool_api::TransactionPool;
use serde::{de::DeserializeOwned, Deserialize};
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::HeaderBackend;
use sp_core::Bytes;
use sp_runtime::traits::Block as BlockT;
use substrate_frame_rpc_system::{AccountNonceApi, System, SystemApiServer};

/// The message of the error for bytes that do not decode as an extrinsic.
pub const UNDECODABLE: &str = "the bytes do not decode as an extrinsic of this runtime";

/// The parameters of the `payment_*` methods, by name (as upstream's macro takes them).
#[derive(Deserialize)]
struct QueryParams<H> {
	#[serde(alias = "encodedXt")]
	encoded_xt: Bytes,
	at: Option<H>,
}

/// The parameters of `system_dryRun`, by name.
#[derive(Deserialize)]
struct DryRunParams<H> {
	extrinsic: Bytes,
	at: Option<H>,
}

/// The extrinsic's bytes and the optional block hash, or upstream's error for
/// malformed parameters (-32602 "Invalid params").
type ExtrinsicAndAt<H> = Result<(Bytes, Option<H>), ErrorObjectOwned>;

/// The parameters given by position, or by name as `by_name` parses them.
fn extrinsic_and_at<H: DeserializeOwned>(
	params: &Params,
	by_name: fn(&Params) -> ExtrinsicAndAt<H>,
) -> ExtrinsicAndAt<H> {
	if params.is_object() {
		return by_name(params);
	}
	let mut seq = params.sequence();
	let xt: Bytes = seq.next()?;
	let at: Option<H> = seq.optional_next()?;
	Ok((xt, at))
}

fn query_params<H: DeserializeOwned>(params: &Params) -> ExtrinsicAndAt<H> {
	extrinsic_and_at(params, |p| p.parse::<QueryParams<H>>().map(|q| (q.encoded_xt, q.at)))
}

fn dry_run_params<H: DeserializeOwned>(params: &Params) -> ExtrinsicAndAt<H> {
	extrinsic_and_at(params, |p| p.parse::<DryRunParams<H>>().map(|d| (d.extrinsic, d.at)))
}

/// Checks extrinsic bytes from a wallet with the runtime before upstream sees them.
struct Checker<C, Block> {
	client: Arc<C>,
	_block: PhantomData<Block>,
}

impl<C, Block> Checker<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block>,
	C::Api: ExtrinsicCheckApi<Block>,
{
	/// The block to answer at: `at`, or the best block.
	fn at(&self, at: Option<Block::Hash>) -> Block::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}

	/// An error if the runtime at `at` says `bytes` do not decode as its extrinsic.
	///
	/// Bytes that are not even an opaque extrinsic, and a runtime API that fails
	/// (a runtime without `ExtrinsicCheckApi`, an unknown block), are left to
	/// upstream, which reports them cleanly.
	fn check(&self, bytes: &Bytes, at: Block::Hash) -> Result<(), ErrorObjectOwned> {
		let Ok(xt) = Block::Extrinsic::decode(&mut bytes.0.as_slice()) else {
			return Ok(());
		};
		match self.client.runtime_api().decodes(at, xt.encode()) {
			Ok(false) => {
				Err(ErrorObject::owned(ErrorCode::InvalidParams.code(), UNDECODABLE, None::<()>))
			}
			Ok(true) | Err(_) => Ok(()),
		}
	}
}

/// Replaces upstream's `payment_queryInfo`, `payment_queryFeeDetails`,
/// `system_dryRun` and `system_dryRunAt` in `module` with checked ones that
/// delegate to `payment` and `system`.
pub fn replace_extrinsic_methods<C, P>(
	module: &mut RpcModule<()>,
	client: Arc<C>,
	payment: TransactionPayment<C, Block>,
	system: System<P, C, Block>,
) -> Result<(), RegisterMethodError>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ExtrinsicCheckApi<Block>
		+ TransactionPaymentRuntimeApi<Block, Balance>
		+ AccountNonceApi<Block, AccountId, Nonce>
		+ BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	for name in ["payment_queryInfo", "payment_queryFeeDetails", "system_dryRun", "system_dryRunAt"]
	{
		module.remove_method(name);
	}
	let checker = Arc::new(Checker::<C, Block> { client, _block: PhantomData });
	let payment = Arc::new(payment);
	let system = Arc::new(system);

	// Upstream answers fee queries synchronously; they call the runtime, so these may block.
	let (check, upstream) = (checker.clone(), payment.clone());
	module.register_blocking_method("payment_queryInfo", move |params, _, _| {
		let (xt, at) = query_params(&params)?;
		let at = check.at(at);
		check.check(&xt, at)?;
		TransactionPaymentApiServer::<Hash, RuntimeDispatchInfo<Balance>>::query_info(
			&*upstream,
			xt,
			Some(at),
		)
	})?;

	let (check, upstream) = (checker.clone(), payment);
	module.register_blocking_method("payment_queryFeeDetails", move |params, _, _| {
		let (xt, at) = query_params(&params)?;
		let at = check.at(at);
		check.check(&xt, at)?;
		TransactionPaymentApiServer::<Hash, RuntimeDispatchInfo<Balance>>::query_fee_details(
			&*upstream,
			xt,
			Some(at),
		)
	})?;

	// Upstream's dry run is async, and an unsafe method: where those are denied, it is
	// refused before the runtime is called.
	module.register_async_method("system_dryRun", move |params, _, extensions: Extensions| {
		let (check, upstream) = (checker.clone(), system.clone());
		async move {
			sc_rpc_api::check_if_safe(&extensions)?;
			let (xt, at) = dry_run_params(&params)?;
			let at = check.at(at);
			check.check(&xt, at)?;
			<System<P, C, Block> as SystemApiServer<Hash, AccountId, Nonce>>::dry_run(
				&upstream,
				&extensions,
				xt,
				Some(at),
			)
			.await
		}
	})?;
	module.register_alias("system_dryRunAt", "system_dryRun")?;
	Ok(())
}
