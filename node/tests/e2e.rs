//! End-to-end tests: real `coop-node` processes on loopback, driven over JSON-RPC.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

mod common;

use common::*;
use coop_runtime::{AccountId, RuntimeCall, UNIT};
use jsonrpsee::{core::client::ClientT, rpc_params};
use sp_core::{crypto::Pair as _, sr25519};
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

/// A dev node finalizes blocks, accepts a wallet's signed transfer, and rejects
/// garbage and unpayable extrinsics with clear errors while it keeps finalizing.
#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_transfer_and_clear_errors() {
	let node = Node::start("dev", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;

	// A signed balance transfer, built and signed like a wallet does.
	let alice = Sr25519Keyring::Alice.pair();
	let dest = sr25519::Pair::from_string("//CoopE2E//dest", None).unwrap();
	let dest_id: AccountId = dest.public().into();
	let amount = 5 * UNIT;
	assert_eq!(free_balance(&client, &dest_id, None).await, 0);
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dest_id.clone().into(),
		value: amount,
	});
	let xt = signed_extrinsic(&client, &alice, call).await;
	let finalized = submit_and_finalize(&client, &xt)
		.await
		.unwrap_or_else(|e| panic!("transfer failed: {e}\n{}", node.log_tail()));
	assert_eq!(free_balance(&client, &dest_id, Some(finalized)).await, amount);

	// Garbage bytes: the pool refuses to decode them.
	let err = client
		.request::<String, _>("author_submitExtrinsic", rpc_params!["0xdeadbeef"])
		.await
		.expect_err("garbage is rejected");
	let text = err.to_string();
	assert!(text.contains("decode") || text.contains("Decode"), "unclear error: {text}");

	// An account with no funds cannot pay the fee.
	let pauper = sr25519::Pair::from_string("//CoopE2E//pauper", None).unwrap();
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: dest_id.into(),
		value: UNIT,
	});
	let xt = signed_extrinsic(&client, &pauper, call).await;
	let err = client
		.request::<String, _>("author_submitExtrinsic", rpc_params![to_hex(&xt)])
		.await
		.expect_err("unpayable extrinsic is rejected");
	let text = err.to_string();
	assert!(text.contains("Inability to pay some fees"), "unclear error: {text}");

	// The node is unharmed: finality keeps moving.
	let before = finalized_number(&client).await;
	wait_finalized(&client, before + 2, Duration::from_secs(60)).await;
}

/// Three validators of the `local` chain, on loopback, finalize blocks together.
#[tokio::test(flavor = "multi_thread")]
async fn local_chain_three_validators_finalize() {
	let alice = Node::start("local-alice", &["--chain", "local", "--alice"]);
	let alice_client = alice.client().await;
	let peer_id: String = alice_client.request("system_localPeerId", rpc_params![]).await.unwrap();
	let boot = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", alice.p2p_port);
	let bob = Node::start("local-bob", &["--chain", "local", "--bob", "--bootnodes", &boot]);
	let charlie =
		Node::start("local-charlie", &["--chain", "local", "--charlie", "--bootnodes", &boot]);

	let bob_client = bob.client().await;
	let charlie_client = charlie.client().await;
	for (name, client, node) in [
		("alice", &alice_client, &alice),
		("bob", &bob_client, &bob),
		("charlie", &charlie_client, &charlie),
	] {
		let deadline = std::time::Instant::now() + Duration::from_secs(150);
		loop {
			let n = finalized_number(client).await;
			if n >= 3 {
				break;
			}
			assert!(
				std::time::Instant::now() < deadline,
				"{name} finalized only #{n}\n{}",
				node.log_tail()
			);
			tokio::time::sleep(Duration::from_secs(1)).await;
		}
	}
	let peers: serde_json::Value =
		alice_client.request("system_health", rpc_params![]).await.unwrap();
	assert!(peers["peers"].as_u64().unwrap() >= 2, "alice sees {peers}");
}
