//! Feeless transactions that also take no block space for the payment they skip.
//!
//! `pallet-skip-feeless-payment`'s `SkipCheckIfFeeless` charges a feeless call
//! (a member's first vote) nothing, but still books the weight of the payment
//! extension it skipped: the block fills as if the fee had been withdrawn and
//! deposited. [`SkipPaymentIfFeeless`] wraps it and returns that weight once the
//! call is applied, so a block holds as many feeless votes as their real work
//! allows. It is invisible from the outside: same identifier, same encoding, same
//! type information as the payment extension, so wallets and `CheckMetadataHash`
//! see no change.

use crate::{Runtime, RuntimeCall};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{dispatch::DispatchResult, pallet_prelude::TransactionSource, weights::Weight};
use pallet_skip_feeless_payment::{Intermediate, SkipCheckIfFeeless};
use pallet_transaction_payment::ChargeTransactionPayment;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		DispatchInfoOf, DispatchOriginOf, Implication, PostDispatchInfoOf, TransactionExtension,
		ValidateResult,
	},
	transaction_validity::TransactionValidityError,
};

type Inner = SkipCheckIfFeeless<Runtime, ChargeTransactionPayment<Runtime>>;

/// `ChargeTransactionPayment`, skipped for feeless calls, whose skipped weight is
/// refunded after dispatch.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq)]
pub struct SkipPaymentIfFeeless(pub Inner);

impl core::fmt::Debug for SkipPaymentIfFeeless {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		self.0.fmt(f)
	}
}

impl TypeInfo for SkipPaymentIfFeeless {
	type Identity = ChargeTransactionPayment<Runtime>;
	fn type_info() -> scale_info::Type {
		ChargeTransactionPayment::<Runtime>::type_info()
	}
}

impl From<ChargeTransactionPayment<Runtime>> for SkipPaymentIfFeeless {
	fn from(charge: ChargeTransactionPayment<Runtime>) -> Self {
		Self(Inner::from(charge))
	}
}

impl TransactionExtension<RuntimeCall> for SkipPaymentIfFeeless {
	const IDENTIFIER: &'static str = <Inner as TransactionExtension<RuntimeCall>>::IDENTIFIER;
	type Implicit = <Inner as TransactionExtension<RuntimeCall>>::Implicit;
	type Val = <Inner as TransactionExtension<RuntimeCall>>::Val;
	/// The inner extension's state and the weight to refund after dispatch (the
	/// skipped payment's; zero when the call pays).
	type Pre = (<Inner as TransactionExtension<RuntimeCall>>::Pre, Weight);

	fn metadata() -> alloc::vec::Vec<sp_runtime::traits::TransactionExtensionMetadata> {
		Inner::metadata()
	}

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		self.0.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		// Only a skipped payment did none of the work its weight was booked for.
		let refund = match val {
			Intermediate::Skip(_) => self.0.weight(call),
			Intermediate::Apply(_) => Weight::zero(),
		};
		Ok((self.0.prepare(val, origin, call, info, len)?, refund))
	}

	fn post_dispatch_details(
		(pre, refund): Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Inner::post_dispatch_details(pre, info, post_info, len, result)
			.map(|unspent| unspent.saturating_add(refund))
	}
}
