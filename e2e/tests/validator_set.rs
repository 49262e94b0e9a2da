//! A validator co-op admitted and removed by vote on a real five-node `local`
//! network (issue #12). Alice, Bob, Charlie and Dave validate from genesis; Eve's
//! node runs with `--validator` but no keys. Eve, Gamma's admin, generates session
//! keys on her node (`author_rotateKeysWithOwner`), registers her validator and
//! sets its keys; the federation admits it on the Membership track; Eve's node
//! authors blocks after the next session change; the federation removes it and
//! Eve's node stops authoring. GRANDPA keeps finalizing across both set changes.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod common;

use codec::Decode;
use common::*;
use coop_runtime::{configs::coop::tracks, AccountId, RuntimeCall};
use futures::future::join_all;
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use pallet_coop_governance::{ProposalAction, Vote};
use serde_json::Value;
use sp_keyring::Sr25519Keyring::*;
use std::time::{Duration, Instant};

fn node_key(n: u8) -> String {
	format!("{:064x}", n)
}

/// The session pallet's current validators, read from storage at the best block.
async fn session_validators(client: &WsClient) -> Vec<AccountId> {
	let key =
		[sp_io::hashing::twox_128(b"Session"), sp_io::hashing::twox_128(b"Validators")].concat();
	let raw: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(&key)]).await.unwrap();
	Vec::<AccountId>::decode(&mut &from_hex(&raw.unwrap_or_default())[..]).unwrap_or_default()
}

/// Blocks `node` authored so far, counted from its log.
fn authored(node: &Node) -> usize {
	let text = std::fs::read_to_string(&node.log).unwrap_or_default();
	text.lines().filter(|l| l.contains("Pre-sealed block for proposal")).count()
}

/// Proposes `call` on the Membership track; every founding member votes aye (in
/// parallel) and Ferdie closes it. Returns the block its enactment is due.
async fn pass_on_membership_track(client: &WsClient, id: u32, call: RuntimeCall) -> u32 {
	let propose = RuntimeCall::Governance(pallet_coop_governance::Call::propose {
		track: tracks::MEMBERSHIP,
		action: Box::new(ProposalAction::Call(Box::new(call))),
	});
	submit_ok(client, &Bob.pair(), propose).await;
	let votes = [Alice, Bob, Charlie, Dave, Eve, Ferdie].map(|k| {
		let call =
			RuntimeCall::Governance(pallet_coop_governance::Call::vote { id, vote: Vote::Aye });
		async move { submit_ok(client, &k.pair(), call).await }
	});
	join_all(votes).await;
	// Everyone voted, so it closes before its deadline.
	let close = RuntimeCall::Governance(pallet_coop_governance::Call::close {
		id,
		weight_bound: frame_support::weights::Weight::from_parts(10_000_000_000, 1_000_000),
	});
	let closed_in = submit_ok(client, &Ferdie.pair(), close).await;
	let decision = rpc(client, "coop_decision", rpc_params![id, &closed_in]).await;
	assert_eq!(decision["outcome"], serde_json::json!("Approved"), "{decision}");
	decision["enactAt"].as_u64().expect("enactment scheduled") as u32
}

