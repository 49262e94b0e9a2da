//! Storage migrations of the governance pallet, one module per storage version.

pub mod v2;
pub mod v3;
pub mod v4;
