//! Fault tolerance of the four-validator `local` chain (issue #12): four real
//! `coop-node` validators (Alice, Bob, Charlie, Dave) on loopback, each with its
//! own database under one temporary directory (not `--tmp`: restarts keep the
//! database), fixed node keys and every other node as a bootnode.
//!
//! One sequential story, every wait bounded by a deadline:
//! a. healthy: all four finalize; finality lag (best − finalized) sampled every 500 ms;
//! b. Charlie is SIGKILLed: the other three keep finalizing (≥ 2 more blocks);
//! c. Charlie restarts on the same database and catches up with the others' finality;
//! d. Bob and Dave stop (SIGTERM): blocks go on, finality stalls (GRANDPA needs 3 of 4);
//! e. Bob and Dave restart: finality resumes by itself;
//! f. Bob is `kill -9`ed ten times at random points 0.5–6 s after it starts (while it
//!    imports and syncs): every restart answers RPC without a panic or corruption in
//!    its log, never reports a finalized block below one it reported before, and it
//!    ends in sync.
//!
//! Each scenario prints one `FAULT <name> lag_p50=… lag_p95=… … secs=…` line (to
//! stderr, so it shows with `--nocapture` and when the test fails). Every node is
//! killed when the test ends or panics. `COOP_FAULT_SEED=<n>` replays the kill delays.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod common;

use common::{free_port, header_number, log_tail};
use jsonrpsee::{core::client::ClientT, http_client::HttpClientBuilder, rpc_params};
use serde_json::Value;
use std::{
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant, SystemTime, UNIX_EPOCH},
};

const NAMES: [&str; 4] = ["alice", "bob", "charlie", "dave"];
const ALICE: usize = 0;
const BOB: usize = 1;
const CHARLIE: usize = 2;
const DAVE: usize = 3;
const TICK: Duration = Duration::from_millis(500);

/// One validator: its fixed identity, ports and database survive restarts.
struct Validator {
	name: &'static str,
	node_key: String,
	p2p_port: u16,
	rpc_port: u16,
	base: PathBuf,
	child: Option<Child>,
	/// How many times it was started; each life logs to its own file.
	lives: u32,
	log: PathBuf,
}

/// The four validators. Dropping it (also while a test panics) kills every node.
struct Net {
	dir: PathBuf,
	nodes: Vec<Validator>,
	/// `/ip4/127.0.0.1/tcp/<port>/p2p/<peer id>` of each validator.
	addrs: Vec<String>,
	started: Instant,
}

impl Drop for Net {
	fn drop(&mut self) {
		for node in &mut self.nodes {
			if let Some(mut child) = node.child.take() {
				let _ = child.kill();
				let _ = child.wait();
			}
		}
		if std::thread::panicking() {
			eprintln!("fault_tolerance: node logs and databases kept in {}", self.dir.display());
		} else {
			let _ = std::fs::remove_dir_all(&self.dir);
		}
	}
}

fn peer_id(dir: &Path, node_key: &str) -> String {
	let file = dir.join("node-key.tmp");
	std::fs::write(&file, node_key).unwrap();
	let out = Command::new(coop_e2e::node_binary())
		.args(["key", "inspect-node-key", "--file"])
		.arg(&file)
		.output()
		.expect("coop-node key inspect-node-key runs");
	assert!(out.status.success(), "inspect-node-key: {}", String::from_utf8_lossy(&out.stderr));
	String::from_utf8(out.stdout).unwrap().trim().to_string()
}

impl Net {
	/// Prepares four validators (nothing is started yet).
	fn new() -> Net {
		let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos();
		let dir = std::env::temp_dir().join(format!("coop-fault-{}-{nanos}", std::process::id()));
		std::fs::create_dir_all(&dir).unwrap();
		let mut nodes = Vec::new();
		let mut addrs = Vec::new();
		for (i, name) in NAMES.iter().enumerate() {
			let node_key = format!("{:064x}", 0xfa00 + i);
			let p2p_port = free_port();
			let rpc_port = free_port();
			addrs.push(format!("/ip4/127.0.0.1/tcp/{p2p_port}/p2p/{}", peer_id(&dir, &node_key)));
			let base = dir.join(name);
			nodes.push(Validator {
				name,
				node_key,
				p2p_port,
				rpc_port,
				base,
				child: None,
				lives: 0,
				log: PathBuf::new(),
			});
		}
		Net { dir, nodes, addrs, started: Instant::now() }
	}

