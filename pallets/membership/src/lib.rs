//! # Co-op membership pallet
//!
//! Co-ops are first-class citizens of the CoopDAO federation. This pallet keeps
//! who is in: the co-ops, their status in the federation, their admins and
//! their worker-members.
//!
//! ## Model
//! - A co-op has an id (never reused), a name, admins (at least one), a status
//!   (`Applicant → Active ⇄ Suspended → Exited`), a member count, a metadata
//!   hash, an application deposit held from its applicant, and a sovereign
//!   account derived from [`Config::PalletId`] and its id.
//! - An account belongs to at most one co-op, as `Member` or `Admin`. Each
//!   membership entry holds [`Config::MemberDeposit`] from the admin who added
//!   it; the deposit goes back to that admin when the entry is removed.
//! - Suspended co-ops' members count as not active (see [`CoopMembership`]).
//!
//! ## Origins
//! Admission decisions come from [`Config::AdmissionOrigin`], suspension and
//! expulsion from [`Config::FederationOrigin`] (federation votes in the
//! runtime). Co-op management is signed by the co-op's admins.
//!
//! [`EnsureActiveMember`] and [`EnsureCoopAdmin`] let other pallets require a
//! member or admin of an active co-op and learn which co-op it is.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod deposit;
pub mod migrations;
mod origins;
mod traits;
mod try_state;
pub mod types;
mod views;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origins::{EnsureActiveMember, EnsureCoopAdmin};
pub use pallet::*;
pub use traits::{
	AdmissionPolicy, CoopMembership, Electorate, LeaveGuard, NotEligible, OnCoopRemoved,
};
pub use types::{CoopId, CoopStatus, Role};
pub use weights::WeightInfo;

use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		Contains,
	},
	PalletId,
};
use frame_system::pallet_prelude::*;
use sp_core::H256;
use sp_runtime::traits::{AccountIdConversion, Saturating, StaticLookup};

/// Balance type of the configured currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// A co-op record as stored.
pub type CoopInfoOf<T> = types::CoopInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	BlockNumberFor<T>,
	<T as Config>::MaxNameLen,
	<T as Config>::MaxAdmins,
>;
/// A membership record as stored.
pub type MemberInfoOf<T> =
	types::MemberInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;
type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;

