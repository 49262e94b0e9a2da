//! A fuzzer for the CoopDAO runtime, in the style of SRLabs'
//! substrate-runtime-fuzzer: a byte string becomes a sequence of signed calls
//! (from dev accounts, co-op admins and members, and funded and unfunded
//! outsiders), applied through `Executive` across blocks whose number and time
//! jump forward so voting periods, enactments, deadlines and retention periods
//! fire. After every block the chain's invariants are checked (see
//! [`invariants`]); a panic anywhere in the runtime, a broken invariant, or a
//! call that runs longer than the weight it was charged is a finding.
//!
//! Two drivers use this library: `fuzz-smoke` (structured random inputs for a set
//! time; CI runs it) and `fuzz-libfuzzer` (coverage-guided, `scripts/fuzz.sh`).

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

pub mod actors;
pub mod chain;
pub mod input;
pub mod invariants;
pub mod seeds;

use actors::Actors;
use chain::{Applied, Chain};
use coop_runtime::{Balance, RuntimeCall};
use frame_support::traits::GetCallMetadata;
use input::CallTable;
use sp_runtime::Storage;
use sp_state_machine::BasicExternalities;
use std::collections::{BTreeMap, BTreeSet};

/// A call whose real time exceeds the weight it was charged by more than this,
/// in every one of [`TIMING_RUNS`] runs of the same input, is a finding. The
/// state here is in memory, far faster than the database the weights were
/// measured against, so a call that is slower still is mis-weighed; the margin
/// and the re-runs keep the operating system's pauses out.
pub const TIME_SLACK_NANOS: u128 = 500_000;

/// What one run of the runtime found wrong: the input is to be kept and replayed.
#[derive(Debug)]
pub enum Finding {
	/// A broken invariant or a refused inherent.
	Broken(String),
	/// Code that ran longer than its weight (confirmed by re-running the input).
	Slow(String),
}

impl std::fmt::Display for Finding {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Finding::Broken(what) => write!(f, "{what}"),
			Finding::Slow(what) => write!(f, "slower than its weight: {what}"),
		}
	}
}

/// A timing finding must repeat in this many runs of the same input, a few
/// milliseconds apart. Time is the thread's CPU time, so being preempted does
/// not count, but page faults and cache misses caused by other processes still
/// do.
pub const TIMING_RUNS: usize = 5;

/// What the runs so far reached, for the drivers' reports.
#[derive(Default)]
pub struct Stats {
	/// Inputs run.
	pub sequences: u64,
	/// Blocks finalized.
	pub blocks: u64,
	/// Calls that dispatched and succeeded.
	pub calls_ok: u64,
	/// Calls that dispatched and returned an error.
	pub calls_failed: u64,
	/// Calls refused before dispatch (bad nonce, no funds for the fee, block full).
	pub calls_invalid: u64,
	/// `pallet::call` names that succeeded at least once.
	pub reached: BTreeSet<String>,
	/// Distinct dispatch errors seen.
	pub errors: BTreeSet<String>,
	/// `Pallet::Event` names emitted at least once (also by calls the federation
	/// enacted, which no signed origin can make).
	pub events: BTreeSet<String>,
	/// Per call, the highest ratio of real time to charged weight seen, with
	/// that time and weight in nanoseconds.
	pub time_over_weight: BTreeMap<String, (f64, u128, u128)>,
	/// Inputs re-run because a call in them was slower than its weight once.
	pub timing_retries: u64,
	/// Per call, how often it ran longer than its weight, and how often it ran.
	pub over_weight_count: BTreeMap<String, (u64, u64)>,
}

/// The fixed part of every run: who acts, the genesis state, the call table.
pub struct Fuzzer {
	/// The accounts that sign calls and the accounts calls may name.
	pub actors: Actors,
	/// The state every run starts from.
	pub genesis: Storage,
	/// Which pallets and calls an input's selector bytes pick from.
	pub table: CallTable,
	/// Whether to compare each call's real time with its weight (off under
	/// instrumentation, which slows everything down).
	pub check_time: bool,
}

impl Fuzzer {
	/// The dev chain's genesis without a sudo key, with funded outsiders;
	/// `check_time` compares each call's real time with its weight.
	pub fn new(check_time: bool) -> Fuzzer {
		let actors = Actors::new();
		let genesis = chain::genesis(&actors);
		let table = CallTable::new();
		let mut ext = BasicExternalities::new(genesis.clone());
		ext.execute_with(<coop_runtime::AllPalletsWithSystem as frame_support::traits::IntegrityTest>::integrity_test);
		Fuzzer { actors, genesis, table, check_time }
	}

