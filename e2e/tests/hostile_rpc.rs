//! Hostile JSON-RPC input (issue #14), sent to one running `coop-node --dev` whose
//! pool and RPC limits are small enough to be hit: junk and truncated extrinsics,
//! oversized ones, bad signatures, stale and future nonces, more transactions than
//! the pool holds, oversized and deeply nested JSON, over-long batches, a deeply
//! nested `Utility::batch`, too many connections and subscriptions, and `coop_*`
//! calls with absurd arguments.
//!
//! Every response must be an error (or, for reads, a sane empty answer) and no text
//! of a runtime panic may reach the caller; afterwards the node still runs, still
//! finalizes, and its memory stayed bounded. The test prints one line of counts.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod common;

use codec::{Compact, Decode, Encode};
use common::*;
use coop_runtime::{client::ChainFacts, AccountId, Nonce, RuntimeCall, UNIT};
use jsonrpsee::{
	core::{
		client::{ClientT, SubscriptionClientT},
		params::ArrayParams,
		ClientError,
	},
	http_client::HttpClientBuilder,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use serde_json::{json, Value};
use sp_core::{crypto::Pair as _, sr25519, H256};
use sp_keyring::Sr25519Keyring;
use std::{
	io::{Read, Write},
	time::{Duration, Instant},
};

/// Text that must never reach a wallet: the runtime panicked, or the node leaked internals.
const LEAKS: [&str; 3] = ["wasm trap", "panicked", "unreachable"];

/// The node's limits, small enough that the test really hits them.
const POOL_LIMIT: usize = 256;
const POOL_KBYTES: usize = 2048;
const BATCH_LIMIT: usize = 64;
/// The README's recommendation: a full 5 MiB block's worth of extrinsic, hex-encoded, fits.
const MAX_REQUEST_MIB: usize = 12;
const MAX_CONNECTIONS: usize = 32;
const MAX_SUBSCRIPTIONS: usize = 64;
/// The runtime's block length limit (`RuntimeBlockLength`).
const BLOCK_LENGTH: usize = 5 * 1024 * 1024;
/// Resident memory the node may use by the end. This test sees ~155 MiB before, ~190 MiB
/// after and a ~250 MiB peak (`bench-throughput.sh`: 194 → 272 MiB under 3 000
/// transactions). 1 GiB is four times that peak, room for a slow machine, while the pool
/// is capped at 2 MiB: growth past it means something keeps what it refused.
const RSS_BOUND_MIB: u64 = 1024;

/// Counts of one category of hostile input.
#[derive(Default)]
struct Tally {
	sent: usize,
	refused: usize,
	answered: usize,
	/// A few distinct error texts, for the log.
	samples: Vec<String>,
}

/// Every response seen, and every one that broke the rules.
#[derive(Default)]
struct Report {
	tallies: Vec<(&'static str, Tally)>,
	problems: Vec<String>,
}

impl Report {
	fn tally(&mut self, category: &'static str) -> &mut Tally {
		if let Some(i) = self.tallies.iter().position(|(c, _)| *c == category) {
			return &mut self.tallies[i].1;
		}
		self.tallies.push((category, Tally::default()));
		&mut self.tallies.last_mut().unwrap().1
	}

	/// A response that must be an error, whose text contains one of `keywords` (if any).
	fn refused(
		&mut self,
		category: &'static str,
		what: &str,
		response: &Result<Value, String>,
		keywords: &[&str],
	) {
		self.check(category, what, response, keywords, |_| false);
	}

	/// A response that must be an error (containing one of `keywords`, if any) or an
	/// answer that `sane` accepts. Leaked panic text is a problem either way.
	fn check(
		&mut self,
		category: &'static str,
		what: &str,
		response: &Result<Value, String>,
		keywords: &[&str],
		sane: impl Fn(&Value) -> bool,
	) {
		let text = match response {
			Ok(v) => v.to_string(),
			Err(e) => e.clone(),
		};
		let lower = text.to_lowercase();
		let mut problems = Vec::new();
		if let Some(word) = LEAKS.iter().find(|w| lower.contains(*w)) {
			problems.push(format!(
				"[{category}] {what}: the response contains {word:?}: {}",
				clip(&text)
			));
		}
		let tally = self.tally(category);
		tally.sent += 1;
		match response {
			Err(e) => {
				tally.refused += 1;
				let clear = !e.trim().is_empty()
					&& (keywords.is_empty()
						|| keywords.iter().any(|k| lower.contains(&k.to_lowercase())));
				if !clear {
					problems.push(format!(
						"[{category}] {what}: unclear error (wanted one of {keywords:?}): {}",
						clip(e)
					));
				}
				let sample = clip(e);
				if tally.samples.len() < 3 && !tally.samples.contains(&sample) {
					tally.samples.push(sample);
				}
			}
			Ok(v) if sane(v) => tally.answered += 1,
			Ok(v) => {
				problems.push(format!("[{category}] {what}: not refused: {}", clip(&v.to_string())))
			}
		}
		self.problems.extend(problems);
	}
}

fn clip(s: &str) -> String {
	let s = s.replace('\n', "\\n");
	if s.chars().count() > 400 {
		format!("{}…", s.chars().take(400).collect::<String>())
	} else {
		s
	}
}

/// The text a wallet sees for a client error: code, message and data of an RPC error.
fn error_text(e: ClientError) -> String {
	match e {
		ClientError::Call(obj) => match obj.data() {
			Some(data) => format!("{}: {} ({})", obj.code(), obj.message(), data.get()),
			None => format!("{}: {}", obj.code(), obj.message()),
		},
		other => other.to_string(),
	}
}

/// Calls `method` with arbitrary JSON params over WebSocket.
async fn call(client: &WsClient, method: &str, params: Vec<Value>) -> Result<Value, String> {
	let mut p = ArrayParams::new();
	for v in params {
		p.insert(v).unwrap();
	}
	client.request::<Value, _>(method, p).await.map_err(error_text)
}

/// `0x`-prefixed hex of all of `bytes` (`common::to_hex` elides the middle of long input).
fn hex(bytes: &[u8]) -> String {
	sp_core::bytes::to_hex(bytes, false)
}

async fn submit(client: &WsClient, xt: &[u8]) -> Result<Value, String> {
	call(client, "author_submitExtrinsic", vec![json!(hex(xt))]).await
}

fn is_tx_hash(v: &Value) -> bool {
	v.as_str().is_some_and(|s| s.len() == 66 && s.starts_with("0x"))
}

/// What a read method may answer to absurd arguments: nothing, an empty or capped page,
/// a boolean, or an all-zero ledger.
fn sane_read(v: &Value) -> bool {
	v.is_null()
		|| v.is_boolean()
		|| v.get("items").and_then(Value::as_array).is_some_and(|a| a.len() <= 100)
		|| v.get("earned").is_some()
}

/// POSTs `body` to the node over a fresh HTTP/1.1 connection, bypassing every client-side
/// check, and returns the JSON-RPC outcome (HTTP status included in error texts).
async fn http_post(port: u16, body: Vec<u8>) -> Result<Value, String> {
	tokio::task::spawn_blocking(move || http_post_blocking(port, body)).await.unwrap()
}

fn http_post_blocking(port: u16, body: Vec<u8>) -> Result<Value, String> {
	let stream = std::net::TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
	stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
	stream.set_write_timeout(Some(Duration::from_secs(60))).unwrap();
	let head = format!(
		"POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
		 Content-Length: {}\r\nConnection: close\r\n\r\n",
		body.len()
	);
	// Write from another thread: a server that refuses a big body may answer and close
	// before reading all of it.
	let mut writer = stream.try_clone().unwrap();
	let sender = std::thread::spawn(move || {
		let _ = writer.write_all(head.as_bytes()).and_then(|()| writer.write_all(&body));
	});
	let mut reader = stream;
	let mut raw = Vec::new();
	let mut buf = vec![0u8; 64 * 1024];
	let response = loop {
		match reader.read(&mut buf) {
			Ok(0) => break parse_http(&raw, true),
			Ok(n) => {
				raw.extend_from_slice(&buf[..n]);
				if let Some(r) = parse_http(&raw, false) {
					break Some(r);
				}
			}
			Err(_) => break parse_http(&raw, true),
		}
	};
	let _ = reader.shutdown(std::net::Shutdown::Both);
	let _ = sender.join();
	let (status, body) = response
		.ok_or_else(|| format!("no HTTP response: {}", clip(&String::from_utf8_lossy(&raw))))?;
	rpc_outcome(status, &body)
}

/// Status and body of a complete HTTP response in `raw` (`None` while incomplete).
fn parse_http(raw: &[u8], eof: bool) -> Option<(u16, String)> {
	let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
	let head = String::from_utf8_lossy(&raw[..end]).to_lowercase();
	let status = head.split_whitespace().nth(1)?.parse().ok()?;
	let body = &raw[end + 4..];
	let header = |name: &str| {
		head.lines()
			.find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(':')))
			.map(|v| v.trim().to_string())
	};
	let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
	if let Some(len) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
		return (body.len() >= len).then(|| (status, text(&body[..len])));
	}
	if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
		if let Some(b) = dechunk(body) {
			return Some((status, text(&b)));
		}
	}
	eof.then(|| (status, text(body)))
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
	let mut out = Vec::new();
	loop {
		let line = body.windows(2).position(|w| w == b"\r\n")?;
		let size = std::str::from_utf8(&body[..line]).ok()?.split(';').next()?.trim().to_string();
		let size = usize::from_str_radix(&size, 16).ok()?;
		body = &body[line + 2..];
		if size == 0 {
			return Some(out);
		}
		if body.len() < size + 2 {
			return None;
		}
		out.extend_from_slice(&body[..size]);
		body = &body[size + 2..];
	}
}

