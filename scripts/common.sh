# Shared settings for the scripts: one target dir outside the clone, so every
# script, the README commands and CI reuse the same build.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/coopdao-target}"
COOP_NODE="${COOP_NODE:-$CARGO_TARGET_DIR/release/coop-node}"
export COOP_NODE