	fn say(&self, what: &str) {
		eprintln!("[{:>4}s] {what}", self.started.elapsed().as_secs());
	}

	/// Starts validator `i` on its own database, ports and node key.
	fn start(&mut self, i: usize) {
		let boot: Vec<String> =
			(0..NAMES.len()).filter(|j| *j != i).map(|j| self.addrs[j].clone()).collect();
		let node = &mut self.nodes[i];
		assert!(node.child.is_none(), "{} already runs", node.name);
		node.lives += 1;
		node.log = self.dir.join(format!("{}-{}.log", node.name, node.lives));
		let log = std::fs::File::create(&node.log).unwrap();
		let child = Command::new(coop_e2e::node_binary())
			.args(["--chain", "local", &format!("--{}", node.name), "--base-path"])
			.arg(&node.base)
			.args([
				"--node-key",
				&node.node_key,
				"--listen-addr",
				&format!("/ip4/127.0.0.1/tcp/{}", node.p2p_port),
				"--rpc-port",
				&node.rpc_port.to_string(),
				"--no-prometheus",
				"--no-mdns",
				"--no-telemetry",
				"--bootnodes",
			])
			.args(boot)
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.expect("coop-node starts");
		node.child = Some(child);
	}

	/// `kill -9`: no shutdown, the database is left as it is at that instant.
	fn kill(&mut self, i: usize) {
		let mut child = self.nodes[i].child.take().expect("node runs");
		child.kill().unwrap();
		child.wait().unwrap();
	}

