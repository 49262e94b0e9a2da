//! What the runtime API reads: views and cursor pages.

use super::*;

#[test]
fn runtime_api_views() {
	ExtBuilder::default()
		.founding(b"Founders", vec![(1, Role::Admin), (2, Role::Member)])
		.build_and_execute(|| {
			assert_ok!(Membership::apply_coop(signed(3), name(b"Applicant"), H256::zero()));
			let view = Membership::coop_view(0).unwrap();
			assert_eq!(view.name, b"Founders".to_vec());
			assert_eq!(view.member_count, 2);
			assert_eq!(view.sovereign_account, Membership::sovereign_account(0));
			let member = Membership::member_view(acc(2)).unwrap();
			assert_eq!((member.account, member.coop, member.role), (acc(2), 0, Role::Member));
			// By status, through the index.
			let active = Membership::coops_page(Some(CoopStatus::Active), None, 10);
			assert_eq!(active.items.iter().map(|c| c.id).collect::<Vec<_>>(), vec![0]);
			assert_eq!(active.next, None);
			let applicants = Membership::coops_page(Some(CoopStatus::Applicant), None, 10);
			assert_eq!(applicants.items.iter().map(|c| c.id).collect::<Vec<_>>(), vec![1]);
			assert_eq!(Membership::coops_page(None, None, 10).items.len(), 2);
			// Members, one per page, resumed with the cursor.
			let first = Membership::members_page(0, None, 1);
			assert_eq!(first.items.len(), 1);
			let cursor = first.next.clone().unwrap();
			assert_eq!(cursor, first.items[0].account);
			let second = Membership::members_page(0, Some(cursor), 1);
			assert_eq!(second.items.len(), 1);
			assert_eq!(second.next, None);
			assert_ne!(first.items[0].account, second.items[0].account);
		});
}

#[test]
fn pages_walk_every_coop_once_and_skip_exited_history() {
	ExtBuilder::default().founding(b"Founders", vec![(1, Role::Admin)]).build_and_execute(|| {
		// Co-ops 1..=4 join; 1 and 3 leave again, staying in `Coops` as history.
		for i in 0..4u8 {
			assert_ok!(Membership::apply_coop(signed(10 + i), name(b"Co"), H256::zero()));
			assert_ok!(Membership::admit_coop(RuntimeOrigin::root(), 1 + i as u32));
			if i % 2 == 0 {
				assert_ok!(Membership::leave_federation(signed(10 + i)));
			}
		}
		let mut seen = Vec::new();
		let mut cursor = None;
		loop {
			let page = Membership::coops_page(Some(CoopStatus::Active), cursor, 2);
			assert!(page.items.len() <= 2);
			seen.extend(page.items.iter().map(|c| c.id));
			match page.next {
				Some(next) => cursor = Some(next),
				None => break,
			}
		}
		seen.sort();
		assert_eq!(seen, vec![0, 2, 4]);
		let exited = Membership::coops_page(Some(CoopStatus::Exited), None, 10);
		let mut exited: Vec<_> = exited.items.iter().map(|c| c.id).collect();
		exited.sort();
		assert_eq!(exited, vec![1, 3]);
		// A limit above the cap is cut to `MAX_PAGE`.
		assert_eq!(Membership::coops_page(None, None, u32::MAX).items.len(), 5);
	});
}
