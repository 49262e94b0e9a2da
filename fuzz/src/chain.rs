//! The chain a fuzz run drives: genesis, blocks opened and closed as a block
//! author would (Aura slot digest, timestamp inherent), and signed extrinsics
//! applied through `Executive` with every transaction extension.

use crate::{actors::Actors, Finding, TIME_SLACK_NANOS};
use codec::Encode;
use coop_runtime::{
	client::{signed_extrinsic, ChainFacts},
	genesis_config_presets, AccountId, BlockNumber, Executive, Hash, Header, Runtime, RuntimeCall,
	RuntimeGenesisConfig, TimestampCall, UncheckedExtrinsic, SLOT_DURATION, UNIT, VERSION,
};
use cpu_time::ThreadTime;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair};
use sp_runtime::{
	traits::{Hash as _, Header as _},
	transaction_validity::TransactionValidityError,
	BuildStorage, Digest, DigestItem, DispatchError, Storage,
};

/// What each outsider starts with.
pub const OUTSIDER_ENDOWMENT: u128 = 1_000 * UNIT;

/// The dev chain's genesis with no sudo key (nobody holds root on a real chain,
/// and a fuzzer holding it could break anything by design) and funded outsiders.
pub fn genesis(actors: &Actors) -> Storage {
	let preset = genesis_config_presets::get_preset(&genesis_config_presets::DEVELOPMENT.into())
		.unwrap_or_default();
	let mut config: RuntimeGenesisConfig =
		serde_json::from_slice(&preset).unwrap_or_else(|e| panic!("the dev preset decodes: {e}"));
	config.sudo.key = None;
	config
		.balances
		.balances
		.extend(actors.outsiders().map(|s| (s.account.clone(), OUTSIDER_ENDOWMENT)));
	config.build_storage().unwrap_or_else(|e| panic!("the dev genesis builds: {e}"))
}

/// The scheduler serves every block from `IncompleteSince` on, one storage
/// clear per block even when its agenda is empty; after a jump of days that is
/// hundreds of thousands of no-ops per block built here (never on the real
/// chain, whose blocks do not skip). Start it at the first agenda that holds
/// something instead: the same calls run, in the same order.
fn skip_empty_agendas(number: BlockNumber) {
	let Some(since) = pallet_scheduler::IncompleteSince::<Runtime>::get() else { return };
	let first = pallet_scheduler::Agenda::<Runtime>::iter()
		.filter(|(at, agenda)| *at >= since && agenda.iter().any(Option::is_some))
		.map(|(at, _)| at)
		.min()
		.unwrap_or(number);
	pallet_scheduler::IncompleteSince::<Runtime>::put(first.min(number));
}

/// The outcome of one extrinsic.
#[derive(Debug)]
pub enum Applied {
	/// Refused before dispatch: nothing ran, no fee.
	Invalid(TransactionValidityError),
	/// Dispatched (the fee was paid), with how long it took against what it was charged.
	Done {
		/// The call's own result.
		result: Result<(), DispatchError>,
		/// CPU time this thread spent applying it, signature check and extensions
		/// included (time spent preempted by other processes does not count).
		elapsed_nanos: u128,
		/// Weight the block booked for it: base extrinsic, extensions and call, after
		/// the refunds of dispatch.
		charged_picos: u64,
	},
}

/// The block being built.
pub struct Chain {
	/// Its number.
	pub number: BlockNumber,
	parent: Hash,
	facts: ChainFacts,
	check_time: bool,
}

impl Chain {
	/// Opens block 1 on the genesis state of the current externalities.
	pub fn start(check_time: bool) -> Result<Chain, Finding> {
		let genesis = frame_system::BlockHash::<Runtime>::get(0);
		let mut chain = Chain {
			number: 0,
			parent: genesis,
			facts: ChainFacts {
				genesis,
				spec_version: VERSION.spec_version,
				tx_version: VERSION.transaction_version,
			},
			check_time,
		};
		chain.open_block(1)?;
		Ok(chain)
	}

	/// Opens block `number` (after the block before it was closed): Aura's slot
	/// is the block number, the timestamp follows it, so a jump of many blocks
	/// is also a jump in time. Skipped blocks are fast-forwarded, not built: no
	/// pallet of ours has per-block hooks, and the scheduler serves the agendas
	/// of skipped blocks (as it does on a parachain, whose block numbers jump).
	pub fn open_block(&mut self, number: BlockNumber) -> Result<(), Finding> {
		self.number = number;
		frame_system::Pallet::<Runtime>::set_block_number(number.saturating_sub(1));
		skip_empty_agendas(number);
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(
				AURA_ENGINE_ID,
				Slot::from(u64::from(number)).encode(),
			)],
		};
		let header = Header::new(number, Hash::zero(), Hash::zero(), self.parent, digest);
		let started = ThreadTime::now();
		Executive::initialize_block(&header);
		// Hooks that run at the start of a block (the scheduler enacting approved
		// calls, the pallets' own housekeeping) must fit the weight they registered.
		let registered = frame_system::Pallet::<Runtime>::block_weight().total().ref_time();
		self.check_time("on_initialize", started, registered)?;
		let now = u64::from(number).saturating_mul(SLOT_DURATION);
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(TimestampCall::set { now }));
		match Executive::apply_extrinsic(inherent) {
			Ok(Ok(())) => Ok(()),
			other => {
				Err(Finding::Broken(format!("timestamp inherent refused at #{number}: {other:?}")))
			}
		}
	}

	/// Closes the open block, as the author does.
	pub fn close_block(&mut self) -> Result<(), Finding> {
		let header = Executive::finalize_block();
		self.parent = <Runtime as frame_system::Config>::Hashing::hash_of(&header);
		Ok(())
	}

	/// `call` signed by `signer` with its next nonce, applied to the open block.
	pub fn apply(&self, signer: &sr25519::Pair, call: RuntimeCall) -> Applied {
		let who: AccountId = signer.public().into();
		let nonce = frame_system::Pallet::<Runtime>::account_nonce(&who);
		let xt = signed_extrinsic(signer, nonce, call, self.facts);
		// What the block books for it: the base, the extensions and the call, less
		// what is refunded after dispatch (a call's actual weight, a skipped payment).
		let booked = || frame_system::Pallet::<Runtime>::block_weight().total().ref_time();
		let before = booked();
		let started = ThreadTime::now();
		let outcome = Executive::apply_extrinsic(xt);
		let elapsed_nanos = started.elapsed().as_nanos();
		let charged_picos = booked().saturating_sub(before);
		match outcome {
			Err(e) => Applied::Invalid(e),
			Ok(result) => Applied::Done { result, elapsed_nanos, charged_picos },
		}
	}

	fn check_time(
		&self,
		what: &str,
		started: ThreadTime,
		weight_picos: u64,
	) -> Result<(), Finding> {
		let elapsed = started.elapsed().as_nanos();
		if self.check_time && elapsed * 1000 > u128::from(weight_picos) + TIME_SLACK_NANOS * 1000 {
			return Err(Finding::Slow(format!(
				"{what} of #{} ran {elapsed} ns for {} ns of weight",
				self.number,
				weight_picos / 1000
			)));
		}
		Ok(())
	}
}
