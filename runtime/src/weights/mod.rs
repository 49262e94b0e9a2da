//! Weights measured in this runtime on this project's reference machine: the base
//! weights by `coop-node benchmark overhead` (`scripts/bench-weights.sh overhead`)
//! and FRAME's pallets and the transaction extensions by `benchmark pallet`
//! (`scripts/bench-weights.sh frame`), and the database's read and write costs by
//! `benchmark storage` (`scripts/bench-weights.sh storage`).
//!
//! One exception to "one run": `pallet_scheduler` and `pallet_treasury` were first
//! measured on 2026-12-03, on a machine instance that runs the same benchmarks
//! 2 to 2.5 times faster than the 2026-12-02 instance behind every other file here
//! (until then they used FRAME's reference weights). The next full
//! `scripts/bench-weights.sh` run regenerates all of them together.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_scheduler;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_treasury;
pub mod pallet_utility;
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