// FRAME's pallet macros expand to `expect` calls on their own invariants (storage
// info, error metadata); the lint cannot tell those from ours, so it is allowed
// here and `scripts/test.sh` rejects any expect call in our non-test sources.
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching hold reason, so deposits are held under [`HoldReason`].
		type RuntimeHoldReason: From<HoldReason>;

		/// The currency in which deposits are held.
		type Currency: MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// Who admits or rejects an application (the federation's Membership track).
		type AdmissionOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who suspends, reinstates and expels co-ops (the federation's Membership track).
		type FederationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Checked before a member joins and before a co-op is admitted (the passport
		/// pallet's verification policies; `()` for none).
		type Policy: AdmissionPolicy<Self::AccountId>;

		/// Co-ops that a federation motion (suspension or expulsion) is open about, or
		/// whose approved suspension or expulsion waits to be enacted: they cannot
		/// leave until it is done (governance in the runtime; `()` for none).
		type UnderMotion: Contains<CoopId>;

		/// Asked before an admitted co-op leaves: the validator set refuses while the
		/// co-op's validators are needed to keep the chain live (`()`: nothing).
		type LeaveGuard: LeaveGuard;

		/// Told when a co-op's application ends or the co-op exits, so that records it
		/// kept elsewhere without a deposit (its passport) go with it (`()`: none).
		type OnCoopRemoved: OnCoopRemoved;

		/// Derives each co-op's sovereign account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Held from the applicant while a co-op is in the federation.
		#[pallet::constant]
		type CoopDeposit: Get<BalanceOf<Self>>;

		/// Held from the admin who adds a member, for as long as the member stays.
		#[pallet::constant]
		type MemberDeposit: Get<BalanceOf<Self>>;

		/// The most co-ops that may be in the federation (active or suspended) at once.
		/// Applicants do not count: they have their own limit, [`Config::MaxApplicants`].
		#[pallet::constant]
		type MaxCoops: Get<u32>;

		/// The most applications that may wait for the federation's decision at once.
		#[pallet::constant]
		type MaxApplicants: Get<u32>;

		/// How long an application waits for a decision before anyone may prune it
		/// (its members are released and its deposit returned).
		#[pallet::constant]
		type ApplicationPeriod: Get<BlockNumberFor<Self>>;

		/// How long an invitation to join a co-op can be accepted.
		#[pallet::constant]
		type InvitationPeriod: Get<BlockNumberFor<Self>>;

		/// The most worker-members one co-op may have.
		#[pallet::constant]
		type MaxMembersPerCoop: Get<u32>;

		/// The most admins one co-op may have.
		#[pallet::constant]
		type MaxAdmins: Get<u32>;

		/// The longest co-op name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The application deposit of a co-op.
		CoopDeposit,
		/// The deposit for one membership entry.
		MemberDeposit,
	}

	/// The id the next co-op will get.
	#[pallet::storage]
	pub type NextCoopId<T> = StorageValue<_, CoopId, ValueQuery>;

	/// Every co-op that applied and was not rejected, exited ones included.
	#[pallet::storage]
	pub type Coops<T: Config> = StorageMap<_, Twox64Concat, CoopId, CoopInfoOf<T>, OptionQuery>;

	/// The co-op and role of each account that belongs to one.
	#[pallet::storage]
	pub type Members<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, MemberInfoOf<T>, OptionQuery>;

	/// The members of each co-op, for listing and for releasing them when it exits.
	#[pallet::storage]
	pub type CoopMembers<T: Config> =
		StorageDoubleMap<_, Twox64Concat, CoopId, Blake2_128Concat, T::AccountId, (), OptionQuery>;

	/// Admitted co-ops that have not exited (active or suspended); bounded by `MaxCoops`.
	#[pallet::storage]
	pub type LiveCoops<T> = StorageValue<_, u32, ValueQuery>;

	/// Co-ops by status: the index `coops` pages read, so that a page of active
	/// co-ops costs reads for that page only, however many co-ops have exited.
	#[pallet::storage]
	pub type CoopsByStatus<T> =
		StorageDoubleMap<_, Twox64Concat, CoopStatus, Twox64Concat, CoopId, (), OptionQuery>;

	/// Applications waiting for the federation's decision; bounded by `MaxApplicants`.
	#[pallet::storage]
	pub type Applicants<T> = StorageValue<_, u32, ValueQuery>;

	/// Open invitations to join a co-op, by co-op and invitee. The inviting admin's
	/// membership deposit is held until the invitation is accepted or cancelled.
	#[pallet::storage]
	pub type Invitations<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		types::Invitation<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
		OptionQuery,
	>;

	/// Pending changes to a co-op's admins (promoting a member, demoting or removing
	/// another admin), by co-op and member, with the admin who asked. In a co-op with
	/// several admins a second admin (not the member concerned) carries it out. At
	/// most one per member, so bounded by `MaxMembersPerCoop` per co-op; cleared when
	/// the member's role changes or the member leaves.
	#[pallet::storage]
	pub type AdminChanges<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		CoopId,
		Blake2_128Concat,
		T::AccountId,
		T::AccountId,
		OptionQuery,
	>;

	/// An admin's request to take a co-op with several admins out of the federation,
	/// which a second admin carries out by making the same call. At most one per
	/// co-op; cleared when the co-op exits.
	#[pallet::storage]
	pub type LeaveRequests<T: Config> =
		StorageMap<_, Twox64Concat, CoopId, T::AccountId, OptionQuery>;

	/// Co-ops whose status is `Active`.
	#[pallet::storage]
	pub type ActiveCoops<T> = StorageValue<_, u32, ValueQuery>;

	/// Worker-members of `Active` co-ops.
	#[pallet::storage]
	pub type ActiveMembers<T> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A co-op applied to join the federation; `admin` is its first admin and member.
		CoopApplied { coop: CoopId, admin: T::AccountId, deposit: BalanceOf<T> },
		/// The federation admitted the co-op: it is now `Active`.
		CoopAdmitted { coop: CoopId },
		/// The federation rejected the application; its record is removed and
		/// `members_released` memberships ended, deposits returned.
		ApplicationRejected { coop: CoopId, members_released: u32 },
		/// The application waited longer than `ApplicationPeriod` and was pruned; its
		/// record is removed, memberships ended, deposits returned.
		ApplicationExpired { coop: CoopId, members_released: u32 },
		/// The applicant withdrew its application; its record is removed, memberships
		/// ended, deposits returned.
		ApplicationWithdrawn { coop: CoopId, members_released: u32 },
		/// The federation suspended the co-op; `reason` hashes the off-chain reasoning.
		CoopSuspended { coop: CoopId, reason: H256 },
		/// The federation reinstated a suspended co-op.
		CoopReinstated { coop: CoopId },
		/// The federation expelled the co-op; its members were released.
		CoopExpelled { coop: CoopId, reason: H256, members_released: u32 },
		/// The co-op's admin took it out of the federation; its members were released.
		LeftFederation { coop: CoopId, members_released: u32 },
		/// An admin invited `who` to join; `who` joins by accepting before `expires`.
		MemberInvited {
			coop: CoopId,
			who: T::AccountId,
			by: T::AccountId,
			expires: BlockNumberFor<T>,
		},
		/// An invitation was withdrawn, declined or pruned after expiry; the deposit
		/// went back to the admin who invited.
		InvitationCancelled { coop: CoopId, who: T::AccountId },
		/// `who` accepted the invitation of admin `by` and is now a worker-member.
		MemberAdded { coop: CoopId, who: T::AccountId, by: T::AccountId },
		/// An admin asked to promote a member, or to demote or remove another admin; a
		/// second admin must agree (by making the same call).
		AdminChangeRequested { coop: CoopId, who: T::AccountId, by: T::AccountId },
		/// An admin asked to take the co-op out of the federation; a second admin must
		/// agree (by calling `leave_federation` too).
		LeaveRequested { coop: CoopId, by: T::AccountId },
		/// An admin removed a worker-member.
		MemberRemoved { coop: CoopId, who: T::AccountId, by: T::AccountId },
		/// An admin changed a member's role.
		RoleSet { coop: CoopId, who: T::AccountId, role: Role },
		/// A member left their co-op.
		MemberLeft { coop: CoopId, who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The name is empty: give the co-op a name.
		EmptyName,
		/// The name is longer than `MaxNameLen` bytes: shorten it. (Raised for founding
		/// co-ops; `apply_coop` refuses a longer name when the call is decoded.)
		NameTooLong,
		/// The account already belongs to a co-op: an account can be in only one co-op
		/// at a time, so it must leave that one first.
		AlreadyMember,
		/// The federation already has `MaxCoops` co-ops: wait until one exits or the
		/// limit is raised.
		TooManyCoops,
		/// `MaxApplicants` applications already wait for a decision: wait until one is
		/// decided or expires.
		TooManyApplicants,
		/// The application has not waited `ApplicationPeriod` yet: only an expired
		/// application can be pruned.
		ApplicationNotExpired,
		/// A suspended co-op cannot leave the federation: the federation decides on it
		/// first (reinstate or expel).
		CoopSuspended,
		/// A federation motion to suspend or expel the co-op is open, or approved and
		/// waiting to be enacted: it cannot leave until that is done.
		UnderMotion,
		/// No invitation from this co-op to this account is open: ask an admin to invite.
		NoInvitation,
		/// The invitation has expired: ask an admin to invite again.
		InvitationExpired,
		/// This account already has an open invitation from this co-op.
		AlreadyInvited,
		/// Only the invitee, an admin of the co-op, or anyone after expiry may cancel an
		/// invitation.
		CannotCancelInvitation,
		/// You asked for this already (to change this admin, or to leave the
		/// federation): another admin of your co-op must agree.
		AlreadyRequested,
		/// The co-op is still an applicant: reject its application instead.
		StillApplicant,
		/// The admin who invited you is no longer an admin of the co-op: ask a current
		/// admin to invite you again.
		InviterNotAdmin,
		/// No co-op has this id: check the id.
		CoopNotFound,
		/// The co-op is not an applicant: only applications can be admitted or rejected.
		NotApplicant,
		/// The co-op is not active: only active co-ops can be suspended, and only
		/// members of active co-ops can act in the federation.
		CoopNotActive,
		/// The co-op is not suspended: only suspended co-ops can be reinstated.
		NotSuspended,
		/// The co-op has already exited the federation.
		AlreadyExited,
		/// The co-op is suspended or has exited: members cannot be added and roles
		/// cannot be changed until it is reinstated.
		CoopNotOpen,
		/// The account is not a member of your co-op: check the account.
		NotMember,
		/// You are not an admin of a co-op: only co-op admins can do this.
		NotCoopAdmin,
		/// The co-op already has `MaxMembersPerCoop` members: remove one first.
		TooManyMembers,
		/// The co-op already has `MaxAdmins` admins: demote one first.
		TooManyAdmins,
		/// This would leave the co-op without an admin: make another member admin first,
		/// or take the whole co-op out with `leave_federation`.
		LastAdmin,
		/// The member already has this role.
		RoleUnchanged,
		/// The account cannot cover the deposit: it needs free balance of at least the
		/// deposit above the existential deposit.
		InsufficientDeposit,
		/// Every co-op id has been used; no new co-op can be registered.
		CoopIdsExhausted,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Founding co-ops, active from genesis: a name and its members with their
		/// roles (at least one admin). Founders hold no deposits.
		pub founding_coops: Vec<types::FoundingCoop<T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (name, members) in &self.founding_coops {
				if let Err(e) = Pallet::<T>::found_coop(name, members) {
					panic!("invalid founding co-op {:?}: {:?}", name, e);
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Apply for a new co-op to join the federation.
		///
		/// - origin: signed by an account that belongs to no co-op; it becomes the
		///   co-op's first admin and member, and [`Config::CoopDeposit`] is held from it.
		/// - `name`: the co-op's public name, 1 to [`Config::MaxNameLen`] bytes (a longer
		///   one is refused when the call is decoded, before anything is allocated for it).
		/// - `metadata`: hash of its public metadata document, kept off chain.
		///
		/// Emits [`Event::CoopApplied`]. The co-op is `Applicant` until the federation
		/// admits or rejects it, it withdraws, or `ApplicationPeriod` passes and anyone
		/// prunes it. At most `MaxApplicants` applications wait at once.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::apply_coop())]
		pub fn apply_coop(
			origin: OriginFor<T>,
			name: BoundedVec<u8, T::MaxNameLen>,
			metadata: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			ensure!(!name.is_empty(), Error::<T>::EmptyName);
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			let applicants = Applicants::<T>::get();
			ensure!(applicants < T::MaxApplicants::get(), Error::<T>::TooManyApplicants);

			let deposit = T::CoopDeposit::get();
			Self::hold(HoldReason::CoopDeposit, &who, deposit)?;

			let coop = Self::take_coop_id()?;
			let now = frame_system::Pallet::<T>::block_number();
			let admins = BoundedVec::try_from(alloc::vec![who.clone()])
				.map_err(|_| Error::<T>::TooManyAdmins)?;
			Coops::<T>::insert(
				coop,
				types::CoopInfo {
					name,
					admins,
					status: CoopStatus::Applicant,
					member_count: 1,
					applied_at: now,
					joined_at: None,
					metadata,
					depositor: who.clone(),
					deposit,
				},
			);
			CoopsByStatus::<T>::insert(CoopStatus::Applicant, coop, ());
			Self::insert_member(coop, &who, Role::Admin, now, &who, Default::default());
			Applicants::<T>::put(applicants.saturating_add(1));

			Self::deposit_event(Event::CoopApplied { coop, admin: who, deposit });
			Ok(())
		}

		/// Admit an applicant co-op into the federation.
		///
		/// - origin: [`Config::AdmissionOrigin`].
		/// - `coop`: an `Applicant` co-op that satisfies [`Config::Policy`], while the
		///   federation has fewer than `MaxCoops` co-ops.
		///
		/// Emits [`Event::CoopAdmitted`]; its members become active members.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::admit_coop().saturating_add(T::Policy::can_admit_weight()))]
		pub fn admit_coop(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::AdmissionOrigin::ensure_origin(origin)?;
			Coops::<T>::try_mutate(coop, |maybe| -> DispatchResult {
				let info = maybe.as_mut().ok_or(Error::<T>::CoopNotFound)?;
				ensure!(info.status == CoopStatus::Applicant, Error::<T>::NotApplicant);
				let live = LiveCoops::<T>::get();
				ensure!(live < T::MaxCoops::get(), Error::<T>::TooManyCoops);
				T::Policy::can_admit(coop)?;
				Self::set_status(coop, info, CoopStatus::Active);
				info.joined_at = Some(frame_system::Pallet::<T>::block_number());
				LiveCoops::<T>::put(live.saturating_add(1));
				Applicants::<T>::mutate(|n| *n = n.saturating_sub(1));
				Self::activate(info.member_count);
				Ok(())
			})?;
			Self::deposit_event(Event::CoopAdmitted { coop });
			Ok(())
		}

		/// Reject an application. The co-op's record is removed, its members released
		/// and every deposit returned.
		///
		/// - origin: [`Config::AdmissionOrigin`].
		/// - `coop`: an `Applicant` co-op.
		///
		/// Emits [`Event::ApplicationRejected`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::reject_application(T::MaxMembersPerCoop::get())
			.saturating_add(T::OnCoopRemoved::on_coop_removed_weight()))]
		pub fn reject_application(
			origin: OriginFor<T>,
			coop: CoopId,
		) -> DispatchResultWithPostInfo {
			T::AdmissionOrigin::ensure_origin(origin)?;
			let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(info.status == CoopStatus::Applicant, Error::<T>::NotApplicant);
			let released = Self::remove_application(coop, &info);
			Self::deposit_event(Event::ApplicationRejected { coop, members_released: released });
			Ok(Some(
				T::WeightInfo::reject_application(released)
					.saturating_add(T::OnCoopRemoved::on_coop_removed_weight()),
			)
			.into())
		}

		/// Suspend an active co-op: its members stop counting as active (they cannot
		/// vote or propose) until it is reinstated.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `coop`: an `Active` co-op.
		/// - `reason`: hash of the federation's reasoning, kept off chain.
		///
		/// Emits [`Event::CoopSuspended`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::suspend_coop())]
		pub fn suspend_coop(origin: OriginFor<T>, coop: CoopId, reason: H256) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Coops::<T>::try_mutate(coop, |maybe| -> DispatchResult {
				let info = maybe.as_mut().ok_or(Error::<T>::CoopNotFound)?;
				ensure!(info.status == CoopStatus::Active, Error::<T>::CoopNotActive);
				Self::set_status(coop, info, CoopStatus::Suspended);
				Self::deactivate(info.member_count);
				Ok(())
			})?;
			Self::deposit_event(Event::CoopSuspended { coop, reason });
			Ok(())
		}

		/// Reinstate a suspended co-op. It must still satisfy [`Config::Policy`] (as at
		/// admission). Its `joined_at` becomes now: its members vote only on proposals
		/// made from now on, as the electorate of a proposal is fixed when it opens.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `coop`: a `Suspended` co-op.
		///
		/// Emits [`Event::CoopReinstated`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reinstate_coop().saturating_add(T::Policy::can_admit_weight()))]
		pub fn reinstate_coop(origin: OriginFor<T>, coop: CoopId) -> DispatchResult {
			T::FederationOrigin::ensure_origin(origin)?;
			Coops::<T>::try_mutate(coop, |maybe| -> DispatchResult {
				let info = maybe.as_mut().ok_or(Error::<T>::CoopNotFound)?;
				ensure!(info.status == CoopStatus::Suspended, Error::<T>::NotSuspended);
				T::Policy::can_admit(coop)?;
				Self::set_status(coop, info, CoopStatus::Active);
				info.joined_at = Some(frame_system::Pallet::<T>::block_number());
				Self::activate(info.member_count);
				Ok(())
			})?;
			Self::deposit_event(Event::CoopReinstated { coop });
			Ok(())
		}

		/// Expel a co-op from the federation. Its members are released (their
		/// deposits returned to the admins who paid them) and its application deposit
		/// is returned; the record stays, `Exited`.
		///
		/// - origin: [`Config::FederationOrigin`].
		/// - `coop`: a co-op that has not exited.
		/// - `reason`: hash of the federation's reasoning, kept off chain.
		///
		/// Emits [`Event::CoopExpelled`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::expel_coop(T::MaxMembersPerCoop::get())
			.saturating_add(T::OnCoopRemoved::on_coop_removed_weight()))]
		pub fn expel_coop(
			origin: OriginFor<T>,
			coop: CoopId,
			reason: H256,
		) -> DispatchResultWithPostInfo {
			T::FederationOrigin::ensure_origin(origin)?;
			let released = Self::exit(coop)?;
			Self::deposit_event(Event::CoopExpelled { coop, reason, members_released: released });
			Ok(Some(
				T::WeightInfo::expel_coop(released)
					.saturating_add(T::OnCoopRemoved::on_coop_removed_weight()),
			)
			.into())
		}

		/// Take your co-op out of the federation, or withdraw its application. Its
		/// members are released and every deposit returned. An admitted co-op's record
		/// stays, `Exited` (decisions and the bounty ledger refer to it); a withdrawn
		/// application leaves nothing behind.
		///
		/// - origin: signed by an admin of an `Applicant` or `Active` co-op. A
		///   `Suspended` co-op, or one a suspension or expulsion motion is open about
		///   (or approved and waiting to be enacted), cannot leave: the federation
		///   decides on it first. Nor can a co-op whose
		///   validators the chain needs ([`Config::LeaveGuard`]) until others are
		///   admitted. An admitted co-op with several admins leaves when two of them
		///   have made this call: the first records the request.
		///
		/// Emits [`Event::LeftFederation`], [`Event::LeaveRequested`] or
		/// [`Event::ApplicationWithdrawn`].
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::leave_weight(T::MaxMembersPerCoop::get()))]
		pub fn leave_federation(origin: OriginFor<T>) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let coop = Self::admin_coop(&who)?;
			let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			let released = match info.status {
				CoopStatus::Suspended => return Err(Error::<T>::CoopSuspended.into()),
				_ if T::UnderMotion::contains(&coop) => return Err(Error::<T>::UnderMotion.into()),
				CoopStatus::Applicant => {
					let released = Self::remove_application(coop, &info);
					Self::deposit_event(Event::ApplicationWithdrawn {
						coop,
						members_released: released,
					});
					released
				}
				_ => {
					T::LeaveGuard::can_leave(coop)?;
					if !Self::leave_agreed(coop, &who, &info)? {
						return Ok(Some(
							T::WeightInfo::leave_federation(0)
								.saturating_add(T::LeaveGuard::can_leave_weight())
								.saturating_add(T::DbWeight::get().reads_writes(2, 1)),
						)
						.into());
					}
					let released = Self::exit(coop)?;
					Self::deposit_event(Event::LeftFederation { coop, members_released: released });
					released
				}
			};
			Ok(Some(Self::leave_weight(released)).into())
		}

		/// Invite an account to join your co-op as a worker-member. Nobody is enrolled
		/// without consent: the account joins only by calling `accept_invitation`
		/// within `InvitationPeriod`.
		///
		/// - origin: signed by an admin of an `Applicant` or `Active` co-op;
		///   [`Config::MemberDeposit`] is held from it until the invitation is cancelled,
		///   or, once accepted, until the member leaves.
		/// - `who`: an account that belongs to no co-op.
		///
		/// Emits [`Event::MemberInvited`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::add_member())]
		pub fn add_member(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let coop = Self::admin_coop(&admin)?;
			let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(info.status.is_open(), Error::<T>::CoopNotOpen);
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			ensure!(!Invitations::<T>::contains_key(coop, &who), Error::<T>::AlreadyInvited);

			let deposit = T::MemberDeposit::get();
			Self::hold(HoldReason::MemberDeposit, &admin, deposit)?;
			let expires = frame_system::Pallet::<T>::block_number()
				.saturating_add(T::InvitationPeriod::get());
			Invitations::<T>::insert(
				coop,
				&who,
				types::Invitation { by: admin.clone(), deposit, expires },
			);
			Self::deposit_event(Event::MemberInvited { coop, who, by: admin, expires });
			Ok(())
		}

		/// Remove a worker-member from your co-op; their deposit goes back to whoever
		/// paid it.
		///
		/// - origin: signed by an admin of the co-op.
		/// - `who`: a member of the same co-op, not its last admin. Removing another
		///   admin takes two admins: the first call records the request
		///   ([`Event::AdminChangeRequested`]), the same call by a second admin (not
		///   `who`) carries it out.
		///
		/// Emits [`Event::MemberRemoved`].
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_member())]
		pub fn remove_member(origin: OriginFor<T>, who: AccountIdLookupOf<T>) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let coop = Self::admin_coop(&admin)?;
			let admin_change = <Self as CoopMembership<T::AccountId>>::is_admin(&who, coop);
			if !Self::admin_consents(coop, &admin, &who, admin_change)? {
				return Ok(());
			}
			Self::do_remove_member(coop, &who)?;
			Self::deposit_event(Event::MemberRemoved { coop, who, by: admin });
			Ok(())
		}

		/// Make a member of your co-op an admin, or an admin a plain member.
		///
		/// - origin: signed by an admin of an `Applicant` or `Active` co-op.
		/// - `who`: a member of the same co-op.
		/// - `role`: the new role; demoting the last admin is refused. In a co-op with
		///   several admins, promoting a member or demoting another admin takes two
		///   admins: the first call records the request ([`Event::AdminChangeRequested`]),
		///   the same call by a second admin (not `who`) carries it out.
		///
		/// Emits [`Event::RoleSet`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::set_role())]
		pub fn set_role(
			origin: OriginFor<T>,
			who: AccountIdLookupOf<T>,
			role: Role,
		) -> DispatchResult {
			let admin = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let coop = Self::admin_coop(&admin)?;
			let mut member = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?;
			ensure!(member.coop == coop, Error::<T>::NotMember);
			ensure!(member.role != role, Error::<T>::RoleUnchanged);
			let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(info.status.is_open(), Error::<T>::CoopNotOpen);
			if !Self::admin_consents(coop, &admin, &who, true)? {
				return Ok(());
			}

			match role {
				Role::Admin => {
					info.admins.try_push(who.clone()).map_err(|_| Error::<T>::TooManyAdmins)?
				}
				Role::Member => {
					ensure!(info.admins.len() > 1, Error::<T>::LastAdmin);
					info.admins.retain(|a| a != &who);
				}
			}
			member.role = role;
			AdminChanges::<T>::remove(coop, &who);
			Members::<T>::insert(&who, member);
			Coops::<T>::insert(coop, info);

			Self::deposit_event(Event::RoleSet { coop, who, role });
			Ok(())
		}

		/// Leave your co-op. The membership deposit goes back to whoever paid it.
		///
		/// - origin: signed by a member; the last admin cannot leave (make another
		///   member admin first, or use `leave_federation`).
		///
		/// Emits [`Event::MemberLeft`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::leave_coop())]
		pub fn leave_coop(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let coop = Members::<T>::get(&who).ok_or(Error::<T>::NotMember)?.coop;
			Self::do_remove_member(coop, &who)?;
			Self::deposit_event(Event::MemberLeft { coop, who });
			Ok(())
		}

		/// Accept an invitation and join the co-op as a worker-member.
		///
		/// - origin: signed by the invited account, which belongs to no co-op and
		///   satisfies the co-op's [`Config::Policy`] (e.g. holds the attestations it
		///   requires).
		/// - `coop`: the co-op that invited you, still `Applicant` or `Active`, with
		///   fewer than `MaxMembersPerCoop` members; the invitation not expired.
		///
		/// Emits [`Event::MemberAdded`]. The policy check's worst case is charged up
		/// front and refunded down to what the co-op's policy costs.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::accept_invitation().saturating_add(T::Policy::can_join_weight(None)))]
		pub fn accept_invitation(origin: OriginFor<T>, coop: CoopId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let invitation = Invitations::<T>::get(coop, &who).ok_or(Error::<T>::NoInvitation)?;
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(now <= invitation.expires, Error::<T>::InvitationExpired);
			// An admin who has since been removed or demoted no longer speaks for it.
			ensure!(
				<Self as CoopMembership<T::AccountId>>::is_admin(&invitation.by, coop),
				Error::<T>::InviterNotAdmin
			);
			ensure!(!Members::<T>::contains_key(&who), Error::<T>::AlreadyMember);
			let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(info.status.is_open(), Error::<T>::CoopNotOpen);
			ensure!(info.member_count < T::MaxMembersPerCoop::get(), Error::<T>::TooManyMembers);
			T::Policy::can_join(coop, &who)?;

			Invitations::<T>::remove(coop, &who);
			Self::insert_member(coop, &who, Role::Member, now, &invitation.by, invitation.deposit);
			info.member_count = info.member_count.saturating_add(1);
			if info.status == CoopStatus::Active {
				ActiveMembers::<T>::mutate(|n| *n = n.saturating_add(1));
			}
			Coops::<T>::insert(coop, info);

			Self::deposit_event(Event::MemberAdded { coop, who, by: invitation.by });
			Ok(Some(
				T::WeightInfo::accept_invitation()
					.saturating_add(T::Policy::can_join_weight(Some(coop))),
			)
			.into())
		}

		/// Cancel an invitation; the deposit goes back to the admin who invited.
		///
		/// - origin: signed by the invitee (declining), by an admin of the co-op
		///   (withdrawing), or by anyone once the invitation has expired or the co-op
		///   can no longer take members (pruning).
		/// - `coop`, `who`: the co-op and the invited account.
		///
		/// Emits [`Event::InvitationCancelled`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::cancel_invitation())]
		pub fn cancel_invitation(
			origin: OriginFor<T>,
			coop: CoopId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			let invitation = Invitations::<T>::get(coop, &who).ok_or(Error::<T>::NoInvitation)?;
			let expired = frame_system::Pallet::<T>::block_number() > invitation.expires;
			let coop_open = Coops::<T>::get(coop).is_some_and(|c| c.status.is_open());
			ensure!(
				caller == who
					|| expired || !coop_open
					|| <Self as CoopMembership<T::AccountId>>::is_admin(&caller, coop),
				Error::<T>::CannotCancelInvitation
			);
			Invitations::<T>::remove(coop, &who);
			Self::release(HoldReason::MemberDeposit, &invitation.by, invitation.deposit);
			Self::deposit_event(Event::InvitationCancelled { coop, who });
			Ok(())
		}

		/// Prune an application that waited longer than `ApplicationPeriod` without a
		/// decision. Its record is removed, its members released and every deposit
		/// returned, so nothing stays in storage that nobody pays for.
		///
		/// - origin: signed, anyone.
		/// - `coop`: an `Applicant` co-op that applied more than `ApplicationPeriod` ago.
		///
		/// Emits [`Event::ApplicationExpired`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::prune_application(T::MaxMembersPerCoop::get())
			.saturating_add(T::OnCoopRemoved::on_coop_removed_weight()))]
		pub fn prune_application(origin: OriginFor<T>, coop: CoopId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
			ensure!(info.status == CoopStatus::Applicant, Error::<T>::NotApplicant);
			let expiry = info.applied_at.saturating_add(T::ApplicationPeriod::get());
			ensure!(
				frame_system::Pallet::<T>::block_number() > expiry,
				Error::<T>::ApplicationNotExpired
			);
			let released = Self::remove_application(coop, &info);
			Self::deposit_event(Event::ApplicationExpired { coop, members_released: released });
			Ok(Some(
				T::WeightInfo::prune_application(released)
					.saturating_add(T::OnCoopRemoved::on_coop_removed_weight()),
			)
			.into())
		}
	}
}

