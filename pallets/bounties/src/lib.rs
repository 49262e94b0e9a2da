//! CoopDAO bounties pallet: work in progress.
#![cfg_attr(not(feature = "std"), no_std)]
