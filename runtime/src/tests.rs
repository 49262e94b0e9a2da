//! Runtime-level tests: genesis presets, a transfer, FRAME's integrity checks.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

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
	let names = [genesis_config_presets::DEVELOPMENT, genesis_config_presets::LOCAL_TESTNET];
	assert_eq!(
		genesis_config_presets::preset_names(),
		names.iter().map(|n| PresetId::from(*n)).collect::<Vec<_>>()
	);
	for id in names {
		ext_from_preset(id).execute_with(|| {
			assert_eq!(
				Balances::free_balance(Sr25519Keyring::Alice.to_account_id()),
				DEV_ENDOWMENT
			);
			assert!(!pallet_aura::Authorities::<Runtime>::get().is_empty());
		});
	}
}

#[test]
fn bench_genesis_makes_every_bench_key_a_funded_member() {
	use genesis_config_presets::{BENCH_COOPS, BENCH_ENDOWMENT, BENCH_MEMBERS_PER_COOP};
	use pallet_coop_membership::{Coops, Members, Role};
	use sp_core::Pair;
	let keys = genesis_config_presets::bench_member_keys();
	let coops: Vec<Vec<crate::AccountId>> =
		keys.iter().map(|coop| coop.iter().map(|pair| pair.public().into()).collect()).collect();
	assert_eq!(coops.len(), BENCH_COOPS as usize);
	let all: std::collections::BTreeSet<_> = coops.iter().flatten().collect();
	assert_eq!(all.len(), (BENCH_COOPS * BENCH_MEMBERS_PER_COOP) as usize, "keys are distinct");
	// The documented derivation path, so other tools can rebuild the keys.
	let uri_key = sp_core::sr25519::Pair::from_string("//bench//3//17", None).unwrap();
	assert_eq!(keys[3][17].public(), uri_key.public());

	let json = genesis_config_presets::bench_config_genesis(coops.clone());
	let config: RuntimeGenesisConfig = serde_json::from_value(json).expect("bench genesis parses");
	sp_io::TestExternalities::new(config.build_storage().expect("bench genesis builds"))
		.execute_with(|| {
			let dev_coops = genesis_config_presets::founding_coops().len() as u32;
			for (c, members) in coops.iter().enumerate() {
				let id = dev_coops + c as u32;
				let coop = Coops::<Runtime>::get(id).expect("bench co-op exists");
				assert_eq!(coop.member_count, BENCH_MEMBERS_PER_COOP);
				for (m, who) in members.iter().enumerate() {
					let info = Members::<Runtime>::get(who).expect("bench key is a member");
					assert_eq!(info.coop, id);
					assert_eq!(info.role, if m == 0 { Role::Admin } else { Role::Member });
					assert_eq!(Balances::free_balance(who), BENCH_ENDOWMENT);
				}
			}
			// The dev chain is still there.
			assert_eq!(
				Balances::free_balance(Sr25519Keyring::Alice.to_account_id()),
				DEV_ENDOWMENT
			);
			// Hour-long sessions, as on a live network: no session change (a block
			// without transactions) inside a load run.
			assert_eq!(pallet_coop_validators::SessionLength::<Runtime>::get(), crate::HOURS);
		});
}

#[test]
fn only_the_development_preset_has_sudo() {
	ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
	});
	ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		// Four validators: GRANDPA finalizes with any three.
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 4);
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

/// A block is executed twice in one slot: by its author from the slot's start,
/// then by the next author, who must have imported it when its own slot starts.
/// Each may take the block's whole weight, so the limit is at most half a slot
/// (the README's performance section has the measured times).
#[test]
fn a_full_block_can_be_built_and_imported_within_one_slot() {
	use frame_support::weights::constants::WEIGHT_REF_TIME_PER_MILLIS;
	let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block.ref_time();
	let slot = crate::SLOT_DURATION.saturating_mul(WEIGHT_REF_TIME_PER_MILLIS);
	assert!(max.saturating_mul(2) <= slot, "{max} ps of weight per block, {slot} ps per slot");
}

#[test]
fn unknown_preset_is_none() {
	assert!(genesis_config_presets::get_preset(&PresetId::from("mainnet")).is_none());
}

#[test]
fn presets_found_three_active_coops_and_seed_tracks() {
	for id in [genesis_config_presets::DEVELOPMENT, genesis_config_presets::LOCAL_TESTNET] {
		ext_from_preset(id).execute_with(|| {
			use pallet_coop_membership::CoopMembership;
			assert_eq!(crate::Membership::active_coops(), 3);
			assert_eq!(crate::Membership::active_members(), 6);
			assert!(crate::Membership::is_admin(&Sr25519Keyring::Alice.to_account_id(), 0));
			assert_eq!(pallet_coop_governance::Tracks::<Runtime>::iter().count(), 5);
			assert_eq!(pallet_coop_passport::ClaimKinds::<Runtime>::iter().count(), 6);
			assert!(pallet_coop_passport::Accredited::<Runtime>::contains_key(
				genesis_config_presets::claims::MEMBER_KYC,
				Sr25519Keyring::Alice.to_account_id()
			));
			crate::Passport::do_try_state().unwrap();
			crate::Membership::do_try_state().unwrap();
			crate::Governance::do_try_state().unwrap();
		});
	}
}

/// Joining a co-op runs the passport's policy check when the joiner accepts: the
/// worst case is charged up front and refunded when the co-op has no member policy.
#[test]
fn joining_refunds_the_policy_check_when_the_coop_has_no_policy() {
	use pallet_coop_passport::WeightInfo as _;
	type PassportWeights = <Runtime as pallet_coop_passport::Config>::WeightInfo;
	let joiner = Sr25519Keyring::One.to_account_id();
	let invite = RuntimeCall::Membership(pallet_coop_membership::Call::add_member {
		who: joiner.clone().into(),
	});
	let accept =
		RuntimeCall::Membership(pallet_coop_membership::Call::accept_invitation { coop: 0 });
	let check = PassportWeights::check_member_policy();

	ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
		let alice = RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id());
		invite.dispatch_bypass_filter(alice).unwrap();
		// Alpha has no member policy: the check's worst case is refunded.
		let post = accept.dispatch_bypass_filter(RuntimeOrigin::signed(joiner.clone())).unwrap();
		let actual = post.actual_weight.unwrap();
		assert!(actual.all_lt(check), "{actual:?} not below {check:?}");
		assert!(pallet_coop_membership::Members::<Runtime>::contains_key(&joiner));
	});
}

#[test]
fn coop_sovereign_accounts_are_distinct() {
	assert_ne!(crate::Membership::sovereign_account(0), crate::Membership::sovereign_account(1));
}