impl<T: Config> Pallet<T> {
	/// The sovereign account of a co-op, which holds the co-op's own funds.
	pub fn sovereign_account(coop: CoopId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(coop)
	}

	/// The co-op `who` is an admin of, if it has not exited.
	fn admin_coop(who: &T::AccountId) -> Result<CoopId, DispatchError> {
		let member = Members::<T>::get(who).ok_or(Error::<T>::NotCoopAdmin)?;
		ensure!(member.role == Role::Admin, Error::<T>::NotCoopAdmin);
		Ok(member.coop)
	}

	/// Whether `admin` may now carry out a change of `target`'s membership. Changes
	/// to the admin set (`admin_change`: promoting a member, demoting or removing
	/// another admin) in a co-op with several admins take two admins, neither of them
	/// `target`: the first request is recorded and `false` returned, the second
	/// carries it out. So no single admin can take over a co-op, directly or by
	/// promoting a puppet. Anything else, and stepping down oneself: yes.
	fn admin_consents(
		coop: CoopId,
		admin: &T::AccountId,
		target: &T::AccountId,
		admin_change: bool,
	) -> Result<bool, DispatchError> {
		let sole_admin = Coops::<T>::get(coop).is_none_or(|c| c.admins.len() < 2);
		if admin == target || !admin_change || sole_admin {
			return Ok(true);
		}
		match AdminChanges::<T>::get(coop, target) {
			Some(first) if &first == admin => Err(Error::<T>::AlreadyRequested.into()),
			// The first admin must still be an admin for the request to count.
			Some(first) if <Self as CoopMembership<T::AccountId>>::is_admin(&first, coop) => {
				AdminChanges::<T>::remove(coop, target);
				Ok(true)
			}
			_ => {
				AdminChanges::<T>::insert(coop, target, admin);
				Self::deposit_event(Event::AdminChangeRequested {
					coop,
					who: target.clone(),
					by: admin.clone(),
				});
				Ok(false)
			}
		}
	}

