//! Storage migrations from earlier versions.

use super::*;

#[test]
fn migration_v1_to_v2_translates_bounties_and_claims() {
	use crate::migrations::v2::{v1, MigrateV1ToV2};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	new_test_ext().execute_with(|| {
		// Bounty 0: claimed by 2 (co-op 0), reviewers 3, 5 (both eligible), 3 approved.
		// Bounty 1: claimed by 2, reviewers 9 (in no co-op) and 5, both needed: the
		// claim can never be paid under the new rules and is released.
		// Bounty 2: open, with submissions left over from an old claim.
		let old_bounty = |reviewers: Vec<u8>, approvals: Vec<u8>, status| v1::BountyOf::<Test> {
			funder: Funder::Account(acc(1)),
			creator: Some(acc(1)),
			spec_hash: H256::zero(),
			spec_url: Default::default(),
			reward: 100,
			paid: 0,
			milestones: Default::default(),
			milestones_paid: 0,
			deposit: DEPOSIT,
			reviewers: reviewers.into_iter().map(acc).collect::<Vec<_>>().try_into().unwrap(),
			approvals_needed: 2,
			approvals: approvals.into_iter().map(acc).collect::<Vec<_>>().try_into().unwrap(),
			claim_period: 20,
			hours: None,
			status,
		};
		let old_claim = || v1::ClaimOf::<Test> {
			claimant: acc(2),
			pay_to: PayTo::Own,
			until: 21,
			deposit: CLAIM_DEPOSIT,
			contributors: vec![crate::Contributor { who: acc(2), coop: 0, shares: 1 }]
				.try_into()
				.unwrap(),
		};
		use codec::Encode;
		use frame_support::traits::fungible::{Mutate, MutateHold};
		let put =
			|key: Vec<u8>, value: Vec<u8>| frame_support::storage::unhashed::put_raw(&key, &value);
		for (id, b) in [
			(0u32, old_bounty(vec![3, 5], vec![3], BountyStatus::Submitted)),
			(1, old_bounty(vec![9, 5], vec![], BountyStatus::Claimed)),
			(2, old_bounty(vec![3, 5], vec![], BountyStatus::Open)),
		] {
			put(BountyMap::<Test>::hashed_key_for(id), b.encode());
			Balances::mint_into(&Bounties::escrow(id), 100).unwrap();
			Balances::hold(&crate::HoldReason::BountyDeposit.into(), &acc(1), DEPOSIT).unwrap();
		}
		for id in [0u32, 1] {
			put(Claims::<Test>::hashed_key_for(id), old_claim().encode());
			Balances::hold(&crate::HoldReason::ClaimDeposit.into(), &acc(2), CLAIM_DEPOSIT)
				.unwrap();
		}
		let sub = crate::Submission {
			by: acc(2),
			milestone: None,
			repo: Default::default(),
			commit: COMMIT,
			tag: None,
			at: 1,
		};
		Submissions::<Test>::insert(2, frame_support::BoundedVec::try_from(vec![sub]).unwrap());
		crate::NextBountyId::<Test>::put(3);
		StorageVersion::new(1).put::<Bounties>();

		MigrateV1ToV2::<Test>::on_runtime_upgrade();

		assert_eq!(Bounties::on_chain_storage_version(), StorageVersion::new(2));
		let b0 = BountyMap::<Test>::get(0).unwrap();
		assert_eq!(b0.status, BountyStatus::Submitted);
		assert_eq!(b0.approvals.to_vec(), vec![acc(3)]);
		assert!(b0.rejections.is_empty());
		assert_eq!(b0.claimable_from, 0);
		assert_eq!(
			Claims::<Test>::get(0).unwrap().reviewers.to_vec(),
			vec![(acc(3), 1), (acc(5), 2)]
		);
		let b1 = BountyMap::<Test>::get(1).unwrap();
		assert_eq!(b1.status, BountyStatus::Open);
		assert!(Claims::<Test>::get(1).is_none());
		assert_eq!(claim_held(2), CLAIM_DEPOSIT);
		assert!(!Submissions::<Test>::contains_key(2));
		assert_eq!(BountyMap::<Test>::get(2).unwrap().status, BountyStatus::Open);
		// The later versions' migrations complete the state `try_state` checks.
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		crate::migrations::v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
		Bounties::do_try_state().unwrap();
		// Runs once: a second upgrade changes nothing.
		MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Claims::<Test>::get(0).unwrap().reviewers.len(), 2);
	});
}

