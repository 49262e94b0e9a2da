//! What a Rust client (the node's end-to-end tests, `coop-loadgen`) needs to sign
//! transactions for this runtime: the one place that lists the extensions a
//! signed extrinsic carries, in `TxExtension`'s order.

use crate::{Hash, Nonce, RuntimeCall, Signature, SignedPayload, TxExtension, UncheckedExtrinsic};
use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::generic::Era;

/// The chain facts a signature commits to.
#[derive(Clone, Copy, Debug)]
pub struct ChainFacts {
	/// The genesis block's hash.
	pub genesis: Hash,
	/// The runtime's `spec_version`.
	pub spec_version: u32,
	/// The runtime's `transaction_version`.
	pub tx_version: u32,
}

/// `call` signed by `signer` with `nonce`, as a wallet builds it: immortal, no
/// tip, no metadata hash.
pub fn signed_extrinsic(
	signer: &sr25519::Pair,
	nonce: Nonce,
	call: RuntimeCall,
	chain: ChainFacts,
) -> UncheckedExtrinsic {
	let extension: TxExtension = (
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		crate::feeless::SkipPaymentIfFeeless::from(
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
		),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	);
	let implicit = (
		(),
		(),
		chain.spec_version,
		chain.tx_version,
		chain.genesis,
		chain.genesis,
		(),
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature = payload.using_encoded(|p| signer.sign(p));
	UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::MultiAddress::Id(signer.public().into()),
		Signature::Sr25519(signature),
		extension,
	)
}
