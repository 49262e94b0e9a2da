//! End-to-end tests: real `coop-node` processes on loopback, driven over JSON-RPC.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod common;

use common::*;
use coop_runtime::{AccountId, RuntimeCall, UNIT};
use jsonrpsee::{core::client::ClientT, rpc_params};
use sp_core::{crypto::Pair as _, sr25519};
use sp_keyring::Sr25519Keyring;
use std::time::Duration;

/// A co-op name outside ASCII: explorers must read it back exactly.
const DELTA: &str = "Coöperativa Delta Ñandú 🐝";
/// An omitted optional parameter before one that is given (`startAfter: null`).
const NONE: Option<u32> = None;

/// A dev node finalizes blocks, accepts a wallet's signed transfer, and rejects
/// garbage and unpayable extrinsics with clear errors while it keeps finalizing.
#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_transfer_and_clear_errors() {
	let mut node = Node::start("dev", &["--dev"]);
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

/// A fixed libp2p node key: validators of non-dev chains must be given one.
fn node_key(n: u8) -> String {
	format!("{:064x}", n)
}

/// Three validators of the `local` chain, on loopback, finalize blocks together.
#[tokio::test(flavor = "multi_thread")]
async fn local_chain_finalizes_with_three_of_four_validators() {
	let mut alice =
		Node::start("local-alice", &["--chain", "local", "--alice", "--node-key", &node_key(1)]);
	let alice_client = alice.client().await;
	let peer_id: String = alice_client.request("system_localPeerId", rpc_params![]).await.unwrap();
	let boot = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", alice.p2p_port);
	let mut bob = Node::start(
		"local-bob",
		&["--chain", "local", "--bob", "--node-key", &node_key(2), "--bootnodes", &boot],
	);
	let mut charlie = Node::start(
		"local-charlie",
		&["--chain", "local", "--charlie", "--node-key", &node_key(3), "--bootnodes", &boot],
	);

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

	// Operators see GRANDPA's rounds: four voters (Dave is not running), three needed.
	let round = rpc(&alice_client, "grandpa_roundState", rpc_params![]).await;
	assert_eq!(round["setId"], 0, "{round}");
	assert_eq!(round["best"]["totalWeight"], 4, "{round}");
	assert_eq!(round["best"]["thresholdWeight"], 3, "{round}");
	// Finality proofs cover blocks of past authority sets; with none yet, a clean error.
	let proof: Result<serde_json::Value, _> =
		alice_client.request("grandpa_proveFinality", rpc_params![1u32]).await;
	let error = proof.expect_err("no authority set change yet").to_string();
	assert!(error.contains("authority set"), "{error}");
}

