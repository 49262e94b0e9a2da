//! The README's path for a federation starting its own network, run on loopback
//! (issue #12): fresh keys from `coop-node key`, a config file, `coop-node
//! live-spec --raw`, keys inserted into each validator's keystore, four
//! validators started from the raw spec. They must author and finalize with no
//! development key anywhere; a config naming a development key is refused.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod common;

use common::{free_port, header_number, log_tail};
use jsonrpsee::{core::client::ClientT, http_client::HttpClientBuilder, rpc_params};
use serde_json::{json, Value};
use std::{
	path::{Path, PathBuf},
	process::{Child, Command, Output, Stdio},
	time::{Duration, Instant},
};

fn node() -> std::path::PathBuf {
	coop_e2e::node_binary()
}

fn coop_node(args: &[&str]) -> Output {
	let out = Command::new(node()).args(args).output().expect("coop-node runs");
	assert!(
		out.status.success(),
		"coop-node {args:?} failed:\n{}",
		String::from_utf8_lossy(&out.stderr)
	);
	out
}

/// `coop-node key inspect` of `suri` in `scheme`: its SS58 public key.
fn public(suri: &str, scheme: &str) -> String {
	let out = coop_node(&["key", "inspect", "--scheme", scheme, "--output-type", "json", suri]);
	let info: Value = serde_json::from_slice(&out.stdout).unwrap();
	info["ss58PublicKey"].as_str().unwrap().to_string()
}

/// A new secret phrase from `coop-node key generate`.
fn new_phrase() -> String {
	let out = coop_node(&["key", "generate", "--output-type", "json"]);
	let info: Value = serde_json::from_slice(&out.stdout).unwrap();
	info["secretPhrase"].as_str().unwrap().to_string()
}

/// One validator operator: a phrase for its account and session keys, a node key.
struct Operator {
	phrase: String,
	account: String,
	base: PathBuf,
	node_key_file: PathBuf,
	peer_id: String,
	p2p_port: u16,
	rpc_port: u16,
	child: Option<Child>,
	log: PathBuf,
}

