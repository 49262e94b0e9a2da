//! Storage migrations of the bounties pallet, applied in order.

pub mod v2;
pub mod v3;
pub mod v4;