mod federation {
	use super::*;
	use crate::{configs::coop::tracks, Governance, Membership};
	use pallet_coop_governance::{Outcome, ProposalAction, Vote};
	use pallet_coop_membership::CoopStatus;
	use sp_core::H256;

	pub(super) fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
		RuntimeOrigin::signed(k.to_account_id())
	}

	fn federation(track: pallet_coop_governance::TrackId) -> RuntimeOrigin {
		RuntimeOrigin::from(pallet_coop_governance::Origin::Federation { track })
	}

	/// A one-deliverable bounty of `reward` reviewed by Bob (Alpha) and Dave (Beta).
	fn bounty_terms(reward: crate::Balance) -> pallet_coop_bounties::TermsOf<Runtime> {
		pallet_coop_bounties::BountyTerms {
			spec_hash: H256::repeat_byte(7),
			spec_url: b"https://example.org/spec".to_vec().try_into().unwrap(),
			reward,
			milestones: Default::default(),
			reviewers: vec![
				Sr25519Keyring::Bob.to_account_id(),
				Sr25519Keyring::Dave.to_account_id(),
			]
			.try_into()
			.unwrap(),
			approvals_needed: 2,
			claim_period: 100,
			hours: None,
		}
	}

	/// The three founding co-ops' admins vote aye on `id`; the vote is then closed
	/// after its deadline.
	pub(super) fn pass(id: u32) {
		for admin in [Sr25519Keyring::Alice, Sr25519Keyring::Charlie, Sr25519Keyring::Eve] {
			Governance::vote(signed(admin), id, Vote::Aye).unwrap();
		}
		let deadline = pallet_coop_governance::Proposals::<Runtime>::get(id).unwrap().deadline;
		System::set_block_number(deadline);
		Governance::close(signed(Sr25519Keyring::Bob), id, frame_support::weights::Weight::MAX)
			.unwrap();
		let decision = pallet_coop_governance::Decisions::<Runtime>::get(id).unwrap();
		assert_eq!(decision.outcome, Outcome::Approved);
		// The call waits out its track's enactment delay, then the scheduler runs it.
		if let Some(at) = decision.enact_at {
			assert_eq!(decision.enactment, None);
			// The test jumps over the blocks in between; a chain services each of them,
			// so the scheduler has nothing left over from them.
			pallet_scheduler::IncompleteSince::<Runtime>::kill();
			System::set_block_number(at);
			<crate::Scheduler as frame_support::traits::Hooks<_>>::on_initialize(at);
			assert!(
				pallet_coop_governance::Decisions::<Runtime>::get(id).unwrap().enactment.is_some(),
				"not enacted at {at}: {:?}",
				System::events()
			);
		}
	}

	/// Motions hold back the co-ops they would suspend or expel, wherever the call
	/// hides them, and only on the track that may enact them; one naming two co-ops
	/// is refused, since only one co-op can be held per proposal.
	#[test]
	fn motion_subjects_are_found_in_batches_and_if_else_on_the_membership_track() {
		use crate::configs::coop::SuspendOrExpel;
		use pallet_coop_governance::MotionSubject;
		use pallet_utility::Call as U;
		let expel = |coop| {
			RuntimeCall::Membership(pallet_coop_membership::Call::expel_coop {
				coop,
				reason: H256::repeat_byte(1),
			})
		};
		let suspend = |coop| {
			RuntimeCall::Membership(pallet_coop_membership::Call::suspend_coop {
				coop,
				reason: H256::repeat_byte(1),
			})
		};
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let coops = |track, call: &RuntimeCall| SuspendOrExpel::coops_of(track, call);
		let hidden = RuntimeCall::Utility(U::if_else {
			main: Box::new(remark.clone()),
			fallback: Box::new(RuntimeCall::Utility(U::force_batch { calls: vec![expel(4)] })),
		});
		assert_eq!(coops(tracks::MEMBERSHIP, &hidden), vec![4]);
		let same = RuntimeCall::Utility(U::batch_all { calls: vec![suspend(3), expel(3)] });
		assert_eq!(coops(tracks::MEMBERSHIP, &same), vec![3]);
		let two = RuntimeCall::Utility(U::batch { calls: vec![expel(2), remark, expel(1)] });
		assert_eq!(coops(tracks::MEMBERSHIP, &two), vec![1, 2]);
		for track in [tracks::ORDINARY, tracks::BYLAWS, tracks::TREASURY, tracks::ROUTINE] {
			assert!(coops(track, &expel(1)).is_empty());
			assert!(coops(track, &hidden).is_empty());
		}
		ext_from_preset(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
			assert_eq!(
				Governance::propose(
					signed(Sr25519Keyring::Alice),
					tracks::MEMBERSHIP,
					Box::new(ProposalAction::Call(Box::new(two))),
				),
				Err(pallet_coop_governance::Error::<Runtime>::MotionAgainstSeveralCoops.into())
			);
		});
	}

	#[test]
	fn local_tracks_delay_enactment_and_bylaws_need_two_thirds() {
		ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
			let bylaws = pallet_coop_governance::Tracks::<Runtime>::get(tracks::BYLAWS).unwrap();
			let two_thirds = sp_runtime::Perbill::from_rational(2u32, 3u32);
			assert!(bylaws.quorum >= two_thirds && bylaws.threshold >= two_thirds);
			assert_eq!(bylaws.enactment_delay, 4);
			for (id, track) in pallet_coop_governance::Tracks::<Runtime>::iter() {
				Governance::validate_track(id, &track).unwrap();
				let expected = if id == tracks::ROUTINE {
					0
				} else if id == tracks::BYLAWS {
					4
				} else {
					2
				};
				assert_eq!(track.enactment_delay, expected, "track {id}");
			}
		});
	}

	#[test]
	fn runtime_upgrade_is_authorised_through_the_bylaws_track() {
		ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
			let code_hash = H256::repeat_byte(0xc0);
			// Not on another track.
			assert!(Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::ORDINARY,
				Box::new(ProposalAction::AuthorizeUpgrade(code_hash)),
			)
			.is_err());
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::BYLAWS,
				Box::new(ProposalAction::AuthorizeUpgrade(code_hash)),
			)
			.unwrap();
			pass(0);
			assert!(System::events().iter().any(|r| r.event
				== crate::RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
					code_hash,
					check_version: true,
				})));
		});
	}

	#[test]
	fn admission_through_the_membership_track_and_not_others() {
		ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
			Membership::apply_coop(
				signed(Sr25519Keyring::One),
				b"Delta".to_vec().try_into().unwrap(),
				H256::zero(),
			)
			.unwrap();
			let admit =
				RuntimeCall::Membership(pallet_coop_membership::Call::admit_coop { coop: 3 });
			// Direct calls are refused: the local chain has no sudo.
			assert!(Membership::admit_coop(signed(Sr25519Keyring::Alice), 3).is_err());
			// Approved on the Ordinary track, the call is refused for its origin.
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::ORDINARY,
				Box::new(ProposalAction::Call(Box::new(admit.clone()))),
			)
			.unwrap();
			pass(0);
			assert_eq!(
				pallet_coop_governance::Decisions::<Runtime>::get(0).unwrap().enactment,
				Some(Err(sp_runtime::DispatchError::BadOrigin))
			);
			// On the Membership track it is enacted.
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::MEMBERSHIP,
				Box::new(ProposalAction::Call(Box::new(admit))),
			)
			.unwrap();
			pass(1);
			assert_eq!(
				pallet_coop_membership::Coops::<Runtime>::get(3).unwrap().status,
				CoopStatus::Active
			);
			Membership::do_try_state().unwrap();
			Governance::do_try_state().unwrap();
		});
	}

	#[test]
	fn federation_funds_a_bounty_from_the_treasury_by_one_vote() {
		ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
			let treasury = crate::configs::coop::TreasuryAccount::get();
			let before = crate::Balances::free_balance(&treasury);
			let reward = 500 * UNIT;
			// Two milestones, reviewed by Bob (Alpha) and Dave (Beta).
			let milestone = |amount, byte| pallet_coop_bounties::Milestone {
				amount,
				description: H256::repeat_byte(byte),
			};
			let terms = pallet_coop_bounties::BountyTerms {
				milestones: vec![milestone(200 * UNIT, 1), milestone(300 * UNIT, 2)]
					.try_into()
					.unwrap(),
				hours: Some(80),
				..bounty_terms(reward)
			};
			let fund =
				RuntimeCall::Bounties(pallet_coop_bounties::Call::fund_from_treasury { terms });
			// Not on the Ordinary track ...
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::ORDINARY,
				Box::new(ProposalAction::Call(Box::new(fund.clone()))),
			)
			.unwrap();
			pass(0);
			assert_eq!(crate::Balances::free_balance(&treasury), before);
			// ... but on the Treasury track the bounty opens, fully funded.
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::TREASURY,
				Box::new(ProposalAction::Call(Box::new(fund))),
			)
			.unwrap();
			pass(1);
			assert_eq!(
				pallet_coop_governance::Decisions::<Runtime>::get(1).unwrap().enactment,
				Some(Ok(()))
			);
			assert_eq!(crate::Balances::free_balance(&treasury), before - reward);
			assert_eq!(crate::Balances::free_balance(crate::Bounties::escrow(0)), reward);
			let bounty = pallet_coop_bounties::Bounties::<Runtime>::get(0).unwrap();
			assert_eq!(bounty.milestones.len(), 2);
			assert_eq!(bounty.funder, pallet_coop_bounties::Funder::Treasury);
			crate::Bounties::do_try_state().unwrap();
		});
	}

	/// Issue 11, attack 6, as wired in the runtime: the origin a Treasury-track vote
	/// dispatches with cannot set the treasury floor (only a Bylaws-track one can),
	/// and one treasury bounty is capped at `MaxTreasuryBounty`.
	#[test]
	fn treasury_floor_is_set_on_the_bylaws_track_only() {
		ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
			let floor = 1_000 * UNIT;
			assert!(
				crate::Bounties::set_treasury_floor(federation(tracks::TREASURY), floor).is_err()
			);
			assert_eq!(pallet_coop_bounties::TreasuryFloor::<Runtime>::get(), 0);
			crate::Bounties::set_treasury_floor(federation(tracks::BYLAWS), floor).unwrap();
			assert_eq!(pallet_coop_bounties::TreasuryFloor::<Runtime>::get(), floor);
			// The Bylaws track does not spend; the Treasury track spends up to the cap.
			let terms = bounty_terms;
			type Cap = <Runtime as pallet_coop_bounties::Config>::MaxTreasuryBounty;
			let cap = <Cap as frame_support::traits::Get<crate::Balance>>::get();
			assert!(crate::Bounties::fund_from_treasury(federation(tracks::BYLAWS), terms(UNIT))
				.is_err());
			assert_eq!(
				crate::Bounties::fund_from_treasury(federation(tracks::TREASURY), terms(cap + 1)),
				Err(pallet_coop_bounties::Error::<Runtime>::AboveTreasuryBountyCap.into())
			);
			crate::Bounties::fund_from_treasury(federation(tracks::TREASURY), terms(UNIT)).unwrap();
			crate::Bounties::do_try_state().unwrap();
		});
	}

	/// Issue 11, attack 6, last part: a treasury spend the federation approved but
	/// nobody has paid out yet counts against the floor of treasury bounties, until
	/// it is paid (then the money is gone) or expires.
	#[test]
	fn pending_treasury_spends_count_against_the_floor() {
		ext_from_preset(genesis_config_presets::LOCAL_TESTNET).execute_with(|| {
			let treasury = crate::configs::coop::TreasuryAccount::get();
			let balance = crate::Balances::free_balance(&treasury);
			crate::Bounties::set_treasury_floor(federation(tracks::BYLAWS), balance - 3 * UNIT)
				.unwrap();
			let fund = |reward| {
				crate::Bounties::fund_from_treasury(
					federation(tracks::TREASURY),
					bounty_terms(reward),
				)
			};
			let below = Err(pallet_coop_bounties::Error::<Runtime>::BelowTreasuryFloor.into());
			// 2 COOP promised to Ferdie, not paid out yet.
			let ferdie = Sr25519Keyring::Ferdie.to_account_id();
			crate::Treasury::spend(
				federation(tracks::TREASURY),
				Box::new(()),
				2 * UNIT,
				Box::new(ferdie.clone()),
				None,
			)
			.unwrap();
			// Without the spend 2 COOP would fit above the floor; with it only 1 does.
			assert_eq!(fund(2 * UNIT), below);
			fund(UNIT).unwrap();
			assert_eq!(fund(UNIT), below);
			// Paid out: the money left, the promise with it; the floor still holds.
			crate::Treasury::payout(signed(Sr25519Keyring::Ferdie), 0).unwrap();
			assert_eq!(crate::Balances::free_balance(&treasury), balance - 3 * UNIT);
			assert_eq!(fund(1), below);
			crate::Bounties::do_try_state().unwrap();
		});
	}
}