/// A JSON-RPC response body as a result: an error object (or a batch of only errors)
/// is an `Err` with its text.
fn rpc_outcome(status: u16, body: &str) -> Result<Value, String> {
	let Ok(v) = serde_json::from_str::<Value>(body) else {
		return Err(format!("HTTP {status}: {}", clip(body)));
	};
	if let Some(e) = v.get("error") {
		return Err(format!("HTTP {status}: {e}"));
	}
	if let Some(r) = v.get("result") {
		return Ok(r.clone());
	}
	if let Some(items) = v.as_array() {
		if !items.is_empty() && items.iter().all(|i| i.get("error").is_some()) {
			let errors: Vec<String> = items.iter().map(|i| i["error"].to_string()).collect();
			return Err(format!("HTTP {status}: {} errors: {}", errors.len(), errors[0]));
		}
		return Ok(v);
	}
	Err(format!("HTTP {status}: {}", clip(body)))
}

/// Deterministic junk bytes (xorshift).
fn junk_bytes(seed: &mut u64, len: usize) -> Vec<u8> {
	(0..len)
		.map(|_| {
			*seed ^= *seed << 13;
			*seed ^= *seed >> 7;
			*seed ^= *seed << 17;
			*seed as u8
		})
		.collect()
}

async fn chain_facts(client: &WsClient) -> ChainFacts {
	let genesis: String = client.request("chain_getBlockHash", rpc_params![0]).await.unwrap();
	let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await.unwrap();
	ChainFacts {
		genesis: H256::from_slice(&from_hex(&genesis)),
		spec_version: version["specVersion"].as_u64().unwrap() as u32,
		tx_version: version["transactionVersion"].as_u64().unwrap() as u32,
	}
}

