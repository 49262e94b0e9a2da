//! Cursor paging: every list a runtime API returns is a [`Page`].

use alloc::vec::Vec;
use codec::{Decode, Encode};
use scale_info::TypeInfo;

/// The most items one page holds; a larger `limit` is cut to this.
pub const MAX_PAGE: u32 = 100;

/// One page of a list and the cursor to the next.
///
/// Lists are in storage order (stable, not by id). Ask for the next page with
/// `start_after = next`; `next` is `None` on the last page. A page costs reads in
/// proportion to its length, whatever else is in storage.
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct Page<T, Cursor> {
	/// The items, at most the `limit` asked for and at most [`MAX_PAGE`].
	pub items: Vec<T>,
	/// Where the next page starts after; `None` if this is the last page.
	pub next: Option<Cursor>,
}

impl<T, Cursor> Default for Page<T, Cursor> {
	fn default() -> Self {
		Page { items: Vec::new(), next: None }
	}
}

impl<T, Cursor> Page<T, Cursor> {
	/// A page of up to `limit` (at most [`MAX_PAGE`]) items of `entries`, each kept
	/// with the cursor that resumes after it. Reads one entry past the page to know
	/// whether there is a next page; `view` runs only on the items returned.
	pub fn collect<E>(
		entries: impl Iterator<Item = E>,
		limit: u32,
		mut view: impl FnMut(E) -> (Cursor, T),
	) -> Self {
		let limit = limit.min(MAX_PAGE) as usize;
		let mut entries = entries.peekable();
		let mut items = Vec::new();
		let mut last = None;
		while items.len() < limit {
			let Some(entry) = entries.next() else { break };
			let (cursor, item) = view(entry);
			last = Some(cursor);
			items.push(item);
		}
		let next = if entries.peek().is_some() { last } else { None };
		Page { items, next }
	}
}

impl<T, Cursor> Page<Option<T>, Cursor> {
	/// The page without the entries a view could not find.
	pub fn flatten(self) -> Page<T, Cursor> {
		Page { items: self.items.into_iter().flatten().collect(), next: self.next }
	}
}
