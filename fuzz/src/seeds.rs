//! Hand-written inputs that walk the federation's main paths (admission by vote
//! and its enactment, passports and attestations, a bounty from funding to
//! payout and reaping). Random inputs rarely get that deep; mutating these does.

use crate::{
	actors::Actors,
	input::{encode_step, CallTable},
};
use coop_runtime::{configs::coop::tracks, RuntimeCall, UNIT};
use frame_support::weights::Weight;
use pallet_coop_bounties::{BountyTerms, PayTo};
use pallet_coop_governance::{ProposalAction, TrackId, Vote};
use pallet_coop_passport::Subject;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};

/// Lapse bytes (see `input::lapse`): same block, next block, 20 blocks, 1 day, 16 days.
const NOW: u8 = 0;
const NEXT: u8 = 160;
const VOTE_ENDS: u8 = 179;
const A_DAY: u8 = 240;
const SIXTEEN_DAYS: u8 = 255;

/// The seed inputs.
pub fn seeds(table: &CallTable, actors: &Actors) -> Vec<Vec<u8>> {
	let mut scenarios: Vec<Vec<(u8, Sr25519Keyring, RuntimeCall)>> =
		vec![admission(), passport(), bounty()];
	scenarios.extend(federation_calls().into_iter().map(|(track, call)| motion(track, call)));
	scenarios
		.into_iter()
		.map(|steps| {
			steps
				.iter()
				.filter_map(|(lapse, who, call)| {
					let signer =
						actors.signers.iter().position(|s| s.account == who.to_account_id())?;
					encode_step(table, actors, *lapse, u8::try_from(signer).ok()?, call)
				})
				.flatten()
				.collect()
		})
		.collect()
}

fn admission() -> Vec<(u8, Sr25519Keyring, RuntimeCall)> {
	use pallet_coop_membership::Call as M;
	let admit = RuntimeCall::Membership(M::admit_coop { coop: 3 });
	let mut steps = vec![
		(
			NOW,
			One,
			RuntimeCall::Membership(M::apply_coop {
				name: b"Delta".to_vec().try_into().unwrap_or_default(),
				metadata: H256::repeat_byte(0xde),
			}),
		),
		(
			NEXT,
			Bob,
			RuntimeCall::Governance(pallet_coop_governance::Call::propose {
				track: tracks::MEMBERSHIP,
				action: Box::new(ProposalAction::Call(Box::new(admit))),
			}),
		),
	];
	for who in [Alice, Bob, Charlie, Dave, Eve, Ferdie] {
		let vote = if who == Ferdie { Vote::Nay } else { Vote::Aye };
		steps.push((
			NOW,
			who,
			RuntimeCall::Governance(pallet_coop_governance::Call::vote { id: 0, vote }),
		));
	}
	steps.push((
		NEXT,
		Two,
		RuntimeCall::Governance(pallet_coop_governance::Call::close {
			id: 0,
			weight_bound: Weight::from_parts(10_000_000_000, 1_000_000),
		}),
	));
	steps.push((
		VOTE_ENDS,
		One,
		RuntimeCall::Membership(M::add_member { who: AliceStash.to_account_id().into() }),
	));
	steps.push((NOW, AliceStash, RuntimeCall::Membership(M::accept_invitation { coop: 3 })));
	steps
}

/// Calls only the federation may make, each with the track that decides it.
fn federation_calls() -> Vec<(TrackId, RuntimeCall)> {
	use pallet_coop_bounties::Call as B;
	use pallet_coop_membership::Call as M;
	use pallet_coop_passport::Call as P;
	use pallet_coop_validators::Call as V;
	let terms = BountyTerms {
		spec_hash: H256::repeat_byte(0x7e),
		spec_url: b"https://example.org/treasury".to_vec().try_into().unwrap_or_default(),
		reward: 100 * UNIT,
		milestones: Default::default(),
		reviewers: vec![Alice.to_account_id(), Charlie.to_account_id()]
			.try_into()
			.unwrap_or_default(),
		approvals_needed: 2,
		claim_period: 100,
		hours: None,
	};
	vec![
		(
			tracks::MEMBERSHIP,
			RuntimeCall::Membership(M::suspend_coop { coop: 2, reason: H256::zero() }),
		),
		(
			tracks::MEMBERSHIP,
			RuntimeCall::Membership(M::expel_coop { coop: 1, reason: H256::zero() }),
		),
		(
			tracks::MEMBERSHIP,
			RuntimeCall::Passport(P::accredit_attester { kind: 0, attester: One.to_account_id() }),
		),
		(
			tracks::MEMBERSHIP,
			RuntimeCall::Passport(P::add_claim_kind {
				name: b"Audit".to_vec().try_into().unwrap_or_default(),
				subject: pallet_coop_passport::SubjectKind::Coop,
				max_validity: 1_000,
			}),
		),
		(
			tracks::TREASURY,
			RuntimeCall::Treasury(pallet_treasury::Call::spend_local {
				amount: 10 * UNIT,
				beneficiary: Two.to_account_id().into(),
			}),
		),
		(tracks::TREASURY, RuntimeCall::Bounties(B::fund_from_treasury { terms })),
		(tracks::BYLAWS, RuntimeCall::Bounties(B::set_treasury_floor { floor: 50_000 * UNIT })),
		(
			tracks::BYLAWS,
			RuntimeCall::CoopValidators(V::note_stalled {
				delay: 2,
				best_finalized_block_number: 1,
			}),
		),
		(tracks::BYLAWS, RuntimeCall::CoopValidators(V::set_session_length { length: 20 })),
		(
			tracks::MEMBERSHIP,
			RuntimeCall::CoopValidators(V::remove {
				validator: Alice.to_account_id().into(),
				slash_deposit: true,
			}),
		),
	]
}

