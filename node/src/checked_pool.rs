//! A transaction pool that refuses, before the runtime sees them, extrinsics
//! that the runtime cannot decode.
//!
//! The node frames any bytes with a valid compact length prefix as an opaque
//! extrinsic, but the runtime-API glue of `validate_transaction` panics (a Wasm
//! trap) on bytes that do not decode as the runtime's `UncheckedExtrinsic`, and
//! the trap's text would reach the wallet. [`CheckedPool`] asks the runtime's
//! [`ExtrinsicCheckApi::decodes`] first, which answers for any bytes.
//!
//! Only the RPC server gets this pool (`author_*` and the v2 `transaction*`
//! methods, through `sc_service::spawn_tasks`, and the RPC extensions). Block
//! authoring, the network and offchain workers use the inner pool directly.

use std::{collections::HashMap, pin::Pin, sync::Arc};

use async_trait::async_trait;
use codec::Encode;
use coop_primitives::ExtrinsicCheckApi;
use sc_transaction_pool_api::{
	error::Error as PoolError, ChainEvent, ImportNotificationStream, MaintainedTransactionPool,
	PoolStatus, ReadyTransactions, TransactionFor, TransactionPool, TransactionSource,
	TransactionStatusStreamFor, TxHash, TxInvalidityReportMap,
};
use sp_api::ProvideRuntimeApi;
use sp_runtime::{traits::Block as BlockT, transaction_validity::InvalidTransaction};

const LOG_TARGET: &str = "txpool::checked";

/// `P`, with submissions of undecodable extrinsics refused up front.
///
/// An extrinsic that `ExtrinsicCheckApi::decodes` rejects at the block it is
/// submitted at is refused with [`PoolError::InvalidTransaction`]`(`
/// [`InvalidTransaction::Call`]`)`, the error the runtime itself gives an
/// extrinsic it cannot decode (`Executive`, for calls nested too deeply), and
/// the inner pool never sees it. `author_submitExtrinsic` and
/// `author_submitAndWatchExtrinsic` answer it as
/// `{"code": 1010, "message": "Invalid Transaction", "data": "Transaction call
/// is not expected"}` (sc-rpc-api's `POOL_INVALID_TX`); the v2
/// `transactionWatch_v1_submitAndWatch` reports an `invalid` event with the error
/// `Invalid transaction: Transaction call is not expected`, and
/// `transaction_v1_broadcast` stops (the error is not retriable).
///
/// If the runtime API itself fails (a runtime without it, say, after a
/// downgrade, or an unknown block), the extrinsic goes to the inner pool as if
/// there were no check: the check must never block a transaction.
pub struct CheckedPool<P, C> {
	inner: Arc<P>,
	client: Arc<C>,
}

impl<P, C> CheckedPool<P, C> {
	/// `inner`, checked with the runtime APIs of `client`.
	pub fn new(inner: Arc<P>, client: Arc<C>) -> Self {
		Self { inner, client }
	}
}

impl<P, C> CheckedPool<P, C>
where
	P: TransactionPool,
	C: ProvideRuntimeApi<P::Block>,
	C::Api: ExtrinsicCheckApi<P::Block>,
{
	/// Whether the runtime at `at` may decode `xt`: `false` only when it says it
	/// cannot.
	fn may_decode(&self, at: <P::Block as BlockT>::Hash, xt: &TransactionFor<P>) -> bool {
		match self.client.runtime_api().decodes(at, xt.encode()) {
			Ok(decodes) => decodes,
			Err(e) => {
				log::debug!(
					target: LOG_TARGET,
					"ExtrinsicCheckApi unavailable at {at:?}, not checking: {e}"
				);
				true
			}
		}
	}

	fn undecodable() -> P::Error {
		PoolError::InvalidTransaction(InvalidTransaction::Call).into()
	}
}

