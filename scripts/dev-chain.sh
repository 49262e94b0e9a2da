#!/usr/bin/env bash
# Sets up the machine, builds coop-node and runs a one-validator dev chain
# (Alice, sudo, funded dev accounts, temporary database). Extra arguments go to
# the node, e.g. `scripts/dev-chain.sh --rpc-port 9955`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/common.sh
cargo build --release --locked -p coop-node
exec "$COOP_NODE" --dev --no-mdns --rpc-cors all "$@"
