//! Runs the runtime fuzzer for a set time without instrumentation: structured
//! random inputs and mutations of the seeds and of every input that reached a
//! call result not seen before. Prints what it reached; exits non-zero on a
//! finding, after saving the input and printing how to replay it.
//!
//! ```text
//! fuzz-smoke [--seconds N] [--seed S] [--findings DIR]
//! fuzz-smoke --replay FILE        # run one input, printing every call
//! fuzz-smoke --write-seeds DIR    # the seed corpus for libFuzzer
//! ```

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]
// A developer tool: a file it cannot read or write ends the run with a message.
#![allow(clippy::expect_used)]

use coop_fuzz::{input::ACCOUNT_MARK, seeds::seeds, Fuzzer, Stats};
use std::{
	panic::{catch_unwind, AssertUnwindSafe},
	path::PathBuf,
	time::{Duration, Instant},
};

/// SplitMix64: small, fast, and the same sequence for the same seed.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
		let mut z = self.0;
		z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
		z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
		z ^ (z >> 31)
	}
	fn below(&mut self, n: usize) -> usize {
		(self.next() % n.max(1) as u64) as usize
	}
	fn byte(&mut self) -> u8 {
		self.next() as u8
	}
	fn chance(&mut self, percent: usize) -> bool {
		self.below(100) < percent
	}
}

/// A fresh input: steps whose bodies lean to what SCALE calls are made of
/// (small integers, compact lengths, named accounts) rather than noise.
fn generate(rng: &mut Rng) -> Vec<u8> {
	let mut out = Vec::new();
	for _ in 0..1 + rng.below(24) {
		let lapse = match rng.below(100) {
			0..=69 => rng.below(160) as u8,
			70..=96 => 160 + rng.below(80) as u8,
			_ => 240 + rng.below(16) as u8,
		};
		out.extend_from_slice(&[lapse, rng.byte(), rng.byte(), rng.byte()]);
		for _ in 0..rng.below(80) {
			match rng.below(100) {
				0..=34 => out.push(rng.below(4) as u8),
				35..=54 => out.extend_from_slice(&[ACCOUNT_MARK, rng.below(32) as u8]),
				55..=64 => out.push(0),
				_ => out.push(rng.byte()),
			}
		}
	}
	out
}

/// One to four random edits of `input`, sometimes spliced with `other`.
fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
	let mut out = input.to_vec();
	for _ in 0..1 + rng.below(4) {
		let at = rng.below(out.len() + 1);
		match rng.below(7) {
			0 if at < out.len() => out[at] ^= 1 << rng.below(8),
			1 if at < out.len() => out[at] = rng.below(4) as u8,
			2 => out.insert(at, rng.byte()),
			3 if at < out.len() => {
				out.remove(at);
			}
			4 => {
				let k = rng.below(32) as u8;
				out.splice(at..at, [ACCOUNT_MARK, k]);
			}
			5 => {
				let from = rng.below(other.len() + 1);
				out.truncate(at);
				out.extend_from_slice(&other[from..]);
			}
			_ if at < out.len() => out[at] = rng.byte(),
			_ => out.push(rng.byte()),
		}
	}
	out.truncate(4096);
	out
}

fn arg(args: &[String], name: &str) -> Option<String> {
	args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned()
}