#[async_trait]
impl<P, C> TransactionPool for CheckedPool<P, C>
where
	P: TransactionPool,
	C: ProvideRuntimeApi<P::Block> + Send + Sync,
	C::Api: ExtrinsicCheckApi<P::Block>,
{
	type Block = P::Block;
	type Hash = P::Hash;
	type InPoolTransaction = P::InPoolTransaction;
	type Error = P::Error;

	async fn submit_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xts: Vec<TransactionFor<Self>>,
	) -> Result<Vec<Result<TxHash<Self>, Self::Error>>, Self::Error> {
		let decodable: Vec<bool> = xts.iter().map(|xt| self.may_decode(at, xt)).collect();
		let passed: Vec<_> =
			xts.into_iter().zip(&decodable).filter_map(|(xt, ok)| ok.then_some(xt)).collect();
		let mut results = if passed.is_empty() {
			Vec::new().into_iter()
		} else {
			self.inner.submit_at(at, source, passed).await?.into_iter()
		};
		// The inner pool answers each extrinsic it was given, in order (were an answer
		// missing, that extrinsic would count as dropped, which a wallet may retry).
		Ok(decodable
			.into_iter()
			.map(|ok| match ok {
				true => results.next().unwrap_or_else(|| Err(PoolError::ImmediatelyDropped.into())),
				false => Err(Self::undecodable()),
			})
			.collect())
	}

	async fn submit_one(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<TxHash<Self>, Self::Error> {
		if !self.may_decode(at, &xt) {
			return Err(Self::undecodable());
		}
		self.inner.submit_one(at, source, xt).await
	}

	async fn submit_and_watch(
		&self,
		at: <Self::Block as BlockT>::Hash,
		source: TransactionSource,
		xt: TransactionFor<Self>,
	) -> Result<Pin<Box<TransactionStatusStreamFor<Self>>>, Self::Error> {
		if !self.may_decode(at, &xt) {
			return Err(Self::undecodable());
		}
		self.inner.submit_and_watch(at, source, xt).await
	}

	async fn ready_at(
		&self,
		at: <Self::Block as BlockT>::Hash,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at(at).await
	}

	fn ready(&self) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready()
	}

	async fn report_invalid(
		&self,
		at: Option<<Self::Block as BlockT>::Hash>,
		invalid_tx_errors: TxInvalidityReportMap<TxHash<Self>>,
	) -> Vec<Arc<Self::InPoolTransaction>> {
		self.inner.report_invalid(at, invalid_tx_errors).await
	}

	fn futures(&self) -> Vec<Self::InPoolTransaction> {
		self.inner.futures()
	}

	fn status(&self) -> PoolStatus {
		self.inner.status()
	}

	fn import_notification_stream(&self) -> ImportNotificationStream<TxHash<Self>> {
		self.inner.import_notification_stream()
	}

	fn on_broadcasted(&self, propagations: HashMap<TxHash<Self>, Vec<String>>) {
		self.inner.on_broadcasted(propagations)
	}

	fn hash_of(&self, xt: &TransactionFor<Self>) -> TxHash<Self> {
		self.inner.hash_of(xt)
	}

	fn ready_transaction(&self, hash: &TxHash<Self>) -> Option<Arc<Self::InPoolTransaction>> {
		self.inner.ready_transaction(hash)
	}

	async fn ready_at_with_timeout(
		&self,
		at: <Self::Block as BlockT>::Hash,
		timeout: std::time::Duration,
	) -> Box<dyn ReadyTransactions<Item = Arc<Self::InPoolTransaction>> + Send> {
		self.inner.ready_at_with_timeout(at, timeout).await
	}
}

#[async_trait]
impl<P, C> MaintainedTransactionPool for CheckedPool<P, C>
where
	P: MaintainedTransactionPool,
	C: ProvideRuntimeApi<P::Block> + Send + Sync,
	C::Api: ExtrinsicCheckApi<P::Block>,
{
	async fn maintain(&self, event: ChainEvent<Self::Block>) {
		self.inner.maintain(event).await
	}
}