	/// SIGTERM and wait for a clean exit (SIGKILL after 30 s).
	fn stop(&mut self, i: usize) {
		let mut child = self.nodes[i].child.take().expect("node runs");
		let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
		let deadline = Instant::now() + Duration::from_secs(30);
		while Instant::now() < deadline {
			if let Ok(Some(_)) = child.try_wait() {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		eprintln!("{} ignored SIGTERM for 30 s; killing it", self.nodes[i].name);
		let _ = child.kill();
		let _ = child.wait();
	}

	fn running(&self) -> Vec<usize> {
		(0..NAMES.len()).filter(|i| self.nodes[*i].child.is_some()).collect()
	}

	/// Fails the test if a node that should run has exited on its own.
	fn assert_alive(&mut self) {
		for node in &mut self.nodes {
			if let Some(child) = &mut node.child {
				if let Ok(Some(status)) = child.try_wait() {
					panic!("{} exited ({status}):\n{}", node.name, log_tail(&node.log));
				}
			}
		}
	}

	/// `(best, finalized)` of every running node that answers, with its index.
	async fn heads(&mut self) -> Vec<(usize, u32, u32)> {
		self.assert_alive();
		let mut out = Vec::new();
		for i in self.running() {
			if let Ok((best, fin)) = heads(self.nodes[i].rpc_port).await {
				out.push((i, best, fin));
			}
		}
		out
	}

	/// `(best, finalized)` of running node `i`, retrying for up to 30 s.
	async fn head(&mut self, i: usize) -> (u32, u32) {
		let deadline = Instant::now() + Duration::from_secs(30);
		loop {
			self.assert_alive();
			match heads(self.nodes[i].rpc_port).await {
				Ok(head) => return head,
				Err(e) if Instant::now() >= deadline => panic!(
					"{} RPC not answering: {e}\n{}",
					self.nodes[i].name,
					log_tail(&self.nodes[i].log)
				),
				Err(_) => tokio::time::sleep(TICK).await,
			}
		}
	}

	/// The highest `(best, finalized)` among `nodes` (each must answer).
	async fn highest(&mut self, nodes: &[usize]) -> (u32, u32) {
		let mut top = (0, 0);
		for i in nodes {
			let (best, fin) = self.head(*i).await;
			top = (top.0.max(best), top.1.max(fin));
		}
		top
	}

	/// Polls every running node each 500 ms, recording finality lags into `lags`,
	/// until `done` holds for the heads or the deadline passes (then it panics).
	async fn wait_for(
		&mut self,
		what: &str,
		within: Duration,
		lags: &mut Vec<u32>,
		mut done: impl FnMut(&[(usize, u32, u32)]) -> bool,
	) -> Vec<(usize, u32, u32)> {
		let deadline = Instant::now() + within;
		loop {
			let heads = self.heads().await;
			lags.extend(heads.iter().map(|(_, best, fin)| best.saturating_sub(*fin)));
			if done(&heads) {
				return heads;
			}
			if Instant::now() >= deadline {
				let logs: Vec<String> = self
					.running()
					.into_iter()
					.map(|i| {
						format!("--- {}:\n{}", self.nodes[i].name, log_tail(&self.nodes[i].log))
					})
					.collect();
				panic!(
					"timed out after {within:?} waiting for {what}; heads {heads:?}\n{}",
					logs.join("\n")
				);
			}
			tokio::time::sleep(TICK).await;
		}
	}

	/// Samples the lag of every running node for `span`, returning the last heads.
	async fn sample(&mut self, span: Duration, lags: &mut Vec<u32>) -> Vec<(usize, u32, u32)> {
		let until = Instant::now() + span;
		self.wait_for("sampling", span + Duration::from_secs(30), lags, |_| Instant::now() >= until)
			.await
	}

	/// Fails if this life's log shows a panic or a corrupt database.
	fn assert_clean_log(&self, i: usize) {
		let node = &self.nodes[i];
		let text = std::fs::read_to_string(&node.log).unwrap_or_default().to_lowercase();
		for bad in ["panic", "corrupt"] {
			assert!(
				!text.contains(bad),
				"{} life {} logged {bad:?}:\n{}",
				node.name,
				node.lives,
				log_tail(&node.log)
			);
		}
	}
}

async fn call(
	port: u16,
	method: &str,
	params: jsonrpsee::core::params::ArrayParams,
) -> Result<Value, String> {
	let client = HttpClientBuilder::default()
		.request_timeout(Duration::from_secs(5))
		.build(format!("http://127.0.0.1:{port}"))
		.map_err(|e| e.to_string())?;
	client.request(method, params).await.map_err(|e| e.to_string())
}

/// `(best, finalized)` block numbers of the node on `port`; finalized is read
/// first, so best ≥ finalized.
async fn heads(port: u16) -> Result<(u32, u32), String> {
	let hash = call(port, "chain_getFinalizedHead", rpc_params![]).await?;
	let fin = header_number(&call(port, "chain_getHeader", rpc_params![hash]).await?)?;
	let best = header_number(&call(port, "chain_getHeader", rpc_params![]).await?)?;
	Ok((best, fin))
}

fn get(heads: &[(usize, u32, u32)], i: usize) -> Option<(u32, u32)> {
	heads.iter().find(|(j, _, _)| *j == i).map(|(_, best, fin)| (*best, *fin))
}

/// Nearest-rank percentile `p` (0–100) of `samples`.
fn percentile(samples: &[u32], p: usize) -> u32 {
	let mut sorted = samples.to_vec();
	sorted.sort_unstable();
	if sorted.is_empty() {
		return 0;
	}
	let rank = (p * sorted.len()).div_ceil(100).max(1);
	sorted[rank - 1]
}

fn summary(name: &str, lags: &[u32], since: Instant, extra: &str) {
	eprintln!(
		"FAULT {name} lag_p50={} lag_p95={} samples={}{extra} secs={}",
		percentile(lags, 50),
		percentile(lags, 95),
		lags.len(),
		since.elapsed().as_secs()
	);
}

/// xorshift64*: enough randomness for kill delays, without a dependency.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}

	fn millis(&mut self, lo: u64, hi: u64) -> Duration {
		Duration::from_millis(lo + self.next() % (hi - lo + 1))
	}
}

fn all_at_least(heads: &[(usize, u32, u32)], nodes: &[usize], finalized: u32) -> bool {
	nodes.iter().all(|i| get(heads, *i).is_some_and(|(_, fin)| fin >= finalized))
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_survive_crashes_restarts_and_lost_quorum() {
	let seed =
		std::env::var("COOP_FAULT_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
			SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64
		}) | 1;
	let mut rng = Rng(seed);
	let mut net = Net::new();
	net.say(&format!(
		"fault tolerance: 4 validators in {} (COOP_FAULT_SEED={seed})",
		net.dir.display()
	));
	let all = [ALICE, BOB, CHARLIE, DAVE];

	// a. Healthy: all four finalize; lag sampled for 30 s.
	let t = Instant::now();
	for i in all {
		net.start(i);
	}
	let mut lags = Vec::new();
	net.wait_for("all four to finalize a block", Duration::from_secs(120), &mut Vec::new(), |h| {
		all_at_least(h, &all, 1)
	})
	.await;
	let first_final = t.elapsed().as_secs();
	net.say("all four finalize");
	net.sample(Duration::from_secs(30), &mut lags).await;
	summary("healthy", &lags, t, &format!(" first_finalized_secs={first_final}"));

	// b. One validator crashes: three of four still finalize.
	let t = Instant::now();
	let mut lags = Vec::new();
	net.kill(CHARLIE);
	let three = [ALICE, BOB, DAVE];
	let fin0 = net.highest(&three).await.1;
	net.say(&format!("charlie killed at finalized #{fin0}"));
	net.sample(Duration::from_secs(30), &mut lags).await;
	let h = net
		.wait_for("finality to go on with charlie down", Duration::from_secs(60), &mut lags, |h| {
			all_at_least(h, &three, fin0 + 2)
		})
		.await;
	let fin1 = get(&h, ALICE).unwrap().1;
	summary("one_down", &lags, t, &format!(" finalized_advance={}", fin1 - fin0));

	// c. The crashed validator restarts on its database and catches up.
	let t = Instant::now();
	let mut lags = Vec::new();
	let target = net.highest(&three).await.1;
	net.start(CHARLIE);
	net.say(&format!("charlie restarted; others finalized #{target}"));
	net.wait_for("charlie to catch up", Duration::from_secs(120), &mut lags, |h| {
		all_at_least(h, &[CHARLIE], target)
	})
	.await;
	net.assert_clean_log(CHARLIE);
	summary("restart_one", &lags, t, &format!(" caught_up_to={target}"));

	// d. Two of four stop: Aura goes on, GRANDPA (needs 3 of 4) stalls.
	let t = Instant::now();
	let mut lags = Vec::new();
	net.stop(BOB);
	net.stop(DAVE);
	let two = [ALICE, CHARLIE];
	let best0 = net.head(ALICE).await.0;
	// Let votes cast before the stop settle: wait for one new block first.
	let h = net
		.wait_for("a block with two validators down", Duration::from_secs(90), &mut lags, |h| {
			get(h, ALICE).is_some_and(|(best, _)| best > best0)
		})
		.await;
	let (best1, stalled) = get(&h, ALICE).unwrap();
	let stalled = stalled.max(get(&h, CHARLIE).map_or(0, |(_, fin)| fin));
	net.say(&format!("bob and dave stopped; best #{best1}, finalized #{stalled}"));
	let mut max_fin = stalled;
	let h = net
		.wait_for(
			"3 more blocks with two validators down",
			Duration::from_secs(150),
			&mut lags,
			|h| {
				max_fin = h.iter().map(|(_, _, fin)| *fin).max().unwrap_or(0).max(max_fin);
				two.iter().all(|i| get(h, *i).is_some_and(|(best, _)| best >= best1 + 3))
			},
		)
		.await;
	assert_eq!(max_fin, stalled, "finality advanced with only 2 of 4 voters: {h:?}");
	let best2 = get(&h, ALICE).unwrap().0;
	summary(
		"two_down",
		&lags,
		t,
		&format!(" best_advance={} finalized_stalled_at={stalled}", best2 - best1),
	);

	// e. They come back: finality resumes without any manual step.
	let t = Instant::now();
	let mut lags = Vec::new();
	net.start(BOB);
	net.start(DAVE);
	let target = net.head(ALICE).await.0;
	net.say(&format!("bob and dave restarted; waiting for all to finalize #{target}"));
	let mut resumed = None;
	net.wait_for("finality to resume", Duration::from_secs(180), &mut lags, |h| {
		if resumed.is_none() && h.iter().any(|(_, _, fin)| *fin > stalled) {
			resumed = Some(t.elapsed().as_secs());
		}
		all_at_least(h, &all, target)
	})
	.await;
	net.assert_clean_log(BOB);
	net.assert_clean_log(DAVE);
	summary(
		"two_restarted",
		&lags,
		t,
		&format!(" resumed_after_secs={} finalized_to={target}", resumed.unwrap_or(0)),
	);

	// f. Bob is killed -9 ten times at random points, 0.5–6 s into a life: odd lives
	//    counted from the process start (opening its database, loading the runtime,
	//    importing), even lives counted from its RPC answering (catching up with the
	//    others). Each even life and the last must answer RPC; any answer must show a
	//    finalized block at least as high as any Bob reported before a kill.
	let t = Instant::now();
	let mut lags = Vec::new();
	let mut highest = net.head(BOB).await.1;
	let mut at_start = Vec::new();
	let mut after_rpc = Vec::new();
	let mut rpc_up_secs: Vec<f64> = Vec::new();
	let port = net.nodes[BOB].rpc_port;
	// The first kill hits a node in sync; the ten that follow, random points of a life.
	net.kill(BOB);
	for round in 1..=10 {
		let delay = rng.millis(500, 6000);
		let from_rpc = round % 2 == 0;
		net.start(BOB);
		let started = Instant::now();
		let mut rpc_up: Option<Instant> = None;
		loop {
			net.assert_alive();
			let clock = if from_rpc { rpc_up } else { Some(started) };
			if clock.is_some_and(|c| c.elapsed() >= delay) {
				break;
			}
			if let Ok((best, fin)) = heads(port).await {
				assert!(
					fin >= highest,
					"bob life {round}: finalized #{fin} after it had finalized #{highest}\n{}",
					log_tail(&net.nodes[BOB].log)
				);
				if rpc_up.is_none() {
					rpc_up = Some(Instant::now());
					rpc_up_secs.push(started.elapsed().as_secs_f64());
				}
				highest = fin;
				lags.push(best.saturating_sub(fin));
			}
			assert!(
				started.elapsed() < Duration::from_secs(60) + delay,
				"bob life {round}: RPC not answering after 60 s\n{}",
				log_tail(&net.nodes[BOB].log)
			);
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		net.kill(BOB);
		let lived = started.elapsed();
		net.assert_clean_log(BOB);
		let when = if from_rpc {
			after_rpc.push(delay.as_millis());
			format!("{delay:?} after its RPC answered")
		} else {
			at_start.push(delay.as_millis());
			format!(
				"{delay:?} after start, RPC {}",
				if rpc_up.is_some() { "up" } else { "not up yet" }
			)
		};
		net.say(&format!(
			"kill {round}/10: bob killed {when} (lived {lived:?}), highest finalized seen #{highest}"
		));
	}
	net.start(BOB);
	let (best_target, fin_target) = net.highest(&[ALICE, CHARLIE, DAVE]).await;
	let h = net
		.wait_for("bob back in sync after ten kills", Duration::from_secs(120), &mut lags, |h| {
			get(h, BOB).is_some_and(|(best, fin)| best >= best_target && fin >= fin_target)
		})
		.await;
	let (_, fin) = get(&h, BOB).unwrap();
	assert!(fin >= highest, "bob finalized #{fin} at the end, had #{highest}");
	net.assert_clean_log(BOB);
	let max_rpc = rpc_up_secs.iter().copied().fold(0.0, f64::max);
	summary(
		"kill9_x10",
		&lags,
		t,
		&format!(
			" kills=1+10 after_start_ms={at_start:?} after_rpc_ms={after_rpc:?} rpc_up_max_secs={max_rpc:.1} lost_finalized=0 synced_to={fin_target}"
		),
	);

	// Everyone agrees at the end.
	let t = Instant::now();
	let target = net.highest(&all).await.1;
	net.wait_for("all four in sync", Duration::from_secs(60), &mut Vec::new(), |h| {
		all_at_least(h, &all, target)
	})
	.await;
	for i in all {
		net.assert_clean_log(i);
	}
	net.say(&format!("all four finalized #{target} ({}s)", t.elapsed().as_secs()));
	eprintln!("FAULT total secs={}", net.started.elapsed().as_secs());
}