/// Issue 14: fees rise while blocks are full and fall back (to the base price,
/// never below) once the load stops; and they go to the treasury, not burnt.
mod congestion_fees {
	use super::*;
	use frame_support::{dispatch::DispatchClass, traits::Hooks};
	use pallet_transaction_payment::{Multiplier, NextFeeMultiplier};
	use sp_runtime::traits::One;

	/// Ends block `n` with its normal-class weight `full` (0..=1) used.
	fn end_block(n: u32, full: sp_runtime::Perbill) {
		let max = <Runtime as frame_system::Config>::BlockWeights::get()
			.get(DispatchClass::Normal)
			.max_total
			.unwrap_or_default();
		System::set_block_number(n);
		System::set_block_consumed_resources(full * max, 0);
		crate::TransactionPayment::on_finalize(n);
	}

	#[test]
	fn fees_rise_under_full_blocks_and_fall_back_after() {
		ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
			assert_eq!(NextFeeMultiplier::<Runtime>::get(), Multiplier::one());
			// Ten minutes of full blocks: at least a quarter dearer.
			for n in 1..=100 {
				end_block(n, sp_runtime::Perbill::one());
			}
			let after_10_min = NextFeeMultiplier::<Runtime>::get();
			assert!(after_10_min > Multiplier::from_rational(5u128, 4u128), "{after_10_min}");
			// An hour: several times dearer, and rising with every full block.
			for n in 101..=600 {
				end_block(n, sp_runtime::Perbill::one());
			}
			let after_hour = NextFeeMultiplier::<Runtime>::get();
			assert!(after_hour > Multiplier::from_u32(3), "{after_hour}");
			// Blocks at the target (a quarter full) keep it where it is ...
			end_block(601, sp_runtime::Perbill::from_percent(25));
			assert_eq!(NextFeeMultiplier::<Runtime>::get(), after_hour);
			// ... empty blocks bring it down, to the base price and not below.
			for n in 602..=1_000 {
				end_block(n, sp_runtime::Perbill::zero());
			}
			assert!(NextFeeMultiplier::<Runtime>::get() < after_hour);
			for n in 1_001..=5_000 {
				end_block(n, sp_runtime::Perbill::zero());
			}
			assert_eq!(NextFeeMultiplier::<Runtime>::get(), Multiplier::one());
		});
	}

	#[test]
	fn fees_go_to_the_treasury() {
		use frame_support::dispatch::GetDispatchInfo;
		use pallet_transaction_payment::OnChargeTransaction;
		type Charge = <Runtime as pallet_transaction_payment::Config>::OnChargeTransaction;
		ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
			let treasury = crate::configs::coop::TreasuryAccount::get();
			let before = crate::Balances::total_issuance();
			let in_treasury = crate::Balances::free_balance(&treasury);
			let who = Sr25519Keyring::Bob.to_account_id();
			let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 100] });
			let info = call.get_dispatch_info();
			let fee = 1_000_000_000;
			let taken =
				<Charge as OnChargeTransaction<Runtime>>::withdraw_fee(&who, &call, &info, fee, 0)
					.unwrap();
			<Charge as OnChargeTransaction<Runtime>>::correct_and_deposit_fee(
				&who,
				&info,
				&Default::default(),
				fee,
				0,
				taken,
			)
			.unwrap();
			assert_eq!(crate::Balances::free_balance(&treasury), in_treasury + fee);
			assert_eq!(crate::Balances::total_issuance(), before);
		});
	}
}

