//! `coop-node`: the CoopDAO validator and RPC node.

// `sc_cli::Error` and `sc_service::Error` are the SDK's own (large) error types.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod checked_pool;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