	/// Runs one input from genesis; `trace` prints every step. A call slower
	/// than its weight is re-run (from genesis: the runs are deterministic) and
	/// only reported if it is slow every time.
	pub fn run(&self, data: &[u8], stats: &mut Stats, trace: bool) -> Result<(), Finding> {
		let steps = input::parse(data, &self.table, &self.actors);
		if steps.is_empty() {
			return Ok(());
		}
		stats.sequences += 1;
		let mut outcome = self.run_once(steps, stats, trace);
		for _ in 1..TIMING_RUNS {
			if !matches!(outcome, Err(Finding::Slow(_))) {
				break;
			}
			stats.timing_retries += 1;
			std::thread::sleep(std::time::Duration::from_millis(20));
			let steps = input::parse(data, &self.table, &self.actors);
			outcome = self.run_once(steps, &mut Stats::default(), trace);
		}
		outcome
	}

	/// Runs `steps` from genesis, one block at a time. Between blocks the state is
	/// committed, as a node commits each block to its database: the next block's
	/// changes start empty. Without it the in-memory externalities keep every key
	/// ever deleted, and FRAME's `clear_prefix` (which every block runs on the
	/// event topics) walks them all, so a hook would look slower than on a node.
	fn run_once(
		&self,
		steps: Vec<input::Step>,
		stats: &mut Stats,
		trace: bool,
	) -> Result<(), Finding> {
		let mut ext = BasicExternalities::new(self.genesis.clone());
		let initial_issuance: Balance =
			ext.execute_with(pallet_balances::TotalIssuance::<coop_runtime::Runtime>::get);
		let mut chain = ext.execute_with(|| Chain::start(self.check_time))?;
		for step in steps {
			if step.lapse > 0 {
				ext.execute_with(|| self.end_block(&mut chain, initial_issuance, stats, trace))?;
				ext = BasicExternalities::new(ext.into_storages());
				ext.execute_with(|| chain.open_block(chain.number + step.lapse))?;
			}
			ext.execute_with(|| self.apply_step(&chain, step, stats, trace))?;
		}
		ext.execute_with(|| self.end_block(&mut chain, initial_issuance, stats, trace))
	}

	/// Applies one step's call to the open block and records what it did.
	fn apply_step(
		&self,
		chain: &Chain,
		step: input::Step,
		stats: &mut Stats,
		trace: bool,
	) -> Result<(), Finding> {
		let signer = &self.actors.signers[step.signer];
		let name = call_name(&step.call);
		if trace {
			println!("#{} {} {:?}", chain.number, signer.name, step.call);
		}
		let applied = chain.apply(&signer.pair, step.call);
		if trace {
			println!("    -> {applied:?}");
		}
		match applied {
			Applied::Invalid(_) => stats.calls_invalid += 1,
			Applied::Done { result, elapsed_nanos, charged_picos } => {
				match result {
					Ok(()) => {
						stats.calls_ok += 1;
						stats.reached.insert(name.clone());
					}
					Err(e) => {
						stats.calls_failed += 1;
						stats.errors.insert(format!("{name}: {e:?}"));
					}
				}
				let ratio = (elapsed_nanos as f64 * 1000.0) / charged_picos.max(1) as f64;
				let count = stats.over_weight_count.entry(name.clone()).or_default();
				count.0 += u64::from(ratio > 1.0);
				count.1 += 1;
				let worst = stats.time_over_weight.entry(name.clone()).or_default();
				if ratio > worst.0 {
					*worst = (ratio, elapsed_nanos, u128::from(charged_picos / 1000));
				}
				if self.check_time
					&& elapsed_nanos * 1000 > u128::from(charged_picos) + TIME_SLACK_NANOS * 1000
				{
					return Err(Finding::Slow(format!(
						"{name} ran {elapsed_nanos} ns but was charged {} ns",
						charged_picos / 1000
					)));
				}
			}
		}
		Ok(())
	}

	fn end_block(
		&self,
		chain: &mut Chain,
		initial_issuance: Balance,
		stats: &mut Stats,
		trace: bool,
	) -> Result<(), Finding> {
		chain.close_block()?;
		stats.blocks += 1;
		// `System::Events` is private to frame-system, and its streaming reader
		// needs offset reads the in-memory externalities lack: read it whole.
		let key = frame_support::storage::storage_prefix(b"System", b"Events");
		let records: Vec<
			frame_system::EventRecord<coop_runtime::RuntimeEvent, coop_runtime::Hash>,
		> = frame_support::storage::unhashed::get(&key).unwrap_or_default();
		for record in records {
			if let Some(name) = self.table.event_name(&record.event) {
				stats.events.insert(name.clone());
			}
		}
		if trace {
			println!("#{} finalized; checking invariants", chain.number);
		}
		invariants::check(chain.number, initial_issuance).map_err(Finding::Broken)
	}
}

/// `Pallet::call`, as metadata names it.
pub fn call_name(call: &RuntimeCall) -> String {
	let meta = call.get_call_metadata();
	format!("{}::{}", meta.pallet_name, meta.function_name)
}
