#!/usr/bin/env bash
# Throughput of balance transfers vs governance votes on a fresh dev chain.
#
#   scripts/bench-throughput.sh            # N=3000 transfers, then N votes
#   N=1000 RATE=300 scripts/bench-throughput.sh
#   scripts/bench-throughput.sh --smoke    # CI: 200 of each, fails on any loss
#
# Builds coop-node and coop-loadgen (release), starts `coop-node --dev` on free
# loopback ports with a temporary base path and large pool limits, runs
# `coop-loadgen --kind transfer` then `--kind vote` against it, prints one table
# and stops the node. Exits non-zero if a run fails or loses extrinsics.
# Env: N (count per kind), KINDS ("transfer vote" or one of them), RATE
# (submissions/s, default unlimited), KEEP=1 keeps
# the base path (node log, raw outputs) for inspection, BENCH_BASE=<dir> runs in
# that directory and keeps it (the weight script measures storage on its
# database), SKIP_BUILD=1 uses the binaries already in $CARGO_TARGET_DIR/release,
# COOP_NODE=<path> runs another node binary, CHAIN=bench runs the bench chain
# (`--chain bench`: its 2 000 genesis members vote; up to N=100000 votes),
# DEFAULT_POOL=1 keeps the node's default pool limits (a flood of N beyond them is
# refused), IMPORT=1 re-executes the blocks afterwards and prints their execution time as a
# share of their weight, FOLLOWER=1 runs a second node that imports every block
# as the next validator would and prints when it had each one (see below).
#
#   CHAIN=bench KINDS=vote N=100000 scripts/bench-throughput.sh   # RSS after 100k votes
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/common.sh

N="${N:-3000}"
if [[ "${1:-}" == "--smoke" ]]; then
	N="${SMOKE_N:-200}"
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	# Two commands: `-p coop-node -p coop-loadgen` would resolve the node's
	# dependencies' features with the load generator's, and rebuild what
	# scripts/dev-chain.sh already built.
	cargo build --release --locked -p coop-node
	cargo build --release --locked -p coop-loadgen
fi
CHAIN="${CHAIN:-dev}"
case "$CHAIN" in
dev) chain_args=() accounts=fresh ;;
bench) chain_args=(--chain bench) accounts=bench ;;
*)
	echo "CHAIN must be dev or bench, not $CHAIN" >&2
	exit 1
	;;
esac
LOADGEN="$CARGO_TARGET_DIR/release/coop-loadgen"