	/// What `leave_federation` costs with `released` members: the benchmarked call,
	/// the validator set's check, what other pallets clear, and the leave request
	/// read, checked against its admin and removed.
	fn leave_weight(released: u32) -> Weight {
		T::WeightInfo::leave_federation(released)
			.saturating_add(T::LeaveGuard::can_leave_weight())
			.saturating_add(T::OnCoopRemoved::on_coop_removed_weight())
			.saturating_add(T::DbWeight::get().reads_writes(2, 1))
	}

	/// Whether admitted co-op `coop` may leave on `admin`'s word: in a co-op with
	/// several admins it takes two, so no single admin can end a co-op (its members
	/// released, its account's funds out of reach) alone. The first call records the
	/// request and returns `false`; the same call by another current admin returns
	/// `true`.
	fn leave_agreed(
		coop: CoopId,
		admin: &T::AccountId,
		info: &CoopInfoOf<T>,
	) -> Result<bool, DispatchError> {
		if info.admins.len() < 2 {
			return Ok(true);
		}
		match LeaveRequests::<T>::get(coop) {
			Some(first) if &first == admin => Err(Error::<T>::AlreadyRequested.into()),
			// The first admin must still be an admin for the request to count.
			Some(first) if <Self as CoopMembership<T::AccountId>>::is_admin(&first, coop) => {
				Ok(true)
			}
			_ => {
				LeaveRequests::<T>::insert(coop, admin);
				Self::deposit_event(Event::LeaveRequested { coop, by: admin.clone() });
				Ok(false)
			}
		}
	}