/// `call` proposed on `track`, approved by every member, closed early, and
/// enacted after the track's delay.
fn motion(track: TrackId, call: RuntimeCall) -> Vec<(u8, Sr25519Keyring, RuntimeCall)> {
	use pallet_coop_governance::Call as G;
	let mut steps = vec![(
		NOW,
		Bob,
		RuntimeCall::Governance(G::propose {
			track,
			action: Box::new(ProposalAction::Call(Box::new(call))),
		}),
	)];
	for who in [Alice, Bob, Charlie, Dave, Eve, Ferdie] {
		steps.push((NOW, who, RuntimeCall::Governance(G::vote { id: 0, vote: Vote::Aye })));
	}
	steps.push((
		NEXT,
		Two,
		RuntimeCall::Governance(G::close {
			id: 0,
			weight_bound: Weight::from_parts(10_000_000_000, 1_000_000),
		}),
	));
	// Any call, after the enactment delay, so the block that enacts it is built.
	steps.push((
		VOTE_ENDS,
		Two,
		RuntimeCall::Governance(G::close { id: 0, weight_bound: Weight::zero() }),
	));
	steps
}

fn passport() -> Vec<(u8, Sr25519Keyring, RuntimeCall)> {
	use pallet_coop_passport::Call as P;
	let attest = RuntimeCall::Passport(P::attest {
		subject: Subject::Coop(2),
		kind: 0,
		evidence: H256::repeat_byte(0xe),
		valid_until: 10_000,
	});
	vec![
		(
			NOW,
			Eve,
			RuntimeCall::Passport(P::set_passport {
				jurisdiction: *b"ES",
				legal_form: b"Cooperativa".to_vec().try_into().unwrap_or_default(),
				registration_hash: H256::repeat_byte(1),
				documents_hash: H256::repeat_byte(2),
			}),
		),
		(NEXT, Alice, attest.clone()),
		(NOW, Charlie, attest),
		(
			A_DAY,
			Charlie,
			RuntimeCall::Passport(P::revoke { subject: Subject::Coop(2), kind: 0, reason: 2 }),
		),
	]
}

fn bounty() -> Vec<(u8, Sr25519Keyring, RuntimeCall)> {
	use pallet_coop_bounties::Call as B;
	let terms = BountyTerms {
		spec_hash: H256::repeat_byte(0x5e),
		spec_url: b"https://example.org/spec".to_vec().try_into().unwrap_or_default(),
		reward: 1_000 * UNIT,
		milestones: Default::default(),
		reviewers: vec![Bob.to_account_id(), Eve.to_account_id()].try_into().unwrap_or_default(),
		approvals_needed: 2,
		claim_period: 1_000,
		hours: Some(40),
	};
	let review =
		RuntimeCall::Bounties(B::review { id: 0, approve: true, comment: H256::repeat_byte(0xc) });
	vec![
		(NOW, Charlie, RuntimeCall::Bounties(B::create_bounty { from_coop: false, terms })),
		(
			NEXT,
			Dave,
			RuntimeCall::Bounties(B::claim {
				id: 0,
				pay_to: PayTo::Coop,
				// Not Charlie: whoever funds a bounty may not share in it.
				shares: Some(vec![(Dave.to_account_id(), 1)].try_into().unwrap_or_default()),
			}),
		),
		(
			NEXT,
			Dave,
			RuntimeCall::Bounties(B::submit_work {
				id: 0,
				milestone: None,
				repo: b"https://git.example.org/x".to_vec().try_into().unwrap_or_default(),
				commit: [0xc0; 20],
				tag: Some(b"v1".to_vec().try_into().unwrap_or_default()),
			}),
		),
		(NEXT, Bob, review.clone()),
		(NOW, Eve, review),
		// Past the 30-day record retention, anyone reaps it.
		(SIXTEEN_DAYS, Two, RuntimeCall::Bounties(B::reap_bounty { id: 0 })),
		(SIXTEEN_DAYS, Two, RuntimeCall::Bounties(B::reap_bounty { id: 0 })),
	]
}
