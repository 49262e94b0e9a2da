#!/usr/bin/env bash
# There is no Docker engine on the CI machine, so this plays the Dockerfile's
# dependency layer without one: the workspace members it names must be exactly
# those of Cargo.toml, it must COPY each of their manifests, and `cargo fetch
# --locked` must succeed on those manifests alone with empty sources, as in the
# image build.
set -euo pipefail
cd "$(dirname "$0")/.."
dockerfile=docker/Dockerfile

workspace=$(sed -n '/^members = \[/,/^\]/p' Cargo.toml | grep -o '"[^"]*"' | tr -d '"' | sort)
in_docker=$(sed -n 's/^RUN members="\([^"]*\)".*/\1/p' "$dockerfile" | tr ' ' '\n' | sort)
if [ "$workspace" != "$in_docker" ]; then
  echo "error: $dockerfile's members differ from Cargo.toml's:" >&2
  diff <(echo "$workspace") <(echo "$in_docker") >&2 || true
  exit 1
fi

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp Cargo.toml Cargo.lock "$stage/"
for m in $workspace; do
  grep -qx "COPY $m/Cargo.toml $m/" "$dockerfile" \
    || { echo "error: $dockerfile does not COPY $m/Cargo.toml" >&2; exit 1; }
  mkdir -p "$stage/$m/src"
  cp "$m/Cargo.toml" "$stage/$m/"
  touch "$stage/$m/src/lib.rs"
done
(cd "$stage" && cargo fetch --locked --quiet)
echo "check-dockerfile: the dependency layer fetches with the manifests alone"
