//! Helpers for end-to-end tests: start real `coop-node` processes on free
//! loopback ports and talk to them over JSON-RPC, as a wallet would.

#![allow(
	dead_code,
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use codec::{Decode, Encode};
use coop_runtime::{AccountId, Balance, Nonce, RuntimeCall};
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{crypto::Pair as _, sr25519, H256};
use std::{
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

/// A loopback TCP port nobody listens on right now, picked at random below the
/// kernel's ephemeral range (32768 and up on Linux). A port the kernel handed
/// out could be taken again as the source port of any outgoing connection (the
/// suites run side by side in CI), for example while the validator that owns it
/// restarts on it; ports below that range are only ever taken by a listener.
pub fn free_port() -> u16 {
	use std::hash::{BuildHasher, RandomState};
	loop {
		// Each `RandomState` has fresh keys: a cheap random number without a crate.
		let port = 20_000 + (RandomState::new().hash_one(Instant::now()) % 12_000) as u16;
		if TcpListener::bind(("127.0.0.1", port)).is_ok() {
			return port;
		}
	}
}

/// A running `coop-node`, killed when dropped. Its log goes to a file kept for debugging.
pub struct Node {
	child: Child,
	pub rpc_port: u16,
	pub p2p_port: u16,
	pub log: PathBuf,
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Node {
	/// Starts `coop-node` with `args`, on fresh loopback ports, with a temporary database.
	/// No mDNS, no telemetry: nothing leaves the loopback interface.
	pub fn start(name: &str, args: &[&str]) -> Node {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let log = std::env::temp_dir().join(format!("coop-e2e-{name}-{rpc_port}.log"));
		let file = std::fs::File::create(&log).unwrap();
		let child = Command::new(coop_e2e::node_binary())
			.args(args)
			.args([
				"--tmp",
				"--no-mdns",
				"--no-telemetry",
				"--no-prometheus",
				"--rpc-port",
				&rpc_port.to_string(),
				"--listen-addr",
				&format!("/ip4/127.0.0.1/tcp/{p2p_port}"),
			])
			.stdout(Stdio::null())
			.stderr(file)
			.spawn()
			.expect("coop-node starts");
		Node { child, rpc_port, p2p_port, log }
	}

	/// Connects a WebSocket RPC client, retrying while the node starts. If the port
	/// asked for was taken in the meantime, the node serves RPC on a random port
	/// instead (sc-cli retries) and names it in its log: that one is used, and
	/// `rpc_port` updated.
	pub async fn client(&mut self) -> WsClient {
		let deadline = Instant::now() + Duration::from_secs(60);
		loop {
			if let Ok(Some(status)) = self.child.try_wait() {
				panic!("coop-node exited ({status}):\n{}", self.log_tail());
			}
			if let Some(port) = rpc_port_in_log(&self.log) {
				self.rpc_port = port;
			}
			let url = format!("ws://127.0.0.1:{}", self.rpc_port);
			match WsClientBuilder::default().build(&url).await {
				Ok(client) => return client,
				Err(_) if Instant::now() < deadline => {
					tokio::time::sleep(Duration::from_millis(250)).await;
				}
				Err(e) => panic!("node RPC not reachable at {url}: {e}\n{}", self.log_tail()),
			}
		}
	}

	/// The node's process id, e.g. to read its memory from `/proc/<pid>/status`.
	pub fn pid(&self) -> u32 {
		self.child.id()
	}

	/// Whether the node process is still running (it has not exited or crashed).
	pub fn is_running(&mut self) -> bool {
		matches!(self.child.try_wait(), Ok(None))
	}

	pub fn log_tail(&self) -> String {
		log_tail(&self.log)
	}
}

/// The port of the JSON-RPC server a node's log says it started, if it has yet.
pub fn rpc_port_in_log(path: &Path) -> Option<u16> {
	let text = std::fs::read_to_string(path).ok()?;
	let (_, rest) = text.split_once("Running JSON-RPC server: addr=127.0.0.1:")?;
	let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
	digits.parse().ok()
}

/// The last 30 lines of a node's log file.
pub fn log_tail(path: &Path) -> String {
	let text = std::fs::read_to_string(path).unwrap_or_default();
	let lines: Vec<&str> = text.lines().collect();
	lines[lines.len().saturating_sub(30)..].join("\n")
}

/// The block number of a `chain_getHeader` answer.
pub fn header_number(header: &Value) -> Result<u32, String> {
	let n = header["number"].as_str().ok_or_else(|| format!("no number in {header}"))?;
	u32::from_str_radix(n.trim_start_matches("0x"), 16).map_err(|e| e.to_string())
}

/// Number of the latest finalized block.
pub async fn finalized_number(client: &WsClient) -> u32 {
	let hash: String = client.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
	let header: Value = client.request("chain_getHeader", rpc_params![hash]).await.unwrap();
	header_number(&header).unwrap()
}

/// Waits until the finalized block number reaches `target`.
pub async fn wait_finalized(client: &WsClient, target: u32, within: Duration) -> u32 {
	let deadline = Instant::now() + within;
	loop {
		let n = finalized_number(client).await;
		if n >= target {
			return n;
		}
		assert!(Instant::now() < deadline, "finality stuck at #{n}, wanted #{target}");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// `0x`-prefixed hex of all of `bytes` (`HexDisplay` elides the middle of long input).
pub fn to_hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

pub fn from_hex(s: &str) -> Vec<u8> {
	sp_core::bytes::from_hex(s).unwrap()
}

/// Builds a signed extrinsic exactly as a wallet does: nonce, genesis hash and
/// runtime version from RPC, immortal era, no tip, metadata hash check disabled.
pub async fn signed_extrinsic(
	client: &WsClient,
	signer: &sr25519::Pair,
	call: RuntimeCall,
) -> Vec<u8> {
	let who: AccountId = signer.public().into();
	let nonce: Nonce =
		client.request("system_accountNextIndex", rpc_params![who.to_string()]).await.unwrap();
	let genesis: String = client.request("chain_getBlockHash", rpc_params![0]).await.unwrap();
	let genesis = H256::from_slice(&from_hex(&genesis));
	let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await.unwrap();
	let spec_version = version["specVersion"].as_u64().unwrap() as u32;
	let tx_version = version["transactionVersion"].as_u64().unwrap() as u32;

	let chain = coop_runtime::client::ChainFacts { genesis, spec_version, tx_version };
	coop_runtime::client::signed_extrinsic(signer, nonce, call, chain).encode()
}

/// Submits an extrinsic and waits until the block that includes it is finalized.
/// Returns the finalized block hash, or the RPC error text.
pub async fn submit_and_finalize(client: &WsClient, xt: &[u8]) -> Result<String, String> {
	let mut sub = client
		.subscribe::<Value, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![to_hex(xt)],
			"author_unwatchExtrinsic",
		)
		.await
		.map_err(|e| e.to_string())?;
	let deadline = Instant::now() + Duration::from_secs(90);
	while Instant::now() < deadline {
		let next = tokio::time::timeout(Duration::from_secs(30), sub.next()).await;
		let Ok(Some(Ok(status))) = next else { break };
		if let Some(hash) = status.get("finalized").and_then(Value::as_str) {
			return Ok(hash.to_string());
		}
		if status.get("invalid").is_some() || status.get("dropped").is_some() {
			return Err(format!("transaction {status}"));
		}
	}
	Err("transaction not finalized in time".into())
}

/// Free balance of `who` at block `at` (latest if `None`), read from raw storage.
pub async fn free_balance(client: &WsClient, who: &AccountId, at: Option<String>) -> Balance {
	let key = frame_system::Account::<coop_runtime::Runtime>::hashed_key_for(who);
	let raw: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(&key), at]).await.unwrap();
	match raw {
		None => 0,
		Some(raw) => {
			let info =
				frame_system::AccountInfo::<Nonce, pallet_balances::AccountData<Balance>>::decode(
					&mut &from_hex(&raw)[..],
				)
				.unwrap();
			info.data.free
		}
	}
}

/// The runtime events of block `at`, decoded from `System::Events` storage.
pub async fn events_at(client: &WsClient, at: &str) -> Vec<coop_runtime::RuntimeEvent> {
	// `System::Events` is a plain storage value: twox128("System") ++ twox128("Events").
	let key = [sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat();
	let raw: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(&key), at]).await.unwrap();
	let bytes = raw.map(|r| from_hex(&r)).unwrap_or_default();
	Vec::<frame_system::EventRecord<coop_runtime::RuntimeEvent, H256>>::decode(&mut &bytes[..])
		.unwrap_or_default()
		.into_iter()
		.map(|r| r.event)
		.collect()
}

