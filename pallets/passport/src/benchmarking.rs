//! Benchmarks of the passport pallet (frame-benchmarking v2).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use crate::Pallet as Passport;
use alloc::vec;
use frame_benchmarking::v2::*;
use frame_system::RawOrigin;

/// The admin of a new active co-op number `index`, and the co-op.
fn new_coop<T: Config>(index: u32) -> (T::AccountId, CoopId) {
	let admin: T::AccountId = account("passport-coop", index, 0);
	let coop = T::Membership::benchmark_found_coop(core::slice::from_ref(&admin));
	(admin, coop)
}

fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_add(T::AttestationDeposit::get())
		.saturating_mul(1_000u32.into());
	T::Currency::set_balance(who, amount);
}

/// A name or legal form of the greatest length the calls accept.
fn longest(byte: u8) -> ShortText {
	vec![byte; ShortText::bound()].try_into().unwrap()
}

fn federation<T: Config>() -> T::RuntimeOrigin {
	T::FederationOrigin::try_successful_origin().unwrap()
}

/// A new claim kind about `subject`.
fn new_kind<T: Config>(subject: SubjectKind) -> ClaimKindId {
	let id = NextClaimKindId::<T>::get();
	Passport::<T>::add_claim_kind(federation::<T>(), longest(b'k'), subject, 1_000u32.into())
		.unwrap();
	id
}

/// A claim kind about `subject`, with an accredited, funded attester.
fn kind_with_attester<T: Config>(subject: SubjectKind) -> (ClaimKindId, T::AccountId) {
	let id = new_kind::<T>(subject);
	let attester: T::AccountId = account("attester", id.into(), 0);
	fund::<T>(&attester);
	Passport::<T>::accredit_attester(federation::<T>(), id, attester.clone()).unwrap();
	(id, attester)
}

/// A claim kind about `subject`, with a funded attester accredited for co-op number
/// `index` (the worst case: its co-op's status is read when it attests).
fn kind_with_coop_attester<T: Config>(
	subject: SubjectKind,
	index: u32,
) -> (ClaimKindId, T::AccountId) {
	let id = new_kind::<T>(subject);
	let (attester, coop) = new_coop::<T>(index);
	fund::<T>(&attester);
	Passport::<T>::accredit_attester(federation::<T>(), id, attester.clone()).unwrap();
	assert_eq!(Accredited::<T>::get(id, &attester), Some(ActingFor::Coop(coop)));
	(id, attester)
}

/// A co-op with a published passport; returns its admin and id.
fn coop_with_passport<T: Config>(index: u32) -> (T::AccountId, CoopId) {
	let (admin, coop) = new_coop::<T>(index);
	fund::<T>(&admin);
	Passport::<T>::set_passport(
		RawOrigin::Signed(admin.clone()).into(),
		*b"ES",
		longest(b'f'),
		H256::zero(),
		H256::zero(),
	)
	.unwrap();
	(admin, coop)
}

/// A co-op subject attested by an attester accredited for another co-op.
fn attested<T: Config>() -> (SubjectOf<T>, ClaimKindId, T::AccountId) {
	let (_, coop) = coop_with_passport::<T>(0);
	let (kind, attester) = kind_with_coop_attester::<T>(SubjectKind::Coop, 1);
	let subject = Subject::Coop(coop);
	Passport::<T>::attest(
		RawOrigin::Signed(attester.clone()).into(),
		subject.clone(),
		kind,
		H256::zero(),
		10u32.into(),
	)
	.unwrap();
	(subject, kind, attester)
}

/// Eight new claim kinds about `subject`, each attested by `MaxAttestersPerClaim`
/// attesters, a distinct attester acting for its own co-op per (kind, slot), numbered
/// from `first`: the most a policy check can read, with no membership or co-op
/// record read twice. Returns the kinds.
fn fully_attested<T: Config>(
	subject: &SubjectOf<T>,
	subject_kind: SubjectKind,
	first: u32,
) -> alloc::vec::Vec<ClaimKindId> {
	let kinds: alloc::vec::Vec<ClaimKindId> = (0..8).map(|_| new_kind::<T>(subject_kind)).collect();
	let max = T::MaxAttestersPerClaim::get();
	for (k, kind) in kinds.iter().enumerate() {
		for i in 0..max {
			let (attester, _) = new_coop::<T>(first + k as u32 * max + i);
			fund::<T>(&attester);
			Passport::<T>::accredit_attester(federation::<T>(), *kind, attester.clone()).unwrap();
			Passport::<T>::attest(
				RawOrigin::Signed(attester).into(),
				subject.clone(),
				*kind,
				H256::zero(),
				10u32.into(),
			)
			.unwrap();
		}
	}
	kinds
}

