//! Genesis presets: `development` (one validator, sudo, funded dev accounts)
//! and `local_testnet` (four validators on one machine, no sudo); and the bench
//! chain's genesis, which the node builds ([`bench_config_genesis`]).

use crate::{
	configs::coop::tracks, AccountId, Balance, BalancesConfig, BlockNumber, CoopValidatorsConfig,
	GovernanceConfig, MembershipConfig, PassportConfig, RuntimeGenesisConfig, SessionConfig,
	SessionKeys, SudoConfig, DAYS, MINUTES, UNIT,
};
use alloc::{vec, vec::Vec};
use pallet_coop_governance::{Method, Scheme, TrackId, TrackInfo};
use pallet_coop_membership::Role;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
use sp_runtime::Perbill;

/// What each endowed dev account starts with: one million COOP.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// Id of the single-validator development preset.
pub use sp_genesis_builder::DEV_RUNTIME_PRESET as DEVELOPMENT;
/// What the federation treasury starts with: one hundred thousand COOP.
pub const TREASURY_ENDOWMENT: crate::Balance = 100_000 * UNIT;

/// Id of the preset a local multi-validator network starts from.
pub use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET as LOCAL_TESTNET;

/// The founding co-ops of the dev and local chains, made of dev accounts:
/// Alpha (Alice admin, Bob), Beta (Charlie admin, Dave), Gamma (Eve admin, Ferdie).
pub fn founding_coops() -> Vec<pallet_coop_membership::types::FoundingCoop<AccountId>> {
	use Sr25519Keyring::*;
	[
		(b"Alpha Tech Co-op", Alice, Bob),
		(b"Beta Tech Co-op ", Charlie, Dave),
		(b"Gamma Tech Co-op", Eve, Ferdie),
	]
	.into_iter()
	.map(|(name, admin, member)| {
		(
			name.trim_ascii_end().to_vec(),
			vec![(admin.to_account_id(), Role::Admin), (member.to_account_id(), Role::Member)],
		)
	})
	.collect()
}

#[allow(clippy::too_many_arguments)]
fn track(
	name: &[u8],
	scheme: Scheme,
	method: Method,
	voting_period: BlockNumber,
	quorum: Perbill,
	threshold: Perbill,
	deposit: Balance,
	enactment_delay: BlockNumber,
) -> TrackInfo<Balance, BlockNumber> {
	TrackInfo {
		name: name.to_vec().try_into().unwrap_or_default(),
		scheme,
		method,
		voting_period,
		quorum,
		threshold,
		deposit,
		max_open: 50,
		// A tenth of a track per co-op: no co-op can fill one.
		max_open_per_coop: 5,
		enactment_delay,
	}
}

/// How long approved calls wait before they run, so members can react: `short`
/// for Ordinary, Membership and Treasury decisions, `long` for Bylaws; Routine
/// (consent) decisions run at once.
pub struct EnactmentDelays {
	pub short: BlockNumber,
	pub long: BlockNumber,
}

/// The federation's voting tracks. `unit` is the base voting period: two blocks on
/// the dev chain so a demo fits in minutes, days on real networks.
pub fn federation_tracks(
	unit: BlockNumber,
	delays: EnactmentDelays,
) -> Vec<(TrackId, TrackInfo<Balance, BlockNumber>)> {
	let half = Perbill::from_percent(50);
	let two_thirds = Perbill::from_rational(2u32, 3u32);
	let none = Perbill::zero();
	let EnactmentDelays { short, long } = delays;
	use Method::*;
	use Scheme::*;
	vec![
		(
			tracks::ORDINARY,
			track(b"Ordinary", PerCoop, Majority, unit.saturating_mul(7), half, half, UNIT, short),
		),
		(
			tracks::BYLAWS,
			track(
				b"Bylaws",
				PerCoop,
				Majority,
				unit.saturating_mul(14),
				two_thirds,
				two_thirds,
				10 * UNIT,
				long,
			),
		),
		(
			tracks::MEMBERSHIP,
			track(
				b"Membership",
				PerCoop,
				Majority,
				unit.saturating_mul(7),
				half,
				half,
				UNIT,
				short,
			),
		),
		(
			tracks::TREASURY,
			track(
				b"Treasury",
				PerCoop,
				Majority,
				unit.saturating_mul(7),
				half,
				half,
				5 * UNIT,
				short,
			),
		),
		(
			tracks::ROUTINE,
			track(b"Routine", PerCoop, Consent, unit.saturating_mul(3), none, half, UNIT, 0),
		),
	]
}

/// Claim kind ids seeded at genesis, in order.
pub mod claims {
	use pallet_coop_passport::ClaimKindId;
	pub const LEGAL_ENTITY: ClaimKindId = 0;
	pub const OFFICERS_KYC: ClaimKindId = 1;
	pub const COOP_PRINCIPLES: ClaimKindId = 2;
	pub const GOOD_STANDING: ClaimKindId = 3;
	pub const MEMBER_KYC: ClaimKindId = 4;
	pub const MEMBER_IN_GOOD_STANDING: ClaimKindId = 5;
}

