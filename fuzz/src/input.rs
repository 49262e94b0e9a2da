//! How a byte string becomes a sequence of steps.
//!
//! Each step is four header bytes and a SCALE-encoded call body:
//! - lapse: how far the chain moves before the call (see [`lapse`]);
//! - signer: an index into the signers (modulo their count);
//! - pallet and call selectors: picked from [`CallTable`] (modulo), so every
//!   byte value names a real call and the fuzzer spends no time on unknown
//!   pallet indices;
//! - the call's arguments, decoded with a depth limit. Before decoding, the
//!   pair `ACCOUNT_MARK k` expands to the 32 bytes of the k-th named account, so
//!   random bytes reach members, admins and attesters, whose ids a fuzzer could
//!   never guess (`ACCOUNT_MARK 0xFF` is the mark byte itself).
//!
//! Parsing stops at the first body that does not decode.

use crate::actors::Actors;
use codec::{DecodeLimit, Encode, Input};
use coop_runtime::{BlockNumber, RuntimeCall, RuntimeEvent, DAYS};
use scale_info::{TypeDef, TypeInfo};
use std::collections::BTreeMap;

/// The byte that, followed by an index, stands for a named account.
pub const ACCOUNT_MARK: u8 = 0xAC;
/// `ACCOUNT_MARK LITERAL_MARK` stands for the byte `ACCOUNT_MARK` itself.
pub const LITERAL_MARK: u8 = 0xFF;
/// At most this many steps per input.
pub const MAX_STEPS: usize = 64;
/// Nested calls (batches of batches) decode to at most this depth.
pub const MAX_DEPTH: u32 = 16;

/// One call of an input.
#[derive(Debug)]
pub struct Step {
	/// Blocks to close and skip before the call; 0 keeps the open block.
	pub lapse: BlockNumber,
	/// Index into [`Actors::signers`].
	pub signer: usize,
	/// The call.
	pub call: RuntimeCall,
}

/// Blocks the chain moves for a lapse byte: most calls share a block, some move a
/// few blocks (votes close, approved calls are enacted), a few move days
/// (bounty deadlines, claim cool-downs, the 30-day record retention).
pub fn lapse(byte: u8) -> BlockNumber {
	match byte {
		0..=159 => 0,
		160..=239 => BlockNumber::from(byte - 159),
		_ => BlockNumber::from(byte - 239) * DAYS,
	}
}

/// The pallets and calls an input can name, with the federation's own pallets
/// weighted three times. System (remarks, root calls), Timestamp (an inherent),
/// Sudo (no key), Scheduler (root only) and Aura/Grandpa (no signed calls that
/// can succeed) are left out: every call of theirs a signed origin can make
/// fails at once, and they would dilute the search.
pub struct CallTable {
	/// (pallet index, its call indices).
	pub entries: Vec<(u8, Vec<u8>)>,
	/// `Pallet::call` for every call an input can name, once each.
	pub names: Vec<String>,
	/// `Pallet::Event` for every event of the same pallets.
	pub events: Vec<String>,
	/// `Pallet::Event` of every pallet's events, by the two bytes an event's
	/// encoding starts with (pallet index, variant index).
	pub event_names: BTreeMap<(u8, u8), String>,
}

impl CallTable {
	/// Read from the runtime's call and event types, so new calls are fuzzed
	/// (and new events counted) without edits here.
	pub fn new() -> CallTable {
		const HEAVY: [&str; 5] =
			["Membership", "Governance", "Passport", "Bounties", "CoopValidators"];
		const LIGHT: [&str; 4] = ["Balances", "Utility", "Treasury", "Session"];
		let times = |pallet: &str| match pallet {
			p if HEAVY.contains(&p) => 3,
			p if LIGHT.contains(&p) => 1,
			_ => 0,
		};
		let (mut entries, mut names, mut events) = (Vec::new(), Vec::new(), Vec::new());
		for (pallet, index, calls) in pallet_variants(RuntimeCall::type_info()) {
			let indices: Vec<u8> = calls.iter().map(|(c, _)| *c).collect();
			if times(&pallet) > 0 {
				names.extend(calls.iter().map(|(_, call)| format!("{pallet}::{call}")));
			}
			for _ in 0..times(&pallet) {
				entries.push((index, indices.clone()));
			}
		}
		let mut event_names = BTreeMap::new();
		for (pallet, index, variants) in pallet_variants(RuntimeEvent::type_info()) {
			for (variant, name) in variants {
				let name = format!("{pallet}::{name}");
				if times(&pallet) > 0 {
					events.push(name.clone());
				}
				event_names.insert((index, variant), name);
			}
		}
		CallTable { entries, names, events, event_names }
	}

	/// `Pallet::Event` of `event`, from its first two encoded bytes.
	pub fn event_name(&self, event: &RuntimeEvent) -> Option<&String> {
		match event.encode().as_slice() {
			[pallet, variant, ..] => self.event_names.get(&(*pallet, *variant)),
			_ => None,
		}
	}
}

