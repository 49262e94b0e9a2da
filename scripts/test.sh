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

echo "== unit, runtime and end-to-end tests"
cargo test --release --locked --workspace

echo "== benchmark test suites (runtime-benchmarks feature)"
cargo test --release --locked -p pallet-coop-membership -p pallet-coop-governance --features runtime-benchmarks