# A loopback port nothing answers on, below Linux's ephemeral range (32768+), whose
# ports may be bound by outgoing connections though nothing answers on them.
free_port() {
	local port
	while :; do
		port=$((20000 + RANDOM % 12000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
}

if [[ -n "${BENCH_BASE:-}" ]]; then
	BASE="$BENCH_BASE"
	KEEP=1
	mkdir -p "$BASE"
else
	BASE="$(mktemp -d -t coop-bench.XXXXXX)"
fi
RPC_PORT="$(free_port)"
P2P_PORT="$(free_port)"
NODE_PID=""
FOLLOWER_PID=""
stop_node() {
	local pid
	for pid in "$NODE_PID" "$FOLLOWER_PID"; do
		if [[ -n "$pid" ]]; then
			kill "$pid" 2>/dev/null || true
			wait "$pid" 2>/dev/null || true
		fi
	done
	NODE_PID=""
	FOLLOWER_PID=""
}
cleanup() {
	stop_node
	if [[ "${KEEP:-0}" == 1 ]]; then
		echo "kept $BASE (node.log, *.out)" >&2
	else
		rm -rf "$BASE"
	fi
}
trap cleanup EXIT

# Large pool limits, so that a flood of N at once is not refused.
pool_args=(--pool-limit 100000 --pool-kbytes 1000000)
[[ "${DEFAULT_POOL:-0}" != 1 ]] || pool_args=()
"$COOP_NODE" --dev "${chain_args[@]}" --base-path "$BASE/db" --no-mdns --no-telemetry --no-prometheus \
	--rpc-port "$RPC_PORT" --listen-addr "/ip4/127.0.0.1/tcp/$P2P_PORT" \
	--rpc-max-connections 1000 "${pool_args[@]}" \
	--detailed-log-output --disable-log-color 2>"$BASE/node.log" &
NODE_PID=$!

# If the port was taken in the meantime the node listens on a random one instead
# (sc-cli retries): use the port its log names.
RPC_PORT=""
for _ in $(seq 1 240); do
	if ! kill -0 "$NODE_PID" 2>/dev/null; then
		echo "coop-node exited; node log tail:" >&2
		tail -n 20 "$BASE/node.log" >&2
		exit 1
	fi
	RPC_PORT=$(sed -n 's/.*Running JSON-RPC server: addr=127\.0\.0\.1:\([0-9]*\).*/\1/p' "$BASE/node.log" | head -n 1)
	[[ -z "$RPC_PORT" ]] || break
	sleep 0.5
done
if [[ -z "$RPC_PORT" ]]; then
	echo "coop-node opened no RPC server in 120 s; node log tail:" >&2
	tail -n 20 "$BASE/node.log" >&2
	exit 1
fi

# FOLLOWER=1: a second node on loopback (a full node: it verifies and executes
# every block exactly as the next validator does) syncs from the author during the
# run, with the same pool limits, so it also receives and validates the gossiped
# transactions. Afterwards `block-import-times.py` prints, per block, when the
# follower had imported it, counted from the start of the block's slot: the next
# author builds on it at the next slot, 6 000 ms later.
if [[ "${FOLLOWER:-0}" == 1 ]]; then
	peer=$(sed -n 's/.*Local node identity is: \([0-9A-Za-z]*\).*/\1/p' "$BASE/node.log" | head -n 1)
	"$COOP_NODE" --chain "$CHAIN" --base-path "$BASE/follower" --no-mdns --no-telemetry \
		--no-prometheus --rpc-port "$(free_port)" --listen-addr "/ip4/127.0.0.1/tcp/$(free_port)" \
		--bootnodes "/ip4/127.0.0.1/tcp/$P2P_PORT/p2p/$peer" \
		"${pool_args[@]}" --detailed-log-output --disable-log-color 2>"$BASE/follower.log" &
	FOLLOWER_PID=$!
	for _ in $(seq 1 240); do
		grep -qs 'Imported #1 ' "$BASE/follower.log" && break
		if ! kill -0 "$FOLLOWER_PID" 2>/dev/null; then
			echo "the follower exited; its log tail:" >&2
			tail -n 20 "$BASE/follower.log" >&2
			exit 1
		fi
		sleep 0.5
	done
fi

run() {
	local kind="$1"
	local args=(--url "ws://127.0.0.1:$RPC_PORT" --kind "$kind" --count "$N"
		--pid "$NODE_PID" --base-path "$BASE/db" --accounts "$accounts")
	if [[ -n "${RATE:-}" ]]; then
		args+=(--rate "$RATE")
	fi
	echo "--- $kind x$N" >&2
	if ! "$LOADGEN" "${args[@]}" | tee "$BASE/$kind.out"; then
		echo "coop-loadgen --kind $kind failed; node log tail:" >&2
		tail -n 20 "$BASE/node.log" >&2
		return 1
	fi
	grep '^RESULT ' "$BASE/$kind.out" | sed 's/^RESULT //' >"$BASE/$kind.json"
}

# KINDS="vote" runs one kind only (e.g. a sustained RATE=500 N=30000 vote run).
read -r -a kinds <<<"${KINDS:-transfer vote}"
for kind in "${kinds[@]}"; do
	run "$kind"
done
jsons=()
for kind in "${kinds[@]}"; do
	jsons+=("$BASE/$kind.json")
done

echo
jq -s -r '
	def f(x): if x == null then "-" else (x * 10 | round / 10 | tostring) end;
	def ms(x): if x == null then "-" else (x | round | tostring) end;
	(["kind", "n", "ok", "lost", "sub/s", "incl/s", "blocks", "full", "max/blk",
	  "mean/full", "inblk p50", "p95", "p99", "final p50", "p95", "p99", "rss MiB", "db MiB"] | @tsv),
	(.[] | [.kind, .count, (.included - .failed), (.count - .included + .failed),
	  f(.submitted_per_sec), f(.included_per_sec), .blocks_used, .full_blocks,
	  .per_block_max, f(.per_full_block_mean),
	  ms(.in_block_latency_ms.p50), ms(.in_block_latency_ms.p95), ms(.in_block_latency_ms.p99),
	  ms(.finalized_latency_ms.p50), ms(.finalized_latency_ms.p95), ms(.finalized_latency_ms.p99),
	  "\((.rss_kib_before // 0) / 1024 | round)->\((.rss_kib_after // 0) / 1024 | round)",
	  "\((.db_bytes_before // 0) / 1048576 | round)->\((.db_bytes_after // 0) / 1048576 | round)"] | @tsv)
' "${jsons[@]}" | column -t -s $'\t'

# IMPORT=1: stop the node and execute the run's blocks again on its database, as a
# validator importing them would (`benchmark block`, three times each, warm),
# printing each block's execution time as a share of the weight it was charged.
# Over 100 % would mean the weights undercharge. Needs coop-node-benchmarks
# (built by scripts/bench-weights.sh). Block 1 also compiles the runtime.
if [[ "${IMPORT:-0}" == 1 ]]; then
	if [[ ! -x "$bench_node" ]]; then
		echo "IMPORT=1 needs $bench_node: run scripts/bench-weights.sh first" >&2
		exit 1
	fi
	stop_node
	last=$(jq -s 'map(.last_block) | max' "${jsons[@]}")
	"$bench_node" benchmark block --dev "${chain_args[@]}" --base-path "$BASE/db" \
		--from 1 --to "$last" --repeat 3 2>&1 | sed -n 's/.*\(Block [0-9]* with.*\)/\1/p' >"$BASE/import.txt"
	echo
	echo "import (benchmark block): execution time / weight charged"
	for json in "${jsons[@]}"; do
		read -r kind first lastb < <(jq -r '"\(.kind) \(.first_block) \(.last_block)"' "$json")
		awk -v kind="$kind" -v first="$first" -v last="$lastb" '
			{ n = $2 + 0; pct = $7; sub(/%/, "", pct) }
			n >= first && n <= last {
				printf "%s block %d: %s extrinsics, %s%% of its weight\n", kind, n, $4, pct
				if (pct + 0 > max) max = pct + 0
			}
			END { printf "%s: at most %s%% of the weight charged\n", kind, max }
		' "$BASE/import.txt"
	done
fi

if [[ "${FOLLOWER:-0}" == 1 ]]; then
	# Every block up to the run's last, the load generator's setup blocks included
	# (on the dev chain, `batch_all`s of transfers to new accounts).
	last=$(jq -s 'map(.last_block) | max' "${jsons[@]}")
	echo
	echo "blocks #1..#$last on the follower (ms from the start of each block's slot)"
	python3 scripts/block-import-times.py "$BASE/node.log" "$BASE/follower.log" 1 "$last"
fi

[[ "${#kinds[@]}" -eq 2 ]] || exit 0
jq -s -r '
	def ratio(t; v): if t and v and t > 0 then (v / t * 100 | round / 100 | tostring) else "n/a" end;
	"votes/transfers per block: \(ratio(.[0].per_full_block_mean; .[1].per_full_block_mean)) (mean of full blocks), \(ratio(.[0].per_block_max; .[1].per_block_max)) (max)"
' "$BASE/transfer.json" "$BASE/vote.json"
