//! Storage migrations of the membership pallet, one module per storage version.

pub mod v2;
pub mod v3;
