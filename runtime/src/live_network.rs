//! The genesis of a live network, from the federation's own config (JSON):
//! founding co-ops, attesters, validators with their session keys, endowments.
//! `coop-node live-spec` reads the config and writes the chain spec.
//!
//! Real periods (a week's Membership vote, a day's enactment delay, two for
//! bylaws, hour-long sessions), no sudo, and no well-known development key anywhere: a config that
//! names one (an `//Alice` account or session key) is refused, since anyone can
//! sign with it.

use crate::{
	genesis_config_presets::{
		claim_kinds, genesis, EnactmentDelays, GenesisValidator, Network, TREASURY_ENDOWMENT,
	},
	AccountId, Balance, BlockNumber, DAYS, HOURS,
};
use pallet_coop_membership::Role;
use serde::Deserialize;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::crypto::ByteArray;
use std::collections::BTreeSet;

/// A live network's genesis, as its founders write it. Accounts and keys are
/// SS58 strings (`coop-node key inspect`), amounts are planck (10^-12 COOP).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveGenesis {
	/// The founding co-ops, in order: the first is co-op 0.
	pub coops: Vec<LiveCoop>,
	/// Founding attesters: the claim kind's name (`LegalEntity`, `OfficersKyc`,
	/// `CoopPrinciples`, `GoodStanding`, `MemberKyc`, `MemberInGoodStanding`) and
	/// the account accredited for it.
	#[serde(default)]
	pub attesters: Vec<(String, AccountId)>,
	/// The founding validators (at least four, so GRANDPA survives one fault).
	pub validators: Vec<LiveValidator>,
	/// Endowed accounts and their balances in planck. Every validator account must
	/// be endowed (it pays for `session.setKeys` when it rotates keys).
	pub endowments: Vec<(AccountId, Planck)>,
	/// The treasury's starting balance in planck (default 100,000 COOP).
	#[serde(default)]
	pub treasury: Option<Planck>,
	/// Blocks per session (default 600: one hour).
	#[serde(default)]
	pub session_length: Option<BlockNumber>,
}

/// An amount in planck, written as a JSON number or, above 2^64 (JSON numbers
/// lose precision above 2^53 in many tools), as a decimal string.
#[derive(Clone, Copy)]
pub struct Planck(pub Balance);

impl<'de> Deserialize<'de> for Planck {
	fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
		#[derive(Deserialize)]
		#[serde(untagged)]
		enum Either {
			Number(u64),
			Text(String),
		}
		match Either::deserialize(d)? {
			Either::Number(n) => Ok(Planck(n.into())),
			Either::Text(s) => s.parse().map(Planck).map_err(serde::de::Error::custom),
		}
	}
}

/// A founding co-op.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveCoop {
	pub name: String,
	/// At least one.
	pub admins: Vec<AccountId>,
	#[serde(default)]
	pub members: Vec<AccountId>,
}

/// A founding validator and its session keys (`author_rotateKeys` on its node,
/// or `key generate` + `key insert`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LiveValidator {
	pub account: AccountId,
	/// Index into `coops` of the co-op that runs it.
	pub coop: u32,
	/// sr25519 public key for block authoring.
	pub aura: AuraId,
	/// ed25519 public key for finality votes.
	pub grandpa: GrandpaId,
}

/// The fewest founding validators: GRANDPA needs more than two thirds of them,
/// so four is the smallest set that survives one fault.
pub const MIN_FOUNDING_VALIDATORS: usize = 4;

/// Every public key of the well-known development keyring (`//Alice` ...), as
/// raw 32-byte keys in both schemes.
pub fn dev_public_keys() -> BTreeSet<[u8; 32]> {
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
	Sr25519Keyring::iter()
		.map(|k| k.public().0)
		.chain(Ed25519Keyring::iter().map(|k| k.public().0))
		.collect()
}

