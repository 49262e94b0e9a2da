//! What stays and what goes: escrows swept, records reaped, deposits, decode-time limits, and `try_state` catching broken state.

use super::*;

#[test]
fn try_state_detects_escrow_leak_but_not_a_donation() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::do_try_state());
		// A donation to the escrow breaks nothing.
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 5));
		assert_ok!(Bounties::do_try_state());
		// Less than the unpaid reward in escrow does.
		<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
			&Bounties::escrow(id),
			REWARD - 1,
		);
		assert!(Bounties::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_released_bounty_deposit() {
	new_test_ext().execute_with(|| {
		create();
		assert_ok!(Bounties::do_try_state());
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
			&crate::HoldReason::BountyDeposit.into(),
			&acc(1),
			DEPOSIT,
			frame_support::traits::tokens::Precision::Exact,
		));
		assert!(Bounties::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_released_claim_deposit() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_ok!(Bounties::do_try_state());
		assert_ok!(<Balances as frame_support::traits::fungible::MutateHold<_>>::release(
			&crate::HoldReason::ClaimDeposit.into(),
			&acc(2),
			CLAIM_DEPOSIT,
			frame_support::traits::tokens::Precision::Exact,
		));
		assert!(Bounties::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_a_lost_claim() {
	new_test_ext().execute_with(|| {
		let id = create();
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Coop, None));
		assert_ok!(Bounties::do_try_state());
		Claims::<Test>::remove(id);
		assert!(Bounties::do_try_state().is_err());
	});
}

// ---------------------------------------------------------------------------------
// Attacks (issue 11): each test plays the attack and shows it fails.
// ---------------------------------------------------------------------------------

/// A donation to the escrow is swept to the funder when the bounty finishes (paid or
/// cancelled), never stranded nor burned.
#[test]
fn escrow_swept_whole_on_finish() {
	build_and_execute(|| {
		let id = create();
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 7));
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		approve(3, id);
		bounty_events();
		approve(5, id);
		assert_eq!(
			bounty_events(),
			vec![
				Event::Reviewed { id, reviewer: acc(5), approve: true, comment: H256::zero() },
				Event::Paid { id, to: acc(2), amount: REWARD },
				Event::BountyCompleted { id, total: REWARD },
				Event::EscrowSwept { id, to: acc(1), amount: 7 },
			]
		);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
		assert_eq!(free(1), START - REWARD + 7 - DEPOSIT);

		let id = create();
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 7));
		assert_ok!(Bounties::cancel_bounty(signed(1), id));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id, refund: REWARD + 7, to: acc(1) }]
		);
		assert_eq!(Balances::free_balance(Bounties::escrow(id)), 0);
	});
}

/// Any current admin of the funding co-op acts for a co-op bounty (here: withdraws
/// another admin's proposal); a plain member or a former admin cannot.
#[test]
fn current_admins_of_funding_coop_act_for_coop_bounty() {
	build_and_execute(|| {
		coop_funds(4, 500);
		assert_ok!(Bounties::create_bounty(signed(8), true, terms()));
		let id = last_id();
		assert_noop!(Bounties::cancel_bounty(signed(11), id), Error::<Test>::NotFunder);
		// Co-op 0's single admin funds a bounty, then hands over: the former admin
		// (its creator) can no longer act for it, the new admin can.
		coop_funds(0, 500);
		assert_ok!(Bounties::create_bounty(signed(1), true, terms()));
		let handed_over = last_id();
		assert_ok!(Membership::set_role(signed(1), acc(2), pallet_coop_membership::Role::Admin));
		assert_ok!(Membership::set_role(signed(1), acc(1), pallet_coop_membership::Role::Member));
		assert_noop!(Bounties::cancel_bounty(signed(1), handed_over), Error::<Test>::NotFunder);
		assert_ok!(Bounties::cancel_bounty(signed(2), handed_over));
		assert_eq!(Balances::free_balance(sovereign(0)), 500);
		// Its reviewers are part of what the co-op's second admin approves.
		assert_noop!(
			Bounties::set_reviewers(signed(10), id, bounded(vec![acc(5)]), 1),
			Error::<Test>::ReviewersNeedSecondAdmin
		);
		bounty_events();
		assert_ok!(Bounties::cancel_bounty(signed(10), id));
		assert_eq!(
			bounty_events(),
			vec![Event::BountyCancelled { id, refund: 0, to: sovereign(4) }]
		);
		assert_eq!(held(8), DEPOSIT);
		reap(id);
		assert_eq!(held(8), 0);
		assert_eq!(Balances::free_balance(sovereign(4)), 500);
		// A co-op with one admin (co-op 3): the bounty opens at once.
		coop_funds(3, 500);
		assert_ok!(Bounties::create_bounty(signed(7), true, terms()));
		assert_eq!(BountyMap::<Test>::get(last_id()).unwrap().status, BountyStatus::Open);
	});
}

