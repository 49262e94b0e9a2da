#!/usr/bin/env bash
# Is this machine as fast as the one that generated the committed weight files?
# Runs a few benchmarks and `benchmark overhead` here and prints, for each, the
# execution time its weight file charges divided by the time measured here (1.0:
# the same machine speed). About two minutes; nothing else may run meanwhile.
# Weight files from machines of different speeds must not be mixed: run this
# before regenerating any of them (`scripts/bench-weights.sh`).
#
#   scripts/bench-machine.sh
#   SKIP_BUILD=1 scripts/bench-machine.sh   # reuse release/coop-node-benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/common.sh

[ -n "${SKIP_BUILD:-}" ] || build_bench_node
wait_until_idle
python3 scripts/weights-vs-machine.py "$bench_node"