	/// Removes an application without a trace: members released, deposits returned,
	/// record gone (open invitations stay until cancelled: their deposits are the
	/// inviters', and anyone may cancel them now). Returns how many members were
	/// released.
	fn remove_application(coop: CoopId, info: &CoopInfoOf<T>) -> u32 {
		let released = Self::release_members(coop);
		Self::release(HoldReason::CoopDeposit, &info.depositor, info.deposit);
		Coops::<T>::remove(coop);
		CoopsByStatus::<T>::remove(info.status, coop);
		Applicants::<T>::mutate(|n| *n = n.saturating_sub(1));
		T::OnCoopRemoved::on_coop_removed(coop);
		released
	}

	fn take_coop_id() -> Result<CoopId, DispatchError> {
		deposit::next_id::<NextCoopId<T>, _>().ok_or(Error::<T>::CoopIdsExhausted.into())
	}

	fn hold(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) -> DispatchResult {
		deposit::take::<T::Currency, _>(&reason.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientDeposit.into())
	}

	fn release(reason: HoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		deposit::refund::<T::Currency, _>(&reason.into(), who, amount);
	}

	fn insert_member(
		coop: CoopId,
		who: &T::AccountId,
		role: Role,
		since: BlockNumberFor<T>,
		depositor: &T::AccountId,
		deposit: BalanceOf<T>,
	) {
		Members::<T>::insert(
			who,
			types::MemberInfo { coop, role, since, depositor: depositor.clone(), deposit },
		);
		CoopMembers::<T>::insert(coop, who, ());
	}

