//! Turns the records of a run into rates, per-block counts and latency percentiles.

use crate::tracker::{BlockStat, TxRecord};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// Nearest-rank percentile of sorted `values`, in milliseconds.
fn percentile(sorted: &[Duration], pct: usize) -> Option<f64> {
	if sorted.is_empty() {
		return None;
	}
	let rank = sorted.len().saturating_mul(pct).div_ceil(100).max(1);
	sorted.get(rank.saturating_sub(1)).map(|d| d.as_secs_f64() * 1000.0)
}

#[derive(Default)]
pub struct Latency {
	pub p50: Option<f64>,
	pub p95: Option<f64>,
	pub p99: Option<f64>,
}

impl Latency {
	fn of(mut values: Vec<Duration>) -> Self {
		values.sort();
		Self {
			p50: percentile(&values, 50),
			p95: percentile(&values, 95),
			p99: percentile(&values, 99),
		}
	}

	fn json(&self) -> Value {
		json!({ "p50": self.p50, "p95": self.p95, "p99": self.p99 })
	}
}

pub struct Report {
	pub kind: &'static str,
	pub rate: Option<f64>,
	pub count: usize,
	pub accepted: usize,
	pub rejected: usize,
	pub first_rejection: Option<String>,
	/// Accepted but never seen in a block.
	pub dropped: usize,
	pub included: usize,
	/// Included, but `ExtrinsicFailed`.
	pub failed: usize,
	pub finalized: usize,
	pub all_finalized: bool,
	pub submit_secs: f64,
	pub include_secs: f64,
	pub blocks_used: usize,
	pub first_block: Option<u32>,
	pub last_block: Option<u32>,
	/// Ours per block over the blocks that left some of our accepted extrinsics waiting.
	pub full_blocks: usize,
	pub full_max: usize,
	pub full_mean: Option<f64>,
	/// Ours per block over every block holding at least one.
	pub all_max: usize,
	pub all_mean: Option<f64>,
	/// Most extrinsics (inherents and others' included) in one of those blocks.
	pub block_xts_max: usize,
	pub in_block: Latency,
	pub finality: Latency,
	pub rss_kib: (Option<u64>, Option<u64>),
	pub db_bytes: (Option<u64>, Option<u64>),
}

impl Report {
	pub fn new(
		kind: &'static str,
		started: Instant,
		txs: &[TxRecord],
		blocks: &[BlockStat],
	) -> Self {
		let count = txs.len();
		let accepted = txs.iter().filter(|t| t.accepted.is_some()).count();
		let rejected = txs.iter().filter(|t| t.rejected.is_some()).count();
		let first_rejection = txs.iter().find_map(|t| t.rejected.clone());
		let included = txs.iter().filter(|t| t.in_block.is_some()).count();
		let failed = txs.iter().filter(|t| t.failed).count();
		let finalized = txs.iter().filter(|t| t.finalized.is_some()).count();
		let dropped = txs.iter().filter(|t| t.accepted.is_some() && t.in_block.is_none()).count();
		let last_accept = txs.iter().filter_map(|t| t.accepted).max();
		let last_include = txs.iter().filter_map(|t| t.in_block.map(|b| b.0)).max();
		let since = |t: Option<Instant>| {
			t.map(|t| t.saturating_duration_since(started).as_secs_f64()).unwrap_or(0.0)
		};
		let in_block_lat = txs
			.iter()
			.filter_map(|t| Some(t.in_block?.0.saturating_duration_since(t.sent?)))
			.collect();
		let final_lat = txs
			.iter()
			.filter_map(|t| Some(t.finalized?.saturating_duration_since(t.sent?)))
			.collect();

		let with_ours: Vec<&BlockStat> = blocks.iter().filter(|b| b.ours > 0).collect();
		let full: Vec<&BlockStat> =
			with_ours.iter().copied().filter(|b| b.left_waiting > 0).collect();
		let mean = |bs: &[&BlockStat]| -> Option<f64> {
			if bs.is_empty() {
				return None;
			}
			let sum: usize = bs.iter().map(|b| b.ours).fold(0usize, usize::saturating_add);
			Some(sum as f64 / bs.len() as f64)
		};
		Self {
			kind,
			rate: None,
			count,
			accepted,
			rejected,
			first_rejection,
			dropped,
			included,
			failed,
			finalized,
			all_finalized: false,
			submit_secs: since(last_accept),
			include_secs: since(last_include),
			blocks_used: with_ours.len(),
			first_block: with_ours.first().map(|b| b.number),
			last_block: with_ours.last().map(|b| b.number),
			full_blocks: full.len(),
			full_max: full.iter().map(|b| b.ours).max().unwrap_or(0),
			full_mean: mean(&full),
			all_max: with_ours.iter().map(|b| b.ours).max().unwrap_or(0),
			all_mean: mean(&with_ours),
			block_xts_max: with_ours.iter().map(|b| b.extrinsics).max().unwrap_or(0),
			in_block: Latency::of(in_block_lat),
			finality: Latency::of(final_lat),
			rss_kib: (None, None),
			db_bytes: (None, None),
		}
	}