/// A policy needing every kind from all `MaxAttestersPerClaim` attesters, so the
/// check reads every attestation.
fn strictest_policy<T: Config>(kinds: alloc::vec::Vec<ClaimKindId>) -> Policy {
	Policy { kinds: kinds.try_into().unwrap(), min_attesters: T::MaxAttestersPerClaim::get() }
}

#[benchmarks]
mod benchmarks {
	use super::*;

	// Worst case: the passport exists (read, compared, bumped).
	#[benchmark]
	fn set_passport() {
		let (admin, coop) = coop_with_passport::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), *b"PT", longest(b'l'), H256::zero(), H256::zero());
		assert_eq!(Passports::<T>::get(coop).map(|p| p.version), Some(2));
	}

	#[benchmark]
	fn add_claim_kind() {
		let origin = federation::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, longest(b'n'), SubjectKind::Account, 100u32.into());
		assert!(NextClaimKindId::<T>::get() > 0);
	}

	#[benchmark]
	fn set_claim_kind() {
		let (kind, _) = kind_with_attester::<T>(SubjectKind::Coop);
		let origin = federation::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, kind, longest(b'm'), 200u32.into());
		assert_eq!(ClaimKinds::<T>::get(kind).map(|k| k.max_validity), Some(200u32.into()));
	}

	// Worst case: the attester is in a co-op, whose status is read.
	#[benchmark]
	fn accredit_attester() {
		let (kind, _) = kind_with_attester::<T>(SubjectKind::Coop);
		let (who, coop) = new_coop::<T>(0);
		let origin = federation::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, kind, who.clone());
		assert_eq!(Accredited::<T>::get(kind, who), Some(ActingFor::Coop(coop)));
	}

	#[benchmark]
	fn withdraw_accreditation() {
		let (kind, attester) = kind_with_attester::<T>(SubjectKind::Coop);
		let origin = federation::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, kind, attester.clone());
		assert!(!Accredited::<T>::contains_key(kind, attester));
	}

	// Worst case: a co-op subject (passport read) and an attester acting for another
	// active co-op (membership and co-op status read).
	#[benchmark]
	fn attest() {
		let (_, coop) = coop_with_passport::<T>(0);
		let (kind, attester) = kind_with_coop_attester::<T>(SubjectKind::Coop, 1);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(attester.clone()),
			Subject::Coop(coop),
			kind,
			H256::zero(),
			10u32.into(),
		);
		assert!(Attestations::<T>::contains_key((Subject::Coop(coop), kind), attester));
	}

	// Worst case: the claim's `MaxAttestersPerClaim` records are full, attesters of
	// as many co-ops, and only the one read last no longer counts: every record is
	// read and checked, then that one is removed to make room.
	#[benchmark]
	fn attest_evicting() {
		let (_, coop) = coop_with_passport::<T>(0);
		let subject: SubjectOf<T> = Subject::Coop(coop);
		let kind = new_kind::<T>(SubjectKind::Coop);
		let max = T::MaxAttestersPerClaim::get();
		for i in 0..max {
			let (attester, _) = new_coop::<T>(1 + i);
			fund::<T>(&attester);
			Passport::<T>::accredit_attester(federation::<T>(), kind, attester.clone()).unwrap();
			Passport::<T>::attest(
				RawOrigin::Signed(attester).into(),
				subject.clone(),
				kind,
				H256::zero(),
				10u32.into(),
			)
			.unwrap();
		}
		let (last, _) = Attestations::<T>::iter_prefix((subject.clone(), kind)).last().unwrap();
		Passport::<T>::withdraw_accreditation(federation::<T>(), kind, last.clone()).unwrap();
		let (attester, _) = new_coop::<T>(1 + max);
		fund::<T>(&attester);
		Passport::<T>::accredit_attester(federation::<T>(), kind, attester.clone()).unwrap();
		#[extrinsic_call]
		attest(
			RawOrigin::Signed(attester.clone()),
			subject.clone(),
			kind,
			H256::zero(),
			10u32.into(),
		);
		assert!(!Attestations::<T>::contains_key((subject.clone(), kind), last));
		assert!(Attestations::<T>::contains_key((subject, kind), attester));
	}

	#[benchmark]
	fn renew() {
		let (subject, kind, attester) = attested::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(attester.clone()),
			subject.clone(),
			kind,
			20u32.into(),
			Some(H256::zero()),
		);
		let a = Attestations::<T>::get((subject.clone(), kind), attester).unwrap();
		assert_eq!(a.valid_until, 20u32.into());
		assert!(Passport::<T>::is_verified(&subject, kind, 1));
	}

	#[benchmark]
	fn revoke() {
		let (subject, kind, attester) = attested::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(attester.clone()), subject.clone(), kind, 1);
		let a = Attestations::<T>::get((subject, kind), attester).unwrap();
		assert_eq!(a.status, AttestationStatus::Revoked(1));
	}

	#[benchmark]
	fn remove_expired() {
		let (subject, kind, attester) = attested::<T>();
		frame_system::Pallet::<T>::set_block_number(10u32.into());
		let caller: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), subject.clone(), kind, attester.clone());
		assert!(!Attestations::<T>::contains_key((subject, kind), attester));
	}

	#[benchmark]
	fn set_member_policy() {
		let (admin, coop) = coop_with_passport::<T>(0);
		let kinds: alloc::vec::Vec<ClaimKindId> =
			(0..8).map(|_| kind_with_attester::<T>(SubjectKind::Account).0).collect();
		let policy = Policy { kinds: kinds.try_into().unwrap(), min_attesters: 2 };
		#[extrinsic_call]
		_(RawOrigin::Signed(admin), policy);
		assert!(MemberPolicies::<T>::contains_key(coop));
	}

	#[benchmark]
	fn set_admission_policy() {
		let kinds: alloc::vec::Vec<ClaimKindId> =
			(0..8).map(|_| kind_with_attester::<T>(SubjectKind::Coop).0).collect();
		let policy = Policy { kinds: kinds.try_into().unwrap(), min_attesters: 2 };
		let origin = federation::<T>();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, policy);
		assert_eq!(AdmissionRequirements::<T>::get().min_attesters, 2);
	}

	/// `AdmissionPolicy::can_join` in the worst case (charged by membership's `add_member`).
	#[benchmark]
	fn check_member_policy() {
		let (admin, coop) = coop_with_passport::<T>(0);
		let who: T::AccountId = account("joiner", 0, 0);
		let kinds = fully_attested::<T>(&Subject::Account(who.clone()), SubjectKind::Account, 1);
		Passport::<T>::set_member_policy(
			RawOrigin::Signed(admin).into(),
			strictest_policy::<T>(kinds),
		)
		.unwrap();
		let result;
		#[block]
		{
			result = <Passport<T> as AdmissionPolicy<T::AccountId>>::can_join(coop, &who);
		}
		assert!(result.is_ok());
	}

	/// `AdmissionPolicy::can_admit` in the worst case (charged by membership's `admit_coop`).
	#[benchmark]
	fn check_admission_policy() {
		let (_, coop) = coop_with_passport::<T>(0);
		let kinds = fully_attested::<T>(&Subject::Coop(coop), SubjectKind::Coop, 1);
		Passport::<T>::set_admission_policy(federation::<T>(), strictest_policy::<T>(kinds))
			.unwrap();
		let result;
		#[block]
		{
			result = <Passport<T> as AdmissionPolicy<T::AccountId>>::can_admit(coop);
		}
		assert!(result.is_ok());
	}

	impl_benchmark_test_suite!(Passport, crate::mock::new_test_ext(), crate::mock::Test);
}
