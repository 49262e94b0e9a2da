#!/usr/bin/env bash
# Runs the `local` chain on loopback: up to four validators (Alice, Bob, Charlie,
# Dave, dev keys from --alice … --dave) plus, past four, non-validator full nodes
# node5, node6, …  Each node has its own P2P/RPC/Prometheus ports and a database
# that survives restarts under one state dir (default ~/.cache/coopdao-net,
# override with COOP_NET_DIR).
#
#   scripts/local-network.sh [N] [--foreground] [--fresh]   start N nodes (default 4)
#   scripts/local-network.sh --status                       best/finalized of each node
#   scripts/local-network.sh --stop                         stop the nodes it started
#
# Node i (1-based) listens on P2P 30332+i, RPC 9943+i (HTTP and WebSocket on the same
# port), Prometheus 9614+i; shift them all with COOP_NET_PORT_OFFSET. Node keys are
# fixed (node i: 0x00…0i), so peer ids are known and every node boots from the
# validators. Start waits until every node has finalized a block (GRANDPA needs 3
# of the 4 validators; with fewer it waits for a first block only), prints the RPC
# URLs and leaves the nodes running; --foreground keeps them attached (Ctrl-C
# stops them). --fresh deletes the nodes' databases first (done by itself when the
# binary's `local` genesis changed). --status exits non-zero when a recorded node
# is gone, showing its log tail.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh

validators=(alice bob charlie dave)
max_nodes=16
state="${COOP_NET_DIR:-$HOME/.cache/coopdao-net}"
pidfile="$state/pids"
offset="${COOP_NET_PORT_OFFSET:-0}"
timeout="${COOP_NET_TIMEOUT:-240}"

usage() {
  sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'
}

die() {
  echo "local-network: $*" >&2
  exit 1
}

