//! Storage version 1 → 2.
//!
//! - `Bounty` gained `rejections` (empty) and `claimable_from` (0: no cool-down).
//! - `Claim` gained `reviewers`: the reviewers of a claimed or submitted bounty that
//!   are eligible under the new rules now (active members, one per co-op, none in
//!   the funding co-op or a contributor's co-op), with their co-ops. Approvals
//!   from reviewers no longer eligible are dropped. A running claim left with
//!   fewer eligible reviewers than approvals needed could never be paid: it is
//!   released (its deposit back to the claimant, no cool-down) and the bounty
//!   reopens. A paid bounty's claim (the record of who delivered) gets none.
//! - Submissions of bounties with no running or paid claim are cleared (the list is
//!   now per claim).
//!
//! Use [`MigrateV1ToV2`] in the runtime's migrations.

use crate::{
	pallet::{Bounties, Claims, Config, Pallet, Submissions},
	BalanceOf, Bounty, BountyId, BountyStatus, Claim, Contributor, Funder, HoldReason, Milestone,
	PayTo, Url,
};
use codec::{Decode, Encode};
use frame_support::{
	pallet_prelude::*,
	traits::{fungible::MutateHold, tokens::Precision, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_core::H256;
use sp_runtime::traits::Zero;

/// The types as stored in version 1.
pub mod v1 {
	use super::*;

	/// A bounty as stored in version 1.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct Bounty<
		AccountId,
		Balance,
		BlockNumber,
		MaxReviewers: Get<u32>,
		MaxMilestones: Get<u32>,
	> {
		pub funder: Funder<AccountId>,
		pub creator: Option<AccountId>,
		pub spec_hash: H256,
		pub spec_url: Url,
		pub reward: Balance,
		pub paid: Balance,
		pub milestones: BoundedVec<Milestone<Balance>, MaxMilestones>,
		pub milestones_paid: u32,
		pub deposit: Balance,
		pub reviewers: BoundedVec<AccountId, MaxReviewers>,
		pub approvals_needed: u32,
		pub approvals: BoundedVec<AccountId, MaxReviewers>,
		pub claim_period: BlockNumber,
		pub hours: Option<u32>,
		pub status: BountyStatus,
	}

	/// A claim as stored in version 1.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct Claim<AccountId, Balance, BlockNumber, MaxContributors: Get<u32>> {
		pub claimant: AccountId,
		pub pay_to: PayTo,
		pub until: BlockNumber,
		pub deposit: Balance,
		pub contributors: BoundedVec<Contributor<AccountId>, MaxContributors>,
	}

	/// A version 1 bounty of runtime `T`.
	pub type BountyOf<T> = Bounty<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxReviewers,
		<T as Config>::MaxMilestones,
	>;
	/// A version 1 claim of runtime `T`.
	pub type ClaimOf<T> = Claim<
		<T as frame_system::Config>::AccountId,
		BalanceOf<T>,
		BlockNumberFor<T>,
		<T as Config>::MaxContributors,
	>;
}

/// Translates version 1 storage to version 2 (unchecked: wrap in [`MigrateV1ToV2`]).
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut reads: u64 = 0;
		let mut writes: u64 = 0;
		Bounties::<T>::translate::<v1::BountyOf<T>, _>(|_, old| {
			reads = reads.saturating_add(1);
			writes = writes.saturating_add(1);
			Some(Bounty {
				funder: old.funder,
				creator: old.creator,
				spec_hash: old.spec_hash,
				spec_url: old.spec_url,
				reward: old.reward,
				paid: old.paid,
				milestones: old.milestones,
				milestones_paid: old.milestones_paid,
				deposit: old.deposit,
				reviewers: old.reviewers,
				approvals_needed: old.approvals_needed,
				approvals: old.approvals,
				claim_period: old.claim_period,
				hours: old.hours,
				status: old.status,
				rejections: Default::default(),
				claimable_from: Zero::zero(),
			})
		});
		let mut released: alloc::vec::Vec<(BountyId, T::AccountId, BalanceOf<T>)> =
			alloc::vec::Vec::new();
		Claims::<T>::translate::<v1::ClaimOf<T>, _>(|id, old| {
			reads = reads.saturating_add(1);
			writes = writes.saturating_add(1);
			let mut claim = Claim {
				claimant: old.claimant,
				pay_to: old.pay_to,
				until: old.until,
				deposit: old.deposit,
				contributors: old.contributors,
				reviewers: Default::default(),
			};
			let Some(mut bounty) = Bounties::<T>::get(id) else { return Some(claim) };
			if !matches!(bounty.status, BountyStatus::Claimed | BountyStatus::Submitted) {
				return Some(claim);
			}
			// Membership reads: at most two per reviewer.
			reads = reads.saturating_add(2u64.saturating_mul(bounty.reviewers.len() as u64));
			claim.reviewers = Pallet::<T>::eligible_reviewers(&bounty, &claim.contributors);
			if (claim.reviewers.len() as u32) < bounty.approvals_needed {
				released.push((id, claim.claimant, claim.deposit));
				bounty.status = BountyStatus::Open;
				bounty.approvals = Default::default();
				Bounties::<T>::insert(id, bounty);
				return None;
			}
			let eligible = &claim.reviewers;
			bounty.approvals.retain(|a| eligible.iter().any(|(r, _)| r == a));
			Bounties::<T>::insert(id, bounty);
			Some(claim)
		});
		for (_, claimant, deposit) in released {
			if !deposit.is_zero() {
				let _ = T::Currency::release(
					&HoldReason::ClaimDeposit.into(),
					&claimant,
					deposit,
					Precision::BestEffort,
				);
			}
			writes = writes.saturating_add(1);
		}
		let stale: alloc::vec::Vec<BountyId> = Submissions::<T>::iter_keys()
			.filter(|id| {
				reads = reads.saturating_add(2);
				!Bounties::<T>::get(id).is_some_and(|b| {
					matches!(
						b.status,
						BountyStatus::Claimed | BountyStatus::Submitted | BountyStatus::Paid
					)
				})
			})
			.collect();
		for id in stale {
			Submissions::<T>::remove(id);
			writes = writes.saturating_add(1);
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	// No `post_upgrade` check: the invariants are those of the latest version,
	// checked after the last migration (v4).
}

/// The bounties pallet's migration from storage version 1 to 2: runs once, then
/// sets the storage version to 2.
pub type MigrateV1ToV2<T> = frame_support::migrations::VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