fn main() {
	let args: Vec<String> = std::env::args().collect();
	let fuzzer = Fuzzer::new(true);

	if let Some(dir) = arg(&args, "--write-seeds") {
		std::fs::create_dir_all(&dir).expect("seed directory");
		for (i, seed) in seeds(&fuzzer.table, &fuzzer.actors).iter().enumerate() {
			std::fs::write(PathBuf::from(&dir).join(format!("seed-{i}")), seed)
				.expect("seed written");
		}
		return;
	}
	if let Some(file) = arg(&args, "--replay") {
		let data = std::fs::read(&file).expect("input file");
		let mut stats = Stats::default();
		let result = fuzzer.run(&data, &mut stats, true);
		println!("replay: {result:?}");
		std::process::exit(i32::from(result.is_err()));
	}

	let seconds: u64 = arg(&args, "--seconds").and_then(|s| s.parse().ok()).unwrap_or(120);
	let seed: u64 = arg(&args, "--seed").and_then(|s| s.parse().ok()).unwrap_or(0x00C0_0DA0);
	let findings =
		PathBuf::from(arg(&args, "--findings").unwrap_or_else(|| {
			std::env::temp_dir().join("coop-fuzz-findings").display().to_string()
		}));
	let mut rng = Rng(seed);
	let mut corpus = seeds(&fuzzer.table, &fuzzer.actors);
	let mut stats = Stats::default();
	let started = Instant::now();
	let mut report_at = Duration::from_secs(10);

	while started.elapsed() < Duration::from_secs(seconds) {
		let input = if corpus.is_empty() || rng.chance(30) {
			generate(&mut rng)
		} else {
			let a = rng.below(corpus.len());
			let b = rng.below(corpus.len());
			mutate(&mut rng, &corpus[a], &corpus[b])
		};
		let known = stats.reached.len() + stats.errors.len() + stats.events.len();
		let outcome = catch_unwind(AssertUnwindSafe(|| fuzzer.run(&input, &mut stats, false)));
		let finding = match outcome {
			Ok(Ok(())) => None,
			Ok(Err(finding)) => Some(finding.to_string()),
			Err(panic) => Some(format!(
				"panic: {}",
				panic
					.downcast_ref::<String>()
					.cloned()
					.or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
					.unwrap_or_default()
			)),
		};
		if let Some(what) = finding {
			std::fs::create_dir_all(&findings).expect("findings directory");
			let file = findings.join(format!("finding-{}", stats.sequences));
			std::fs::write(&file, &input).expect("finding written");
			eprintln!("FINDING after {} sequences: {what}", stats.sequences);
			eprintln!(
				"replay: cargo run --release -p coop-fuzz --bin fuzz-smoke -- --replay {}",
				file.display()
			);
			std::process::exit(1);
		}
		if stats.reached.len() + stats.errors.len() + stats.events.len() > known
			&& corpus.len() < 4096
		{
			corpus.push(input);
		}
		if started.elapsed() >= report_at {
			report_at += Duration::from_secs(10);
			println!(
				"  {:>4}s: {} sequences, {} calls ok, {} distinct errors, corpus {}",
				started.elapsed().as_secs(),
				stats.sequences,
				stats.calls_ok,
				stats.errors.len(),
				corpus.len()
			);
		}
	}

	let secs = started.elapsed().as_secs_f64();
	let never: Vec<&String> =
		fuzzer.table.names.iter().filter(|n| !stats.reached.contains(*n)).collect();
	println!(
		"fuzz smoke: {} sequences in {:.0} s ({:.0}/s), {} blocks; calls {} ok, {} failed, {} refused; \
		 {} of {} calls succeeded at least once; {} distinct errors; {} inputs re-run for a slow call, none slow again; 0 findings",
		stats.sequences,
		secs,
		stats.sequences as f64 / secs,
		stats.blocks,
		stats.calls_ok,
		stats.calls_failed,
		stats.calls_invalid,
		fuzzer.table.names.len() - never.len(),
		fuzzer.table.names.len(),
		stats.errors.len(),
		stats.timing_retries,
	);
	let mut slowest: Vec<_> = stats.time_over_weight.iter().collect();
	slowest.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0));
	let slowest: Vec<String> = slowest
		.iter()
		.take(5)
		.map(|(call, (ratio, real, charged))| {
			let (over, runs) = stats.over_weight_count.get(*call).copied().unwrap_or_default();
			format!("{call} {ratio:.2} ({real} ns for {charged} ns; over its weight in {over} of {runs} runs)")
		})
		.collect();
	println!("highest CPU time / charged weight: {}", slowest.join(", "));
	println!("never succeeded from a signed origin (most need a federation origin): {never:?}");
	let unseen: Vec<&String> =
		fuzzer.table.events.iter().filter(|e| !stats.events.contains(*e)).collect();
	println!(
		"events emitted: {} of {}; never: {unseen:?}",
		fuzzer.table.events.len() - unseen.len(),
		fuzzer.table.events.len()
	);
}