/// The runtime genesis config (JSON) of the network `config` describes, or why
/// it is refused.
pub fn live_genesis(config: Value) -> Result<Value, String> {
	let config: LiveGenesis =
		serde_json::from_value(config).map_err(|e| format!("network config: {e}"))?;
	check(&config)?;
	let kinds: Vec<String> =
		claim_kinds().iter().map(|k| String::from_utf8_lossy(&k.name).into_owned()).collect();
	let mut attesters = Vec::new();
	for (kind, who) in config.attesters {
		let id = kinds
			.iter()
			.position(|k| *k == kind)
			.ok_or_else(|| format!("unknown claim kind {kind:?}; known: {kinds:?}"))?;
		attesters.push((id as pallet_coop_passport::ClaimKindId, who));
	}
	let coops = config
		.coops
		.into_iter()
		.map(|c| {
			let admins = c.admins.into_iter().map(|a| (a, Role::Admin));
			let members = c.members.into_iter().map(|m| (m, Role::Member));
			(c.name.into_bytes(), admins.chain(members).collect())
		})
		.collect();
	let validators = config
		.validators
		.into_iter()
		.map(|v| GenesisValidator {
			account: v.account,
			coop: v.coop,
			aura: v.aura,
			grandpa: v.grandpa,
		})
		.collect();
	let treasury = crate::configs::coop::TreasuryAccount::get();
	let mut balances: Vec<(AccountId, Balance)> =
		config.endowments.into_iter().map(|(who, amount)| (who, amount.0)).collect();
	balances.push((treasury, config.treasury.map_or(TREASURY_ENDOWMENT, |t| t.0)));
	Ok(genesis(Network {
		coops,
		attesters,
		validators,
		balances,
		sudo: None,
		track_unit: DAYS,
		delays: EnactmentDelays { short: DAYS, long: 2 * DAYS },
		session_length: config.session_length.unwrap_or(HOURS),
	}))
}

/// Refuses what would build a broken or unsafe chain, with a message that says
/// which entry to fix.
fn check(config: &LiveGenesis) -> Result<(), String> {
	let dev = dev_public_keys();
	let is_dev = |raw: &[u8]| <[u8; 32]>::try_from(raw).is_ok_and(|k| dev.contains(&k));
	let mut accounts: Vec<&AccountId> = Vec::new();
	for coop in &config.coops {
		if coop.admins.is_empty() {
			return Err(format!("co-op {:?} has no admin", coop.name));
		}
		accounts.extend(coop.admins.iter().chain(&coop.members));
	}
	let mut seen = BTreeSet::new();
	for who in &accounts {
		if !seen.insert(*who) {
			return Err(format!("{who} is listed in more than one co-op (or twice)"));
		}
	}
	accounts.extend(config.attesters.iter().map(|(_, who)| who));
	accounts.extend(config.endowments.iter().map(|(who, _)| who));
	if config.validators.len() < MIN_FOUNDING_VALIDATORS {
		return Err(format!(
			"{} validators: a live network needs at least {MIN_FOUNDING_VALIDATORS}",
			config.validators.len()
		));
	}
	let endowed: BTreeSet<&AccountId> = config.endowments.iter().map(|(who, _)| who).collect();
	let mut validators = BTreeSet::new();
	for v in &config.validators {
		if config.coops.len() <= v.coop as usize {
			return Err(format!(
				"validator {} names co-op {}, which is not listed",
				v.account, v.coop
			));
		}
		if !endowed.contains(&v.account) {
			return Err(format!("validator {} has no endowment", v.account));
		}
		if !validators.insert(&v.account) {
			return Err(format!("validator {} is listed twice", v.account));
		}
		if is_dev(v.aura.as_slice()) || is_dev(v.grandpa.as_slice()) {
			return Err(format!("validator {} uses a development session key", v.account));
		}
		accounts.push(&v.account);
	}
	if let Some(who) = accounts.into_iter().find(|who| is_dev(AsRef::<[u8]>::as_ref(*who))) {
		return Err(format!("{who} is a well-known development account: anyone can sign for it"));
	}
	Ok(())
}