/// A version 2 state: bounty 0 paid (its deposit already released, the record
/// still saying DEPOSIT), bounty 1 open (deposit held); no `EndedAt` and no status
/// index, which later versions added. Returns (paid, open).
fn version_2_state() -> (u32, u32) {
	use frame_support::traits::StorageVersion;
	let paid = create();
	assert_ok!(Bounties::claim(signed(2), paid, PayTo::Own, None));
	submit(2, paid, None);
	approve(3, paid);
	approve(5, paid);
	let open = create();
	crate::EndedAt::<Test>::remove(paid);
	let _ = crate::BountiesByStatus::<Test>::clear(u32::MAX, None);
	<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
		&crate::HoldReason::BountyDeposit.into(),
		&acc(1),
		DEPOSIT,
		frame_support::traits::tokens::Precision::Exact,
	)
	.unwrap();
	StorageVersion::new(2).put::<Bounties>();
	(paid, open)
}

#[test]
fn migration_v2_to_v3_marks_finished_bounties() {
	use crate::migrations::{v3::MigrateV2ToV3, v4::MigrateV3ToV4};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	build_and_execute(|| {
		let (paid, open) = version_2_state();
		System::set_block_number(7);

		MigrateV2ToV3::<Test>::on_runtime_upgrade();

		assert_eq!(Bounties::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(BountyMap::<Test>::get(paid).unwrap().deposit, 0);
		assert_eq!(crate::EndedAt::<Test>::get(paid), Some(7));
		assert_eq!(BountyMap::<Test>::get(open).unwrap().deposit, DEPOSIT);
		assert!(crate::EndedAt::<Test>::get(open).is_none());
		// The latest invariants hold once the v4 step has built the status index.
		MigrateV3ToV4::<Test>::on_runtime_upgrade();
		Bounties::do_try_state().unwrap();
		// Reaping the migrated record releases nothing more than was held.
		System::set_block_number(7 + RETENTION);
		assert_ok!(Bounties::reap_bounty(signed(9), paid));
		assert_eq!(held(1), DEPOSIT);
		Bounties::do_try_state().unwrap();
		// Runs once.
		MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(BountyMap::<Test>::get(open).unwrap().deposit, DEPOSIT);
	});
}

/// A chain at version 2 upgrades through v3 and v4 in one runtime upgrade, as
/// `try-runtime on-runtime-upgrade` runs it: each step's `pre_upgrade` and
/// `post_upgrade` pass. (v3's once ran the latest `try_state`, which needs the
/// status index only v4 builds, and failed on any chain with a bounty.)
#[cfg(feature = "try-runtime")]
#[test]
fn migrations_v2_to_v4_pass_their_try_runtime_checks() {
	use crate::migrations::{v3::MigrateV2ToV3, v4::MigrateV3ToV4};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	build_and_execute(|| {
		let (paid, _) = version_2_state();
		<(MigrateV2ToV3<Test>, MigrateV3ToV4<Test>)>::try_on_runtime_upgrade(true).unwrap();
		assert_eq!(Bounties::on_chain_storage_version(), StorageVersion::new(4));
		assert!(crate::BountiesByStatus::<Test>::contains_key(BountyStatus::Paid, paid));
	});
}

/// v3's own check fails when its step did not do its work: a finished bounty
/// without `EndedAt`.
#[cfg(feature = "try-runtime")]
#[test]
fn migration_v3_check_catches_a_finished_bounty_left_unmarked() {
	use crate::migrations::v3::InnerMigrateV2ToV3;
	use frame_support::traits::UncheckedOnRuntimeUpgrade;
	build_and_execute(|| {
		let (paid, _) = version_2_state();
		let state = InnerMigrateV2ToV3::<Test>::pre_upgrade().unwrap();
		InnerMigrateV2ToV3::<Test>::on_runtime_upgrade();
		crate::EndedAt::<Test>::remove(paid);
		assert!(InnerMigrateV2ToV3::<Test>::post_upgrade(state).is_err());
		// The test's end-of-test `try_state` needs the latest state back.
		crate::EndedAt::<Test>::insert(paid, 1);
		crate::migrations::v4::InnerMigrateV3ToV4::<Test>::on_runtime_upgrade();
	});
}