mode=start
count=4
foreground=0
fresh=0
for arg in "$@"; do
  case "$arg" in
    --stop) mode=stop ;;
    --status) mode=status ;;
    --foreground) foreground=1 ;;
    --fresh) fresh=1 ;;
    -h | --help) usage; exit 0 ;;
    '' | *[!0-9]*) usage >&2; die "unknown argument: $arg" ;;
    *) count=$((10#$arg)) ;;
  esac
done
[[ "$offset" =~ ^[0-9]+$ ]] || die "COOP_NET_PORT_OFFSET must be a number"
if [ "$count" -lt 1 ] || [ "$count" -gt "$max_nodes" ]; then
  die "N must be 1..$max_nodes (1-4 validators, nodes 5.. are full nodes)"
fi

name_of() { # 1-based index -> node name
  if [ "$1" -le "${#validators[@]}" ]; then
    echo "${validators[$(($1 - 1))]}"
  else
    echo "node$1"
  fi
}
p2p_port() { echo $((30332 + offset + $1)); }
rpc_port() { echo $((9943 + offset + $1)); }
prom_port() { echo $((9614 + offset + $1)); }
node_key() { printf '%064x' "$1"; }

# JSON-RPC over HTTP: rpc PORT METHOD [PARAMS-JSON]
rpc() {
  curl -sS --max-time 3 -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" \
    "http://127.0.0.1:$1" 2>/dev/null
}

header_number() { # PORT [HASH] -> decimal block number, or fails
  local params=[] json hex
  if [ -n "${2:-}" ]; then params="[\"$2\"]"; fi
  json=$(rpc "$1" chain_getHeader "$params") || return 1
  hex=$(grep -o '"number":"0x[0-9a-fA-F]*"' <<<"$json" | head -n1 | cut -d'"' -f4)
  [ -n "$hex" ] || return 1
  printf '%d\n' "$hex"
}

heads() { # PORT -> "best finalized", or fails
  local json hash fin best
  json=$(rpc "$1" chain_getFinalizedHead) || return 1
  hash=$(grep -o '"result":"0x[0-9a-fA-F]*"' <<<"$json" | cut -d'"' -f4)
  [ -n "$hash" ] || return 1
  fin=$(header_number "$1" "$hash") || return 1
  best=$(header_number "$1") || return 1
  echo "$best $fin"
}

peers() {
  rpc "$1" system_health | grep -o '"peers":[0-9]*' | cut -d: -f2
}

# Whether PID runs coop-node for the node whose base path is DIR.
is_our_node() { # PID DIR
  local args
  args=$(ps -ww -o args= -p "$1" 2>/dev/null) || return 1
  [[ "$(basename "${args%% *}")" == coop-node ]] && [[ "$args" == *"--base-path $2 "* ]]
}

log_tail() {
  echo "--- last lines of $1:"
  tail -n "${2:-20}" "$1" 2>/dev/null | sed 's/^/    /'
}

# Reads the pid file into parallel arrays: names, pids, ports.
read_pids() {
  names=() pids=() ports=()
  [ -f "$pidfile" ] || return 1
  local name pid port
  while read -r name pid port; do
    [ -n "$name" ] || continue
    names+=("$name") pids+=("$pid") ports+=("$port")
  done <"$pidfile"
  [ "${#names[@]}" -gt 0 ]
}

stop_nodes() {
  local i pid stopped=()
  read_pids || { echo "no local network recorded in $state"; return 0; }
  for i in "${!names[@]}"; do
    pid=${pids[$i]}
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "${names[$i]} (pid $pid) is not running"
    elif ! is_our_node "$pid" "$state/${names[$i]}"; then
      echo "pid $pid is not ${names[$i]}'s coop-node; left alone"
    else
      kill -TERM "$pid" && stopped+=("$pid")
      echo "stopping ${names[$i]} (pid $pid)"
    fi
  done
  local deadline=$((SECONDS + 30))
  for pid in "${stopped[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "pid $pid ignored SIGTERM for 30 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  rm -f "$pidfile"
  echo "stopped; databases and logs kept in $state"
}

status() {
  local i pid hb rc=0
  read_pids || { echo "no local network recorded in $state"; return 1; }
  printf '%-8s %8s %6s %8s %10s %6s  %s\n' node pid rpc best finalized peers state
  for i in "${!names[@]}"; do
    pid=${pids[$i]}
    if ! kill -0 "$pid" 2>/dev/null || ! is_our_node "$pid" "$state/${names[$i]}"; then
      printf '%-8s %8s %6s %8s %10s %6s  %s\n' "${names[$i]}" "$pid" "${ports[$i]}" - - - DOWN
      log_tail "$state/${names[$i]}.log"
      rc=1
    elif hb=$(heads "${ports[$i]}"); then
      printf '%-8s %8s %6s %8s %10s %6s  %s\n' "${names[$i]}" "$pid" "${ports[$i]}" \
        "${hb% *}" "${hb#* }" "$(peers "${ports[$i]}")" up
    else
      printf '%-8s %8s %6s %8s %10s %6s  %s\n' "${names[$i]}" "$pid" "${ports[$i]}" - - - \
        "running, RPC not answering"
      rc=1
    fi
  done
  [ "$rc" -eq 0 ] || echo "local-network: some nodes are down or not answering" >&2
  return "$rc"
}

case "$mode" in
  stop) stop_nodes; exit 0 ;;
  status) status; exit $? ;;
esac

# --- start
if read_pids; then
  for i in "${!names[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null && is_our_node "${pids[$i]}" "$state/${names[$i]}"; then
      die "a local network already runs from $state (${names[$i]} is pid ${pids[$i]}); run $0 --stop first"
    fi
  done
fi
if [ ! -x "$COOP_NODE" ]; then
  bash scripts/setup.sh
  cargo build --release --locked -p coop-node
fi
for i in $(seq 1 "$count"); do
  port=$(rpc_port "$i")
  if rpc "$port" system_health >/dev/null; then
    die "something already answers on RPC port $port; set COOP_NET_PORT_OFFSET"
  fi
done
mkdir -p "$state"
# Databases made by a binary with another `local` genesis (a rebuilt runtime) cannot
# be reused: the stored runtime may not even load. Start a new chain then.
spec_hash=$("$COOP_NODE" build-spec --chain local --raw 2>/dev/null | sha256sum | cut -d' ' -f1)
old_hash=$(cat "$state/chain-spec.sha256" 2>/dev/null || echo unknown)
if [ "$fresh" -eq 0 ] && [ -d "$state/alice" ] && [ "$old_hash" != "$spec_hash" ]; then
  echo "the local chain spec changed since $state was made (runtime rebuilt): starting a new chain"
  fresh=1
