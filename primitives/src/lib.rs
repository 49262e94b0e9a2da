//! What CoopDAO's pallets, runtime, node and Rust clients share: the account and
//! balance aliases, the ids, the membership traits the pallets rely on, and every
//! runtime API with the view types it returns.
//!
//! The views are plain SCALE types (`Vec`s, no `Config` bounds), so a client can
//! decode them knowing only this crate. Lists are paged with cursors ([`Page`]).
//! Keep this crate free of logic and of pallet or runtime types.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod bounties;
pub mod governance;
pub mod membership;
mod paging;
pub mod passport;

pub use paging::{Page, MAX_PAGE};

use alloc::vec::Vec;
use sp_runtime::{
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// Block number.
pub type BlockNumber = u32;
/// A transaction signature.
pub type Signature = MultiSignature;
/// An account: the public key of its signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance, in planck (10^-12 COOP).
pub type Balance = u128;
/// A transaction index of an account.
pub type Nonce = u32;
/// A block or storage hash.
pub type Hash = sp_core::H256;

pub use bounties::BountyId;
pub use governance::{ProposalId, TrackId};
pub use membership::CoopId;
pub use passport::ClaimKindId;

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