/// Wallets cache metadata by `spec_version`, and `CheckMetadataHash` commits to
/// it: a runtime whose metadata changed under the same `spec_version` makes
/// wallets build wrong transactions. `runtime/metadata-hash.txt` records the
/// metadata's hash for the current `spec_version`.
mod metadata_version {
	use crate::{Runtime, VERSION};
	use codec::Encode;

	const RECORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/metadata-hash.txt");
	const UPDATE: &str =
		"UPDATE_METADATA_HASH=1 cargo test --release -p coop-runtime metadata_version";

	fn record_of(spec_version: u32, hash: &str) -> String {
		format!(
			"# Written by `{UPDATE}` after a spec_version bump; checked by that test.\n\
			 spec_version={spec_version}\nmetadata_blake2_256={hash}\n"
		)
	}

	#[test]
	fn metadata_changes_come_with_a_spec_version_bump() {
		let metadata = Runtime::metadata_at_version(15).expect("metadata v15").encode();
		let hash = format!(
			"0x{}",
			sp_core::hexdisplay::HexDisplay::from(&sp_io::hashing::blake2_256(&metadata))
		);
		let recorded = std::fs::read_to_string(RECORD).unwrap_or_default();
		let field = |name: &str| {
			recorded
				.lines()
				.find_map(|l| l.strip_prefix(name)?.strip_prefix('='))
				.map(str::to_owned)
		};
		let recorded_spec: u32 = field("spec_version").and_then(|v| v.parse().ok()).unwrap_or(0);
		let recorded_hash = field("metadata_blake2_256").unwrap_or_default();
		let spec = VERSION.spec_version;
		if spec == recorded_spec && hash == recorded_hash {
			return;
		}
		assert!(spec >= recorded_spec, "spec_version went back from {recorded_spec} to {spec}");
		assert!(
			spec > recorded_spec,
			"the runtime's metadata changed but spec_version is still {spec}: bump \
			 spec_version in runtime/src/lib.rs, then run `{UPDATE}`"
		);
		if std::env::var("UPDATE_METADATA_HASH").as_deref() == Ok("1") {
			std::fs::write(RECORD, record_of(spec, &hash)).expect("record written");
			return;
		}
		panic!(
			"spec_version is {spec} but runtime/metadata-hash.txt records {recorded_spec}: \
			 run `{UPDATE}` and commit the file"
		);
	}
}

/// `ExtrinsicCheckApi::decodes`, which the node asks before it hands bytes from a
/// wallet to an API that takes an extrinsic: it answers for any bytes, exactly as
/// the runtime would decode them, and never panics.
mod extrinsic_check {
	use crate::{
		client::{signed_extrinsic, ChainFacts},
		Block, Runtime, RuntimeCall, UncheckedExtrinsic,
	};
	use codec::{Compact, Decode, Encode};
	use coop_primitives::runtime_decl_for_extrinsic_check_api::ExtrinsicCheckApi;
	use frame_support::traits::PalletInfoAccess;
	use sp_keyring::Sr25519Keyring;

	fn decodes(encoded: &[u8]) -> bool {
		<Runtime as ExtrinsicCheckApi<Block>>::decodes(encoded.to_vec())
	}

