//! The registry as the session pallet sees it: when sessions end, which set the
//! next one has, and what an offence does.

use crate::{
	Config, Event, Pallet, Planned, Registry, SessionLength, ValidatorList, ValidatorSession,
	ValidatorStatus,
};
use alloc::vec::Vec;
use frame_support::{
	traits::{EstimateNextSessionRotation, Get},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_arithmetic::traits::CheckedRem;
use sp_runtime::{
	traits::{Convert, One, Saturating, Zero},
	Perbill, Permill,
};
use sp_staking::{
	offence::{OffenceDetails, OnOffenceHandler},
	SessionIndex,
};

impl<T: Config> Pallet<T> {
	/// The set for the session after `session`, if it differs from the one last
	/// planned. With no eligible validator the set stays as it is.
	fn plan(session: SessionIndex) -> Option<Vec<T::AccountId>> {
		let next = Self::eligible();
		if next.is_empty() {
			Self::deposit_event(Event::NoEligibleValidators { session });
			return None;
		}
		// `eligible` filters `Admitted`, so it fits the same bound.
		let bounded = ValidatorList::<T>::truncate_from(next.clone());
		if Planned::<T>::get() == bounded {
			return None;
		}
		Planned::<T>::put(&bounded);
		Self::deposit_event(Event::NewSetPlanned { session, validators: bounded });
		Some(next)
	}

	fn start(session: SessionIndex) {
		if let Some(oldest) = session.checked_sub(T::HistoryDepth::get()) {
			T::Session::prune_history(oldest);
		}
	}
}

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::plan(new_index)
	}
	/// At genesis the session pallet's own key list is the set.
	fn new_session_genesis(_: SessionIndex) -> Option<Vec<T::AccountId>> {
		None
	}
	fn end_session(_: SessionIndex) {}
	fn start_session(start_index: SessionIndex) {
		Self::start(start_index)
	}
}

/// The session pallet's historical module keeps, per session, a trie of the set
/// with each validator's full identification. Validators here are identified by
/// their account alone, so the identification is `()`.
impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, ()> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		Self::plan(new_index).map(|set| set.into_iter().map(|who| (who, ())).collect())
	}
	fn new_session_genesis(_: SessionIndex) -> Option<Vec<(T::AccountId, ())>> {
		None
	}
	fn start_session(start_index: SessionIndex) {
		Self::start(start_index)
	}
	fn end_session(_: SessionIndex) {}
}

/// Every validator's full identification is `()`: the account says it all.
pub struct FullIdentificationOf;
impl<AccountId> Convert<AccountId, Option<()>> for FullIdentificationOf {
	fn convert(_: AccountId) -> Option<()> {
		Some(())
	}
}

/// Sessions end at the multiples of [`SessionLength`].
impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for Pallet<T> {
	fn should_end_session(now: BlockNumberFor<T>) -> bool {
		// A zero length (never set) ends no session.
		now.checked_rem(&SessionLength::<T>::get()).is_some_and(|into| into.is_zero())
	}
}

impl<T: Config> EstimateNextSessionRotation<BlockNumberFor<T>> for Pallet<T> {
	fn average_session_length() -> BlockNumberFor<T> {
		SessionLength::<T>::get()
	}

	fn estimate_current_session_progress(now: BlockNumberFor<T>) -> (Option<Permill>, Weight) {
		let length = SessionLength::<T>::get();
		// The block that ends a session is its last, so the count is 1-based.
		let progress = now
			.checked_rem(&length)
			.map(|into| Permill::from_rational(into.saturating_add(One::one()), length));
		(progress, T::DbWeight::get().reads(1))
	}

	fn estimate_next_session_rotation(
		now: BlockNumberFor<T>,
	) -> (Option<BlockNumberFor<T>>, Weight) {
		let length = SessionLength::<T>::get();
		let next =
			now.checked_rem(&length).map(|into| now.saturating_sub(into).saturating_add(length));
		(next, T::DbWeight::get().reads(1))
	}
}

/// An offence (reported through `pallet-offences`) disables the offender at once
/// and suspends it; funds move only by a federation vote (`remove` with
/// `slash_deposit`).
impl<T: Config, Reporter> OnOffenceHandler<Reporter, (T::AccountId, ()), Weight> for Pallet<T> {
	fn on_offence(
		offenders: &[OffenceDetails<Reporter, (T::AccountId, ())>],
		_slash_fraction: &[Perbill],
		session: SessionIndex,
	) -> Weight {
		let now = frame_system::Pallet::<T>::block_number();
		for details in offenders {
			let who = &details.offender.0;
			T::Session::disable(who);
			Registry::<T>::mutate(who, |entry| {
				if let Some(info) = entry.as_mut().filter(|i| i.status == ValidatorStatus::Active) {
					info.status = ValidatorStatus::Suspended;
					info.since = now;
					Self::deposit_event(Event::Suspended {
						validator: who.clone(),
						coop: info.coop,
						session,
					});
				}
			});
		}
		// Per offender: the registry entry and the session's disabled list.
		let n = offenders.len() as u64;
		T::DbWeight::get().reads_writes(n.saturating_mul(3), n.saturating_mul(3))
	}
}