#[test]
fn approve_funding_errors() {
	build_and_execute(|| {
		coop_funds(4, 100);
		assert_ok!(Bounties::create_bounty(signed(8), true, terms()));
		let id = last_id();
		// The co-op's account cannot pay the reward (300 of 100).
		assert_noop!(Bounties::approve_funding(signed(10), id), Error::<Test>::InsufficientFunds);
		// Only proposed bounties, only co-op bounties.
		let open = create();
		assert_noop!(Bounties::approve_funding(signed(10), open), Error::<Test>::NotProposed);
		assert_noop!(Bounties::approve_funding(signed(10), 42), Error::<Test>::UnknownBounty);
		// A suspended co-op's funds are not spent.
		coop_funds(4, 400);
		assert_ok!(Membership::suspend_coop(RuntimeOrigin::root(), 4, H256::zero()));
		assert_noop!(Bounties::approve_funding(signed(10), id), Error::<Test>::CoopNotActive);
		assert_eq!(Balances::free_balance(sovereign(4)), 500);
		assert_eq!(BountyMap::<Test>::get(id).unwrap().status, BountyStatus::Proposed);
	});
}

/// Every list in a call is bounded in its type: a call with one item (or byte) too
/// many is refused when it is decoded, before the runtime allocates or reads it.
#[test]
fn oversized_call_parameters_are_refused_at_decode() {
	use codec::{Decode, Encode};
	use frame_support::traits::PalletInfoAccess;
	/// `BountyTerms` as a client could encode it, with unbounded lists.
	#[derive(Encode)]
	struct RawTerms {
		spec_hash: H256,
		spec_url: Vec<u8>,
		reward: Balance,
		milestones: Vec<Milestone<Balance>>,
		reviewers: Vec<AccountId>,
		approvals_needed: u32,
		claim_period: u64,
		hours: Option<u32>,
	}
	let raw = |spec_url: usize, milestones: usize, reviewers: u8| RawTerms {
		spec_hash: H256::repeat_byte(1),
		spec_url: vec![b'u'; spec_url],
		reward: REWARD,
		milestones: (0..milestones)
			.map(|_| Milestone { amount: 1, description: H256::zero() })
			.collect(),
		reviewers: (0..reviewers).map(acc).collect(),
		approvals_needed: 1,
		claim_period: 20,
		hours: None,
	};
	let pallet = Bounties::index() as u8;
	let decode = |call_index: u8, args: Vec<u8>| {
		let mut bytes = vec![pallet, call_index];
		bytes.extend(args);
		RuntimeCall::decode(&mut &bytes[..])
	};
	new_test_ext().execute_with(|| {
		// At the bounds the raw encoding is the call's own.
		let fits = decode(0, (false, raw(128, 3, 3)).encode()).unwrap();
		let RuntimeCall::Bounties(crate::Call::create_bounty { terms, .. }) = fits else {
			panic!("decoded {fits:?}")
		};
		assert_eq!(
			(terms.spec_url.len(), terms.milestones.len(), terms.reviewers.len()),
			(128, 3, 3)
		);
		// One over any bound: refused.
		assert!(decode(0, (false, raw(129, 3, 3)).encode()).is_err());
		assert!(decode(0, (false, raw(128, 4, 3)).encode()).is_err());
		assert!(decode(0, (false, raw(128, 3, 4)).encode()).is_err());
		// set_reviewers: 3 fit, 4 do not.
		let reviewers = |n: u8| (0u32, (0..n).map(acc).collect::<Vec<_>>(), 1u32).encode();
		assert!(decode(3, reviewers(3)).is_ok());
		assert!(decode(3, reviewers(4)).is_err());
		// claim: 3 contributors fit, 4 do not.
		let shares = |n: u8| {
			(0u32, PayTo::Coop, Some((0..n).map(|a| (acc(a), 1u32)).collect::<Vec<_>>())).encode()
		};
		assert!(decode(4, shares(3)).is_ok());
		assert!(decode(4, shares(4)).is_err());
		// submit_work: a 128-byte URL and a 64-byte tag fit; one byte more does not.
		let submit = |repo: usize, tag: usize| {
			(0u32, None::<u32>, vec![b'r'; repo], COMMIT, Some(vec![b't'; tag])).encode()
		};
		assert!(decode(7, submit(128, 64)).is_ok());
		assert!(decode(7, submit(129, 64)).is_err());
		assert!(decode(7, submit(128, 65)).is_err());
	});
}

