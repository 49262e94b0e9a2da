//! `docs/rpc.md` stays true: every `coop_*` method the node serves is documented,
//! and each documented request, sent to a real dev node, answers with exactly the
//! documented response's shape (the same fields, nesting and JSON types; list
//! lengths included). `UPDATE_RPC_DOCS=1` rewrites the documented responses with
//! the node's.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

mod common;

use common::*;
use coop_runtime::{configs::coop::tracks, RuntimeCall, UNIT};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;
use sp_keyring::Sr25519Keyring::{self, *};
use std::{path::PathBuf, time::Duration};

fn doc_path() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/rpc.md")
}

/// The documented exchanges: each `json request` block and the `json response`
/// block after it, with the byte range of the response's body in the document.
fn exchanges(doc: &str) -> Vec<(Value, std::ops::Range<usize>)> {
	let mut out = Vec::new();
	let mut rest = 0;
	while let Some(start) = doc[rest..].find("```json request\n") {
		let body = rest + start + "```json request\n".len();
		let end = body + doc[body..].find("```").expect("request block ends");
		let request: Value = serde_json::from_str(&doc[body..end])
			.unwrap_or_else(|e| panic!("request at byte {body} is not JSON: {e}"));
		let resp = end
			+ doc[end..].find("```json response\n").expect("a response follows")
			+ "```json response\n".len();
		let resp_end = resp + doc[resp..].find("```").expect("response block ends");
		out.push((request, resp..resp_end));
		rest = resp_end;
	}
	out
}

/// Whether `real` has `doc`'s shape; the first difference otherwise.
fn same_shape(doc: &Value, real: &Value, path: &str) -> Result<(), String> {
	match (doc, real) {
		(Value::Null, Value::Null)
		| (Value::Bool(_), Value::Bool(_))
		| (Value::Number(_), Value::Number(_))
		| (Value::String(_), Value::String(_)) => Ok(()),
		(Value::Array(d), Value::Array(r)) if d.len() == r.len() => d
			.iter()
			.zip(r)
			.enumerate()
			.try_for_each(|(i, (d, r))| same_shape(d, r, &format!("{path}[{i}]"))),
		(Value::Object(d), Value::Object(r)) => {
			let (dk, rk): (Vec<_>, Vec<_>) = (d.keys().collect(), r.keys().collect());
			if dk != rk {
				return Err(format!("{path}: documented fields {dk:?}, served {rk:?}"));
			}
			d.iter().try_for_each(|(k, d)| same_shape(d, &r[k], &format!("{path}.{k}")))
		}
		_ => Err(format!("{path}: documented {doc}, served {real}")),
	}
}