	/// Extrinsics that did not end up included and successful.
	pub fn lost(&self) -> usize {
		self.count.saturating_sub(self.included).saturating_add(self.failed)
	}

	fn per_sec(n: usize, secs: f64) -> Option<f64> {
		(secs > 0.0).then(|| n as f64 / secs)
	}

	pub fn json(&self) -> Value {
		json!({
			"kind": self.kind,
			"count": self.count,
			"rate_limit": self.rate,
			"accepted": self.accepted,
			"rejected": self.rejected,
			"first_rejection": self.first_rejection,
			"dropped": self.dropped,
			"included": self.included,
			"failed": self.failed,
			"finalized": self.finalized,
			"submitted_per_sec": Self::per_sec(self.accepted, self.submit_secs),
			"included_per_sec": Self::per_sec(self.included, self.include_secs),
			"submit_secs": self.submit_secs,
			"include_secs": self.include_secs,
			"blocks_used": self.blocks_used,
			"first_block": self.first_block,
			"last_block": self.last_block,
			"full_blocks": self.full_blocks,
			"per_full_block_max": self.full_max,
			"per_full_block_mean": self.full_mean,
			"per_block_max": self.all_max,
			"per_block_mean": self.all_mean,
			"block_extrinsics_max": self.block_xts_max,
			"in_block_latency_ms": self.in_block.json(),
			"finalized_latency_ms": self.finality.json(),
			"rss_kib_before": self.rss_kib.0,
			"rss_kib_after": self.rss_kib.1,
			"db_bytes_before": self.db_bytes.0,
			"db_bytes_after": self.db_bytes.1,
		})
	}

	pub fn print(&self) {
		let ms = |v: Option<f64>| v.map(|v| format!("{v:.0} ms")).unwrap_or_else(|| "-".into());
		let num = |v: Option<f64>| v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into());
		println!("== {} x{} ==", self.kind, self.count);
		println!(
			"submitted: {} accepted ({:.1}/s over {:.1} s), {} rejected",
			self.accepted,
			Self::per_sec(self.accepted, self.submit_secs).unwrap_or(0.0),
			self.submit_secs,
			self.rejected
		);
		if let Some(e) = &self.first_rejection {
			println!("  first rejection: {e}");
		}
		println!(
			"included:  {} ({}/s over {:.1} s) in {} blocks (#{}..#{}), {} failed, {} dropped, {} finalized",
			self.included,
			num(Self::per_sec(self.included, self.include_secs)),
			self.include_secs,
			self.blocks_used,
			self.first_block.unwrap_or(0),
			self.last_block.unwrap_or(0),
			self.failed,
			self.dropped,
			self.finalized
		);
		println!(
			"per block: full blocks {} (max {}, mean {}); all blocks max {}, mean {}",
			self.full_blocks,
			self.full_max,
			num(self.full_mean),
			self.all_max,
			num(self.all_mean)
		);
		println!(
			"submit->in-block  p50 {} p95 {} p99 {}",
			ms(self.in_block.p50),
			ms(self.in_block.p95),
			ms(self.in_block.p99)
		);
		println!(
			"submit->finalized p50 {} p95 {} p99 {}",
			ms(self.finality.p50),
			ms(self.finality.p95),
			ms(self.finality.p99)
		);
		if let (Some(a), Some(b)) = self.rss_kib {
			println!("node RSS: {} MiB -> {} MiB", a / 1024, b / 1024);
		}
		if let (Some(a), Some(b)) = self.db_bytes {
			println!(
				"database: {:.1} MiB -> {:.1} MiB",
				a as f64 / 1048576.0,
				b as f64 / 1048576.0
			);
		}
		println!("RESULT {}", self.json());
	}
}

#[cfg(test)]
mod tests {
	use super::percentile;
	use std::time::Duration;

	#[test]
	fn percentiles_use_nearest_rank() {
		let values: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
		assert_eq!(percentile(&values, 50), Some(50.0));
		assert_eq!(percentile(&values, 99), Some(99.0));
		assert_eq!(percentile(&[Duration::from_millis(1)], 95), Some(1.0));
		assert_eq!(percentile(&[], 50), None);
	}
}