/// A pallet's name and index in an outer enum, and its own enum's variants
/// (index, name).
type PalletVariants = (String, u8, Vec<(u8, String)>);

/// The pallets of an outer enum (`RuntimeCall`, `RuntimeEvent`).
fn pallet_variants(outer: scale_info::Type) -> Vec<PalletVariants> {
	let TypeDef::Variant(pallets) = outer.type_def else { return Vec::new() };
	pallets
		.variants
		.into_iter()
		.filter_map(|pallet| {
			let field = pallet.fields.first()?;
			let TypeDef::Variant(inner) = field.ty.type_info().type_def else { return None };
			let variants = inner.variants.iter().map(|v| (v.index, v.name.to_string())).collect();
			Some((pallet.name.to_string(), pallet.index, variants))
		})
		.collect()
}

impl Default for CallTable {
	fn default() -> Self {
		Self::new()
	}
}

/// `data` with every `ACCOUNT_MARK k` replaced by the k-th named account.
pub fn expand_accounts(data: &[u8], actors: &Actors) -> Vec<u8> {
	let mut out = Vec::with_capacity(data.len());
	let mut bytes = data.iter();
	while let Some(&b) = bytes.next() {
		match (b, bytes.as_slice().first()) {
			(ACCOUNT_MARK, Some(&LITERAL_MARK)) => {
				bytes.next();
				out.push(ACCOUNT_MARK);
			}
			(ACCOUNT_MARK, Some(&k)) => {
				bytes.next();
				let who = &actors.named[usize::from(k) % actors.named.len()];
				out.extend_from_slice(who.as_ref());
			}
			_ => out.push(b),
		}
	}
	out
}

/// The steps `data` stands for.
pub fn parse(data: &[u8], table: &CallTable, actors: &Actors) -> Vec<Step> {
	let data = expand_accounts(data, actors);
	let mut rest: &[u8] = &data;
	let mut steps = Vec::new();
	while steps.len() < MAX_STEPS && rest.len() >= 4 && !table.entries.is_empty() {
		let (head, body) = rest.split_at(4);
		let (pallet, calls) = &table.entries[usize::from(head[2]) % table.entries.len()];
		if calls.is_empty() {
			break;
		}
		let call_index = calls[usize::from(head[3]) % calls.len()];
		let mut reader = Prefixed { head: [*pallet, call_index], read: 0, rest: body };
		let Ok(call) = RuntimeCall::decode_with_depth_limit(MAX_DEPTH, &mut reader) else {
			break;
		};
		steps.push(Step {
			lapse: lapse(head[0]),
			signer: usize::from(head[1]) % actors.signers.len(),
			call,
		});
		rest = reader.rest;
	}
	steps
}

/// Two selector bytes followed by the rest of the input, as one SCALE input.
struct Prefixed<'a> {
	head: [u8; 2],
	read: usize,
	rest: &'a [u8],
}

impl Input for Prefixed<'_> {
	fn remaining_len(&mut self) -> Result<Option<usize>, codec::Error> {
		Ok(Some(2 - self.read + self.rest.len()))
	}

	fn read(&mut self, into: &mut [u8]) -> Result<(), codec::Error> {
		let from_head = (2 - self.read).min(into.len());
		into[..from_head].copy_from_slice(&self.head[self.read..self.read + from_head]);
		self.read += from_head;
		let from_rest = into.len() - from_head;
		if from_rest > self.rest.len() {
			return Err("not enough data".into());
		}
		into[from_head..].copy_from_slice(&self.rest[..from_rest]);
		self.rest = &self.rest[from_rest..];
		Ok(())
	}
}

/// Encodes a step as an input (for seeds): the inverse of [`parse`] for calls
/// whose pallet is in the table, with named accounts written as marks.
pub fn encode_step(
	table: &CallTable,
	actors: &Actors,
	lapse_byte: u8,
	signer: u8,
	call: &RuntimeCall,
) -> Option<Vec<u8>> {
	let encoded = call.encode();
	let (&pallet, &call_index) = (encoded.first()?, encoded.get(1)?);
	let p = table.entries.iter().position(|(p, _)| *p == pallet)?;
	let c = table.entries[p].1.iter().position(|c| *c == call_index)?;
	let mut out = vec![lapse_byte, signer, u8::try_from(p).ok()?, u8::try_from(c).ok()?];
	let body = &encoded[2..];
	let mut i = 0;
	while i < body.len() {
		let named = body.get(i..i + 32).and_then(|window| {
			actors.named.iter().position(|who| AsRef::<[u8]>::as_ref(who) == window)
		});
		if let Some(k) = named.and_then(|k| u8::try_from(k).ok()) {
			out.extend_from_slice(&[ACCOUNT_MARK, k]);
			i += 32;
			continue;
		}
		out.push(body[i]);
		if body[i] == ACCOUNT_MARK {
			out.push(LITERAL_MARK);
		}
		i += 1;
	}
	Some(out)
}