	/// Ends `who`'s membership of `coop`, refusing to remove its last admin.
	fn do_remove_member(coop: CoopId, who: &T::AccountId) -> DispatchResult {
		let member = Members::<T>::get(who).ok_or(Error::<T>::NotMember)?;
		ensure!(member.coop == coop, Error::<T>::NotMember);
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		if member.role == Role::Admin {
			ensure!(info.admins.len() > 1, Error::<T>::LastAdmin);
			info.admins.retain(|a| a != who);
		}
		info.member_count = info.member_count.saturating_sub(1);
		if info.status == CoopStatus::Active {
			ActiveMembers::<T>::mutate(|n| *n = n.saturating_sub(1));
		}
		Coops::<T>::insert(coop, info);
		Members::<T>::remove(who);
		CoopMembers::<T>::remove(coop, who);
		AdminChanges::<T>::remove(coop, who);
		Self::release(HoldReason::MemberDeposit, &member.depositor, member.deposit);
		Ok(())
	}

	/// Ends every membership of `coop`, returning each deposit. Returns how many.
	fn release_members(coop: CoopId) -> u32 {
		let mut released: u32 = 0;
		// Bounded: a co-op never has more than `MaxMembersPerCoop` members.
		for (who, ()) in CoopMembers::<T>::drain_prefix(coop) {
			if let Some(member) = Members::<T>::take(&who) {
				Self::release(HoldReason::MemberDeposit, &member.depositor, member.deposit);
			}
			released = released.saturating_add(1);
		}
		let _ = AdminChanges::<T>::clear_prefix(coop, T::MaxMembersPerCoop::get(), None);
		// Invitations are not bounded per co-op; each carries its own deposit and is
		// returned on `cancel_invitation` (anyone may call it once the co-op is gone).
		released
	}

