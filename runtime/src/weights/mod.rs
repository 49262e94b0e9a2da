//! The runtime's base weights, measured on this project's reference machine by
//! `coop-node benchmark overhead` (`scripts/bench-weights.sh overhead`).

pub mod block_weights;
pub mod extrinsic_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
