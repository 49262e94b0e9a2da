//! Unit tests of the governance pallet.

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

mod attacks;
mod closing;
mod voting;

use crate::{
	mock::*, CoopTallies, Decisions, Error, Event, HoldReason, OpenCount, Outcome, ProposalAction,
	Proposals, Tally, TrackInfoOf, Vote, Votes,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, Hooks},
	weights::Weight,
};
use pallet_coop_membership::CoopStatus;
use sp_core::H256;
use sp_runtime::{traits::Hash, DispatchError, Perbill};

fn signed(n: u8) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(n))
}

fn signal(n: u8) -> Box<ProposalAction<RuntimeCall, H256>> {
	Box::new(ProposalAction::Signal(H256::repeat_byte(n)))
}

fn call(c: RuntimeCall) -> Box<ProposalAction<RuntimeCall, H256>> {
	Box::new(ProposalAction::Call(Box::new(c)))
}

fn tally(aye: u32, nay: u32, abstain: u32, block: u32) -> Tally {
	Tally { aye, nay, abstain, block }
}

fn run_to(n: u64) {
	while System::block_number() < n {
		Governance::on_finalize(System::block_number());
		System::set_block_number(System::block_number() + 1);
		Scheduler::on_initialize(System::block_number());
	}
}

fn vote(who: u8, id: u32, v: Vote) {
	assert_ok!(Governance::vote(signed(who), id, v));
}

fn close(id: u32) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	Governance::close(signed(10), id, Weight::from_parts(1_000_000_000_000, 1_000_000))
}

fn outcome(id: u32) -> Outcome {
	Decisions::<Test>::get(id).unwrap().outcome
}