	/// Moves co-op `coop` to `status`, in its record and in [`CoopsByStatus`].
	fn set_status(coop: CoopId, info: &mut CoopInfoOf<T>, status: CoopStatus) {
		CoopsByStatus::<T>::remove(info.status, coop);
		CoopsByStatus::<T>::insert(status, coop, ());
		info.status = status;
	}

	/// Takes a co-op out of the federation: members released, deposit returned, `Exited`.
	fn exit(coop: CoopId) -> Result<u32, DispatchError> {
		let mut info = Coops::<T>::get(coop).ok_or(Error::<T>::CoopNotFound)?;
		ensure!(info.status != CoopStatus::Exited, Error::<T>::AlreadyExited);
		ensure!(info.status != CoopStatus::Applicant, Error::<T>::StillApplicant);
		if info.status == CoopStatus::Active {
			Self::deactivate(info.member_count);
		}
		let released = Self::release_members(coop);
		Self::release(HoldReason::CoopDeposit, &info.depositor, info.deposit);
		Self::set_status(coop, &mut info, CoopStatus::Exited);
		info.member_count = 0;
		info.admins = Default::default();
		info.deposit = Default::default();
		Coops::<T>::insert(coop, info);
		LiveCoops::<T>::mutate(|n| *n = n.saturating_sub(1));
		LeaveRequests::<T>::remove(coop);
		T::OnCoopRemoved::on_coop_removed(coop);
		Ok(released)
	}

