//! What must hold after every block, whatever was called.

use coop_runtime::{
	Balance, BlockNumber, Bounties, CoopValidators, Governance, Membership, Passport, Runtime,
};

/// Checks the whole state; the error names the first broken invariant.
///
/// - Money: total issuance equals the sum of every account's free and reserved
///   balance and never grows (nothing in this runtime mints: fees and slashes go
///   to the treasury, spends come out of it); each account's holds fit in its
///   reserved balance; no account has consumers without providers.
/// - The federation's pallets: their `try_state` invariants (membership records
///   and deposits, governance tallies recounted from the votes, passport
///   attestation counters, bounty escrows against rewards).
/// - With the `try-runtime` feature, every pallet's `try_state` hook as well
///   (FRAME's balances, treasury, aura, ...).
pub fn check(block: BlockNumber, initial_issuance: Balance) -> Result<(), String> {
	let mut counted: Balance = 0;
	for (who, info) in frame_system::Account::<Runtime>::iter() {
		if info.consumers > 0 && info.providers == 0 {
			return Err(format!("#{block}: {who} has consumers but no providers"));
		}
		counted = counted
			.checked_add(info.data.free)
			.and_then(|c| c.checked_add(info.data.reserved))
			.ok_or_else(|| format!("#{block}: balances overflow"))?;
		let held: Balance =
			pallet_balances::Holds::<Runtime>::get(&who).iter().map(|h| h.amount).sum();
		if held > info.data.reserved {
			return Err(format!(
				"#{block}: {who} has {held} on hold but only {} reserved",
				info.data.reserved
			));
		}
	}
	let issuance = pallet_balances::Pallet::<Runtime>::total_issuance();
	if issuance != counted {
		return Err(format!("#{block}: total issuance {issuance} but accounts hold {counted}"));
	}
	if issuance > initial_issuance {
		return Err(format!("#{block}: issuance grew from {initial_issuance} to {issuance}"));
	}
	let pallets = [
		("membership", Membership::do_try_state()),
		("governance", Governance::do_try_state()),
		("passport", Passport::do_try_state()),
		("bounties", Bounties::do_try_state()),
		("validators", CoopValidators::do_try_state()),
	];
	for (name, result) in pallets {
		result.map_err(|e| format!("#{block}: {name} try_state: {e:?}"))?;
	}
	#[cfg(feature = "try-runtime")]
	{
		use frame_support::traits::{TryState, TryStateSelect};
		coop_runtime::AllPalletsWithSystem::try_state(block, TryStateSelect::All)
			.map_err(|e| format!("#{block}: try_state: {e:?}"))?;
	}
	Ok(())
}
