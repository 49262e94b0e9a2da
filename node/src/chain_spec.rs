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

/// `--chain bench` (with `--dev`'s other settings): the development chain plus
/// ten co-ops of 200 funded members whose keys are public (`//bench//{c}//{m}`),
/// for `coop-loadgen --accounts bench` runs of up to 100 000 votes.
pub fn bench_chain_spec() -> Result<ChainSpec, String> {
	use sp_core::Pair;
	let coops = genesis_config_presets::bench_member_keys()
		.iter()
		.map(|coop| coop.iter().map(|pair| pair.public().into()).collect())
		.collect();
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("CoopDAO Bench")
		.with_id("coop_bench")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_patch(genesis_config_presets::bench_config_genesis(coops))
		.with_properties(properties())
		.build())
}

/// A live network's config file, what `coop-node live-spec` reads: the chain's
/// identity and boot nodes beside the genesis the federation's founders agreed
/// (see `coop_runtime::live_network::LiveGenesis` and
/// `scripts/live-network.example.json`).
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NetworkConfig {
	/// Shown by wallets and explorers, e.g. "CoopDAO Federation".
	pub name: String,
	/// Names the chain's database directory, e.g. "coopdao".
	pub id: String,
	/// Keeps its peer-to-peer traffic apart from other chains', e.g. "coop".
	pub protocol_id: String,
	/// Multiaddresses with peer ids (`/dns/v1.example.org/tcp/30333/p2p/12D3...`).
	#[serde(default)]
	pub boot_nodes: Vec<String>,
	/// The founding co-ops, attesters, validators and endowments.
	pub genesis: serde_json::Value,
}

/// The chain spec of the live network the config file at `path` describes.
pub fn live_chain_spec(path: &std::path::Path) -> Result<ChainSpec, String> {
	let text = std::fs::read_to_string(path)
		.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
	let config: NetworkConfig =
		serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
	let boot_nodes = config
		.boot_nodes
		.iter()
		.map(|b| b.parse().map_err(|e| format!("boot node {b:?}: {e}")))
		.collect::<Result<Vec<sc_service::config::MultiaddrWithPeerId>, String>>()?;
	let genesis = coop_runtime::live_network::live_genesis(config.genesis)?;
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name(&config.name)
		.with_id(&config.id)
		.with_chain_type(ChainType::Live)
		.with_protocol_id(&config.protocol_id)
		.with_boot_nodes(boot_nodes)
		.with_genesis_config(genesis)
		.with_properties(properties())
		.build())
}