	fn activate(members: u32) {
		ActiveCoops::<T>::mutate(|n| *n = n.saturating_add(1));
		ActiveMembers::<T>::mutate(|n| *n = n.saturating_add(members));
	}

	fn deactivate(members: u32) {
		ActiveCoops::<T>::mutate(|n| *n = n.saturating_sub(1));
		ActiveMembers::<T>::mutate(|n| *n = n.saturating_sub(members));
	}

	/// Adds `who` to co-op `coop` as a member, as `accept_invitation` would but
	/// without deposit or policy check (benchmarks of other pallets).
	#[cfg(feature = "runtime-benchmarks")]
	pub(crate) fn benchmark_join(coop: CoopId, who: &T::AccountId) {
		let Some(mut info) = Coops::<T>::get(coop) else { return };
		if Members::<T>::contains_key(who) {
			return;
		}
		let now = frame_system::Pallet::<T>::block_number();
		Self::insert_member(coop, who, Role::Member, now, who, Default::default());
		info.member_count = info.member_count.saturating_add(1);
		if info.status == CoopStatus::Active {
			ActiveMembers::<T>::mutate(|n| *n = n.saturating_add(1));
		}
		Coops::<T>::insert(coop, info);
	}

	/// Registers an active founding co-op (genesis, benchmarks, tests). No deposits.
	pub fn found_coop(
		name: &[u8],
		members: &[(T::AccountId, Role)],
	) -> Result<CoopId, DispatchError> {
		ensure!(!name.is_empty(), Error::<T>::EmptyName);
		let name: BoundedVec<u8, T::MaxNameLen> =
			name.to_vec().try_into().map_err(|_| Error::<T>::NameTooLong)?;
		let count = u32::try_from(members.len()).map_err(|_| Error::<T>::TooManyMembers)?;
		ensure!(count <= T::MaxMembersPerCoop::get(), Error::<T>::TooManyMembers);
		let admins: alloc::vec::Vec<T::AccountId> =
			members.iter().filter(|(_, r)| *r == Role::Admin).map(|(a, _)| a.clone()).collect();
		let first_admin = admins.first().cloned().ok_or(Error::<T>::LastAdmin)?;
		let admins = BoundedVec::try_from(admins).map_err(|_| Error::<T>::TooManyAdmins)?;
		let live = LiveCoops::<T>::get();
		ensure!(live < T::MaxCoops::get(), Error::<T>::TooManyCoops);
		for (who, _) in members {
			ensure!(!Members::<T>::contains_key(who), Error::<T>::AlreadyMember);
		}

		let coop = Self::take_coop_id()?;
		let now = frame_system::Pallet::<T>::block_number();
		for (who, role) in members {
			Self::insert_member(coop, who, *role, now, who, Default::default());
		}
		Coops::<T>::insert(
			coop,
			types::CoopInfo {
				name,
				admins,
				status: CoopStatus::Active,
				member_count: count,
				applied_at: now,
				joined_at: Some(now),
				metadata: H256::zero(),
				depositor: first_admin,
				deposit: Default::default(),
			},
		);
		CoopsByStatus::<T>::insert(CoopStatus::Active, coop, ());
		LiveCoops::<T>::put(live.saturating_add(1));
		Self::activate(count);
		Ok(coop)
	}
}