	fn remark() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: vec![0x2a; 64] })
	}

	fn signed(call: RuntimeCall) -> Vec<u8> {
		let facts = ChainFacts { genesis: Default::default(), spec_version: 1, tx_version: 1 };
		signed_extrinsic(&Sr25519Keyring::Alice.pair(), 0, call, facts).encode()
	}

	/// `body` behind a length prefix that matches it, as the node frames it.
	fn framed(body: &[u8]) -> Vec<u8> {
		let mut out = Compact(body.len() as u32).encode();
		out.extend_from_slice(body);
		out
	}

	/// `Utility::batch([... System::remark ...])`, `depth` batches deep.
	fn nested_batch(depth: usize) -> RuntimeCall {
		let utility = crate::Utility::index() as u8;
		let mut bytes = [utility, 0, 4].repeat(depth);
		bytes.extend(remark().encode());
		RuntimeCall::decode(&mut &bytes[..]).unwrap()
	}

	#[test]
	fn extrinsics_of_this_runtime_decode() {
		assert!(decodes(&signed(remark())));
		assert!(decodes(&UncheckedExtrinsic::new_bare(remark()).encode()));
		assert!(decodes(&signed(nested_batch(10))));
	}

	#[test]
	fn other_bytes_do_not() {
		let valid = signed(remark());
		let body = &valid[2..];
		assert_eq!(Compact::<u32>::decode(&mut &valid[..]).unwrap().0 as usize, body.len());
		let mut trailing = valid.clone();
		trailing.push(0);
		for bytes in [
			vec![],
			vec![0x00],
			vec![0x04, 0x00],
			vec![0x04],
			vec![0xff; 64],
			framed(&body[..body.len() - 1]),
			framed(&body[..34]),
			framed(&[body, &[0; 4]].concat()),
			valid[..valid.len() - 1].to_vec(),
			trailing,
		] {
			assert!(!decodes(&bytes), "{}", sp_core::hexdisplay::HexDisplay::from(&bytes));
		}
	}

	/// `Executive` refuses calls nested deeper than `MAX_EXTRINSIC_DEPTH`; so does the check.
	#[test]
	fn calls_nested_deeper_than_the_runtime_decodes_do_not() {
		let depth = frame_support::MAX_EXTRINSIC_DEPTH as usize;
		assert!(decodes(&signed(nested_batch(depth - 1))));
		assert!(!decodes(&signed(nested_batch(depth + 1))));
		assert!(!decodes(&signed(nested_batch(300))));
	}
}

/// A member's first vote skips the fee and the payment extension's block space; a
/// changed vote pays both.
mod feeless_votes {
	use super::*;
	use crate::{
		client::{signed_extrinsic, ChainFacts},
		Executive, Governance, UncheckedExtrinsic, VERSION,
	};
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	use pallet_coop_governance::{ProposalAction, Vote};
	use sp_runtime::traits::TransactionExtension;

	fn vote_call(vote: Vote) -> RuntimeCall {
		RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote })
	}

	fn signed_by(who: Sr25519Keyring, nonce: u32, call: RuntimeCall) -> UncheckedExtrinsic {
		let facts = ChainFacts {
			genesis: System::block_hash(0),
			spec_version: VERSION.spec_version,
			tx_version: VERSION.transaction_version,
		};
		signed_extrinsic(&who.pair(), nonce, call, facts)
	}

	fn vote_xt(who: Sr25519Keyring, nonce: u32, vote: Vote) -> UncheckedExtrinsic {
		signed_by(who, nonce, vote_call(vote))
	}

	/// Alice opens proposal 0 in block 1; block 2 follows.
	fn open_proposal() {
		let signal = ProposalAction::Signal(sp_core::H256::repeat_byte(1));
		Governance::propose(
			RuntimeOrigin::signed(Sr25519Keyring::Alice.to_account_id()),
			0,
			Box::new(signal),
		)
		.unwrap();
		System::set_block_number(2);
	}

	fn normal_weight_used() -> frame_support::weights::Weight {
		*frame_system::BlockWeight::<Runtime>::get().get(DispatchClass::Normal)
	}

	/// Applies `xt` and returns the block time it took (its proof size also counts
	/// its length, which the weights do not).
	fn time_taken(xt: UncheckedExtrinsic) -> u64 {
		let before = normal_weight_used();
		Executive::apply_extrinsic(xt).unwrap().unwrap();
		(normal_weight_used() - before).ref_time()
	}

	#[test]
	fn a_members_first_vote_takes_no_block_space_for_the_skipped_payment() {
		ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
			open_proposal();
			let base = <Runtime as frame_system::Config>::BlockWeights::get()
				.get(DispatchClass::Normal)
				.base_extrinsic;
			let dave = Sr25519Keyring::Dave.to_account_id();
			let balance = Balances::free_balance(&dave);

			let first = vote_xt(Sr25519Keyring::Dave, 0, Vote::Aye);
			let info = first.get_dispatch_info();
			let payment = pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0)
				.weight(&first.function);
			assert!(payment.ref_time() > 0);
			// A first vote that is not a block is also refunded down to its own weight
			// (the call is charged the most a vote can do up front).
			let first_vote = <<Runtime as pallet_coop_governance::Config>::WeightInfo as pallet_coop_governance::WeightInfo>::vote(
				pallet_coop_governance::VOTE_BENCHMARK_MEMBERS,
			);
			assert!(first_vote.all_lte(info.call_weight));
			assert_eq!(
				time_taken(first),
				(base + first_vote + info.extension_weight - payment).ref_time(),
				"a feeless vote is booked without the payment extension"
			);
			assert_eq!(Balances::free_balance(&dave), balance, "and charged nothing");

			let change = vote_xt(Sr25519Keyring::Dave, 1, Vote::Nay);
			let info = change.get_dispatch_info();
			assert_eq!(
				time_taken(change),
				(base + info.call_weight + info.extension_weight).ref_time(),
				"a changed vote is booked in full"
			);
			assert!(Balances::free_balance(&dave) < balance, "and pays");
		});
	}

	/// Attack: wrapping first votes in a batch to make a batch feeless, or to
	/// take its payment's block space back. Only a bare vote skips the fee.
	#[test]
	fn a_batch_of_first_votes_pays_and_is_booked_in_full() {
		ext_from_preset(genesis_config_presets::DEVELOPMENT).execute_with(|| {
			open_proposal();
			let base = <Runtime as frame_system::Config>::BlockWeights::get()
				.get(DispatchClass::Normal)
				.base_extrinsic;
			let dave = Sr25519Keyring::Dave.to_account_id();
			let balance = Balances::free_balance(&dave);
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch {
				calls: vec![vote_call(Vote::Aye)],
			});
			let xt = signed_by(Sr25519Keyring::Dave, 0, batch);
			let info = xt.get_dispatch_info();
			let booked = time_taken(xt);
			assert!(
				pallet_coop_governance::Votes::<Runtime>::contains_key(0, &dave),
				"the vote inside the batch counts"
			);
			// Utility::batch refunds its unused call weight; the extensions' weight,
			// the payment's included, stays booked.
			assert!(
				booked >= (base + info.extension_weight).ref_time(),
				"{booked} < base + extensions"
			);
			assert!(Balances::free_balance(&dave) < balance, "the batch pays its fee");
		});
	}
}

