//! Command-line interface of `coop-node`.

/// Sub-commands beside running the node.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate, inspect, insert session keys.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification for a real network (`--chain local --raw`, ...).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Write the chain spec of a new live network from its config file (founding
	/// co-ops, attesters, validators and their session keys, endowments, boot
	/// nodes): `coop-node live-spec --config network.json --raw > chain.json`.
	LiveSpec(LiveSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Runtime benchmarks (weights of pallets, blocks, storage, machine). Compiled in
	/// only with `--features runtime-benchmarks` (scripts/bench-weights.sh does).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// `coop-node live-spec`.
#[derive(Debug, clap::Parser)]
pub struct LiveSpecCmd {
	/// The network's config file (JSON); see `scripts/live-network.example.json`.
	#[arg(long)]
	pub config: std::path::PathBuf,
	/// Write the raw chain spec (genesis storage), what every node of the network
	/// must start from so they agree on the genesis hash.
	#[arg(long)]
	pub raw: bool,
}

/// `coop-node` command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,
}