/// The six claim kinds of the co-op passport, valid for at most a year.
pub fn claim_kinds() -> Vec<pallet_coop_passport::ClaimKind<BlockNumber>> {
	use pallet_coop_passport::{ClaimKind, SubjectKind};
	[
		(&b"LegalEntity"[..], SubjectKind::Coop),
		(b"OfficersKyc", SubjectKind::Coop),
		(b"CoopPrinciples", SubjectKind::Coop),
		(b"GoodStanding", SubjectKind::Coop),
		(b"MemberKyc", SubjectKind::Account),
		(b"MemberInGoodStanding", SubjectKind::Account),
	]
	.into_iter()
	.map(|(name, subject)| ClaimKind {
		name: name.to_vec().try_into().unwrap_or_default(),
		subject,
		max_validity: 365 * DAYS,
	})
	.collect()
}

/// Founding attesters: the founding co-ops' admins (Alice, Charlie, Eve) attest
/// co-op claims; Alice and Charlie also attest their members' KYC.
pub fn attesters() -> Vec<(pallet_coop_passport::ClaimKindId, AccountId)> {
	use claims::*;
	use Sr25519Keyring::*;
	let mut out = Vec::new();
	for kind in [LEGAL_ENTITY, OFFICERS_KYC, COOP_PRINCIPLES, GOOD_STANDING] {
		for who in [Alice, Charlie, Eve] {
			out.push((kind, who.to_account_id()));
		}
	}
	for kind in [MEMBER_KYC, MEMBER_IN_GOOD_STANDING] {
		for who in [Alice, Charlie] {
			out.push((kind, who.to_account_id()));
		}
	}
	out
}

/// A founding validator: its account, the co-op that runs it and its session keys.
pub struct GenesisValidator {
	pub account: AccountId,
	pub coop: pallet_coop_membership::CoopId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// Everything a network's genesis names; every preset (and a live network's
/// config, see [`crate::live_network`]) is built from one.
pub struct Network {
	pub coops: Vec<pallet_coop_membership::types::FoundingCoop<AccountId>>,
	pub attesters: Vec<(pallet_coop_passport::ClaimKindId, AccountId)>,
	pub validators: Vec<GenesisValidator>,
	/// Every endowed account, the treasury's included.
	pub balances: Vec<(AccountId, Balance)>,
	pub sudo: Option<AccountId>,
	pub track_unit: BlockNumber,
	pub delays: EnactmentDelays,
	pub session_length: BlockNumber,
}

/// The genesis config of `network`, as JSON.
pub fn genesis(network: Network) -> Value {
	let Network {
		coops,
		attesters,
		validators,
		balances,
		sudo,
		track_unit,
		delays,
		session_length,
	} = network;
	let config = RuntimeGenesisConfig {
		balances: BalancesConfig { balances, ..Default::default() },
		// Aura's and GRANDPA's authorities come from the session pallet's keys.
		coop_validators: CoopValidatorsConfig {
			validators: validators.iter().map(|v| (v.account.clone(), v.coop)).collect(),
			session_length,
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura, grandpa: v.grandpa };
					(v.account.clone(), v.account, keys)
				})
				.collect(),
			..Default::default()
		},
		sudo: SudoConfig { key: sudo },
		membership: MembershipConfig { founding_coops: coops },
		governance: GovernanceConfig { tracks: federation_tracks(track_unit, delays) },
		passport: PassportConfig { claim_kinds: claim_kinds(), attesters },
		..Default::default()
	};
	serde_json::to_value(config).unwrap_or(Value::Null)
}

/// The dev accounts, each with [`DEV_ENDOWMENT`], and the treasury's funds.
fn dev_balances() -> Vec<(AccountId, Balance)> {
	dev_accounts()
		.into_iter()
		.map(|a| (a, DEV_ENDOWMENT))
		// The federation treasury starts with funds for bounties.
		.chain(core::iter::once((crate::configs::coop::TreasuryAccount::get(), TREASURY_ENDOWMENT)))
		.collect()
}

/// Dev validator `who` of co-op `coop`, with its well-known keys.
fn dev_validator(
	who: Sr25519Keyring,
	grandpa: Ed25519Keyring,
	coop: pallet_coop_membership::CoopId,
) -> GenesisValidator {
	GenesisValidator {
		account: who.to_account_id(),
		coop,
		aura: who.public().into(),
		grandpa: grandpa.public().into(),
	}
}

fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::iter().map(|k| k.to_account_id()).collect()
}

/// One validator (Alice), all dev accounts funded, Alice as sudo.
pub fn development_config_genesis() -> Value {
	genesis(development_network())
}