async fn next_nonce(client: &WsClient, who: &AccountId) -> Nonce {
	client.request("system_accountNextIndex", rpc_params![who.to_string()]).await.unwrap()
}

/// The nonce stored on chain (the pool's pending transactions not counted).
async fn onchain_nonce(client: &WsClient, who: &AccountId) -> Nonce {
	let key = frame_system::Account::<coop_runtime::Runtime>::hashed_key_for(who);
	let raw: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(&key)]).await.unwrap();
	raw.map(|raw| {
		frame_system::AccountInfo::<Nonce, pallet_balances::AccountData<u128>>::decode(
			&mut &from_hex(&raw)[..],
		)
		.unwrap()
		.nonce
	})
	.unwrap_or_default()
}

fn sign(pair: &sr25519::Pair, nonce: Nonce, call: RuntimeCall, facts: ChainFacts) -> Vec<u8> {
	coop_runtime::client::signed_extrinsic(pair, nonce, call, facts).encode()
}

fn remark(len: usize) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![0x2a; len] })
}

/// The length prefix and the body of an encoded extrinsic.
fn split_prefix(xt: &[u8]) -> (usize, &[u8]) {
	let len = Compact::<u32>::decode(&mut &xt[..]).unwrap().0 as usize;
	let prefix = xt.len() - len;
	(prefix, &xt[prefix..])
}

/// `body` with a length prefix that matches it.
fn framed(body: &[u8]) -> Vec<u8> {
	let mut out = Compact(body.len() as u32).encode();
	out.extend_from_slice(body);
	out
}

/// `Utility::batch([Utility::batch([... System::remark ...])])`, `depth` batches deep.
/// Built from bytes: the node's tests do not depend on `pallet-utility`.
fn nested_batch(depth: usize) -> RuntimeCall {
	let utility = <coop_runtime::Utility as frame_support::traits::PalletInfoAccess>::index();
	// `batch` is call 0 of `pallet-utility`; one call in the vector: compact(1) = 0x04.
	let mut bytes = [utility as u8, 0, 4].repeat(depth);
	bytes.extend(remark(0).encode());
	let call = RuntimeCall::decode(&mut &bytes[..]).unwrap();
	assert!(matches!(call, RuntimeCall::Utility(_)) && call.encode() == bytes);
	call
}

/// What became of a watched transaction by `deadline`: `Ok("included")` once in a block,
/// `Err` with the status that ended it (`dropped`, `invalid`, `usurped`), `Ok("future")`
/// if it waits in the future queue, else `Ok({"unresolved": statuses seen})`.
async fn fate(
	watch: &mut jsonrpsee::core::client::Subscription<Value>,
	deadline: Instant,
) -> Result<Value, String> {
	let mut seen = Vec::new();
	loop {
		let left = deadline.saturating_duration_since(Instant::now());
		match tokio::time::timeout(left, watch.next()).await {
			Ok(Some(Ok(status))) => {
				if status.get("inBlock").is_some() || status.get("finalized").is_some() {
					return Ok(json!("included"));
				}
				let ended = ["dropped", "invalid", "usurped", "finalityTimeout"];
				if ended.iter().any(|s| status == *s || status.get(*s).is_some()) {
					return Err(format!("watch: {status}"));
				}
				seen.push(status);
			}
			Ok(Some(Err(e))) => return Err(format!("watch: {e}")),
			Ok(None) | Err(_) if seen.last().is_some_and(|s| s == "future") => {
				return Ok(json!("future"))
			}
			Ok(None) | Err(_) => return Ok(json!({ "unresolved": seen })),
		}
	}
}