/// Storage that outlives its deposit: a finished bounty's record (bounty, claim,
/// submissions, end) stays readable for `RecordRetention` blocks with its creator's
/// deposit held, then anyone can reap it; the deposit goes to the creator and
/// nothing is left in storage. The ledger keeps the history.
#[test]
fn finished_bounty_is_reaped_after_its_retention_and_leaves_nothing() {
	build_and_execute(|| {
		let id = create();
		assert_noop!(Bounties::reap_bounty(signed(9), id), Error::<Test>::NotFinished);
		assert_noop!(Bounties::reap_bounty(signed(9), 42), Error::<Test>::UnknownBounty);
		assert_ok!(Bounties::claim(signed(2), id, PayTo::Own, None));
		submit(2, id, None);
		approve(3, id);
		approve(5, id);
		let ended = System::block_number();
		assert_eq!(crate::EndedAt::<Test>::get(id), Some(ended));
		assert_eq!(held(1), DEPOSIT);
		assert_eq!(claim_held(2), 0);
		// Readable until the retention is over.
		System::set_block_number(ended + RETENTION - 1);
		assert_noop!(Bounties::reap_bounty(signed(9), id), Error::<Test>::RecordRetained);
		assert_eq!(Submissions::<Test>::get(id).len(), 1);
		assert!(Claims::<Test>::contains_key(id));
		// A donation sent to the finished bounty's escrow goes to the funder.
		assert_ok!(Balances::transfer_allow_death(signed(9), Bounties::escrow(id), 4));
		System::set_block_number(ended + RETENTION);
		bounty_events();
		let before = free(1);
		assert_ok!(Bounties::reap_bounty(signed(9), id));
		assert_eq!(
			bounty_events(),
			vec![
				Event::EscrowSwept { id, to: acc(1), amount: 4 },
				Event::BountyReaped { id, deposit: DEPOSIT },
			]
		);
		assert_eq!((free(1), held(1)), (before + 4 + DEPOSIT, 0));
		assert!(BountyMap::<Test>::get(id).is_none());
		assert!(Claims::<Test>::get(id).is_none());
		assert!(!Submissions::<Test>::contains_key(id));
		assert!(crate::EndedAt::<Test>::get(id).is_none());
		assert_eq!(Contributions::<Test>::get(acc(2)).delivered, 1);
		assert_noop!(Bounties::reap_bounty(signed(9), id), Error::<Test>::UnknownBounty);

		// A cancelled treasury bounty: no deposit, reaped the same way.
		assert_ok!(Bounties::fund_from_treasury(RuntimeOrigin::root(), terms()));
		let id = last_id();
		assert_ok!(Bounties::cancel_bounty(RuntimeOrigin::root(), id));
		reap(id);
		assert_eq!(bounty_events().last(), Some(&Event::BountyReaped { id, deposit: 0 }));
		assert_eq!(BountyMap::<Test>::iter().count(), 0);
		assert_eq!(crate::EndedAt::<Test>::iter().count(), 0);
	});
}