/// A chain with something to show for every method: an admitted co-op with a
/// non-ASCII name, a decision, an open proposal, a passport and its attestation,
/// and a bounty with work submitted.
async fn populate(client: &jsonrpsee::ws_client::WsClient) {
	use futures::future::join_all;
	use pallet_coop_governance::{ProposalAction, Vote};

	let one = Sr25519Keyring::One.pair();
	let apply = RuntimeCall::Membership(pallet_coop_membership::Call::apply_coop {
		name: "Coöperativa Delta Ñandú 🐝".as_bytes().to_vec().try_into().unwrap(),
		metadata: sp_core::H256::repeat_byte(0xde),
	});
	submit_ok(client, &one, apply).await;
	let admit = RuntimeCall::Membership(pallet_coop_membership::Call::admit_coop { coop: 3 });
	let propose = |action| {
		RuntimeCall::Governance(pallet_coop_governance::Call::propose {
			track: tracks::MEMBERSHIP,
			action: Box::new(action),
		})
	};
	submit_ok(client, &Bob.pair(), propose(ProposalAction::Call(Box::new(admit)))).await;
	let votes = [Alice, Bob, Charlie, Dave, Eve, Ferdie].map(|k| {
		let call =
			RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote: Vote::Aye });
		async move { submit_ok(client, &k.pair(), call).await }
	});
	join_all(votes).await;
	let close = RuntimeCall::Governance(pallet_coop_governance::Call::close {
		id: 0,
		weight_bound: frame_support::weights::Weight::from_parts(10_000_000_000, 1_000_000),
	});
	submit_ok(client, &Two.pair(), close).await;
	let signal = RuntimeCall::Governance(pallet_coop_governance::Call::propose {
		track: tracks::ORDINARY,
		action: Box::new(ProposalAction::Signal(sp_core::H256::repeat_byte(0x51))),
	});
	submit_ok(client, &Alice.pair(), signal).await;
	let vote =
		RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 1, vote: Vote::Aye });
	submit_ok(client, &Charlie.pair(), vote).await;

	let passport = RuntimeCall::Passport(pallet_coop_passport::Call::set_passport {
		jurisdiction: *b"ES",
		legal_form: "Cooperativa de trabajo asociado".as_bytes().to_vec().try_into().unwrap(),
		registration_hash: sp_core::H256::repeat_byte(1),
		documents_hash: sp_core::H256::repeat_byte(2),
	});
	submit_ok(client, &Eve.pair(), passport).await;
	let attest = RuntimeCall::Passport(pallet_coop_passport::Call::attest {
		subject: pallet_coop_passport::Subject::Coop(2),
		kind: coop_runtime::genesis_config_presets::claims::LEGAL_ENTITY,
		evidence: sp_core::H256::repeat_byte(0xe),
		valid_until: 10_000,
	});
	submit_ok(client, &Alice.pair(), attest).await;

	let terms = pallet_coop_bounties::BountyTerms {
		spec_hash: sp_core::H256::repeat_byte(0x5e),
		spec_url: b"https://example.org/specs/messaging".to_vec().try_into().unwrap(),
		reward: 10_000 * UNIT + 4,
		milestones: Default::default(),
		reviewers: vec![Bob.to_account_id(), Eve.to_account_id()].try_into().unwrap(),
		approvals_needed: 2,
		claim_period: 1_000,
		hours: Some(40),
	};
	let create = RuntimeCall::Bounties(pallet_coop_bounties::Call::create_bounty {
		from_coop: false,
		terms,
	});
	submit_ok(client, &Charlie.pair(), create).await;
	let claim = RuntimeCall::Bounties(pallet_coop_bounties::Call::claim {
		id: 0,
		pay_to: pallet_coop_bounties::PayTo::Coop,
		shares: None,
	});
	submit_ok(client, &Dave.pair(), claim).await;
	let submit = RuntimeCall::Bounties(pallet_coop_bounties::Call::submit_work {
		id: 0,
		milestone: None,
		repo: b"https://git.example.org/coop/messaging".to_vec().try_into().unwrap(),
		commit: [0xc0; 20],
		tag: Some(b"v1.0.0".to_vec().try_into().unwrap()),
	});
	submit_ok(client, &Dave.pair(), submit).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn rpc_docs_match_a_real_node() {
	let mut node = Node::start("rpc-docs", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;
	populate(&client).await;

	let path = doc_path();
	let mut doc = std::fs::read_to_string(&path).expect("docs/rpc.md exists");
	let update = std::env::var_os("UPDATE_RPC_DOCS").is_some();

	let methods = rpc(&client, "rpc_methods", rpc_params![]).await;
	let served: Vec<&str> = methods["methods"]
		.as_array()
		.unwrap()
		.iter()
		.filter_map(Value::as_str)
		.filter(|m| m.starts_with("coop_"))
		.collect();
	let exchanges = exchanges(&doc);
	for method in &served {
		assert!(
			exchanges.iter().any(|(r, _)| r["method"] == *method),
			"{method} is served but not documented in docs/rpc.md"
		);
	}

	let mut problems = Vec::new();
	// Back to front, so that rewriting a response keeps the earlier ranges valid.
	for (request, range) in exchanges.into_iter().rev() {
		let method = request["method"].as_str().expect("a method").to_string();
		assert!(served.contains(&method.as_str()), "{method} is documented but not served");
		let params = request["params"].as_array().cloned().unwrap_or_default();
		let mut builder = jsonrpsee::core::params::ArrayParams::new();
		for p in params {
			builder.insert(p).unwrap();
		}
		let real: Value = client
			.request(&method, builder)
			.await
			.unwrap_or_else(|e| panic!("{method} {request}: {e}"));
		if update {
			let pretty = serde_json::to_string_pretty(&real).unwrap();
			doc.replace_range(range, &format!("{pretty}\n"));
			continue;
		}
		let documented: Value = serde_json::from_str(&doc[range])
			.unwrap_or_else(|e| panic!("{method}: documented response is not JSON: {e}"));
		if let Err(e) = same_shape(&documented, &real, &method) {
			problems.push(format!("{e}\n  served: {real}"));
		}
	}
	if update {
		std::fs::write(&path, doc).unwrap();
	}
	assert!(
		problems.is_empty(),
		"docs/rpc.md differs from the node (UPDATE_RPC_DOCS=1 regenerates the examples):\n{}",
		problems.join("\n")
	);
}

#[test]
fn a_changed_field_type_or_name_is_a_difference() {
	use serde_json::json;
	let doc = json!({"items": [{"reward": "1", "id": 0}], "next": null});
	assert!(
		same_shape(&doc, &json!({"items": [{"reward": "9", "id": 3}], "next": null}), "").is_ok()
	);
	assert!(
		same_shape(&doc, &json!({"items": [{"reward": 1, "id": 0}], "next": null}), "").is_err()
	);
	assert!(
		same_shape(&doc, &json!({"items": [{"rewardX": "1", "id": 0}], "next": null}), "").is_err()
	);
	assert!(same_shape(&doc, &json!({"items": [], "next": null}), "").is_err());
	assert!(same_shape(&doc, &json!({"items": [{"reward": "1", "id": 0}], "next": 4}), "").is_err());
}