fn rss_mib(pid: u32, field: &str) -> u64 {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
	let line = status.lines().find(|l| l.starts_with(field)).unwrap();
	let kb: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
	kb / 1024
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_rpc_input_is_refused_and_the_node_keeps_finalizing() {
	use Sr25519Keyring::*;
	let started = Instant::now();
	let mut node = Node::start(
		"hostile",
		&[
			"--dev",
			"--pool-limit",
			&POOL_LIMIT.to_string(),
			"--pool-kbytes",
			&POOL_KBYTES.to_string(),
			"--rpc-max-batch-request-len",
			&BATCH_LIMIT.to_string(),
			"--rpc-max-request-size",
			&MAX_REQUEST_MIB.to_string(),
			"--rpc-max-connections",
			&MAX_CONNECTIONS.to_string(),
			"--rpc-max-subscriptions-per-connection",
			&MAX_SUBSCRIPTIONS.to_string(),
		],
	);
	let client = node.client().await;
	let port = node.rpc_port;
	let url = format!("ws://127.0.0.1:{port}");
	wait_finalized(&client, 1, Duration::from_secs(90)).await;
	let pid = node.pid();
	let rss_before = rss_mib(pid, "VmRSS:");
	let finalized_before = finalized_number(&client).await;
	let facts = chain_facts(&client).await;
	let mut report = Report::default();

	// Alice's first transaction, so that nonce 0 is stale by the time we resend it.
	let alice = Alice.pair();
	let alice_id: AccountId = alice.public().into();
	let first = sign(&alice, next_nonce(&client, &alice_id).await, remark(8), facts);
	assert!(is_tx_hash(&submit(&client, &first).await.unwrap()));

	// Nonce gap: Bob signs with a nonce five ahead of his next one. The pool may keep it
	// in its future queue; it must never be included.
	let bob = Bob.pair();
	let bob_id: AccountId = bob.public().into();
	let bob_nonce = onchain_nonce(&client, &bob_id).await;
	let bob_balance = free_balance(&client, &bob_id, None).await;
	let gap = sign(&bob, bob_nonce + 5, remark(8), facts);
	let response = submit(&client, &gap).await;
	report.check("nonce", "future nonce (gap of 5)", &response, &["future", "limit"], is_tx_hash);

	// 1. Junk bytes and junk parameters to `author_submitExtrinsic`.
	let mut seed = 0x5eed_c00b_da05_u64;
	let mut junk: Vec<Value> = [
		"0x",
		"",
		"0x0",
		"0xgg",
		"zzzz",
		"deadbeef",
		"0xdeadbeef",
		"0x00",
		"0x0000",
		"0x04",
		"0xffffffffffffffff",
		"0xfdffffff",
	]
	.iter()
	.map(|s| json!(s))
	.collect();
	junk.extend([
		json!(42),
		json!(-1),
		json!(null),
		json!({}),
		json!([]),
		json!([1, 2]),
		json!(true),
	]);
	junk.push(json!(hex(&vec![0xffu8; 100_000])));
	for len in [1, 2, 3, 4, 5, 8, 16, 33, 64, 100, 129, 200, 256, 300, 512, 1000, 4096, 70_000] {
		junk.push(json!(hex(&junk_bytes(&mut seed, len))));
	}
	for param in &junk {
		let response = call(&client, "author_submitExtrinsic", vec![param.clone()]).await;
		report.refused(
			"junk",
			&format!("author_submitExtrinsic({})", clip(&param.to_string())),
			&response,
			&[],
		);
	}
	for params in [vec![], vec![json!("0x00"), json!("0x00")]] {
		let response = call(&client, "author_submitExtrinsic", params.clone()).await;
		report.refused("junk", &format!("author_submitExtrinsic{params:?}"), &response, &[]);
	}
	for param in ["0x00", "0xdeadbeef"] {
		let response = client
			.subscribe::<Value, _>(
				"author_submitAndWatchExtrinsic",
				rpc_params![param],
				"author_unwatchExtrinsic",
			)
			.await
			.map(|_| json!("subscribed"))
			.map_err(error_text);
		report.refused("junk", &format!("author_submitAndWatchExtrinsic({param})"), &response, &[]);
	}

	// 2. Truncated extrinsics: a valid signed remark cut short, as sent (length prefix
	// now wrong) and re-framed (a length prefix that matches the cut body), plus one
	// with trailing bytes.
	let nonce = next_nonce(&client, &alice_id).await;
	let valid = sign(&alice, nonce, remark(64), facts);
	let (prefix, body) = split_prefix(&valid);
	assert_eq!(body[0], 0x84, "a signed v4 extrinsic");
	for cut in [1, 2, 3, 10, 36, 50, 100, valid.len() - 1] {
		let response = submit(&client, &valid[..cut]).await;
		report.refused(
			"truncated",
			&format!("first {cut} of {} bytes", valid.len()),
			&response,
			&[],
		);
	}
	let mut reframed: Vec<(String, Vec<u8>)> = [1, 2, 10, 34, 35, 99, 100, body.len() - 1]
		.iter()
		.map(|&cut| {
			(format!("body cut at {cut} of {}, re-framed", body.len()), framed(&body[..cut]))
		})
		.collect();
	reframed.push(("body + 4 trailing bytes, re-framed".into(), framed(&[body, &[0; 4]].concat())));
	for (what, xt) in &reframed {
		let response = submit(&client, xt).await;
		report.refused("reframed", what, &response, &[]);
	}

	// 3. Signatures that do not verify.
	let mut flipped = valid.clone();
	assert_eq!((flipped[prefix + 1], flipped[prefix + 34]), (0, 1), "Id address, sr25519");
	flipped[prefix + 35 + 10] ^= 0x01;
	let mut zeroed = valid.clone();
	zeroed[prefix + 35..prefix + 35 + 64].fill(0);
	let mut impostor = sign(&Charlie.pair(), nonce, remark(64), facts);
	impostor[prefix + 2..prefix + 34].copy_from_slice(alice.public().as_ref());
	let other_genesis = ChainFacts { genesis: H256::repeat_byte(0x42), ..facts };
	let other_spec = ChainFacts { spec_version: facts.spec_version + 1, ..facts };
	let other_tx = ChainFacts { tx_version: facts.tx_version + 1, ..facts };
	let bad_signatures = [
		("one signature bit flipped", flipped),
		("all-zero signature", zeroed),
		("signed by Charlie, sent as Alice", impostor),
		("signed for another genesis", sign(&alice, nonce, remark(64), other_genesis)),
		("signed for another spec_version", sign(&alice, nonce, remark(64), other_spec)),
		("signed for another transaction_version", sign(&alice, nonce, remark(64), other_tx)),
	];
	for (what, xt) in &bad_signatures {
		let response = submit(&client, xt).await;
		report.refused("bad signature", what, &response, &["bad signature"]);
	}

	// 4. Unsigned (bare) extrinsics: a signed-only call, and an inherent.
	let bare_remark = coop_runtime::UncheckedExtrinsic::new_bare(remark(8)).encode();
	let timestamp = RuntimeCall::Timestamp(coop_runtime::TimestampCall::set { now: 0 });
	let bare_inherent = coop_runtime::UncheckedExtrinsic::new_bare(timestamp).encode();
	for (what, xt) in [("bare System::remark", bare_remark), ("bare Timestamp::set", bare_inherent)]
	{
		let response = submit(&client, &xt).await;
		report.refused("unsigned", what, &response, &[]);
	}

	// 5. A properly signed batch of batches, 300 deep: deeper than the runtime decodes.
	let deep = sign(&alice, nonce, nested_batch(300), facts);
	let response = submit(&client, &deep).await;
	report.refused("deep batch", "Utility::batch nested 300 deep, signed", &response, &[]);

	// 6. Fee quotes and dry runs (what a wallet asks before submitting). Undecodable
	// bytes must be refused; the deep batch may be quoted (a quote is not an admission)
	// and its dry run must fail (a SCALE `Err`: `0x01…`).
	let quoted = [
		("0x00", vec![0u8], false),
		("body cut at 100, re-framed", framed(&body[..100]), false),
		("batch nested 300 deep", deep.clone(), true),
	];
	for (what, xt, decodes) in &quoted {
		for method in ["payment_queryInfo", "payment_queryFeeDetails", "system_dryRun"] {
			let response = call(&client, method, vec![json!(hex(xt))]).await;
			report.check("fee quote", &format!("{method}({what})"), &response, &[], |v| {
				*decodes && (v.is_object() || v.as_str().is_some_and(|s| s.starts_with("0x01")))
			});
		}
	}

	// 7. An extrinsic longer than a block, properly signed, sent by a client that allows
	// big requests so that the node is the one to refuse it.
	let big_client = WsClientBuilder::default()
		.max_request_size(64 << 20)
		.max_response_size(64 << 20)
		.build(&url)
		.await
		.unwrap();
	let oversized = sign(&alice, nonce, remark(BLOCK_LENGTH + BLOCK_LENGTH / 20), facts);
	let response = submit(&big_client, &oversized).await;
	report.refused(
		"oversized extrinsic",
		&format!("signed remark of {} bytes", oversized.len()),
		&response,
		&["dropped", "exhaust", "limit", "too big"],
	);
	drop(big_client);

	// 8. JSON requests bigger than --rpc-max-request-size: one over raw HTTP, one signed
	// extrinsic through jsonrpsee's HTTP client with a client-side limit far above it.
	let too_big = MAX_REQUEST_MIB * 1024 * 1024 + 1024;
	let body = format!(
		r#"{{"jsonrpc":"2.0","id":1,"method":"system_name","params":["{}"]}}"#,
		"a".repeat(too_big)
	);
	let response = http_post(port, body.into_bytes()).await;
	report.refused("oversized json", "13 MB request over HTTP", &response, &["too big", "413"]);
	let http = HttpClientBuilder::default()
		.max_request_size(64 << 20)
		.request_timeout(Duration::from_secs(60))
		.build(format!("http://127.0.0.1:{port}"))
		.unwrap();
	let huge = sign(&alice, nonce, remark(7 << 20), facts);
	let response = http
		.request::<Value, _>("author_submitExtrinsic", rpc_params![hex(&huge)])
		.await
		.map_err(error_text);
	// The node answers 413 and closes before the client has sent the whole body, which
	// jsonrpsee's client may report as a failure to send.
	let keywords = ["413", "too big", "sendrequest"];
	report.refused("oversized json", "14 MiB extrinsic via HttpClient", &response, &keywords);
	drop(http);

	// 9. Batches: longer than --rpc-max-batch-request-len, empty, all junk; one at the
	// limit is answered.
	let batch = |n: usize, entry: &dyn Fn(usize) -> Value| {
		serde_json::to_vec(&Value::Array((0..n).map(entry).collect())).unwrap()
	};
	let name = |i: usize| json!({"jsonrpc": "2.0", "id": i, "method": "system_name"});
	for n in [BATCH_LIMIT + 1, 10_000] {
		let response = http_post(port, batch(n, &name)).await;
		report.refused("batch", &format!("{n} calls"), &response, &["batch request was too large"]);
	}
	let response = http_post(port, b"[]".to_vec()).await;
	report.refused("batch", "empty batch", &response, &["invalid request"]);
	let response = http_post(port, batch(BATCH_LIMIT, &|i| json!(i))).await;
	report.refused("batch", "64 numbers", &response, &["invalid request"]);
	let response = http_post(port, batch(BATCH_LIMIT, &name)).await;
	report.check("batch", "64 calls (at the limit)", &response, &[], |v| {
		v.as_array()
			.is_some_and(|a| a.len() == BATCH_LIMIT && a.iter().all(|r| r["result"].is_string()))
	});

	// 10. Deeply nested JSON: as the whole request, and as the params of methods.
	let depth = 10_000;
	let arrays = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
	let objects = format!("{}0{}", r#"{"coop":"#.repeat(depth), "}".repeat(depth));
	let request = |method: &str, params: &str| {
		format!(r#"{{"jsonrpc":"2.0","id":1,"method":"{method}","params":{params}}}"#)
	};
	let nested = [
		("the request itself: 10k nested arrays", arrays.clone()),
		("100k unclosed arrays", "[".repeat(100_000)),
		(
			"coop_attestations(10k nested arrays)",
			request("coop_attestations", &format!("[{arrays}]")),
		),
		(
			"coop_isVerified(10k nested objects)",
			request("coop_isVerified", &format!("[{objects},0,1]")),
		),
		(
			"author_submitExtrinsic(10k nested arrays)",
			request("author_submitExtrinsic", &format!("[{arrays}]")),
		),
		("coop_coop with 10k nested arrays as params", request("coop_coop", &arrays)),
	];
	for (what, body) in nested {
		let response = http_post(port, body.into_bytes()).await;
		report.refused("nested json", what, &response, &[]);
	}
	// A method without parameters ignores them, however deep: it answers as usual.
	let response =
		http_post(port, request("system_name", &format!("[{arrays}]")).into_bytes()).await;
	report.check("nested json", "system_name(10k nested arrays)", &response, &[], Value::is_string);

	// 11. `coop_*` methods with absurd arguments.
	let max32 = json!(u32::MAX);
	let max64 = json!(u64::MAX);
	let alice_ss58 = json!(alice_id.to_string());
	let unknown_block = json!(format!("0x{}", "ab".repeat(32)));
	let absurd: Vec<(&str, Vec<Value>)> = vec![
		("coop_coop", vec![max32.clone()]),
		("coop_coop", vec![max64.clone()]),
		("coop_coop", vec![json!(-1)]),
		("coop_coop", vec![json!("abc")]),
		("coop_coop", vec![json!(1.5)]),
		("coop_coop", vec![json!(1e300)]),
		("coop_coop", vec![json!(null)]),
		("coop_coop", vec![]),
		("coop_coop", vec![json!({"id": 0})]),
		("coop_coop", vec![json!(0), json!("0xzz")]),
		("coop_coop", vec![json!(0), unknown_block.clone()]),
		("coop_coop", vec![json!(0), json!(1), json!(2), json!(3)]),
		("coop_coopOf", vec![json!("not an address")]),
		("coop_coopOf", vec![json!("")]),
		("coop_coopOf", vec![max64.clone()]),
		("coop_coopOf", vec![json!(format!("0x{}", "00".repeat(32)))]),
		("coop_coops", vec![max32.clone(), max32.clone()]),
		("coop_coops", vec![json!(0), max32.clone()]),
		("coop_coops", vec![json!(-5), json!(10)]),
		("coop_coops", vec![json!(0), json!(-1)]),
		("coop_coops", vec![json!("0"), json!("10")]),
		("coop_coops", vec![json!(0), max32.clone(), unknown_block.clone()]),
		("coop_members", vec![max32.clone(), max32.clone()]),
		("coop_members", vec![json!(0), max32.clone()]),
		("coop_members", vec![json!(0)]),
		("coop_proposal", vec![max32.clone()]),
		("coop_proposals", vec![max32.clone(), max32.clone()]),
		("coop_proposals", vec![json!(0), max32.clone()]),
		("coop_decision", vec![max32.clone()]),
		("coop_decisions", vec![json!(0), max32.clone()]),
		("coop_decisions", vec![max32.clone(), max32.clone()]),
		("coop_passport", vec![max32.clone()]),
		("coop_passport", vec![json!(-1)]),
		("coop_attestations", vec![json!({"coop": u32::MAX})]),
		("coop_attestations", vec![json!({"account": "junk"})]),
		("coop_attestations", vec![json!({"wrong": 1})]),
		("coop_attestations", vec![json!("coop")]),
		("coop_attestations", vec![json!({"coop": -1})]),
		("coop_attestations", vec![json!({"coop": 0, "account": alice_ss58.clone()})]),
		("coop_isVerified", vec![json!({"coop": 0}), json!(u16::MAX), max32.clone()]),
		("coop_isVerified", vec![json!({"coop": u32::MAX}), json!(0), json!(0)]),
		("coop_isVerified", vec![json!({"coop": 0}), json!(65_536), json!(1)]),
		("coop_isVerified", vec![json!({"coop": 0})]),
		("coop_claimKinds", vec![json!("0xff")]),
		("coop_claimKinds", vec![max32.clone()]),
		("coop_bounty", vec![max32.clone()]),
		("coop_bounty", vec![max64.clone()]),
		("coop_bounties", vec![json!("Bogus"), json!(0), json!(10)]),
		("coop_bounties", vec![json!(null), max32.clone(), max32.clone()]),
		("coop_bounties", vec![json!("Open"), json!(0), max32.clone()]),
		("coop_bounties", vec![json!(null), json!(0), max32.clone()]),
		("coop_contributions", vec![json!("junk")]),
		("coop_contributions", vec![alice_ss58.clone()]),
		("coop_coopContributions", vec![max32.clone()]),
		("coop_coopContributions", vec![max64.clone()]),
		("coop_noSuchMethod", vec![json!(0)]),
	];
	for (method, params) in absurd {
		let what = format!("{method}({})", clip(&Value::Array(params.clone()).to_string()));
		let response = call(&client, method, params).await;
		report.check("coop", &what, &response, &[], sane_read);
	}

	// 12. More subscriptions than --rpc-max-subscriptions-per-connection on one connection.
	let sub_client = WsClientBuilder::default().build(&url).await.unwrap();
	let mut subscriptions = Vec::new();
	for i in 0..MAX_SUBSCRIPTIONS + 4 {
		let response = sub_client
			.subscribe::<Value, _>(
				"chain_subscribeNewHeads",
				rpc_params![],
				"chain_unsubscribeNewHeads",
			)
			.await
			.map_err(error_text);
		match response {
			Ok(sub) => {
				subscriptions.push(sub);
				report.check("subscriptions", "subscription", &Ok(json!(i)), &[], |_| true);
			}
			Err(e) => report.refused("subscriptions", "subscription", &Err(e), &["subscriptions"]),
		}
	}
	drop(subscriptions);
	drop(sub_client);

	// 13. More connections than --rpc-max-connections (the test's own client holds one).
	let attempts = (0..MAX_CONNECTIONS + 8).map(|_| WsClientBuilder::default().build(&url));
	let connections = futures::future::join_all(attempts).await;
	for c in &connections {
		let response = c.as_ref().map(|_| json!("connected")).map_err(|e| e.to_string());
		report.check(
			"connections",
			"WebSocket connection",
			&response,
			&["429", "too many"],
			|_| true,
		);
	}
	drop(connections);

	// 14. Stale nonce: once Alice's first transaction is on chain, nonce 0 again.
	let deadline = Instant::now() + Duration::from_secs(60);
	while onchain_nonce(&client, &alice_id).await == 0 {
		assert!(Instant::now() < deadline, "Alice's first transaction was not included");
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	let stale = sign(&alice, 0, remark(16), facts);
	let response = submit(&client, &stale).await;
	report.refused("nonce", "stale nonce 0", &response, &["outdated", "stale"]);

	// 15. More transactions than the pool holds: 400 transfers from 8 accounts, each
	// account's in nonce order on its own connection, the accounts in parallel, watched
	// as a wallet does. Each is refused, dropped by the pool, or included. They are sent
	// right after a block is imported, so that no block empties the pool meanwhile.
	let sink: AccountId =
		sr25519::Pair::from_string("//CoopHostile//sink", None).unwrap().public().into();
	let senders = [Charlie, Dave, Eve, Ferdie, AliceStash, BobStash, CharlieStash, DaveStash];
	let mut streams = Vec::new();
	for sender in senders {
		let pair = sender.pair();
		let first = next_nonce(&client, &sender.to_account_id()).await;
		let xts: Vec<Vec<u8>> = (0..50)
			.map(|i| {
				let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: sink.clone().into(),
					value: UNIT,
				});
				sign(&pair, first + i, call, facts)
			})
			.collect();
		streams.push(xts);
	}
	let mut wallets = Vec::new();
	for _ in &streams {
		wallets.push(WsClientBuilder::default().build(&url).await.unwrap());
	}
	let mut heads = client
		.subscribe::<Value, _>(
			"chain_subscribeNewHeads",
			rpc_params![],
			"chain_unsubscribeNewHeads",
		)
		.await
		.unwrap();
	tokio::time::timeout(Duration::from_secs(30), heads.next()).await.unwrap();
	let flood_started = Instant::now();
	// Time enough for every ready transfer to be included (two 6 s blocks and then some).
	let deadline = flood_started + Duration::from_secs(25);
	let submitted = std::sync::Mutex::new(None);
	let flood = futures::future::join_all(streams.iter().zip(&wallets).map(|(xts, client)| {
		let submitted = &submitted;
		async move {
			let mut watches = Vec::new();
			for xt in xts {
				let watch = client
					.subscribe::<Value, _>(
						"author_submitAndWatchExtrinsic",
						rpc_params![hex(xt)],
						"author_unwatchExtrinsic",
					)
					.await
					.map_err(error_text);
				watches.push(watch);
			}
			*submitted.lock().unwrap() = Some(flood_started.elapsed());
			let mut fates = Vec::new();
			for watch in watches {
				fates.push(match watch {
					Err(e) => Err(e),
					Ok(mut watch) => fate(&mut watch, deadline).await,
				});
			}
			fates
		}
	}))
	.await;
	let fates: Vec<_> = flood.iter().flatten().collect();
	let included = fates.iter().filter(|f| matches!(f, Ok(v) if v == "included")).count();
	let future = fates.iter().filter(|f| matches!(f, Ok(v) if v == "future")).count();
	let dropped = fates.iter().filter(|f| matches!(f, Err(e) if e.starts_with("watch:"))).count();
	let flood_line = format!(
		"pool flood: {included} included, {future} left in the future queue (a dropped \
		 predecessor), {dropped} dropped after admission, {} refused at submission; all \
		 submitted in {:?}",
		fates.len() - included - future - dropped,
		submitted.lock().unwrap().unwrap_or_default(),
	);
	drop((heads, wallets));
	for fate in fates {
		report.check(
			"pool flood",
			"transfer",
			fate,
			&["immediately dropped", "priority is too low", "limit", "dropped"],
			|v| v == "included" || v == "future",
		);
	}

	// The node survived all of it: still running, still finalizing, memory bounded, and
	// the future-nonce transaction was never included.
	assert!(node.is_running(), "coop-node died:\n{}", node.log_tail());
	let now = finalized_number(&client).await;
	let finalized_after = wait_finalized(&client, now + 2, Duration::from_secs(60)).await;
	assert_eq!(onchain_nonce(&client, &bob_id).await, bob_nonce, "the nonce-gap transaction ran");
	assert_eq!(free_balance(&client, &bob_id, None).await, bob_balance);
	assert!(node.is_running(), "coop-node died:\n{}", node.log_tail());
	let rss_after = rss_mib(pid, "VmRSS:");
	let rss_peak = rss_mib(pid, "VmHWM:");
	let log = std::fs::read_to_string(&node.log).unwrap_or_default();
	let runtime_panics = log.matches("panicked at").count();

	for (category, tally) in &report.tallies {
		if !tally.samples.is_empty() {
			println!("  {category}: e.g. {}", tally.samples.join(" | "));
		}
	}
	let counts: Vec<String> = report
		.tallies
		.iter()
		.map(|(category, t)| match t.answered {
			0 => format!("{category} {}/{} refused", t.refused, t.sent),
			n => format!("{category} {}/{} refused ({n} answered)", t.refused, t.sent),
		})
		.collect();
	println!(
		"hostile rpc: {}; rss before {rss_before} MiB after {rss_after} MiB (peak {rss_peak} MiB); \
		 finalized #{finalized_before} -> #{finalized_after}; node log: {runtime_panics} runtime \
		 panics; {} problems; {:.0} s",
		counts.join(", "),
		report.problems.len(),
		started.elapsed().as_secs_f64()
	);
	println!("  {flood_line}");
	for problem in &report.problems {
		println!("PROBLEM {problem}");
	}

	let tally = |c: &str| &report.tallies.iter().find(|(name, _)| *name == c).unwrap().1;
	assert!(tally("pool flood").refused > 0, "{POOL_LIMIT}-transaction pool took all 400");
	assert!(included > 0, "none of 400 valid transfers was included");
	assert!(tally("subscriptions").refused >= 4, "the subscription limit was not enforced");
	assert!(tally("connections").refused >= 8, "the connection limit was not enforced");
	assert!(rss_after < RSS_BOUND_MIB, "coop-node RSS {rss_after} MiB >= {RSS_BOUND_MIB} MiB");
	assert!(
		report.problems.is_empty(),
		"{} hostile requests were not refused cleanly:\n{}",
		report.problems.len(),
		report.problems.join("\n")
	);
}