/// Signs `call` as `signer`, submits it, waits for finality and fails the test
/// if the extrinsic failed. Returns the finalized block's hash.
pub async fn submit_ok(client: &WsClient, signer: &sr25519::Pair, call: RuntimeCall) -> String {
	let xt = signed_extrinsic(client, signer, call.clone()).await;
	let block = submit_and_finalize(client, &xt)
		.await
		.unwrap_or_else(|e| panic!("{call:?} not finalized: {e}"));
	let failed: Vec<_> = events_at(client, &block)
		.await
		.into_iter()
		.filter(|e| {
			matches!(
				e,
				coop_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. })
			)
		})
		.collect();
	assert!(failed.is_empty(), "{call:?} failed: {failed:?}");
	block
}

/// Calls a JSON-RPC method and returns its JSON result.
pub async fn rpc(
	client: &WsClient,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> Value {
	client.request(method, params).await.unwrap_or_else(|e| panic!("{method}: {e}"))
}

/// Writes the chain's state at its finalized head to
/// `$COOP_E2E_SNAPSHOTS/<name>.json` when that variable is set (scripts/test.sh
/// sets it), so `coop-try-state` can check every pallet's invariants and the
/// migrations over a state the end-to-end story built. Reads through the safe
/// `state_getKeysPaged` and `state_queryStorageAt`, as an explorer would.
pub async fn snapshot(client: &WsClient, name: &str) {
	let Ok(dir) = std::env::var("COOP_E2E_SNAPSHOTS") else { return };
	let head: String = client.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
	let header: Value = client.request("chain_getHeader", rpc_params![&head]).await.unwrap();
	let number = header_number(&header).unwrap();
	let mut pairs = Vec::new();
	let mut start: Option<String> = None;
	loop {
		let keys: Vec<String> = client
			.request("state_getKeysPaged", rpc_params!["0x", 500, start.clone(), &head])
			.await
			.unwrap();
		let Some(last) = keys.last().cloned() else { break };
		let changes: Value =
			client.request("state_queryStorageAt", rpc_params![keys.clone(), &head]).await.unwrap();
		pairs.extend(changes[0]["changes"].as_array().unwrap().iter().cloned());
		start = Some(last);
	}
	let json = serde_json::json!({ "block": number, "pairs": pairs });
	let file = std::path::Path::new(&dir).join(format!("{name}.json"));
	std::fs::write(&file, json.to_string()).unwrap();
}
