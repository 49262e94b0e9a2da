//! The coverage-guided target: `scripts/fuzz.sh` builds it with libFuzzer's
//! sanitizer-coverage instrumentation and runs it over a corpus seeded by
//! `fuzz-smoke --write-seeds`. A finding panics, so libFuzzer keeps the input.
//! Time is not compared with weights here: instrumentation slows every call.

#![no_main]

use coop_fuzz::{Fuzzer, Stats};
use std::sync::OnceLock;

static FUZZER: OnceLock<Fuzzer> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
	let fuzzer = FUZZER.get_or_init(|| Fuzzer::new(false));
	let mut stats = Stats::default();
	if let Err(finding) = fuzzer.run(data, &mut stats, false) {
		panic!("finding: {finding}");
	}
});
