# Shared settings for the scripts: one target dir outside the clone, so every
# script, the README commands and CI reuse the same build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/coopdao-target}"
COOP_NODE="${COOP_NODE:-$CARGO_TARGET_DIR/release/coop-node}"
export COOP_NODE

# The node built with the benchmarking CLI and the runtime's benchmarks, copied
# aside as coop-node-benchmarks. Building it replaces release/coop-node, so the
# normal node (no benchmark code in its runtime) is put back at once: cargo only
# relinks, both builds are cached.
bench_node="$CARGO_TARGET_DIR/release/coop-node-benchmarks"
build_bench_node() {
  cargo build --release --locked -p coop-node --features runtime-benchmarks
  cp "$CARGO_TARGET_DIR/release/coop-node" "$bench_node"
  cargo build --release --locked -p coop-node
}

# Benchmarks measure time: wait, up to three minutes, until nothing else keeps
# the cores busy (the 1-minute load average below a quarter of them), so that a
# build or test running beside does not end up in the weights.
wait_until_idle() {
  local waited=0
  until awk -v cores="$(nproc)" '{ exit !($1 < cores / 4) }' /proc/loadavg; do
    if [ "$waited" -ge 180 ]; then
      echo "error: the machine stays busy (load average $(cut -d' ' -f1-3 /proc/loadavg));" \
        "benchmarks would measure the contention. Stop the other work and run again." >&2
      return 1
    fi
    sleep 5
    waited=$((waited + 5))
  done
}
