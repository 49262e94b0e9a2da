//! Who acts in a fuzz run. The dev keys are the founding co-ops' admins and
//! members and the passport attesters of the dev genesis; outsiders are funded
//! but belong to no co-op; a stranger has nothing at all.

use coop_runtime::AccountId;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;

/// An account whose key the fuzzer holds.
pub struct Signer {
	/// Its name in traces.
	pub name: String,
	/// Its key.
	pub pair: sr25519::Pair,
	/// Its account.
	pub account: AccountId,
}

/// The fuzzer's cast.
pub struct Actors {
	/// Accounts that sign calls: dev keys, then outsiders, then the stranger.
	pub signers: Vec<Signer>,
	/// Accounts an input can name in a call's arguments: every signer, plus the
	/// treasury and an account nobody holds.
	pub named: Vec<AccountId>,
}

/// How many funded outsiders take part.
pub const OUTSIDERS: usize = 4;

impl Actors {
	/// The cast of every run.
	pub fn new() -> Actors {
		let mut signers: Vec<Signer> = Sr25519Keyring::iter()
			.map(|k| Signer { name: format!("{k:?}"), pair: k.pair(), account: k.to_account_id() })
			.collect();
		for name in (0..OUTSIDERS).map(|i| format!("Outsider{i}")).chain(["Stranger".to_string()]) {
			let pair = sr25519::Pair::from_string(&format!("//{name}"), None)
				.unwrap_or_else(|_| sr25519::Pair::from_seed(&[7; 32]));
			signers.push(Signer { name, account: pair.public().into(), pair });
		}
		let named = signers
			.iter()
			.map(|s| s.account.clone())
			.chain([
				coop_runtime::configs::coop::TreasuryAccount::get(),
				AccountId::new([0xEE; 32]),
			])
			.collect();
		Actors { signers, named }
	}

	/// The outsiders that genesis funds.
	pub fn outsiders(&self) -> impl Iterator<Item = &Signer> {
		self.signers.iter().filter(|s| s.name.starts_with("Outsider"))
	}
}

impl Default for Actors {
	fn default() -> Self {
		Self::new()
	}
}
