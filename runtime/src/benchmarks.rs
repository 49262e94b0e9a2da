//! The pallets whose weights the node's `benchmark pallet` command measures.

pub use frame_benchmarking::baseline::Pallet as BaselineBench;
pub use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

use super::*;

impl frame_system_benchmarking::Config for Runtime {}
impl frame_benchmarking::baseline::Config for Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Arguments for the treasury's benchmarks, which pay out 100 planck: less than
/// the existential deposit. On a live chain the treasury account exists (fees and
/// slashes fund it), so the helper gives it, and each beneficiary, the existential
/// deposit first; otherwise `payout` and `check_status` could not succeed here.
/// Paying an account that exists skips only the new account's provider count.
pub struct TreasuryArguments;

impl pallet_treasury::ArgumentsFactory<(), AccountId> for TreasuryArguments {
	fn create_asset_kind(_seed: u32) {
		give_existential_deposit(&configs::coop::TreasuryAccount::get());
	}

	fn create_beneficiary(seed: [u8; 32]) -> AccountId {
		let who = AccountId::from(seed);
		give_existential_deposit(&who);
		who
	}
}

fn give_existential_deposit(who: &AccountId) {
	use frame_support::traits::fungible::{Inspect, Mutate};
	if <Balances as Inspect<AccountId>>::balance(who) < EXISTENTIAL_DEPOSIT {
		// Setup only: had it failed, the benchmark's payout would fail and say so.
		let _ = <Balances as Mutate<AccountId>>::set_balance(who, EXISTENTIAL_DEPOSIT);
	}
}

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_sudo, Sudo]
	[pallet_scheduler, Scheduler]
	[pallet_treasury, Treasury]
	[pallet_coop_membership, Membership]
	[pallet_coop_governance, Governance]
	[pallet_coop_passport, Passport]
	[pallet_coop_bounties, Bounties]
	[pallet_coop_validators, CoopValidators]
);
