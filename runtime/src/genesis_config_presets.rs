//! Genesis presets: `development` (one validator, sudo, funded dev accounts)
//! and `local_testnet` (three validators on one machine, no sudo).

use crate::{AccountId, BalancesConfig, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// What each endowed dev account starts with: one million COOP.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// Id of the single-validator development preset.
pub use sp_genesis_builder::DEV_RUNTIME_PRESET as DEVELOPMENT;
/// Id of the preset a local multi-validator network starts from.
pub use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET as LOCAL_TESTNET;

fn genesis(
	authorities: Vec<(AuraId, GrandpaId)>,
	endowed: Vec<AccountId>,
	sudo: Option<AccountId>,
) -> Value {
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, DEV_ENDOWMENT)).collect(),
			..Default::default()
		},
		aura: pallet_aura::GenesisConfig {
			authorities: authorities.iter().map(|(aura, _)| aura.clone()).collect(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: authorities.into_iter().map(|(_, grandpa)| (grandpa, 1)).collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: sudo },
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or(Value::Null)
}

fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// One validator (Alice), all dev accounts funded, Alice as sudo.
pub fn development_config_genesis() -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		Some(Sr25519Keyring::Alice.to_account_id()),
	)
}

/// Three validators (Alice, Bob, Charlie), all dev accounts funded, no sudo.
pub fn local_config_genesis() -> Value {
	genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			authority(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		],
		dev_accounts(),
		None,
	)
}

/// The preset with the given id, as JSON bytes.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEVELOPMENT => development_config_genesis(),
		LOCAL_TESTNET => local_config_genesis(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(|s| s.into_bytes())
}

/// The ids of all presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT), PresetId::from(LOCAL_TESTNET)]
}
