//! Runtime-level tests: genesis presets, a transfer, FRAME's integrity checks.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::arithmetic_side_effects)]

use crate::{
	genesis_config_presets::{self, DEV_ENDOWMENT},
	AllPalletsWithSystem, Balances, BuildStorage, Runtime, RuntimeCall, RuntimeGenesisConfig,
	RuntimeOrigin, System, UNIT,
};
use frame_support::traits::{IntegrityTest, UnfilteredDispatchable};
use sp_genesis_builder::PresetId;
use sp_keyring::Sr25519Keyring;

fn ext_from_preset(id: &str) -> sp_io::TestExternalities {
	let json = genesis_config_presets::get_preset(&PresetId::from(id)).expect("preset exists");
	let config: RuntimeGenesisConfig = serde_json::from_slice(&json).expect("preset parses");
	let mut ext = sp_io::TestExternalities::new(config.build_storage().expect("genesis builds"));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

#[test]
fn every_preset_builds_genesis() {
	for id in genesis_config_presets::preset_names() {
		let id = String::from_utf8(id.as_ref().as_bytes().to_vec()).unwrap();
		ext_from_preset(&id).execute_with(|| {
			assert_eq!(
				Balances::free_balance(Sr25519Keyring::Alice.to_account_id()),
				DEV_ENDOWMENT
			);
			assert!(!pallet_aura::Authorities::<Runtime>::get().is_empty());
		});
	}
}

#[test]
fn only_the_development_preset_has_sudo() {
	ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
	});
	ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 3);
	});
}

#[test]
fn transfer_moves_funds() {
	ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let dest: crate::AccountId = sp_core::crypto::AccountId32::new([7u8; 32]);
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: dest.clone().into(),
			value: 3 * UNIT,
		});
		call.dispatch_bypass_filter(RuntimeOrigin::signed(alice.clone())).unwrap();
		assert_eq!(Balances::free_balance(&dest), 3 * UNIT);
		assert_eq!(Balances::free_balance(&alice), DEV_ENDOWMENT - 3 * UNIT);
	});
}

#[test]
fn integrity_test_passes() {
	ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
		AllPalletsWithSystem::integrity_test();
	});
}

#[test]
fn unknown_preset_is_none() {
	assert!(genesis_config_presets::get_preset(&PresetId::from("mainnet")).is_none());
}
