//! Checks a state taken from a running chain: the invariants the fuzzer checks
//! after every block and, built with `--features try-runtime`, the runtime
//! upgrade dry run (every migration's pre/post checks) and every pallet's
//! `try_state`, as `try-runtime-cli on-runtime-upgrade` would.
//!
//! ```text
//! coop-try-state SNAPSHOT.json...
//! ```
//! A snapshot is `{"block": N, "pairs": [["0x<key>", "0x<value>"], ...]}`, as the
//! end-to-end tests write them (node/tests/common: `Node::snapshot`).

#![allow(clippy::arithmetic_side_effects, clippy::indexing_slicing)]

use coop_fuzz::invariants;
use sp_runtime::Storage;
use sp_state_machine::BasicExternalities;

fn hex(s: &str) -> Result<Vec<u8>, String> {
	sp_core::bytes::from_hex(s).map_err(|e| format!("{s:.20}: {e}"))
}

fn load(file: &str) -> Result<(u32, Storage), String> {
	let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
	let json: serde_json::Value =
		serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
	let block = json["block"].as_u64().ok_or("no block number")? as u32;
	let mut storage = Storage::default();
	for pair in json["pairs"].as_array().ok_or("no pairs")? {
		let (Some(k), Some(v)) = (pair[0].as_str(), pair[1].as_str()) else {
			return Err(format!("{file}: malformed pair {pair}"));
		};
		storage.top.insert(hex(k)?, hex(v)?);
	}
	Ok((block, storage))
}

fn check(block: u32, storage: Storage) -> Result<usize, String> {
	let keys = storage.top.len();
	let mut ext = BasicExternalities::new(storage);
	ext.execute_with(|| {
		// Issuance is not compared with genesis here: only the sums must agree.
		invariants::check(block, u128::MAX)?;
		#[cfg(feature = "try-runtime")]
		coop_runtime::Executive::try_runtime_upgrade(frame_try_runtime::UpgradeCheckSelect::All)
			.map_err(|e| format!("try_runtime_upgrade: {e:?}"))?;
		Ok(keys)
	})
}

fn main() {
	let files: Vec<String> = std::env::args().skip(1).collect();
	if files.is_empty() {
		eprintln!("usage: coop-try-state SNAPSHOT.json...");
		std::process::exit(2);
	}
	let mode = if cfg!(feature = "try-runtime") {
		"invariants, migrations dry run, every pallet's try_state"
	} else {
		"invariants and the federation pallets' try_state"
	};
	let mut failed = 0;
	for file in &files {
		match load(file)
			.and_then(|(block, storage)| check(block, storage).map(|keys| (block, keys)))
		{
			Ok((block, keys)) => println!("try-state ok: {file} (#{block}, {keys} keys): {mode}"),
			Err(e) => {
				failed += 1;
				eprintln!("try-state FAILED: {file}: {e}");
			}
		}
	}
	println!("try-state: {} passed, {failed} failed", files.len() - failed);
	std::process::exit(i32::from(failed > 0));
}
