//! The pallet's invariants (`try_state`): checked after every unit test by the
//! mock's test builder, by the fuzzer, and on real chain states by try-runtime.

use super::*;

impl<T: Config> Pallet<T> {
	/// Checks the invariants: every open proposal's tallies equal the recount of its
	/// stored votes and never exceed its electorate; co-op positions match their
	/// sub-tallies; open counts (per track, co-op and proposer) match; deposits held
	/// match open proposals; stored calls belong to open or approved-and-waiting
	/// proposals; block reasons match blocking votes; motions index the co-ops of
	/// open and waiting motions.
	#[cfg(any(feature = "std", feature = "try-runtime"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;

		let mut open: BTreeMap<TrackId, u32> = BTreeMap::new();
		let mut per_coop: BTreeMap<(TrackId, CoopId), u32> = BTreeMap::new();
		let mut per_proposer: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		let mut deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (id, proposal) in Proposals::<T>::iter() {
			ensure!(id < NextProposalId::<T>::get(), "proposal id not below NextProposalId");
			for count in [
				open.entry(proposal.track).or_default(),
				per_coop.entry((proposal.track, proposal.coop)).or_default(),
				per_proposer.entry(proposal.proposer.clone()).or_default(),
			] {
				*count = count.saturating_add(1);
			}
			let d = deposits.entry(proposal.proposer.clone()).or_default();
			*d = d.saturating_add(proposal.deposit);

			let mut members = Tally::default();
			let mut subs: BTreeMap<CoopId, Tally> = BTreeMap::new();
			let mut blockers = 0usize;
			for (who, record) in Votes::<T>::iter_prefix(id) {
				members.add(record.vote.into());
				subs.entry(record.coop).or_default().add(record.vote.into());
				if let Vote::Block(reason) = record.vote {
					ensure!(
						BlockReasons::<T>::get(id, &who) == Some(reason),
						"a blocking vote without its reason"
					);
					blockers = blockers.saturating_add(1);
				}
			}
			ensure!(
				members.voters() <= proposal.eligible_members,
				"more votes than eligible members"
			);
			ensure!(
				BlockReasons::<T>::iter_key_prefix(id).count() == blockers,
				"a block reason without its blocking vote"
			);
			if matches!(proposal.action, StoredAction::Call { .. }) {
				ensure!(ProposalCalls::<T>::contains_key(id), "call proposal without its call");
			}
			let mut coops = Tally::default();
			for (coop, sub) in &subs {
				ensure!(
					CoopTallies::<T>::get(id, coop).as_ref() == Some(sub),
					"co-op sub-tally differs from stored votes"
				);
				if let Some(p) = sub.position() {
					coops.add(p);
				}
			}
			ensure!(
				CoopTallies::<T>::iter_prefix(id).count() == subs.len(),
				"stale co-op sub-tally"
			);
			let tallies = Self::tallies(id);
			ensure!(
				tallies == Tallies { members, coops },
				"summed tallies differ from the recount of stored votes"
			);
			ensure!(coops.voters() <= proposal.eligible_coops, "more co-ops than eligible");
		}
		for (id, decision) in Decisions::<T>::iter() {
			// At most: before storage v4 the register kept 16 reasons per proposal,
			// and a closed proposal's dropped ones could not be recovered.
			ensure!(
				BlockReasons::<T>::iter_key_prefix(id).count() <= decision.members.block as usize,
				"more block reasons in the register than the decision's blocks"
			);
		}
		for (id, _, _) in BlockReasons::<T>::iter() {
			ensure!(
				Proposals::<T>::contains_key(id) || Decisions::<T>::contains_key(id),
				"block reasons of an unknown proposal"
			);
		}
		for (coop, id, ()) in MotionsAbout::<T>::iter() {
			let subject = Proposals::<T>::get(id).and_then(|p| p.subject);
			let waiting = WaitingMotions::<T>::get(id);
			ensure!(
				subject == Some(coop) || waiting == Some(coop),
				"motion index differs from open and waiting motions"
			);
		}
		for (id, coop) in WaitingMotions::<T>::iter() {
			ensure!(MotionsAbout::<T>::contains_key(coop, id), "waiting motion not indexed");
			let waits = Decisions::<T>::get(id).is_some_and(|d| {
				d.outcome == Outcome::Approved && d.enactment.is_none() && d.enact_at.is_some()
			});
			ensure!(waits, "waiting motion without an approved call waiting for enactment");
		}
		for (id, p) in Proposals::<T>::iter() {
			if let Some(coop) = p.subject {
				ensure!(MotionsAbout::<T>::contains_key(coop, id), "motion not indexed");
			}
		}
		for id in ProposalCalls::<T>::iter_keys() {
			let open_call = Proposals::<T>::get(id)
				.is_some_and(|p| matches!(p.action, StoredAction::Call { .. }));
			let waiting = Decisions::<T>::get(id).is_some_and(|d| {
				d.outcome == Outcome::Approved && d.enactment.is_none() && d.enact_at.is_some()
			});
			ensure!(open_call || waiting, "stored call without an open or waiting proposal");
		}
		for (track, count) in OpenCount::<T>::iter() {
			ensure!(open.get(&track).copied().unwrap_or(0) == count, "OpenCount differs");
		}
		for (track, count) in open {
			ensure!(OpenCount::<T>::get(track) == count, "OpenCount differs");
		}
		ensure!(
			OpenPerCoop::<T>::iter().map(|(t, c, n)| ((t, c), n)).collect::<BTreeMap<_, _>>()
				== per_coop,
			"OpenPerCoop differs"
		);
		ensure!(
			OpenByProposer::<T>::iter().collect::<BTreeMap<_, _>>() == per_proposer,
			"OpenByProposer differs"
		);
		let reason = HoldReason::ProposalDeposit.into();
		for (who, amount) in deposits {
			ensure!(
				T::Currency::balance_on_hold(&reason, &who) == amount,
				"proposal deposits held differ from open proposals"
			);
		}
		Ok(())
	}
}