/// Validator co-ops: admitted and removed by vote, rotated in by sessions,
/// suspended on a proven equivocation.
mod validators {
	use super::federation::{pass, signed};
	use super::*;
	use crate::{configs::coop::tracks, CoopValidators, Governance, Session, SessionKeys};
	use codec::Encode;
	use frame_support::traits::Hooks;
	use pallet_coop_governance::ProposalAction;
	use pallet_coop_validators::{Registry, ValidatorStatus};
	use sp_keyring::Ed25519Keyring;

	fn local() -> sp_io::TestExternalities {
		let mut ext = ext_from_preset(genesis_config_presets::LOCAL_TESTNET);
		ext.register_extension(sp_keystore::KeystoreExt::new(
			sp_keystore::testing::MemoryKeystore::new(),
		));
		ext
	}

	/// Jumps to the next session boundary and runs the session change there.
	fn next_session() {
		let length = pallet_coop_validators::SessionLength::<Runtime>::get();
		let at = (System::block_number() / length + 1) * length;
		System::set_block_number(at);
		<Session as Hooks<_>>::on_initialize(at);
	}

	fn session_validators() -> Vec<crate::AccountId> {
		pallet_session::Validators::<Runtime>::get()
	}

	/// Eve generates session keys on "her node" and registers them on chain with
	/// the proof that she holds them.
	fn set_keys(who: Sr25519Keyring) {
		let owner = who.to_account_id().encode();
		let generated = SessionKeys::generate(&owner, None);
		crate::Session::set_keys(signed(who), generated.keys, generated.proof.encode()).unwrap();
	}

	fn propose_on_membership(call: pallet_coop_validators::Call<Runtime>) {
		Governance::propose(
			signed(Sr25519Keyring::Bob),
			tracks::MEMBERSHIP,
			Box::new(ProposalAction::Call(Box::new(RuntimeCall::CoopValidators(call)))),
		)
		.unwrap();
	}

	#[test]
	fn local_preset_runs_four_validators_of_two_coops() {
		local().execute_with(|| {
			let four: Vec<_> = [
				Sr25519Keyring::Alice,
				Sr25519Keyring::Bob,
				Sr25519Keyring::Charlie,
				Sr25519Keyring::Dave,
			]
			.iter()
			.map(|k| k.to_account_id())
			.collect();
			assert_eq!(session_validators(), four);
			assert_eq!(pallet_coop_validators::Admitted::<Runtime>::get().into_inner(), four);
			assert_eq!(Registry::<Runtime>::get(&four[2]).unwrap().coop, 1);
			// The first session change keeps the genesis set: GRANDPA's set stays.
			next_session();
			assert!(pallet_grandpa::PendingChange::<Runtime>::get().is_none());
			CoopValidators::do_try_state().unwrap();
		});
	}