/// Waits until `check` holds, polling every second.
async fn wait_for<F: std::future::Future<Output = bool>>(
	what: &str,
	within: Duration,
	logs: &[&Node],
	mut check: impl FnMut() -> F,
) {
	let deadline = Instant::now() + within;
	while !check().await {
		if Instant::now() > deadline {
			let tails: Vec<String> = logs.iter().map(|n| n.log_tail()).collect();
			panic!("timed out waiting for {what}\n{}", tails.join("\n-----\n"));
		}
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
}

#[tokio::test(flavor = "multi_thread")]
async fn a_validator_coop_is_admitted_and_removed_by_vote() {
	let started = Instant::now();
	let mut alice =
		Node::start("vset-alice", &["--chain", "local", "--alice", "--node-key", &node_key(1)]);
	let client = alice.client().await;
	let peer_id: String = client.request("system_localPeerId", rpc_params![]).await.unwrap();
	let boot = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", alice.p2p_port);
	let mut nodes = Vec::new();
	for (n, flag) in [(2u8, "--bob"), (3, "--charlie"), (4, "--dave")] {
		let key = node_key(n);
		let args = ["--chain", "local", flag, "--node-key", &key, "--bootnodes", &boot];
		nodes.push(Node::start(&format!("vset{flag}"), &args));
	}
	// Eve's node: a validator without keys yet, as a new co-op's operator starts it.
	let key = node_key(5);
	let mut eve = Node::start(
		"vset-eve",
		&[
			"--chain",
			"local",
			"--validator",
			"--name",
			"eve",
			"--node-key",
			&key,
			"--bootnodes",
			&boot,
		],
	);
	let eve_client = eve.client().await;
	wait_finalized(&client, 2, Duration::from_secs(120)).await;
	assert_eq!(session_validators(&client).await.len(), 4);

	// 1. Eve's node makes session keys, with a proof that Eve's account holds them.
	let eve_account: AccountId = Eve.to_account_id();
	let owner = to_hex(&codec::Encode::encode(&eve_account));
	let generated: Value = eve_client
		.request("author_rotateKeysWithOwner", rpc_params![owner])
		.await
		.expect("rotate keys on Eve's node");
	let keys =
		coop_runtime::SessionKeys::decode(&mut &from_hex(generated["keys"].as_str().unwrap())[..])
			.unwrap();
	let proof = from_hex(generated["proof"].as_str().unwrap());

	// 2. Eve, Gamma's admin, registers her validator and sets its keys, in one batch.
	let register = RuntimeCall::CoopValidators(pallet_coop_validators::Call::register {
		validator: eve_account.clone().into(),
	});
	let set_keys = RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof });
	let batch =
		RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![register, set_keys] });
	submit_ok(&client, &Eve.pair(), batch).await;

	// 3. The federation admits it by vote.
	let admit = RuntimeCall::CoopValidators(pallet_coop_validators::Call::admit {
		validator: eve_account.clone().into(),
	});
	let enact_at = pass_on_membership_track(&client, 0, admit).await;
	wait_finalized(&client, enact_at, Duration::from_secs(60)).await;
	let admitted_at = Instant::now();

	// 4. After the next session change it is in the set, and Eve's node authors.
	wait_for("Eve in the session's validators", Duration::from_secs(200), &[&eve], || async {
		session_validators(&client).await.contains(&eve_account)
	})
	.await;
	wait_for("a block authored by Eve's node", Duration::from_secs(90), &[&eve], || async {
		authored(&eve) > 0
	})
	.await;
	let admitted_secs = admitted_at.elapsed().as_secs();
	// GRANDPA moved to the five-validator set and finalizes with it.
	let best = finalized_number(&client).await;
	wait_finalized(&client, best + 3, Duration::from_secs(90)).await;
	let round = rpc(&client, "grandpa_roundState", rpc_params![]).await;
	assert_eq!(round["best"]["totalWeight"], 5, "{round}");
	assert!(round["setId"].as_u64().unwrap() >= 1, "{round}");

	// 5. The federation removes it; it leaves the set and Eve's node stops authoring.
	let remove = RuntimeCall::CoopValidators(pallet_coop_validators::Call::remove {
		validator: eve_account.clone().into(),
		slash_deposit: false,
	});
	let enact_at = pass_on_membership_track(&client, 1, remove).await;
	wait_finalized(&client, enact_at, Duration::from_secs(60)).await;
	let removed_at = Instant::now();
	wait_for("Eve out of the session's validators", Duration::from_secs(200), &[&eve], || async {
		!session_validators(&client).await.contains(&eve_account)
	})
	.await;
	let removed_secs = removed_at.elapsed().as_secs();
	let before = authored(&eve);
	let best = finalized_number(&client).await;
	// Six more blocks (a full round of Aura's five-validator slots and more), all
	// finalized by the four: none by Eve.
	wait_finalized(&client, best + 6, Duration::from_secs(90)).await;
	assert_eq!(authored(&eve), before, "Eve's node still authors:\n{}", eve.log_tail());
	let round = rpc(&client, "grandpa_roundState", rpc_params![]).await;
	assert_eq!(round["best"]["totalWeight"], 4, "{round}");
	for node in nodes.iter_mut().chain([&mut eve]) {
		assert!(node.is_running(), "a node exited:\n{}", node.log_tail());
	}
	eprintln!(
		"VALIDATOR-SET admitted→in set+authoring {admitted_secs} s, removed→out of set \
		 {removed_secs} s, total {} s",
		started.elapsed().as_secs()
	);
	snapshot(&client, "validator_set").await;
}
