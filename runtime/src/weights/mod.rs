//! Weights measured in this runtime on this project's reference machine: the base
//! weights by `coop-node benchmark overhead` (`scripts/bench-weights.sh overhead`)
//! and FRAME's pallets and the transaction extensions by `benchmark pallet`
//! (`scripts/bench-weights.sh frame`), and the database's read and write costs by
//! `benchmark storage` (`scripts/bench-weights.sh storage`).

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;
