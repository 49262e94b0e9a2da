//! CoopDAO passport pallet: work in progress.
#![cfg_attr(not(feature = "std"), no_std)]
