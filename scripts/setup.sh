#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build and test CoopDAO.
# Idempotent: every step checks first and does nothing when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v clang >/dev/null 2>&1 || need_apt+=(clang)
dpkg -s libclang-dev >/dev/null 2>&1 || need_apt+=(libclang-dev)
command -v cc >/dev/null 2>&1 || need_apt+=(build-essential)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3) # scripts/test.sh reads cargo's JSON with it
dpkg -s libssl-dev >/dev/null 2>&1 || need_apt+=(libssl-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "setup: installing ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

if ! command -v rustup >/dev/null 2>&1; then
  echo "setup: rustup is required (https://rustup.rs); install it and re-run" >&2
  exit 1
fi
# rust-toolchain.toml names the toolchain, its components and the wasm target;
# `rustup show` (or `rustup toolchain install` on newer rustup) installs what is missing.
rustup toolchain install >/dev/null 2>&1 || rustup show >/dev/null
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32v1-none \
  || rustup target add wasm32v1-none --toolchain "$toolchain"
rustup component list --installed --toolchain "$toolchain" | grep -q '^rust-src' \
  || rustup component add rust-src --toolchain "$toolchain"

echo "setup: ok"
