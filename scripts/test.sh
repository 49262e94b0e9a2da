#!/usr/bin/env bash
# Sets up the machine and runs every test: pallet unit tests, runtime tests,
# benchmark test suites, and the end-to-end tests against real coop-node
# processes on loopback. Exits non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/common.sh

# Minutes since the start in each section's header: a slow CI run shows where.
started=$SECONDS
section() {
  local t=$((SECONDS - started))
  printf '== [%d:%02d] %s\n' $((t / 60)) $((t % 60)) "$*"
}

# Every cargo command of the main build selects the same packages with the same
# features. Cargo resolves features per command over the packages it selects, so
# `-p coop-node` and `--workspace` build hundreds of crates twice with different
# feature sets. CI builds the runtime as the Docker image ships it, with its
# metadata hash (CheckMetadataHash for wallets).
ws=(--release --locked --workspace --features coop-runtime/metadata-hash)
# The second build: the pallets' tests with their benchmark suites
# (`runtime-benchmarks`) and FRAME's try-runtime hooks, and in the same build the
# fuzzer and the state checker, which run every pallet's try_state (FRAME's too).
# One feature set for both, so FRAME is compiled once more, not twice; the
# benchmark helpers add code, not behaviour. No Wasm: neither executes it.
features=(--release --locked --features runtime-benchmarks,try-runtime
  -p pallet-coop-membership -p pallet-coop-governance -p pallet-coop-passport
  -p pallet-coop-bounties -p pallet-coop-validators -p coop-fuzz)

section "format, and the Dockerfile's dependency layer"
cargo fmt --all --check
bash scripts/check-dockerfile.sh

# FRAME's macros make clippy's expect_used unusable inside `mod pallet`; keep our
# own runtime code free of `.expect(` by hand (tests, mocks and benchmarks may).
if grep -rn '\.expect(' pallets/*/src runtime/src \
    --include='*.rs' --exclude-dir='tests' --exclude='tests.rs' --exclude='mock.rs' --exclude='benchmarking.rs'; then
  echo "error: .expect( in runtime code" >&2
  exit 1
fi

results=$(mktemp)
# The end-to-end tests leave each chain's final state here for coop-try-state.
COOP_E2E_SNAPSHOTS=$(mktemp -d)
export COOP_E2E_SNAPSHOTS
lane_dir=$(mktemp -d)
background_pid=""
cleanup() {
  [ -z "$background_pid" ] || kill -- "-$background_pid" 2>/dev/null || true
  rm -rf "$results" "$COOP_E2E_SNAPSHOTS" "$lane_dir"
}
trap cleanup EXIT

# One build of everything: coop-node (the end-to-end tests run this binary, so it
# is never stale), coop-loadgen, and every test binary.
section "build: node, loadgen and all tests"
cargo build "${ws[@]}" --all-targets

section "unit and runtime tests"
cargo test "${ws[@]}" --lib --bins --no-fail-fast 2>&1 | tee -a "$results"

# The end-to-end suites spend most of their time waiting for 6 s blocks and
# finality, not computing: they run in four lanes at once, balanced by their
# times in CI (e2e 414 s, validator_set 469 s, fault_tolerance 279 s, rpc_docs
# 186 s, partition 169 s, hostile_rpc 61 s, live_network 48 s: 28 minutes one
# after another, 7.2 side by side in a cold CI run), and the cores they leave idle run
# clippy and the second build meanwhile, at the lowest priority so the nodes
# under test keep their slots. The lanes run the test executables directly: a
# `cargo test` would wait for the build directory, which cargo holds locked.
e2e_lanes=("e2e" "validator_set" "fault_tolerance hostile_rpc live_network" "rpc_docs partition")
# Each suite's executable, as the build above made it (nothing is rebuilt here).
declare -A e2e_exe
while read -r suite exe; do
  e2e_exe[$suite]=$exe
done < <(cargo test "${ws[@]}" --tests --no-run --message-format=json | python3 -c '
import json, sys
for line in sys.stdin:
    m = json.loads(line)
    if (m.get("reason") == "compiler-artifact" and m.get("executable")
            and m["target"]["kind"] == ["test"] and "/e2e#" in m["package_id"]):
        print(m["target"]["name"], m["executable"])
')
# A suite added to e2e/tests must be given a lane, or it would never run.
for file in e2e/tests/*.rs; do
  suite=$(basename "$file" .rs)
  if ! printf ' %s ' "${e2e_lanes[@]}" | grep -q " $suite "; then
    echo "error: e2e suite $suite is in no lane of scripts/test.sh" >&2
    exit 1
  fi
  [ -x "${e2e_exe[$suite]:-}" ] || { echo "error: no test executable for e2e suite $suite" >&2; exit 1; }
done

section "end-to-end tests (four lanes); beside them clippy and the second build (runtime-benchmarks, try-runtime)"
set -m # its own process group, so the exit trap can stop all of it
(
  renice -n 19 -p "$BASHPID" >/dev/null
  cargo clippy "${ws[@]}" --all-targets -- -D warnings || exit 1
  SKIP_WASM_BUILD=1 cargo build "${features[@]}" --all-targets
) >"$lane_dir/background.log" 2>&1 &
background_pid=$!
set +m
lane_pids=()
for i in "${!e2e_lanes[@]}"; do
  (
    cd e2e
    status=0
    for suite in ${e2e_lanes[$i]}; do
      "${e2e_exe[$suite]}" || status=1
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
section "clippy and the second build"
background_failed=0
wait "$background_pid" || background_failed=1
background_pid=""
# Compiler progress lines left out; warnings, errors and clippy's findings kept.
grep -v -E '^ *(Compiling|Checking|Fresh) ' "$lane_dir/background.log" || true
if [ "$background_failed" -ne 0 ]; then
  echo "error: clippy or the second build failed (see above)" >&2
  exit 1
fi

section "throughput smoke: coop-loadgen sends 200 transfers and 200 votes to a dev node (a second node imports each block in its slot), 200 votes to a bench node"
SKIP_BUILD=1 FOLLOWER=1 bash scripts/bench-throughput.sh --smoke
SKIP_BUILD=1 CHAIN=bench KINDS=vote bash scripts/bench-throughput.sh --smoke

section "benchmark test suites, fuzzer and state checker (runtime-benchmarks, try-runtime)"
SKIP_WASM_BUILD=1 cargo test "${features[@]}" 2>&1 | tee -a "$results"

section "runtime fuzzer smoke (${FUZZ_SMOKE_SECONDS:-120} s) and try_state over the end-to-end chains' final states"
"$CARGO_TARGET_DIR/release/fuzz-smoke" --seconds "${FUZZ_SMOKE_SECONDS:-120}"
snapshots=("$COOP_E2E_SNAPSHOTS"/*.json)
if [ ! -e "${snapshots[0]}" ]; then
  echo "error: no end-to-end suite left its chain's final state in $COOP_E2E_SNAPSHOTS" >&2
  exit 1
fi
"$CARGO_TARGET_DIR/release/coop-try-state" "${snapshots[@]}"

# One closing line over every suite above (the e2e suite's included).
section "done"
awk '/^test result:/ { p += $4; f += $6 } END { printf "total: %d passed, %d failed\n", p, f }' "$results"
if [ "$e2e_failed" -ne 0 ]; then
  echo "error: an end-to-end suite failed (see its lane above)" >&2
  exit 1
fi
