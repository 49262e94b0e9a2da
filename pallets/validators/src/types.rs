//! What the registry stores about each validator account, and what the pallet
//! asks of the runtime's session and finality pallets.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::weights::Weight;
use pallet_coop_membership::CoopId;
use scale_info::TypeInfo;
use sp_staking::SessionIndex;

/// Where a registered validator account stands.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ValidatorStatus {
	/// Registered by its co-op, waiting for the federation's vote.
	Candidate,
	/// Admitted by the federation: in the validator set from the session after
	/// next while its co-op is active and its session keys are set.
	Active,
	/// Admitted, but reported for an offence (e.g. a GRANDPA equivocation): left
	/// out of the set until the federation reinstates or removes it.
	Suspended,
}

/// A validator account in the registry.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ValidatorInfo<AccountId, Balance, BlockNumber> {
	/// The co-op that runs it.
	pub coop: CoopId,
	/// The admin who registered it, from whom `deposit` is held.
	pub sponsor: AccountId,
	/// Held from `sponsor` until the registration ends.
	pub deposit: Balance,
	/// Candidate, active or suspended.
	pub status: ValidatorStatus,
	/// The block of the latest status change.
	pub since: BlockNumber,
}

/// What the registry needs from the session pallet (implemented by the runtime,
/// so this pallet reads no other pallet's storage).
pub trait ValidatorSession<AccountId> {
	/// Whether `who` has set session keys for the next session (`session.setKeys`).
	fn has_keys(who: &AccountId) -> bool;
	/// Disable `who` for the rest of the current session, if it is in the set.
	fn disable(who: &AccountId);
	/// Forget the key-ownership history of sessions before `session`; equivocations
	/// in them can no longer be proven.
	fn prune_history(session: SessionIndex);
	/// What `has_keys` costs.
	fn has_keys_weight() -> Weight;
}

/// A test and benchmark stand-in: everyone has keys; nothing to disable or prune.
impl<AccountId> ValidatorSession<AccountId> for () {
	fn has_keys(_: &AccountId) -> bool {
		true
	}
	fn disable(_: &AccountId) {}
	fn prune_history(_: SessionIndex) {}
	fn has_keys_weight() -> Weight {
		Weight::zero()
	}
}

/// Recovery of a stalled finality gadget (GRANDPA's `note_stalled`).
pub trait FinalityStall<BlockNumber> {
	/// Force a new authority set at the next session change, `delay` blocks after
	/// it is signalled, on the chain whose best finalized block is
	/// `best_finalized_block_number`.
	fn note_stalled(delay: BlockNumber, best_finalized_block_number: BlockNumber);
}

impl<BlockNumber> FinalityStall<BlockNumber> for () {
	fn note_stalled(_: BlockNumber, _: BlockNumber) {}
}