fi
if [ "$fresh" -eq 1 ]; then
  for i in $(seq 1 "$max_nodes"); do rm -rf "${state:?}/$(name_of "$i")"; done
fi
echo "$spec_hash" >"$state/chain-spec.sha256"

nvalidators=$((count < ${#validators[@]} ? count : ${#validators[@]}))
bootnodes=()
for i in $(seq 1 "$nvalidators"); do
  peer=$("$COOP_NODE" key inspect-node-key --file <(node_key "$i"))
  bootnodes+=("/ip4/127.0.0.1/tcp/$(p2p_port "$i")/p2p/$peer")
done

started=()
cleanup() {
  if [ "${#started[@]}" -gt 0 ]; then
    stop_nodes
  fi
  started=()
}
if [ "$foreground" -eq 1 ]; then
  trap 'cleanup' EXIT
  trap 'exit 130' INT TERM
else
  trap 'echo "local-network: start failed; stopping the nodes" >&2; cleanup' ERR
  trap 'cleanup; exit 130' INT TERM
fi

: >"$pidfile"
for i in $(seq 1 "$count"); do
  name=$(name_of "$i")
  args=(--chain local --base-path "$state/$name" --name "$name"
    --node-key "$(node_key "$i")"
    --listen-addr "/ip4/127.0.0.1/tcp/$(p2p_port "$i")"
    --rpc-port "$(rpc_port "$i")" --rpc-cors all
    --prometheus-port "$(prom_port "$i")"
    --no-mdns --no-telemetry)
  if [ "$i" -le "$nvalidators" ]; then
    args+=("--$name")
  fi
  boot=()
  for j in "${!bootnodes[@]}"; do
    if [ $((j + 1)) -ne "$i" ]; then
      boot+=("${bootnodes[$j]}")
    fi
  done
  if [ "${#boot[@]}" -gt 0 ]; then
    args+=(--bootnodes "${boot[@]}")
  fi
  # Its own session: the daemon survives the terminal; $! is coop-node itself.
  if [ "$foreground" -eq 1 ]; then
    "$COOP_NODE" "${args[@]}" >"$state/$name.log" 2>&1 &
  else
    setsid "$COOP_NODE" "${args[@]}" >"$state/$name.log" 2>&1 </dev/null &
  fi
  pid=$!
  started+=("$pid")
  echo "$name $pid $(rpc_port "$i")" >>"$pidfile"
done

if [ "$nvalidators" -ge 3 ]; then
  what="a finalized block"
else
  echo "warning: GRANDPA needs 3 of the 4 validators; with $nvalidators blocks are authored but never finalized" >&2
  what="a first block"
fi
echo "started $count node(s) in $state; waiting for each to report $what (up to ${timeout}s)"
deadline=$((SECONDS + timeout))
read_pids
while :; do
  ready=0
  for i in "${!names[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "local-network: ${names[$i]} exited during start" >&2
      log_tail "$state/${names[$i]}.log" 40 >&2
      cleanup
      exit 1
    fi
    if hb=$(heads "${ports[$i]}"); then
      if [ "$nvalidators" -ge 3 ]; then n=${hb#* }; else n=${hb% *}; fi
      if [ "$n" -gt 0 ]; then ready=$((ready + 1)); fi
    fi
  done
  [ "$ready" -eq "${#names[@]}" ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "local-network: only $ready of ${#names[@]} nodes ready after ${timeout}s" >&2
    for name in "${names[@]}"; do log_tail "$state/$name.log" >&2; done
    cleanup
    exit 1
  fi
  sleep 2
done

trap - ERR
status || true
for i in "${!names[@]}"; do
  echo "${names[$i]}: ws://127.0.0.1:${ports[$i]} (HTTP too), log $state/${names[$i]}.log"
done
if [ "$foreground" -eq 1 ]; then
  echo "running in the foreground; Ctrl-C stops every node"
  wait
else
  started=()
  trap - INT TERM
  echo "running in the background: $0 --status | --stop"
fi