	#[test]
	fn a_validator_coop_is_admitted_and_removed_by_vote() {
		local().execute_with(|| {
			let eve = Sr25519Keyring::Eve.to_account_id();
			let deposit: crate::Balance = 100 * UNIT;
			// Gamma's admin registers her validator account and sets its keys.
			let before = Balances::free_balance(&eve);
			CoopValidators::register(signed(Sr25519Keyring::Eve), eve.clone().into()).unwrap();
			set_keys(Sr25519Keyring::Eve);
			let key_deposit: crate::Balance = UNIT;
			assert_eq!(Balances::free_balance(&eve), before - deposit - key_deposit);
			// Gamma cannot admit its own validator: only a vote can.
			assert!(CoopValidators::admit(signed(Sr25519Keyring::Eve), eve.clone().into()).is_err());

			propose_on_membership(pallet_coop_validators::Call::admit {
				validator: eve.clone().into(),
			});
			pass(0);
			assert_eq!(Registry::<Runtime>::get(&eve).unwrap().status, ValidatorStatus::Active);

			// Planned (queued) at the next session change, active at the one after.
			next_session();
			assert_eq!(session_validators().len(), 4);
			assert!(pallet_session::QueuedKeys::<Runtime>::get().iter().any(|(v, _)| *v == eve));
			next_session();
			assert_eq!(session_validators().len(), 5);
			assert!(session_validators().contains(&eve));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 5);
			let change =
				pallet_grandpa::PendingChange::<Runtime>::get().expect("a new GRANDPA set");
			assert_eq!(change.next_authorities.len(), 5);
			assert!(change
				.next_authorities
				.iter()
				.any(|(id, _)| *id == Ed25519Keyring::Eve.public().into()
					|| pallet_session::NextKeys::<Runtime>::get(&eve)
						.is_some_and(|k| k.grandpa == *id)));

			// The federation removes it again; the deposit comes back.
			propose_on_membership(pallet_coop_validators::Call::remove {
				validator: eve.clone().into(),
				slash_deposit: false,
			});
			pass(1);
			assert!(Registry::<Runtime>::get(&eve).is_none());
			assert_eq!(Balances::free_balance(&eve), before - key_deposit);
			next_session();
			next_session();
			assert_eq!(session_validators().len(), 4);
			assert!(!session_validators().contains(&eve));
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
			CoopValidators::do_try_state().unwrap();
			Governance::do_try_state().unwrap();
		});
	}

	/// Attack: the last four validators are voted out, stopping the chain.
	#[test]
	fn a_vote_cannot_remove_below_four_validators() {
		local().execute_with(|| {
			propose_on_membership(pallet_coop_validators::Call::remove {
				validator: Sr25519Keyring::Dave.to_account_id().into(),
				slash_deposit: false,
			});
			pass(0);
			assert_eq!(
				pallet_coop_governance::Decisions::<Runtime>::get(0).unwrap().enactment,
				Some(Err(pallet_coop_validators::Error::<Runtime>::TooFewValidators.into()))
			);
			assert_eq!(session_validators().len(), 4);
		});
	}

	#[test]
	fn a_suspended_coops_validators_leave_at_the_next_session() {
		local().execute_with(|| {
			// Beta (Charlie and Dave's validators) is suspended.
			crate::Membership::suspend_coop(RuntimeOrigin::root(), 1, Default::default()).unwrap();
			next_session();
			next_session();
			assert_eq!(
				session_validators(),
				vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()]
			);
			// Reinstated, they come back.
			crate::Membership::reinstate_coop(RuntimeOrigin::root(), 1).unwrap();
			next_session();
			next_session();
			assert_eq!(session_validators().len(), 4);
		});
	}

	/// GRANDPA lost too many keys: the federation votes `note_stalled` on the Bylaws
	/// track (not on another) and the next session change forces a new set.
	#[test]
	fn stalled_finality_is_recovered_through_the_bylaws_track() {
		local().execute_with(|| {
			let stall = RuntimeCall::CoopValidators(pallet_coop_validators::Call::note_stalled {
				delay: 5,
				best_finalized_block_number: 1,
			});
			assert!(CoopValidators::note_stalled(signed(Sr25519Keyring::Alice), 5, 1).is_err());
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::MEMBERSHIP,
				Box::new(ProposalAction::Call(Box::new(stall.clone()))),
			)
			.unwrap();
			pass(0);
			assert_eq!(
				pallet_coop_governance::Decisions::<Runtime>::get(0).unwrap().enactment,
				Some(Err(sp_runtime::DispatchError::BadOrigin))
			);
			assert!(pallet_grandpa::Stalled::<Runtime>::get().is_none());
			Governance::propose(
				signed(Sr25519Keyring::Bob),
				tracks::BYLAWS,
				Box::new(ProposalAction::Call(Box::new(stall))),
			)
			.unwrap();
			pass(1);
			assert_eq!(pallet_grandpa::Stalled::<Runtime>::get(), Some((5, 1)));
			let set_id = crate::Grandpa::current_set_id();
			next_session();
			// A forced change to the same four validators, with a new set id.
			let change = pallet_grandpa::PendingChange::<Runtime>::get().expect("forced change");
			assert_eq!(change.forced, Some(1));
			assert_eq!(change.next_authorities.len(), 4);
			assert_eq!(crate::Grandpa::current_set_id(), set_id + 1);
			assert!(pallet_grandpa::Stalled::<Runtime>::get().is_none());
		});
	}

	/// Dave signs two different prevotes in one round; anyone reports it with a
	/// key-ownership proof from the session history.
	#[test]
	fn a_grandpa_equivocation_disables_and_suspends_the_validator() {
		local().execute_with(|| {
			let dave = Sr25519Keyring::Dave.to_account_id();
			let set_id = crate::Grandpa::current_set_id();
			let round = 1;
			let prevote = |n: u8| {
				let vote = finality_grandpa::Prevote {
					target_hash: crate::Hash::repeat_byte(n),
					target_number: 1,
				};
				let payload = sp_consensus_grandpa::localized_payload(
					round,
					set_id,
					&finality_grandpa::Message::<crate::Hash, crate::BlockNumber>::Prevote(
						vote.clone(),
					),
				);
				(vote, Ed25519Keyring::Dave.sign(&payload).into())
			};
			let proof = sp_consensus_grandpa::EquivocationProof::new(
				set_id,
				sp_consensus_grandpa::Equivocation::Prevote(finality_grandpa::Equivocation {
					round_number: round,
					identity: Ed25519Keyring::Dave.public().into(),
					first: prevote(1),
					second: prevote(2),
				}),
			);
			let key_owner_proof =
				<crate::Historical as frame_support::traits::KeyOwnerProofSystem<_>>::prove((
					sp_consensus_grandpa::KEY_TYPE,
					sp_consensus_grandpa::AuthorityId::from(Ed25519Keyring::Dave.public()),
				))
				.unwrap();
			crate::Grandpa::report_equivocation_unsigned(
				RuntimeOrigin::none(),
				Box::new(proof),
				key_owner_proof,
			)
			.unwrap();

			// Disabled at once (index 3 in the set) and suspended in the registry.
			assert!(pallet_session::DisabledValidators::<Runtime>::get()
				.iter()
				.any(|(i, _)| *i == 3));
			assert_eq!(Registry::<Runtime>::get(&dave).unwrap().status, ValidatorStatus::Suspended);
			assert!(System::events().iter().any(|r| matches!(
				&r.event,
				crate::RuntimeEvent::CoopValidators(pallet_coop_validators::Event::Suspended { validator, .. })
					if *validator == dave
			)));
			// No funds moved; it leaves the set from the session after next.
			next_session();
			next_session();
			assert!(!session_validators().contains(&dave));
			assert_eq!(session_validators().len(), 3);
			CoopValidators::do_try_state().unwrap();
		});
	}
}

/// A live network's genesis from the federation's config file: real periods, no
/// sudo, and no development key in it; configs that would be unsafe are refused.
mod live_network {
	use super::*;
	use crate::live_network::{dev_public_keys, live_genesis};
	use serde_json::{json, Value};

	fn example() -> Value {
		let file: Value =
			serde_json::from_str(include_str!("../../scripts/live-network.example.json")).unwrap();
		file["genesis"].clone()
	}

	fn build(genesis: Value) -> sp_io::TestExternalities {
		let config: RuntimeGenesisConfig = serde_json::from_value(genesis).unwrap();
		sp_io::TestExternalities::new(config.build_storage().unwrap())
	}

	fn refused(genesis: Value) -> String {
		live_genesis(genesis).expect_err("refused")
	}

	#[test]
	fn the_example_config_builds_a_live_genesis() {
		let genesis = live_genesis(example()).unwrap();
		build(genesis).execute_with(|| {
			assert_eq!(pallet_session::Validators::<Runtime>::get().len(), 4);
			assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
			assert_eq!(pallet_grandpa::Authorities::<Runtime>::get().len(), 4);
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
			assert_eq!(pallet_coop_membership::ActiveCoops::<Runtime>::get(), 3);
			assert_eq!(pallet_coop_validators::SessionLength::<Runtime>::get(), 600);
			let membership = pallet_coop_governance::Tracks::<Runtime>::get(
				crate::configs::coop::tracks::MEMBERSHIP,
			)
			.unwrap();
			assert_eq!(membership.voting_period, 7 * crate::DAYS);
			assert_eq!(membership.enactment_delay, crate::DAYS);
			crate::CoopValidators::do_try_state().unwrap();
			crate::Membership::do_try_state().unwrap();
		});
	}

