//! Runtime APIs of CoopDAO that the node calls, declared apart from the runtime
//! and the pallets so that the node can name them without depending on either.
//!
//! This crate is the start of `coop-primitives`, the future home of all of
//! CoopDAO's runtime APIs. Keep it small: API declarations and the plain types
//! they need, no pallet or runtime types and no logic.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;

sp_api::decl_runtime_apis! {
	/// Checks of extrinsic bytes that never trap, whatever the bytes.
	///
	/// The runtime-API glue panics (a Wasm trap) on arguments it cannot decode,
	/// so the node asks this API first, before it hands bytes from outside (RPC)
	/// to an API that takes an extrinsic (`TaggedTransactionQueue`,
	/// `TransactionPaymentApi`, `BlockBuilder::apply_extrinsic`).
	pub trait ExtrinsicCheckApi {
		/// Whether `encoded` decodes completely as this runtime's extrinsic.
		///
		/// `encoded` is the SCALE encoding of the opaque extrinsic exactly as the
		/// node holds it (`Encode::encode` of the node's `Block::Extrinsic`: a
		/// compact length prefix, then the extrinsic's bytes), i.e. what the
		/// runtime's `validate_transaction` glue would decode as its
		/// `UncheckedExtrinsic`. Returns `true` only if all of `encoded` decodes
		/// as one, within the runtime's limits on nesting and size; `false`
		/// otherwise (including empty or truncated input, trailing bytes, an
		/// unknown call or a call nested too deeply). A `true` says nothing about
		/// validity: signature, nonce and fees are checked later.
		fn decodes(encoded: Vec<u8>) -> bool;
	}
}
