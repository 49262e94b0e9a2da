#!/usr/bin/env bash
# Coverage-guided fuzzing of the runtime with libFuzzer (see fuzz/src/lib.rs):
# byte strings become signed calls across blocks, and after every block the
# money, tally and escrow invariants and every pallet's try_state must hold.
#
#   scripts/fuzz.sh                 # one hour
#   scripts/fuzz.sh 600             # ten minutes
#   RUNS=1000000 scripts/fuzz.sh    # stop after a million inputs
#
# Builds fuzz-libfuzzer with sanitizer-coverage instrumentation on the stable
# toolchain (the same LLVM passes cargo-fuzz asks for), FRAME's try-runtime
# checks and debug assertions (so FRAME's `defensive!` failures count too).
# The corpus lives beside the target dir and grows across runs; inputs that
# crash are written to $CARGO_TARGET_DIR/fuzz/findings. Prints executions per
# second, inputs run, coverage and findings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/common.sh

seconds="${1:-3600}"
runs="${RUNS:--1}"
triple=$(rustc -vV | sed -n 's/^host: //p')
work="$CARGO_TARGET_DIR/fuzz"
mkdir -p "$work/corpus" "$work/findings" "$work/seeds"

# The seeds (hand-written federation scenarios) come from the plain build.
cargo build --release --locked -p coop-fuzz --bin fuzz-smoke
"$CARGO_TARGET_DIR/release/fuzz-smoke" --write-seeds "$work/seeds"

# With an explicit --target, RUSTFLAGS reach only the fuzzed code, not build
# scripts and proc macros; the runtime's Wasm is not needed here.
SKIP_WASM_BUILD=1 RUSTFLAGS="-Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 \
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -Cllvm-args=-sanitizer-coverage-pc-table \
  -Cllvm-args=-sanitizer-coverage-trace-compares \
  -Cdebug-assertions" \
  cargo build --release --locked -p coop-fuzz --bin fuzz-libfuzzer \
    --features libfuzzer,try-runtime --target "$triple"

log="$work/last-run.log"
set +e
"$CARGO_TARGET_DIR/$triple/release/fuzz-libfuzzer" "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -runs="$runs" -max_len=4096 -timeout=20 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$work/findings/" 2>&1 | tee "$log" | grep -E "^#[0-9]+ +(pulse|DONE|NEW)" | awk 'NR % 50 == 1'
status=${PIPESTATUS[0]}
set -e

execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1)
corpus=$(ls "$work/corpus" | wc -l)
findings=$(ls "$work/findings" | wc -l)
echo "fuzz: ${execs:-0} inputs run at ${rate:-0}/s; ${cov:-no coverage line}; corpus $corpus inputs; findings $findings (in $work/findings)"
if [ "$status" -ne 0 ]; then
  grep -E "finding:|panicked|ERROR" "$log" | head -20
  echo "fuzz: libFuzzer stopped with status $status; replay a finding with:"
  echo "  cargo run --release -p coop-fuzz --bin fuzz-smoke -- --replay <file>"
  exit "$status"
fi