	/// No preset but the development one names a well-known key that anyone can
	/// sign with ... except `local`, the loopback test network, which is made of
	/// them. The live genesis names none.
	#[test]
	fn no_development_key_in_a_live_genesis() {
		let text = live_genesis(example()).unwrap().to_string();
		let dev = dev_public_keys();
		assert!(dev.len() >= 2 * 12);
		for key in &dev {
			let hex = sp_core::hexdisplay::HexDisplay::from(key).to_string();
			assert!(!text.contains(&hex), "development key 0x{hex} in the live genesis");
			let ss58 = sp_core::crypto::AccountId32::new(*key).to_string();
			assert!(!text.contains(&ss58), "development account {ss58} in the live genesis");
		}
	}

	#[test]
	fn unsafe_or_broken_configs_are_refused() {
		let alice = Sr25519Keyring::Alice.to_account_id().to_string();
		let mut config = example();
		config["validators"][1]["grandpa"] =
			json!(sp_core::ed25519::Public::from(sp_keyring::Ed25519Keyring::Bob.public())
				.to_string());
		assert!(refused(config).contains("development session key"));

		let mut config = example();
		config["coops"][2]["members"] = json!([alice]);
		assert!(refused(config).contains("well-known development account"));

		let mut config = example();
		config["endowments"][4][0] = json!(alice);
		assert!(refused(config).contains("development account"));

		let mut config = example();
		config["validators"].as_array_mut().unwrap().pop();
		assert!(refused(config).contains("at least 4"));

		let mut config = example();
		config["validators"][3]["coop"] = json!(9);
		assert!(refused(config).contains("co-op 9"));

		let mut config = example();
		config["endowments"].as_array_mut().unwrap().remove(3);
		assert!(refused(config).contains("no endowment"));

		let mut config = example();
		config["coops"][1]["members"] = config["coops"][0]["admins"].clone();
		assert!(refused(config).contains("more than one co-op"));

		let mut config = example();
		config["attesters"][0][0] = json!("Notary");
		assert!(refused(config).contains("unknown claim kind"));

		let mut config = example();
		config["sudo"] = json!(alice);
		assert!(refused(config).contains("unknown field"));
	}

	#[test]
	fn balances_above_2_pow_64_are_read_exactly_from_strings() {
		let mut config = example();
		// 2^70 + 1 planck: a JSON number would round it.
		config["treasury"] = json!("1180591620717411303425");
		build(live_genesis(config).unwrap()).execute_with(|| {
			let treasury = crate::configs::coop::TreasuryAccount::get();
			assert_eq!(Balances::free_balance(&treasury), (1u128 << 70) + 1);
		});
	}
}

/// The runtime APIs' lists (`apis.rs` hands them to these pallet functions) cost
/// reads for their page, not for the chain's history.
mod api_paging {
	use super::*;
	use crate::{Membership, Passport};
	use coop_primitives::membership::CoopStatus;
	use pallet_coop_membership::{types::CoopInfo, Coops, CoopsByStatus, NextCoopId};

	/// Trie nodes and proof bytes one `coops(Active)` page of 10 reads, after
	/// `exited` co-ops have come and gone (records kept for history, as
	/// `leave_federation` leaves them) besides 20 active ones.
	fn page_cost(exited: u32) -> (usize, usize, usize, usize) {
		let mut ext = ext_from_preset("development");
		ext.execute_with(|| {
			let record = |status| CoopInfo {
				name: b"History".to_vec().try_into().unwrap(),
				admins: Default::default(),
				status,
				member_count: 0,
				applied_at: 1,
				joined_at: Some(1),
				metadata: Default::default(),
				depositor: Sr25519Keyring::Ferdie.to_account_id(),
				deposit: 0,
			};
			let first = NextCoopId::<Runtime>::get();
			// History first, as on a chain where co-ops came and went before these joined.
			for (n, id) in (first..first + exited + 20).enumerate() {
				let status =
					if n < exited as usize { CoopStatus::Exited } else { CoopStatus::Active };
				Coops::<Runtime>::insert(id, record(status));
				CoopsByStatus::<Runtime>::insert(status, id, ());
			}
			NextCoopId::<Runtime>::put(first + exited + 20);
		});
		ext.commit_all().unwrap();
		let (page, proof) =
			ext.execute_and_prove(|| Membership::coops_page(Some(CoopStatus::Active), None, 10));
		assert_eq!(page.items.len(), 10);
		assert!(page.items.iter().all(|c| c.status == CoopStatus::Active));
		assert!(page.next.is_some());
		// What API version 1 did: walk the ids and keep the active ones.
		let (_, scan) = ext.execute_and_prove(|| {
			(0..NextCoopId::<Runtime>::get())
				.filter_map(Coops::<Runtime>::get)
				.filter(|c| c.status == CoopStatus::Active)
				.take(10)
				.count()
		});
		let bytes = codec::Encode::encoded_size(&proof);
		(page.items.len(), proof.into_nodes().len(), bytes, scan.into_nodes().len())
	}

	#[test]
	fn a_page_of_active_coops_reads_the_page_not_the_history() {
		let (_, nodes_10, bytes_10, scan_10) = page_cost(10);
		let (_, nodes_10k, bytes_10k, scan_10k) = page_cost(10_000);
		println!(
			"coops(Active) page of 10: {nodes_10} trie nodes / {bytes_10} bytes with 10 exited \
			 co-ops in history, {nodes_10k} / {bytes_10k} with 10,000; the version 1 scan read \
			 {scan_10} and {scan_10k} trie nodes"
		);
		assert!(scan_10k > 10_000, "the scan this replaces reads the history");
		// A scan of the ids would read every one of the 10,000 records. Through the
		// index the page reads its 10 records and the trie paths to them, which grow
		// with the trie's depth (logarithmic), not with the history.
		assert!(nodes_10k < 3 * nodes_10, "{nodes_10k} nodes vs {nodes_10}");
		assert!(nodes_10k < 200, "{nodes_10k} nodes");
	}

	#[test]
	fn every_list_pages_to_the_end_with_its_cursor() {
		ext_from_preset("development").execute_with(|| {
			use coop_primitives::passport::Subject;
			let mut seen = Vec::new();
			let mut cursor = None;
			loop {
				let page = Passport::claim_kinds_page(cursor, 2);
				assert!(page.items.len() <= 2);
				seen.extend(page.items.iter().map(|k| k.id));
				match page.next {
					Some(next) => cursor = Some(next),
					None => break,
				}
			}
			seen.sort();
			assert_eq!(seen, (0..seen.len() as u16).collect::<Vec<_>>());
			assert!(seen.len() > 2);
			let members = Membership::members_page(0, None, 100);
			assert_eq!(members.items.len() as u32, Membership::coop_view(0).unwrap().member_count);
			let alice = Sr25519Keyring::Alice.to_account_id();
			let page = Passport::attestations_page(Subject::Account(alice), None, 100);
			assert_eq!(page.next, None);
		});
	}
}