/// Membership and governance end to end, as wallets and an explorer would use them:
/// a new co-op applies, the federation admits it by a vote on the Membership track
/// (closed early once every member voted), its admin adds three worker-members, and
/// everything reads back through the `coop_*` RPC methods.
#[tokio::test(flavor = "multi_thread")]
async fn federation_admits_a_coop_by_vote_and_rpc_reads_it_back() {
	use coop_runtime::configs::coop::tracks;
	use futures::future::join_all;
	use pallet_coop_governance::{ProposalAction, Vote};
	use serde_json::json;

	let mut node = Node::start("federation", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;

	// 1. A new tech co-op applies (its admin is the dev account `One`).
	let admin = Sr25519Keyring::One.pair();
	let apply = RuntimeCall::Membership(pallet_coop_membership::Call::apply_coop {
		name: DELTA.as_bytes().to_vec().try_into().unwrap(),
		metadata: sp_core::H256::repeat_byte(0xde),
	});
	let applied_in = submit_ok(&client, &admin, apply).await;
	let coop = rpc(&client, "coop_coop", rpc_params![3]).await;
	assert_eq!(coop["status"], json!("Applicant"), "{coop}");
	// Names are UTF-8 text, whatever the script.
	assert_eq!(coop["name"], json!(DELTA));

	// 2. A member proposes its admission on the Membership track ...
	let admit = RuntimeCall::Membership(pallet_coop_membership::Call::admit_coop { coop: 3 });
	let propose = RuntimeCall::Governance(pallet_coop_governance::Call::propose {
		track: tracks::MEMBERSHIP,
		action: Box::new(ProposalAction::Call(Box::new(admit))),
	});
	submit_ok(&client, &Sr25519Keyring::Bob.pair(), propose).await;
	let proposal = rpc(&client, "coop_proposal", rpc_params![0]).await;
	assert_eq!(proposal["eligibleMembers"], json!(6), "{proposal}");
	assert_eq!(proposal["eligibleCoops"], json!(3));

	// ... and every member of the three founding co-ops votes, in parallel.
	use Sr25519Keyring::*;
	let votes = [Alice, Bob, Charlie, Dave, Eve, Ferdie].map(|k| {
		let vote = if k == Ferdie { Vote::Nay } else { Vote::Aye };
		let call = RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote });
		let client = &client;
		async move { submit_ok(client, &k.pair(), call).await }
	});
	join_all(votes).await;
	let proposal = rpc(&client, "coop_proposal", rpc_params![0]).await;
	assert_eq!(proposal["members"], json!({"aye": 5, "nay": 1, "abstain": 0, "block": 0}));
	// Gamma's two members split 1-1: the co-op abstains.
	assert_eq!(proposal["coops"], json!({"aye": 2, "nay": 0, "abstain": 1, "block": 0}));

	// 3. Everyone voted, so anyone may close it now; the call is enacted after the
	// Membership track's enactment delay (2 blocks on the dev chain).
	let close = RuntimeCall::Governance(pallet_coop_governance::Call::close {
		id: 0,
		weight_bound: frame_support::weights::Weight::from_parts(10_000_000_000, 1_000_000),
	});
	let closed_in = submit_ok(&client, &Sr25519Keyring::Two.pair(), close).await;
	// Read at the block that closed it: later blocks may have enacted it already.
	let decision = rpc(&client, "coop_decision", rpc_params![0, &closed_in]).await;
	assert_eq!(decision["outcome"], json!("Approved"), "{decision}");
	assert_eq!(decision["enactment"], json!(null), "{decision}");
	let enact_at = decision["enactAt"].as_u64().expect("enactment scheduled") as u32;
	wait_finalized(&client, enact_at, Duration::from_secs(60)).await;
	let decision = rpc(&client, "coop_decision", rpc_params![0]).await;
	assert_eq!(decision["enactment"], json!("ok"), "{decision}");
	assert_eq!(decision["track"], json!(tracks::MEMBERSHIP));
	assert_eq!(decision["memberTurnoutPpb"], json!(1_000_000_000));
	let decisions = rpc(&client, "coop_decisions", rpc_params![NONE, 10]).await;
	assert_eq!(decisions["items"].as_array().unwrap().len(), 1, "{decisions}");
	assert_eq!(decisions["next"], json!(null));
	let open = rpc(&client, "coop_proposals", rpc_params![]).await;
	assert_eq!(open, json!({"items": [], "next": null}));

	// 4. Its admin invites three worker-members, who accept.
	for worker in [AliceStash, BobStash, CharlieStash] {
		let add = RuntimeCall::Membership(pallet_coop_membership::Call::add_member {
			who: worker.to_account_id().into(),
		});
		submit_ok(&client, &admin, add).await;
		let accept =
			RuntimeCall::Membership(pallet_coop_membership::Call::accept_invitation { coop: 3 });
		submit_ok(&client, &worker.pair(), accept).await;
	}

	// 5. An explorer reads it all back.
	let coop = rpc(&client, "coop_coop", rpc_params![3]).await;
	assert_eq!(coop["status"], json!("Active"), "{coop}");
	assert_eq!(coop["memberCount"], json!(4));
	assert_eq!(coop["admins"], json!([One.to_account_id().to_string()]));
	let coops = rpc(&client, "coop_coops", rpc_params!["Active"]).await;
	assert_eq!(coops["items"].as_array().unwrap().len(), 4, "{coops}");
	// History: at the block it applied in, Delta was an applicant.
	let then = rpc(&client, "coop_coop", rpc_params![3, &applied_in]).await;
	assert_eq!(then["status"], json!("Applicant"), "{then}");
	let applicants =
		rpc(&client, "coop_coops", rpc_params!["Applicant", NONE, 10, &applied_in]).await;
	assert_eq!(applicants["items"][0]["id"], json!(3), "{applicants}");
	let of = rpc(&client, "coop_coopOf", rpc_params![BobStash.to_account_id().to_string()]).await;
	assert_eq!(of["coop"], json!(3));
	assert_eq!(of["role"], json!("Member"));
	let members = rpc(&client, "coop_members", rpc_params![3]).await;
	assert_eq!(members["items"].as_array().unwrap().len(), 4, "{members}");
	// Page by page, one member at a time, with the cursors: the same four.
	let (mut paged, mut cursor) = (Vec::new(), json!(null));
	loop {
		let page = rpc(&client, "coop_members", rpc_params![3, &cursor, 1]).await;
		paged.extend(page["items"].as_array().unwrap().iter().map(|m| m["account"].clone()));
		cursor = page["next"].clone();
		if cursor.is_null() {
			break;
		}
	}
	assert_eq!(paged.len(), 4, "{paged:?}");
	for m in members["items"].as_array().unwrap() {
		assert!(paged.contains(&m["account"]), "{m} missing from the pages");
	}
	assert_eq!(
		rpc(&client, "coop_coopOf", rpc_params![Two.to_account_id().to_string()]).await,
		json!(null)
	);
	snapshot(&client, "federation_admission").await;
}

