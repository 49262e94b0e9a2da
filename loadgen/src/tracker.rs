//! Submits pre-signed extrinsics and follows the chain to see where each one lands.
//!
//! A follower task subscribes to new best heads and finalized heads, fetches every
//! new block body (walking back through parents so no block is missed), hashes its
//! extrinsics with blake2_256 and matches them against the submitted ones. The
//! `ExtrinsicFailed` events of blocks holding our extrinsics mark dispatch failures.

use crate::chain::{self, rpc};
use anyhow::{anyhow, Context, Result};
use jsonrpsee::{
	core::client::{Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::WsClient,
};
use serde_json::Value;
use sp_core::H256;
use std::{
	collections::HashMap,
	sync::{Arc, Mutex, MutexGuard},
	time::{Duration, Instant},
};
use tokio::sync::{watch, Semaphore};

/// What happened to one submitted extrinsic.
#[derive(Clone, Default)]
pub struct TxRecord {
	pub sent: Option<Instant>,
	pub accepted: Option<Instant>,
	/// The submission error (the pool refused it).
	pub rejected: Option<String>,
	pub in_block: Option<(Instant, u32)>,
	pub finalized: Option<Instant>,
	/// Included, but its dispatch failed (`ExtrinsicFailed`).
	pub failed: bool,
}

/// One block seen while tracking.
#[derive(Clone)]
pub struct BlockStat {
	pub number: u32,
	/// All extrinsics, inherents included.
	pub extrinsics: usize,
	/// Ours among them.
	pub ours: usize,
	/// Ours that were accepted by the pool when the block arrived and still wait after it.
	pub left_waiting: usize,
}

#[derive(Default)]
struct State {
	txs: Vec<TxRecord>,
	by_hash: HashMap<[u8; 32], usize>,
	/// Blocks processed: hash -> (number, parent).
	seen: HashMap<H256, (u32, H256)>,
	ours_in: HashMap<H256, Vec<usize>>,
	blocks: Vec<BlockStat>,
	included: usize,
	finalized: usize,
	accepted: usize,
	last_finalized: u32,
	error: Option<String>,
	/// Set if some block's events could not be read (dispatch failures then go unseen).
	events_error: Option<String>,
}

/// Tracks one batch of extrinsics from submission to finality.
pub struct Tracker {
	state: Arc<Mutex<State>>,
	xts: Arc<Vec<Vec<u8>>>,
	stop: watch::Sender<bool>,
	follower: tokio::task::JoinHandle<()>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
	state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Tracker {
	/// Starts following the chain (on `follow`, a connection of its own) for `xts`.
	pub async fn start(follow: WsClient, xts: Vec<Vec<u8>>) -> Result<Self> {
		let mut state = State { txs: vec![TxRecord::default(); xts.len()], ..Default::default() };
		for (i, xt) in xts.iter().enumerate() {
			state.by_hash.insert(sp_io::hashing::blake2_256(xt), i);
		}
		let best: Value = rpc(&follow, "chain_getHeader", rpc_params![]).await?;
		let start_number = chain::hex_number(best.get("number"))?;
		let finalized: String = rpc(&follow, "chain_getFinalizedHead", rpc_params![]).await?;
		let fin_header: Value = rpc(&follow, "chain_getHeader", rpc_params![finalized]).await?;
		state.last_finalized = chain::hex_number(fin_header.get("number"))?;
		let state = Arc::new(Mutex::new(state));

		let heads: Subscription<Value> = follow
			.subscribe("chain_subscribeNewHeads", rpc_params![], "chain_unsubscribeNewHeads")
			.await
			.context("subscribe new heads")?;
		let finals: Subscription<Value> = follow
			.subscribe(
				"chain_subscribeFinalizedHeads",
				rpc_params![],
				"chain_unsubscribeFinalizedHeads",
			)
			.await
			.context("subscribe finalized heads")?;
		let (stop, stopped) = watch::channel(false);
		let follower =
			tokio::spawn(follow_chain(follow, heads, finals, state.clone(), start_number, stopped));
		Ok(Self { state, xts: Arc::new(xts), stop, follower })
	}

	/// Submits every extrinsic with `author_submitExtrinsic`, spread over `clients`, at
	/// most `in_flight` requests at a time, and at most `rate` per second if given.
	/// Returns when every submission has been answered.
	pub async fn submit_all(
		&self,
		clients: &[Arc<WsClient>],
		rate: Option<f64>,
		in_flight: usize,
	) -> Result<()> {
		if clients.is_empty() {
			return Err(anyhow!("no RPC connection to submit on"));
		}
		let permits = Arc::new(Semaphore::new(in_flight.max(1)));
		let mut ticker = match rate {
			Some(r) if r > 0.0 => {
				let mut t = tokio::time::interval(Duration::from_secs_f64(1.0 / r));
				t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
				Some(t)
			}
			_ => None,
		};
		let mut tasks = Vec::with_capacity(self.xts.len());
		for i in 0..self.xts.len() {
			if let Some(t) = ticker.as_mut() {
				t.tick().await;
			}
			let permit = permits.clone().acquire_owned().await.context("semaphore closed")?;
			let client = clients
				.get(i.checked_rem(clients.len()).unwrap_or(0))
				.cloned()
				.ok_or_else(|| anyhow!("no client"))?;
			let xts = self.xts.clone();
			let state = self.state.clone();
			tasks.push(tokio::spawn(async move {
				let Some(xt) = xts.get(i) else { return };
				let hex = chain::to_hex(xt);
				if let Some(r) = lock(&state).txs.get_mut(i) {
					r.sent = Some(Instant::now());
				}
				let res: Result<String, _> = jsonrpsee::core::client::ClientT::request(
					&*client,
					"author_submitExtrinsic",
					rpc_params![hex],
				)
				.await;
				let mut s = lock(&state);
				let now = Instant::now();
				if res.is_ok() {
					s.accepted = s.accepted.saturating_add(1);
				}
				if let Some(r) = s.txs.get_mut(i) {
					match res {
						Ok(_) => r.accepted = Some(now),
						Err(e) => r.rejected = Some(e.to_string()),
					}
				}
				drop(permit);
			}));
		}
		for task in tasks {
			task.await.context("submit task")?;
		}
		Ok(())
	}

	/// Waits until every accepted extrinsic is in a block (and finalized if
	/// `finalized`), or until `stall` passes without progress. Returns `true` if all were.
	pub async fn wait(&self, finalized: bool, stall: Duration) -> Result<bool> {
		let mut last_progress = Instant::now();
		let mut last = (0usize, 0usize);
		loop {
			let (accepted, included, fin, error) = {
				let s = lock(&self.state);
				(s.accepted, s.included, s.finalized, s.error.clone())
			};
			if let Some(e) = error {
				return Err(anyhow!("following the chain failed: {e}"));
			}
			let done = if finalized { fin >= accepted } else { included >= accepted };
			if done {
				return Ok(true);
			}
			if (included, fin) != last {
				last = (included, fin);
				last_progress = Instant::now();
			} else if last_progress.elapsed() > stall {
				return Ok(false);
			}
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
	}

	/// Stops following and hands back what was recorded.
	pub async fn finish(self) -> (Vec<TxRecord>, Vec<BlockStat>) {
		let _ = self.stop.send(true);
		let _ = self.follower.await;
		let mut s = lock(&self.state);
		(std::mem::take(&mut s.txs), std::mem::take(&mut s.blocks))
	}

	/// Indices of the extrinsics that were included but failed.
	pub fn failed(&self) -> Vec<usize> {
		let s = lock(&self.state);
		s.txs.iter().enumerate().filter(|(_, r)| r.failed).map(|(i, _)| i).collect()
	}

	/// Submission errors, with the index of the extrinsic.
	pub fn rejected(&self) -> Vec<(usize, String)> {
		let s = lock(&self.state);
		s.txs.iter().enumerate().filter_map(|(i, r)| r.rejected.clone().map(|e| (i, e))).collect()
	}

	/// How many of the accepted extrinsics are still not in a block.
	pub fn missing(&self) -> usize {
		let s = lock(&self.state);
		s.accepted.saturating_sub(s.included)
	}
}

async fn follow_chain(
	client: WsClient,
	mut heads: Subscription<Value>,
	mut finals: Subscription<Value>,
	state: Arc<Mutex<State>>,
	start_number: u32,
	mut stopped: watch::Receiver<bool>,
) {
	let result: Result<()> = async {
		loop {
			tokio::select! {
				_ = stopped.changed() => return Ok(()),
				head = heads.next() => {
					let head = head.ok_or_else(|| anyhow!("new heads subscription ended"))??;
					let hash = header_hash(&head)?;
					let now = Instant::now();
					process_chain(&client, &state, hash, start_number, now).await?;
				}
				head = finals.next() => {
					let head = finals_item(head)?;
					let hash = header_hash(&head)?;
					let now = Instant::now();
					process_chain(&client, &state, hash, start_number, now).await?;
					mark_finalized(&state, hash, now);
				}
			}
		}
	}
	.await;
	if let Err(e) = result {
		lock(&state).error = Some(format!("{e:#}"));
	}
}

fn finals_item(item: Option<Result<Value, serde_json::Error>>) -> Result<Value> {
	Ok(item.ok_or_else(|| anyhow!("finalized heads subscription ended"))??)
}

/// The hash of a header as the node sends it in JSON.
fn header_hash(header: &Value) -> Result<H256> {
	let header: coop_runtime::Header =
		serde_json::from_value(header.clone()).context("undecodable header from node")?;
	Ok(header.hash())
}

/// Processes `hash` and any unseen ancestors above `start_number`, oldest first.
async fn process_chain(
	client: &WsClient,
	state: &Mutex<State>,
	hash: H256,
	start_number: u32,
	now: Instant,
) -> Result<()> {
	let mut pending = Vec::new();
	let mut next = hash;
	loop {
		if lock(state).seen.contains_key(&next) {
			break;
		}
		let block: Value = rpc(client, "chain_getBlock", rpc_params![format!("{next:?}")]).await?;
		let number = chain::hex_number(block.pointer("/block/header/number"))?;
		let parent = block
			.pointer("/block/header/parentHash")
			.and_then(Value::as_str)
			.ok_or_else(|| anyhow!("block without parentHash"))?;
		let parent = chain::from_hex(parent)?;
		let parent =
			H256::from_slice(parent.get(..32).ok_or_else(|| anyhow!("short parent hash"))?);
		let xts: Vec<Vec<u8>> = block
			.pointer("/block/extrinsics")
			.and_then(Value::as_array)
			.ok_or_else(|| anyhow!("block without extrinsics"))?
			.iter()
			.map(|x| chain::from_hex(x.as_str().unwrap_or_default()))
			.collect::<Result<_>>()?;
		pending.push((next, number, parent, xts));
		if number <= start_number.saturating_add(1) {
			break;
		}
		next = parent;
	}
	for (hash, number, parent, xts) in pending.into_iter().rev() {
		let mut ours = Vec::new();
		{
			let mut s = lock(state);
			for (idx, xt) in xts.iter().enumerate() {
				if let Some(&i) = s.by_hash.get(&sp_io::hashing::blake2_256(xt)) {
					ours.push((idx, i));
				}
			}
			let waiting_before = s.accepted.saturating_sub(s.included);
			for &(_, i) in &ours {
				if let Some(r) = s.txs.get_mut(i) {
					if r.in_block.is_none() {
						r.in_block = Some((now, number));
					}
				}
			}
			s.included = s.included.saturating_add(ours.len());
			s.seen.insert(hash, (number, parent));
			s.ours_in.insert(hash, ours.iter().map(|&(_, i)| i).collect());
			if number > start_number {
				s.blocks.push(BlockStat {
					number,
					extrinsics: xts.len(),
					ours: ours.len(),
					left_waiting: waiting_before.saturating_sub(ours.len()),
				});
			}
		}
		if !ours.is_empty() {
			mark_failures(client, state, hash, &ours).await?;
		}
	}
	Ok(())
}

/// Marks our extrinsics of block `hash` whose dispatch failed.
async fn mark_failures(
	client: &WsClient,
	state: &Mutex<State>,
	hash: H256,
	ours: &[(usize, usize)],
) -> Result<()> {
	let events = match chain::events_at(client, &format!("{hash:?}")).await {
		Ok(events) => events,
		Err(e) => {
			// Not fatal: inclusion is still measured, only failures go unseen.
			let mut s = lock(state);
			if s.events_error.is_none() {
				eprintln!("warning: cannot read the events of block {hash:?}: {e:#}");
			}
			s.events_error = Some(format!("{e:#}"));
			return Ok(());
		}
	};
	let mut s = lock(state);
	for record in events {
		let frame_system::Phase::ApplyExtrinsic(idx) = record.phase else { continue };
		let coop_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. }) =
			record.event
		else {
			continue;
		};
		for &(block_idx, i) in ours {
			if u32::try_from(block_idx).ok() == Some(idx) {
				if let Some(r) = s.txs.get_mut(i) {
					r.failed = true;
				}
			}
		}
	}
	Ok(())
}

/// Marks as finalized our extrinsics in `hash` and its ancestors down to the last
/// finalized block.
fn mark_finalized(state: &Mutex<State>, hash: H256, now: Instant) {
	let mut s = lock(state);
	let floor = s.last_finalized;
	let mut next = hash;
	let mut newly = Vec::new();
	while let Some(&(number, parent)) = s.seen.get(&next) {
		if number <= floor {
			break;
		}
		if let Some(ours) = s.ours_in.get(&next) {
			newly.extend(ours.iter().copied());
		}
		next = parent;
	}
	let mut count = 0usize;
	for i in newly {
		if let Some(r) = s.txs.get_mut(i) {
			if r.finalized.is_none() {
				r.finalized = Some(now);
				count = count.saturating_add(1);
			}
		}
	}
	s.finalized = s.finalized.saturating_add(count);
	if let Some(&(number, _)) = s.seen.get(&hash) {
		s.last_finalized = s.last_finalized.max(number);
	}
}
