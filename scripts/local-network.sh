#!/usr/bin/env bash
# Runs the three-validator `local` chain (Alice, Bob, Charlie) on loopback,
# each with its own ports and temporary database. Ctrl-C stops all three.
# RPC: ws://127.0.0.1:9944 (alice), 9945 (bob), 9946 (charlie).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh
if [ ! -x "$COOP_NODE" ]; then
  bash scripts/setup.sh
  cargo build --release --locked -p coop-node
fi
logdir="${LOG_DIR:-$(mktemp -d)}"
# A fixed node key gives Alice a known peer id for the others to boot from.
alice_key=0000000000000000000000000000000000000000000000000000000000000001
alice_peer=$("$COOP_NODE" key inspect-node-key --file <(printf %s "$alice_key"))
common=(--chain local --tmp --no-mdns --no-telemetry --rpc-cors all)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT INT TERM
"$COOP_NODE" "${common[@]}" --alice --node-key "$alice_key" \
  --listen-addr /ip4/127.0.0.1/tcp/30333 --rpc-port 9944 --prometheus-port 9615 \
  >"$logdir/alice.log" 2>&1 & pids+=($!)
boot="/ip4/127.0.0.1/tcp/30333/p2p/$alice_peer"
"$COOP_NODE" "${common[@]}" --bob --node-key "$(printf %064x 2)" --bootnodes "$boot" \
  --listen-addr /ip4/127.0.0.1/tcp/30334 --rpc-port 9945 --prometheus-port 9616 \
  >"$logdir/bob.log" 2>&1 & pids+=($!)
"$COOP_NODE" "${common[@]}" --charlie --node-key "$(printf %064x 3)" --bootnodes "$boot" \
  --listen-addr /ip4/127.0.0.1/tcp/30335 --rpc-port 9946 --prometheus-port 9617 \
  >"$logdir/charlie.log" 2>&1 & pids+=($!)
echo "local network running; logs in $logdir (Ctrl-C to stop)"
wait
