//! End-to-end tests of `coop-node` (in `tests/`): real nodes on loopback, driven
//! over JSON-RPC as a wallet or an explorer would.
//!
//! They are a client of the chain, so they live apart from the node: the node
//! crate depends on no pallet, these tests build extrinsics with the pallets' call
//! types. They run the release binary `coop-node` found next to this crate's test
//! executables (`$CARGO_TARGET_DIR/release/coop-node`) or at `$COOP_NODE`; build it
//! first (`cargo build --release -p coop-node`, as `scripts/test.sh` does).

use std::path::PathBuf;

/// The `coop-node` binary the tests run.
///
/// # Panics
/// If it has not been built (with the command to build it).
pub fn node_binary() -> PathBuf {
	if let Some(path) = std::env::var_os("COOP_NODE") {
		return PathBuf::from(path);
	}
	// Test executables live in `<target>/<profile>/deps/`; the binary in `<target>/<profile>/`.
	let exe = std::env::current_exe().unwrap_or_default();
	let profile_dir = exe.parent().and_then(|deps| deps.parent()).map(PathBuf::from);
	let node = profile_dir.unwrap_or_default().join("coop-node");
	assert!(
		node.exists(),
		"{} not found: build it first with `cargo build --release -p coop-node` (or set COOP_NODE)",
		node.display()
	);
	node
}
