#!/usr/bin/env bash
# Sets up the machine and runs every test: pallet unit tests, runtime tests,
# benchmark test suites, and the end-to-end tests against real coop-node
# processes on loopback. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/common.sh

echo "== format and lints"
cargo fmt --all --check
cargo clippy --release --locked --workspace --all-targets -- -D warnings

# FRAME's macros make clippy's expect_used unusable inside `mod pallet`; keep our
# own runtime code free of `.expect(` by hand (tests, mocks and benchmarks may).
if grep -rn '\.expect(' pallets/*/src runtime/src \
    --include='*.rs' --exclude-dir='tests' --exclude='tests.rs' --exclude='mock.rs' --exclude='benchmarking.rs'; then
  echo "error: .expect( in runtime code" >&2
  exit 1
fi

# Every runtime feature must keep compiling, not only the default build: the
# benchmark helpers, the try-runtime hooks and the metadata-hash Wasm.
echo "== runtime features: runtime-benchmarks, try-runtime, metadata-hash"
SKIP_WASM_BUILD=1 cargo check --release --locked -p coop-runtime --features runtime-benchmarks,try-runtime
cargo check --release --locked -p coop-runtime --features metadata-hash

results=$(mktemp)
# The end-to-end tests leave each chain's final state here for coop-try-state.
COOP_E2E_SNAPSHOTS=$(mktemp -d)
export COOP_E2E_SNAPSHOTS
trap 'rm -rf "$results" "$COOP_E2E_SNAPSHOTS"' EXIT

echo "== unit, runtime and end-to-end tests"
# The end-to-end tests (crate coop-e2e) run this binary: build it first, so they
# never run a stale one.
cargo build --release --locked -p coop-node
cargo test --release --locked --workspace --exclude coop-e2e --no-fail-fast 2>&1 | tee -a "$results"

# The end-to-end suites spend most of their time waiting for 6 s blocks and
# finality, not computing: they run in three lanes at once (12.5 minutes
# measured, instead of 28 one after another). Each lane is one `cargo test` per suite;
# a lane's log is printed when it ends, and any failure fails the script.
cargo test --release --locked -p coop-e2e --no-run
e2e_lanes=("e2e" "validator_set fault_tolerance" "rpc_docs partition hostile_rpc live_network")
# A suite added to e2e/tests must be given a lane, or it would never run.
for file in e2e/tests/*.rs; do
  suite=$(basename "$file" .rs)
  if ! printf ' %s ' "${e2e_lanes[@]}" | grep -q " $suite "; then
    echo "error: e2e suite $suite is in no lane of scripts/test.sh" >&2
    exit 1
  fi
done
lane_dir=$(mktemp -d)
lane_pids=()
for i in "${!e2e_lanes[@]}"; do
  (
    status=0
    for suite in ${e2e_lanes[$i]}; do
      cargo test --release --locked -p coop-e2e --test "$suite" || status=1
    done
    exit "$status"
  ) >"$lane_dir/$i.log" 2>&1 &
  lane_pids+=("$!")
done
e2e_failed=0
for i in "${!lane_pids[@]}"; do
  wait "${lane_pids[$i]}" || e2e_failed=1
  echo "-- e2e lane: ${e2e_lanes[$i]}"
  tee -a "$results" <"$lane_dir/$i.log"
done
rm -rf "$lane_dir"

echo "== benchmark test suites (runtime-benchmarks feature)"
cargo test --release --locked -p pallet-coop-membership -p pallet-coop-governance -p pallet-coop-passport -p pallet-coop-bounties -p pallet-coop-validators \
  --features runtime-benchmarks 2>&1 | tee -a "$results"

echo "== throughput smoke: coop-loadgen sends 200 transfers and 200 votes to a dev node"
bash scripts/bench-throughput.sh --smoke

# The fuzzer and the state checker with every pallet's try_state (FRAME's too),
# which needs the runtime's try-runtime code; its Wasm is not needed.
echo "== runtime fuzzer smoke (${FUZZ_SMOKE_SECONDS:-120} s) and try_state over the end-to-end chains' final states"
SKIP_WASM_BUILD=1 cargo build --release --locked -p coop-fuzz --features try-runtime \
  --bin fuzz-smoke --bin coop-try-state
"$CARGO_TARGET_DIR/release/fuzz-smoke" --seconds "${FUZZ_SMOKE_SECONDS:-120}"
"$CARGO_TARGET_DIR/release/coop-try-state" "$COOP_E2E_SNAPSHOTS"/*.json

# One closing line over every suite above (the e2e suite's included).
awk '/^test result:/ { p += $4; f += $6 } END { printf "total: %d passed, %d failed\n", p, f }' "$results"
if [ "$e2e_failed" -ne 0 ]; then
  echo "error: an end-to-end suite failed (see its lane above)" >&2
  exit 1
fi