/// Co-op passport end to end: a co-op publishes its passport, two accredited
/// attesters attest `LegalEntity`, `coop_isVerified` says yes at k=2, one revokes
/// and it says no; a member whose KYC co-op A attested joins co-op B, whose policy
/// requires `MemberKyc`, without B checking again.
#[tokio::test(flavor = "multi_thread")]
async fn passport_attestations_and_member_policy_over_rpc() {
	use coop_runtime::genesis_config_presets::claims::{LEGAL_ENTITY, MEMBER_KYC};
	use futures::future::join;
	use pallet_coop_passport::{Policy, Subject};
	use serde_json::json;
	use Sr25519Keyring::*;

	let mut node = Node::start("passport", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;
	let gamma = json!({"coop": 2});

	// Gamma (admin Eve) publishes its passport.
	let set = RuntimeCall::Passport(pallet_coop_passport::Call::set_passport {
		jurisdiction: *b"ES",
		legal_form: b"Cooperativa de trabajo".to_vec().try_into().unwrap(),
		registration_hash: sp_core::H256::repeat_byte(1),
		documents_hash: sp_core::H256::repeat_byte(2),
	});
	submit_ok(&client, &Eve.pair(), set).await;
	let passport = rpc(&client, "coop_passport", rpc_params![2]).await;
	assert_eq!(passport["jurisdiction"], json!("ES"), "{passport}");
	assert_eq!(passport["version"], json!(1));

	// Alice (Alpha) and Charlie (Beta) attest Gamma's legal entity.
	let attest = RuntimeCall::Passport(pallet_coop_passport::Call::attest {
		subject: Subject::Coop(2),
		kind: LEGAL_ENTITY,
		evidence: sp_core::H256::repeat_byte(0xe),
		valid_until: 10_000,
	});
	join(
		submit_ok(&client, &Alice.pair(), attest.clone()),
		submit_ok(&client, &Charlie.pair(), attest),
	)
	.await;
	let verified =
		rpc(&client, "coop_isVerified", rpc_params![gamma.clone(), LEGAL_ENTITY, 2]).await;
	assert_eq!(verified, json!(true));
	let attestations = rpc(&client, "coop_attestations", rpc_params![gamma.clone()]).await;
	assert_eq!(attestations["items"].as_array().unwrap().len(), 2, "{attestations}");

	// Charlie revokes: no longer verified by two, still by one.
	let revoke = RuntimeCall::Passport(pallet_coop_passport::Call::revoke {
		subject: Subject::Coop(2),
		kind: LEGAL_ENTITY,
		reason: 2,
	});
	submit_ok(&client, &Charlie.pair(), revoke).await;
	assert_eq!(
		rpc(&client, "coop_isVerified", rpc_params![gamma.clone(), LEGAL_ENTITY, 2]).await,
		json!(false)
	);
	assert_eq!(
		rpc(&client, "coop_isVerified", rpc_params![gamma, LEGAL_ENTITY, 1]).await,
		json!(true)
	);

	// Beta (admin Charlie) requires MemberKyc of joining members; Alpha's admin Alice
	// checked the worker `Two` once and attested it.
	let policy = RuntimeCall::Passport(pallet_coop_passport::Call::set_member_policy {
		policy: Policy { kinds: vec![MEMBER_KYC].try_into().unwrap(), min_attesters: 1 },
	});
	let kyc = RuntimeCall::Passport(pallet_coop_passport::Call::attest {
		subject: Subject::Account(Two.to_account_id()),
		kind: MEMBER_KYC,
		evidence: sp_core::H256::repeat_byte(0xc),
		valid_until: 10_000,
	});
	join(submit_ok(&client, &Charlie.pair(), policy), submit_ok(&client, &Alice.pair(), kyc)).await;
	let two = json!({"account": Two.to_account_id().to_string()});
	assert_eq!(rpc(&client, "coop_isVerified", rpc_params![two, MEMBER_KYC, 1]).await, json!(true));

	// Beta adds `Two` without any check of its own ...
	let add = |who: Sr25519Keyring| {
		RuntimeCall::Membership(pallet_coop_membership::Call::add_member {
			who: who.to_account_id().into(),
		})
	};
	let accept =
		RuntimeCall::Membership(pallet_coop_membership::Call::accept_invitation { coop: 1 });
	submit_ok(&client, &Charlie.pair(), add(Two)).await;
	submit_ok(&client, &Two.pair(), accept.clone()).await;
	let of = rpc(&client, "coop_coopOf", rpc_params![Two.to_account_id().to_string()]).await;
	assert_eq!(of["coop"], json!(1), "{of}");

	// ... but an account nobody attested is refused when it accepts.
	submit_ok(&client, &Charlie.pair(), add(AliceStash)).await;
	let xt = signed_extrinsic(&client, &AliceStash.pair(), accept).await;
	let block = submit_and_finalize(&client, &xt).await.unwrap();
	let failed = events_at(&client, &block).await.into_iter().any(|e| {
		matches!(e, coop_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. }))
	});
	assert!(failed, "an unverified account joined a co-op that requires MemberKyc");
	assert_eq!(
		rpc(&client, "coop_coopOf", rpc_params![AliceStash.to_account_id().to_string()]).await,
		json!(null)
	);
	let kinds = rpc(&client, "coop_claimKinds", rpc_params![]).await;
	assert_eq!(kinds["items"].as_array().unwrap().len(), 6, "{kinds}");
	snapshot(&client, "passport").await;
}

