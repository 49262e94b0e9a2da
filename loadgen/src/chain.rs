//! Talking to the node: RPC helpers, signing with the runtime's own types, raw storage reads.

use anyhow::{anyhow, Context, Result};
use codec::{Decode, Encode};
use coop_runtime::{AccountId, Nonce, RuntimeCall};
use jsonrpsee::{
	core::{client::ClientT, params::ArrayParams},
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::Value;
use sp_core::{sr25519, H256};
use std::time::{Duration, Instant};

/// Connects a WebSocket client, retrying until `within` has passed (the node may be starting).
pub async fn connect(url: &str, within: Duration) -> Result<WsClient> {
	let deadline = Instant::now().checked_add(within).unwrap_or_else(Instant::now);
	loop {
		let attempt = WsClientBuilder::default()
			.max_concurrent_requests(65_536)
			.max_buffer_capacity_per_subscription(65_536)
			.request_timeout(Duration::from_secs(120))
			.build(url)
			.await;
		match attempt {
			Ok(client) => return Ok(client),
			Err(_) if Instant::now() < deadline => {
				tokio::time::sleep(Duration::from_millis(250)).await;
			}
			Err(e) => return Err(anyhow!("node RPC not reachable at {url}: {e}")),
		}
	}
}

/// Calls a JSON-RPC method, naming it in the error.
pub async fn rpc<T: jsonrpsee::core::DeserializeOwned>(
	client: &WsClient,
	method: &str,
	params: ArrayParams,
) -> Result<T> {
	client.request(method, params).await.with_context(|| format!("RPC {method}"))
}

pub fn to_hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

pub fn from_hex(s: &str) -> Result<Vec<u8>> {
	sp_core::bytes::from_hex(s).map_err(|e| anyhow!("bad hex from node ({e:?}): {s:.40}"))
}

/// Parses a `0x…` hex number as the node sends block numbers.
pub fn hex_number(v: Option<&Value>) -> Result<u32> {
	let s = v.and_then(Value::as_str).ok_or_else(|| anyhow!("expected a hex number, got {v:?}"))?;
	u32::from_str_radix(s.trim_start_matches("0x"), 16).with_context(|| format!("number {s}"))
}

/// What every signature commits to besides the call.
#[derive(Clone, Copy)]
pub struct ChainInfo {
	pub genesis: H256,
	pub spec_version: u32,
	pub tx_version: u32,
}

impl ChainInfo {
	pub async fn fetch(client: &WsClient) -> Result<Self> {
		let genesis: String = rpc(client, "chain_getBlockHash", rpc_params![0]).await?;
		let genesis = from_hex(&genesis)?;
		if genesis.len() != 32 {
			return Err(anyhow!("genesis hash has {} bytes", genesis.len()));
		}
		let version: Value = rpc(client, "state_getRuntimeVersion", rpc_params![]).await?;
		let field = |name: &str| -> Result<u32> {
			version
				.get(name)
				.and_then(Value::as_u64)
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| anyhow!("runtime version without {name}: {version}"))
		};
		Ok(Self {
			genesis: H256::from_slice(&genesis),
			spec_version: field("specVersion")?,
			tx_version: field("transactionVersion")?,
		})
	}

	/// A signed extrinsic as a wallet builds it: immortal, no tip, no metadata hash.
	pub fn sign(&self, signer: &sr25519::Pair, nonce: Nonce, call: RuntimeCall) -> Vec<u8> {
		let chain = coop_runtime::client::ChainFacts {
			genesis: self.genesis,
			spec_version: self.spec_version,
			tx_version: self.tx_version,
		};
		coop_runtime::client::signed_extrinsic(signer, nonce, call, chain).encode()
	}
}

/// The next nonce of `who`, pool included.
pub async fn next_nonce(client: &WsClient, who: &AccountId) -> Result<Nonce> {
	rpc(client, "system_accountNextIndex", rpc_params![who.to_string()]).await
}

/// Raw storage at `key` (latest block if `at` is `None`), decoded as `T`.
pub async fn storage<T: Decode>(
	client: &WsClient,
	key: &[u8],
	at: Option<&str>,
) -> Result<Option<T>> {
	let raw: Option<String> = rpc(client, "state_getStorage", rpc_params![to_hex(key), at]).await?;
	match raw {
		None => Ok(None),
		Some(raw) => {
			let bytes = from_hex(&raw)?;
			T::decode(&mut &bytes[..]).map(Some).map_err(|e| anyhow!("undecodable storage: {e}"))
		}
	}
}

/// The runtime events of block `at`.
pub async fn events_at(
	client: &WsClient,
	at: &str,
) -> Result<Vec<frame_system::EventRecord<coop_runtime::RuntimeEvent, H256>>> {
	let key = [sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat();
	Ok(storage(client, &key, Some(at)).await?.unwrap_or_default())
}

/// Resident set size of process `pid` in KiB, from `/proc/<pid>/status`.
pub fn rss_kib(pid: u32) -> Option<u64> {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
	let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
	line.split_whitespace().nth(1)?.parse().ok()
}

/// Total size in bytes of the files under `path`.
pub fn dir_size(path: &std::path::Path) -> u64 {
	let mut total: u64 = 0;
	let mut stack = vec![path.to_path_buf()];
	while let Some(dir) = stack.pop() {
		let Ok(entries) = std::fs::read_dir(&dir) else { continue };
		for entry in entries.flatten() {
			match entry.metadata() {
				Ok(m) if m.is_dir() => stack.push(entry.path()),
				Ok(m) => total = total.saturating_add(m.len()),
				Err(_) => {}
			}
		}
	}
	total
}
