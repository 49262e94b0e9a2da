//! Chain specifications built from the runtime's genesis presets.

use coop_runtime::{genesis_config_presets, WASM_BINARY};
use sc_service::ChainType;

/// A chain spec for this runtime (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

fn properties() -> sc_chain_spec::Properties {
	let mut properties = sc_chain_spec::Properties::new();
	properties.insert("tokenSymbol".into(), "COOP".into());
	properties.insert("tokenDecimals".into(), 12.into());
	properties.insert("ss58Format".into(), 42.into());
	properties
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| "Development wasm not available: build with the `std` feature".into())
}

/// `--dev`: one validator (Alice) with sudo, for development only.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("CoopDAO Development")
		.with_id("coop_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(genesis_config_presets::DEVELOPMENT)
		.with_properties(properties())
		.build())
}

/// `--chain local`: four validators (Alice, Bob, Charlie, Dave) on one machine, no sudo.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("CoopDAO Local Testnet")
		.with_id("coop_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(genesis_config_presets::LOCAL_TESTNET)
		.with_properties(properties())
		.build())
}
