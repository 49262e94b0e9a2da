#!/usr/bin/env bash
# Measures the weights of CoopDAO's own pallets on this machine and rewrites
# each pallet's src/weights.rs from the results (frame-benchmarking v2).
#
#   scripts/bench-weights.sh                 # every weight file, in one run
#   scripts/bench-weights.sh membership      # one pallet
#   scripts/bench-weights.sh overhead        # only the runtime's base weights
#   scripts/bench-weights.sh storage         # only the database read/write weights
#   scripts/bench-weights.sh frame           # only FRAME's pallets in the runtime
#   scripts/bench-weights.sh pallet_treasury # one of FRAME's pallets
#   STEPS=50 REPEAT=20 scripts/bench-weights.sh
#
# Weight files from machines of different speeds must not be mixed: before
# regenerating only some of them, `scripts/bench-machine.sh` tells whether this
# machine runs the benchmarks as fast as the one behind the others. Nothing else
# may run meanwhile: the script waits until the machine is idle.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/common.sh

build_bench_node
wait_until_idle

pallets=("$@")
[ "${#pallets[@]}" -gt 0 ] || pallets=(membership governance passport bounties validators)
for p in "${pallets[@]}"; do
  case "$p" in overhead | frame | storage | frame_* | pallet_*) continue ;; esac
  if ! grep -q "pallet_coop_$p" runtime/src/benchmarks.rs; then
    echo "bench-weights: pallet_coop_$p is not in the runtime's benchmarks yet, skipped"
    continue
  fi
  echo "== pallet_coop_$p"
  "$bench_node" benchmark pallet \
    --chain dev \
    --pallet "pallet_coop_$p" \
    --extrinsic '*' \
    --steps "${STEPS:-20}" \
    --repeat "${REPEAT:-10}" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --template scripts/templates/pallet-weights.hbs \
    --header scripts/templates/header.txt \
    --output "pallets/$p/src/weights.rs"
done

# FRAME's pallets, measured in this runtime: their weights live in the runtime.
# frame_system_extensions and pallet_transaction_payment weigh the transaction
# extensions every signed extrinsic pays for. pallet_session and pallet_grandpa
# keep FRAME's weights: the session benchmarks need pallet-staking, and GRANDPA's
# `report_equivocation` weight is computed from its proof-check benchmark by FRAME.
frame_pallets=(frame_system frame_system_extensions pallet_balances pallet_timestamp
  pallet_utility pallet_sudo pallet_transaction_payment pallet_scheduler pallet_treasury)
for p in "${frame_pallets[@]}"; do
  if [ "$#" -gt 0 ] && ! printf '%s\n' "$@" | grep -qx -e frame -e "$p"; then
    continue
  fi
  echo "== $p"
  # The scheduler's `service_task_fetched` needs a preimage store, which this
  # runtime has not (`Preimages = ()`: governance schedules only small inline
  # calls), so no task is ever fetched and it cannot be measured here.
  "$bench_node" benchmark pallet \
    --chain dev \
    --pallet "$p" \
    --extrinsic '*' \
    --exclude-extrinsics pallet_scheduler::service_task_fetched \
    --steps "${STEPS:-20}" \
    --repeat "${REPEAT:-10}" \
    --wasm-execution compiled \
    --heap-pages 4096 \
    --ignore-unknown-pov-mode \
    --header scripts/templates/header.txt \
    --output "runtime/src/weights/$p.rs"
  case "$p" in
  frame_system_extensions)
    # The extension weights implement frame_system's trait, not a pallet's.
    sed -i 's/frame_system_extensions::WeightInfo for/frame_system::ExtensionsWeightInfo for/' \
      runtime/src/weights/frame_system_extensions.rs
    ;;
  pallet_scheduler)
    # The trait still asks for the unmeasurable case: FRAME's weight stands in.
    python3 - runtime/src/weights/pallet_scheduler.rs <<'PY'
import sys
path = sys.argv[1]
text = open(path).read().rstrip()
assert text.endswith("}"), "unexpected end of the generated scheduler weights"
text = text[:-1] + '''\t/// Never used here: without a preimage store no task is fetched (see
\t/// `scripts/bench-weights.sh`), so FRAME's reference weight completes the trait.
\tfn service_task_fetched(s: u32) -> Weight {
\t\t<pallet_scheduler::weights::SubstrateWeight<T> as pallet_scheduler::WeightInfo>::service_task_fetched(s)
\t}
}
'''
open(path, "w").write(text)
PY
    ;;
  esac
done

# The base weights: an empty block's execution and one extrinsic's overhead
# (`benchmark overhead` on the dev genesis), when every pallet is benchmarked or
# `overhead` is asked for.
if [ "$#" -eq 0 ] || printf '%s\n' "$@" | grep -qx overhead; then
  echo "== overhead (BlockExecutionWeight, ExtrinsicBaseWeight)"
  "$bench_node" benchmark overhead --chain dev --warmup 10 --repeat "${REPEAT:-50}" \
    --weight-path runtime/src/weights
  # The generated files name sp-core and sp-weights; the runtime reaches both
  # through frame-support.
  sed -i -e 's/^use sp_core::parameter_types;/use frame_support::parameter_types;/' \
    -e 's/^use sp_weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight};/use frame_support::weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight};/' \
    -e 's/^\tuse sp_weights::constants;/\tuse frame_support::weights::constants;/' \
    runtime/src/weights/block_weights.rs runtime/src/weights/extrinsic_weights.rs
fi

# The database weights: every key of a chain that has seen STORAGE_N transfers
# and STORAGE_N votes (thousands of accounts, members and votes) read and
# written through ParityDB (`benchmark storage`), for `DbWeight`. Writes are
# committed 1 000 at a time, storage root included, as a full block does (the
# default batch of 100 000 is more keys than this chain has: nothing is written).
if [ "$#" -eq 0 ] || printf '%s\n' "$@" | grep -qx storage; then
  echo "== storage (ParityDbWeight)"
  state="$(mktemp -d -t coop-storage.XXXXXX)"
  cargo build --release --locked -p coop-loadgen
  COOP_NODE="$bench_node" BENCH_BASE="$state" SKIP_BUILD=1 N="${STORAGE_N:-3000}" \
    bash scripts/bench-throughput.sh
  "$bench_node" benchmark storage --chain dev --base-path "$state/db" --database paritydb \
    --state-version 1 --warmups 1 --batch-size 1000 --weight-path runtime/src/weights
  rm -rf "$state"
  sed -i -e 's/^\tuse sp_core::parameter_types;/\tuse frame_support::parameter_types;/' \
    -e 's/^\tuse sp_weights::RuntimeDbWeight;/\tuse frame_support::weights::RuntimeDbWeight;/' \
    -e 's/^\t\tuse sp_weights::constants;/\t\tuse frame_support::weights::constants;/' \
    -e 's|^\t\t\t///|\t\t\t//|' \
    runtime/src/weights/paritydb_weights.rs
fi

cargo fmt --all