impl Drop for Operator {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

fn operator(dir: &Path, n: usize) -> Operator {
	let phrase = new_phrase();
	let account = public(&phrase, "sr25519");
	let base = dir.join(format!("validator-{n}"));
	let node_key_file = dir.join(format!("node-key-{n}"));
	let out = coop_node(&["key", "generate-node-key", "--file", node_key_file.to_str().unwrap()]);
	// The peer id is printed on stderr.
	let peer_id = String::from_utf8_lossy(&out.stderr).trim().to_string();
	Operator {
		phrase,
		account,
		base,
		node_key_file,
		peer_id,
		p2p_port: free_port(),
		rpc_port: free_port(),
		child: None,
		log: dir.join(format!("validator-{n}.log")),
	}
}

async fn finalized(rpc_port: u16) -> Option<u32> {
	let client = HttpClientBuilder::default().build(format!("http://127.0.0.1:{rpc_port}")).ok()?;
	let hash: String = client.request("chain_getFinalizedHead", rpc_params![]).await.ok()?;
	let header: Value = client.request("chain_getHeader", rpc_params![hash]).await.ok()?;
	header_number(&header).ok()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_federation_starts_its_live_network_from_a_config_file() {
	let started = Instant::now();
	let dir = tempfile_dir();
	let mut ops: Vec<Operator> = (0..4).map(|n| operator(&dir, n)).collect();
	let boot = format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", ops[0].p2p_port, ops[0].peer_id);

	// The config the founders write: two co-ops, each running two validators whose
	// operators' accounts are the co-ops' admins and members.
	let validators: Vec<Value> = ops
		.iter()
		.enumerate()
		.map(|(n, op)| {
			json!({
				"account": op.account,
				"coop": n / 2,
				"aura": public(&format!("{}//aura", op.phrase), "sr25519"),
				"grandpa": public(&format!("{}//grandpa", op.phrase), "ed25519"),
			})
		})
		.collect();
	let config = json!({
		"name": "Loopback Federation",
		"id": "loopback_federation",
		"protocolId": "loopfed",
		"bootNodes": [boot],
		"genesis": {
			"coops": [
				{ "name": "North Co-op", "admins": [ops[0].account], "members": [ops[1].account] },
				{ "name": "South Co-op", "admins": [ops[2].account], "members": [ops[3].account] },
			],
			"attesters": [["LegalEntity", ops[0].account], ["LegalEntity", ops[2].account]],
			"validators": validators,
			"endowments": ops.iter().map(|op| json!([op.account, "1000000000000000"])).collect::<Vec<_>>(),
			"sessionLength": 50,
		},
	});
	let config_file = dir.join("network.json");
	std::fs::write(&config_file, serde_json::to_string_pretty(&config).unwrap()).unwrap();

	// The raw chain spec every node starts from.
	let out = coop_node(&["live-spec", "--config", config_file.to_str().unwrap(), "--raw"]);
	let spec_file = dir.join("chain-raw.json");
	std::fs::write(&spec_file, &out.stdout).unwrap();
	let spec: Value = serde_json::from_slice(&out.stdout).unwrap();
	assert_eq!(spec["chainType"], "Live");
	assert_eq!(spec["protocolId"], "loopfed");
	assert_eq!(spec["bootNodes"], json!([boot]));
	assert!(spec["genesis"]["raw"]["top"].as_object().unwrap().len() > 10);
	let plain: Value = serde_json::from_slice(
		&coop_node(&["live-spec", "--config", config_file.to_str().unwrap()]).stdout,
	)
	.unwrap();
	let text = plain.to_string();
	for dev in coop_runtime::live_network::dev_public_keys() {
		let hex = hex_of(&dev);
		assert!(!text.contains(&hex[2..]), "a development key {hex} is in the live spec");
	}
	assert_eq!(plain["genesis"]["runtimeGenesis"]["config"]["sudo"]["key"], Value::Null);

	// Each operator puts its session keys into its node's keystore and starts it.
	let spec_path = spec_file.to_str().unwrap();
	for op in ops.iter_mut() {
		let base = op.base.to_str().unwrap().to_string();
		for (scheme, kind, key_type) in
			[("sr25519", "aura", "aura"), ("ed25519", "grandpa", "gran")]
		{
			let suri = format!("{}//{kind}", op.phrase);
			coop_node(&[
				"key",
				"insert",
				"--base-path",
				&base,
				"--chain",
				spec_path,
				"--scheme",
				scheme,
				"--suri",
				&suri,
				"--key-type",
				key_type,
			]);
		}
		let log = std::fs::File::create(&op.log).unwrap();
		op.child = Some(
			Command::new(node())
				.args([
					"--chain",
					spec_path,
					"--validator",
					"--base-path",
					&base,
					"--node-key-file",
					op.node_key_file.to_str().unwrap(),
					"--listen-addr",
					&format!("/ip4/127.0.0.1/tcp/{}", op.p2p_port),
					"--rpc-port",
					&op.rpc_port.to_string(),
					"--bootnodes",
					&boot,
					"--no-mdns",
					"--no-telemetry",
					"--no-prometheus",
				])
				.stdout(Stdio::null())
				.stderr(log)
				.spawn()
				.unwrap(),
		);
	}

	// All four author and finalize together.
	let deadline = Instant::now() + Duration::from_secs(180);
	for op in &ops {
		loop {
			if finalized(op.rpc_port).await.is_some_and(|n| n >= 4) {
				break;
			}
			assert!(
				Instant::now() < deadline,
				"{} not finalizing:\n{}",
				op.account,
				log_tail(&op.log)
			);
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
	}
	let authors = ops
		.iter()
		.filter(|op| std::fs::read_to_string(&op.log).unwrap().contains("Pre-sealed block"))
		.count();
	assert!(authors >= 2, "only {authors} of 4 validators authored");
	let client = HttpClientBuilder::default()
		.build(format!("http://127.0.0.1:{}", ops[0].rpc_port))
		.unwrap();
	let chain_type: Value = client.request("system_chainType", rpc_params![]).await.unwrap();
	assert_eq!(chain_type, json!("Live"));
	eprintln!("LIVE-NETWORK four validators finalizing after {} s", started.elapsed().as_secs());

	// A config naming a development key is refused, with the account named.
	let mut bad = config.clone();
	bad["genesis"]["validators"][0]["aura"] = json!(public("//Alice", "sr25519"));
	let bad_file = dir.join("bad.json");
	std::fs::write(&bad_file, bad.to_string()).unwrap();
	let out = Command::new(node())
		.args(["live-spec", "--config", bad_file.to_str().unwrap()])
		.output()
		.unwrap();
	assert!(!out.status.success());
	let error = String::from_utf8_lossy(&out.stderr);
	assert!(error.contains("development session key"), "{error}");
	drop(ops);
	let _ = std::fs::remove_dir_all(&dir);
}

fn hex_of(bytes: &[u8]) -> String {
	common::to_hex(bytes)
}

/// A fresh directory under the system's temporary directory.
fn tempfile_dir() -> PathBuf {
	let dir =
		std::env::temp_dir().join(format!("coop-live-{}-{}", std::process::id(), free_port()));
	std::fs::create_dir_all(&dir).unwrap();
	dir
}