/// Bounties end to end: a member of Beta funds a bounty (reward into escrow), a
/// developer of Beta claims it, submits a tagged commit, two reviewers from two
/// other co-ops (Alpha, Gamma) approve — no money moves without people outside
/// the beneficiaries' circle — and the reward lands in Beta's account, credited
/// to the developer in the ledger: visible in balances, in `coop_bounties` by
/// status and in `coop_contributions`.
#[tokio::test(flavor = "multi_thread")]
async fn bounty_fund_claim_submit_review_payout_over_rpc() {
	use futures::future::join;
	use pallet_coop_bounties::PayTo;
	use serde_json::json;
	use Sr25519Keyring::*;

	let mut node = Node::start("bounties", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;
	// Above 2^53 planck: JSON numbers would round it, the RPC's decimal strings do not.
	let reward = 10_000 * UNIT + 4;
	assert!(reward > 1 << 53);
	let sovereign = pallet_coop_membership::Pallet::<coop_runtime::Runtime>::sovereign_account;
	let beta_account: AccountId = sovereign(1);
	assert_eq!(free_balance(&client, &beta_account, None).await, 0);

	// Charlie (Beta's admin) funds it from his own account; Bob (Alpha) and Eve
	// (Gamma) review, both needed.
	let terms = pallet_coop_bounties::BountyTerms {
		spec_hash: sp_core::H256::repeat_byte(0x5e),
		spec_url: b"https://example.org/specs/messaging".to_vec().try_into().unwrap(),
		reward,
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
	submit_ok(&client, &Charlie.pair(), create).await;
	let escrow = pallet_coop_bounties::Pallet::<coop_runtime::Runtime>::escrow(0);
	assert_eq!(free_balance(&client, &escrow, None).await, reward);
	let open = rpc(&client, "coop_bounties", rpc_params!["Open"]).await;
	assert_eq!(open["items"].as_array().unwrap().len(), 1, "{open}");
	assert_eq!(open["items"][0]["reward"], json!("10000000000000004"), "{open}");

	// Dave (Beta) claims it, paid to his co-op, and submits the tagged commit that
	// delivers it. (Charlie, who funded it, may not share in it: he would be paid
	// his own money and credited with the work.)
	let claim = RuntimeCall::Bounties(pallet_coop_bounties::Call::claim {
		id: 0,
		pay_to: PayTo::Coop,
		shares: Some(vec![(Dave.to_account_id(), 1)].try_into().unwrap()),
	});
	submit_ok(&client, &Dave.pair(), claim).await;
	let claimed = rpc(&client, "coop_bounties", rpc_params!["Claimed"]).await;
	let contributors = &claimed["items"][0]["claim"]["contributors"];
	assert_eq!(contributors.as_array().unwrap().len(), 1, "{claimed}");
	let submit = RuntimeCall::Bounties(pallet_coop_bounties::Call::submit_work {
		id: 0,
		milestone: None,
		repo: b"https://git.example.org/coop/messaging".to_vec().try_into().unwrap(),
		commit: [0xc0; 20],
		tag: Some(b"v1.0.0".to_vec().try_into().unwrap()),
	});
	submit_ok(&client, &Dave.pair(), submit).await;

	// Two reviewers approve; the second approval pays.
	let review = RuntimeCall::Bounties(pallet_coop_bounties::Call::review {
		id: 0,
		approve: true,
		comment: sp_core::H256::repeat_byte(0x0c),
	});
	join(submit_ok(&client, &Bob.pair(), review.clone()), submit_ok(&client, &Eve.pair(), review))
		.await;

	assert_eq!(free_balance(&client, &beta_account, None).await, reward);
	assert_eq!(free_balance(&client, &escrow, None).await, 0);
	let bounty = rpc(&client, "coop_bounty", rpc_params![0]).await;
	assert_eq!(bounty["status"], json!("Paid"), "{bounty}");
	assert_eq!(bounty["paid"].as_str().unwrap().parse::<u128>().unwrap(), reward);
	assert_eq!(bounty["submissions"][0]["commit"], json!(format!("0x{}", "c0".repeat(20))));
	assert_eq!(bounty["submissions"][0]["tag"], json!("v1.0.0"));
	assert_eq!(bounty["specUrl"], json!("https://example.org/specs/messaging"));
	let paid = rpc(&client, "coop_bounties", rpc_params!["Paid"]).await;
	assert_eq!(paid["items"].as_array().unwrap().len(), 1, "{paid}");
	assert!(rpc(&client, "coop_bounties", rpc_params!["Open"]).await["items"]
		.as_array()
		.unwrap()
		.is_empty());
	let dave =
		rpc(&client, "coop_contributions", rpc_params![Dave.to_account_id().to_string()]).await;
	assert_eq!(
		dave,
		json!({
			"delivered": 1,
			"milestones": 0,
			"earned": reward.to_string(),
			"hours": 40,
			"reviews": 0
		})
	);
	let charlie =
		rpc(&client, "coop_contributions", rpc_params![Charlie.to_account_id().to_string()]).await;
	assert_eq!(charlie["earned"], json!("0"), "{charlie}");
	let beta = rpc(&client, "coop_coopContributions", rpc_params![1]).await;
	assert_eq!(beta["earned"], json!(reward.to_string()), "{beta}");
	assert_eq!(beta["delivered"], json!(1), "{beta}");
	for reviewer_coop in [0, 2] {
		let ledger = rpc(&client, "coop_coopContributions", rpc_params![reviewer_coop]).await;
		assert_eq!(ledger["reviews"], json!(1), "{ledger}");
	}
	snapshot(&client, "bounty").await;
}

/// The vote-stuffing attack played through JSON-RPC, as a wallet would: once a
/// Membership motion is open, a co-op admin enrols fresh accounts (invited, and
/// accepting) and has them vote. The node refuses every late joiner's vote with
/// the named error, the tally shows only the electorate's votes, and the motion
/// cannot be closed before its deadline on the strength of the puppets.
#[tokio::test(flavor = "multi_thread")]
async fn late_joiners_cannot_vote_on_an_open_proposal() {
	use coop_runtime::configs::coop::tracks;
	use pallet_coop_governance::{ProposalAction, Vote};
	use serde_json::json;
	use Sr25519Keyring::*;

	let mut node = Node::start("stuffing", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;

	// A motion to expel co-op Alpha (id 0), whose admin is Alice.
	let expel = RuntimeCall::Membership(pallet_coop_membership::Call::expel_coop {
		coop: 0,
		reason: sp_core::H256::repeat_byte(0xee),
	});
	let propose = RuntimeCall::Governance(pallet_coop_governance::Call::propose {
		track: tracks::MEMBERSHIP,
		action: Box::new(ProposalAction::Call(Box::new(expel))),
	});
	submit_ok(&client, &Charlie.pair(), propose).await;
	submit_ok(
		&client,
		&Charlie.pair(),
		RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote: Vote::Aye }),
	)
	.await;

	// Alice enrols puppets after the motion opened and has them vote Nay.
	let mut refused = 0;
	for puppet in [AliceStash, BobStash, CharlieStash, DaveStash] {
		let invite = RuntimeCall::Membership(pallet_coop_membership::Call::add_member {
			who: puppet.to_account_id().into(),
		});
		submit_ok(&client, &Alice.pair(), invite).await;
		let accept =
			RuntimeCall::Membership(pallet_coop_membership::Call::accept_invitation { coop: 0 });
		submit_ok(&client, &puppet.pair(), accept).await;
		let vote =
			RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote: Vote::Nay });
		let xt = signed_extrinsic(&client, &puppet.pair(), vote).await;
		let block = submit_and_finalize(&client, &xt).await.unwrap();
		let error = events_at(&client, &block).await.into_iter().find_map(|e| match e {
			coop_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error: sp_runtime::DispatchError::Module(m),
				..
			}) => Some(m),
			_ => None,
		});
		let error = error.expect("a late joiner's vote was accepted");
		// The message is not encoded on chain: compare the pallet and error indices.
		let expected: sp_runtime::DispatchError =
			pallet_coop_governance::Error::<coop_runtime::Runtime>::NotInElectorate.into();
		let sp_runtime::DispatchError::Module(expected) = expected else { unreachable!() };
		assert_eq!((error.index, error.error), (expected.index, expected.error), "{error:?}");
		refused += 1;
	}
	assert_eq!(refused, 4);

	// Only the electorate's vote counts ...
	let proposal = rpc(&client, "coop_proposal", rpc_params![0]).await;
	assert_eq!(proposal["members"], json!({"aye": 1, "nay": 0, "abstain": 0, "block": 0}));
	assert_eq!(proposal["eligibleMembers"], json!(6), "{proposal}");
	let deadline = proposal["deadline"].as_u64().unwrap() as u32;

	// ... and the puppets give nobody grounds to close the motion early: before its
	// deadline `close` fails (the pallet's `TooEarly`); after it the motion closes
	// with the electorate's votes only.
	let close = RuntimeCall::Governance(pallet_coop_governance::Call::close {
		id: 0,
		weight_bound: frame_support::weights::Weight::from_parts(10_000_000_000, 1_000_000),
	});
	let xt = signed_extrinsic(&client, &Alice.pair(), close.clone()).await;
	let block = submit_and_finalize(&client, &xt).await.unwrap();
	let closed_early = !events_at(&client, &block).await.into_iter().any(|e| {
		matches!(e, coop_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { .. }))
	});
	if closed_early {
		let decision = rpc(&client, "coop_decision", rpc_params![0]).await;
		let closed_at = decision["closedAt"].as_u64().unwrap() as u32;
		assert!(closed_at >= deadline, "closed at {closed_at}, before the deadline {deadline}");
	} else {
		wait_finalized(&client, deadline, Duration::from_secs(120)).await;
		submit_ok(&client, &Alice.pair(), close).await;
	}
	let decision = rpc(&client, "coop_decision", rpc_params![0]).await;
	assert_eq!(decision["members"], json!({"aye": 1, "nay": 0, "abstain": 0, "block": 0}));
	assert_eq!(decision["eligibleMembers"], json!(6), "{decision}");
	// One co-op of three took part: the quorum was missed and co-op Alpha stays.
	assert_eq!(decision["outcome"], json!("Rejected"), "{decision}");
	assert_eq!(rpc(&client, "coop_coop", rpc_params![0]).await["status"], json!("Active"));
	snapshot(&client, "late_joiners").await;
}