/// What the development preset names.
fn development_network() -> Network {
	Network {
		coops: founding_coops(),
		attesters: attesters(),
		validators: vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice, 0)],
		balances: dev_balances(),
		sudo: Some(Sr25519Keyring::Alice.to_account_id()),
		// One period unit is 2 blocks (12 s): an Ordinary vote lasts 14 blocks, so a
		// whole propose-vote-close demo fits in under two minutes; approved calls
		// wait 2 blocks (Bylaws 4) before they run.
		track_unit: 2,
		delays: EnactmentDelays { short: 2, long: 4 },
		session_length: LOCAL_SESSION_LENGTH,
	}
}

/// Co-ops of the bench chain besides the dev chain's three: with five open
/// proposals each they fill the Ordinary track (50 open at most).
pub const BENCH_COOPS: u32 = 10;
/// Members of each bench co-op; member 0 is its admin. 10 co-ops × 200 members
/// × 50 proposals = 100 000 distinct first votes.
pub const BENCH_MEMBERS_PER_COOP: u32 = 200;
/// What each bench member starts with: fees and proposal deposits to spare.
pub const BENCH_ENDOWMENT: Balance = 100 * UNIT;

/// The bench chain (`coop-node --chain bench`, for `coop-loadgen --accounts
/// bench`): the development chain plus co-ops whose members are `coops[c][m]`,
/// member 0 of each its admin, every one endowed with [`BENCH_ENDOWMENT`]. A
/// period unit is ten minutes (an Ordinary vote lasts 70), so proposals outlive a
/// long load run. Sessions last an hour, as on a live network: pallet-session
/// charges a session change's block as full, which on the dev chain's one-minute
/// sessions leaves one block in ten without transactions and would cap a sustained
/// load run ten per cent short. The members' keys come from [`bench_member_keys`]; the Wasm
/// runtime cannot derive keys, so the node builds this genesis, not a preset.
pub fn bench_config_genesis(coops: Vec<Vec<AccountId>>) -> Value {
	let mut network = development_network();
	for (c, members) in coops.into_iter().enumerate() {
		network.balances.extend(members.iter().map(|who| (who.clone(), BENCH_ENDOWMENT)));
		let roles = members
			.into_iter()
			.enumerate()
			.map(|(m, who)| (who, if m == 0 { Role::Admin } else { Role::Member }))
			.collect();
		network.coops.push((alloc::format!("Bench Co-op {c}").into_bytes(), roles));
	}
	network.track_unit = 10 * MINUTES;
	network.session_length = crate::HOURS;
	genesis(network)
}

/// The keys of the bench co-ops' members: member `m` of co-op `c` is
/// `//bench//{c}//{m}` from the dev phrase.
#[cfg(feature = "std")]
pub fn bench_member_keys() -> Vec<Vec<sp_core::sr25519::Pair>> {
	use sp_core::{crypto::DeriveJunction, Pair};
	// Hard derivation from the phrase is slow (a key stretch per call): derive the
	// root once, then each member from it.
	let Ok(root) = sp_core::sr25519::Pair::from_string("//bench", None) else {
		return Vec::new();
	};
	(0..BENCH_COOPS)
		.map(|c| {
			(0..BENCH_MEMBERS_PER_COOP)
				.filter_map(|m| {
					let path =
						[DeriveJunction::hard(u64::from(c)), DeriveJunction::hard(u64::from(m))];
					root.derive(path.into_iter(), None).ok().map(|(pair, _)| pair)
				})
				.collect()
		})
		.collect()
}

/// Blocks per session on the dev and local chains: one minute, so a validator
/// admitted by vote starts validating within two.
pub const LOCAL_SESSION_LENGTH: BlockNumber = MINUTES;

/// Four validators (Alice and Bob for Alpha, Charlie and Dave for Beta): GRANDPA
/// finalizes with any three, so one validator may be down. Gamma (Eve) can add a
/// fifth by vote. All dev accounts funded, no sudo: only votes act. Periods are a
/// test network's: a Membership vote lasts 70 blocks (or closes as soon as every
/// member voted), approved calls wait 2 blocks (Bylaws 4), sessions last a minute.
pub fn local_config_genesis() -> Value {
	use Ed25519Keyring as Ed;
	use Sr25519Keyring as Sr;
	genesis(Network {
		coops: founding_coops(),
		attesters: attesters(),
		validators: vec![
			dev_validator(Sr::Alice, Ed::Alice, 0),
			dev_validator(Sr::Bob, Ed::Bob, 0),
			dev_validator(Sr::Charlie, Ed::Charlie, 1),
			dev_validator(Sr::Dave, Ed::Dave, 1),
		],
		balances: dev_balances(),
		sudo: None,
		track_unit: MINUTES,
		delays: EnactmentDelays { short: 2, long: 4 },
		session_length: LOCAL_SESSION_LENGTH,
	})
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
