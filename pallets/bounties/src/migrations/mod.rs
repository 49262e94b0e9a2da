//! Storage migrations of the bounties pallet.

pub mod v2;