/// Issue 15: a member's first vote on an open proposal is feeless. The wallet's
/// fee quote (`payment_queryInfo`) says 0 and the voter's balance does not move;
/// changing the vote is quoted and charged a fee, like any transaction.
#[tokio::test(flavor = "multi_thread")]
async fn members_first_vote_is_feeless_and_a_change_pays() {
	use coop_runtime::configs::coop::tracks;
	use pallet_coop_governance::{ProposalAction, Vote};
	use Sr25519Keyring::*;

	/// `partialFee` as the RPC returns it: a decimal string (or a number, or hex).
	fn fee(info: &serde_json::Value) -> u128 {
		match &info["partialFee"] {
			serde_json::Value::Number(n) => n.as_u64().unwrap().into(),
			serde_json::Value::String(s) => match s.strip_prefix("0x") {
				Some(hex) => u128::from_str_radix(hex, 16).unwrap(),
				None => s.parse().unwrap(),
			},
			other => panic!("partialFee {other}"),
		}
	}

	let mut node = Node::start("feeless", &["--dev"]);
	let client = node.client().await;
	wait_finalized(&client, 1, Duration::from_secs(90)).await;
	let propose = RuntimeCall::Governance(pallet_coop_governance::Call::propose {
		track: tracks::ORDINARY,
		action: Box::new(ProposalAction::Signal(sp_core::H256::repeat_byte(0x51))),
	});
	submit_ok(&client, &Charlie.pair(), propose).await;

	let eve = Eve.to_account_id();
	let vote = |v| RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote: v });
	let first = signed_extrinsic(&client, &Eve.pair(), vote(Vote::Aye)).await;
	let quote = rpc(&client, "payment_queryInfo", rpc_params![to_hex(&first)]).await;
	assert_eq!(fee(&quote), 0, "{quote}");
	let before = free_balance(&client, &eve, None).await;
	submit_and_finalize(&client, &first).await.unwrap();
	assert_eq!(free_balance(&client, &eve, None).await, before, "the first vote cost a fee");

	let change = signed_extrinsic(&client, &Eve.pair(), vote(Vote::Nay)).await;
	let quote = rpc(&client, "payment_queryInfo", rpc_params![to_hex(&change)]).await;
	let quoted = fee(&quote);
	assert!(quoted > 0, "{quote}");
	submit_and_finalize(&client, &change).await.unwrap();
	assert_eq!(free_balance(&client, &eve, None).await, before - quoted);
	let proposal = rpc(&client, "coop_proposal", rpc_params![0]).await;
	assert_eq!(proposal["members"]["nay"], serde_json::json!(1), "{proposal}");
}
