//! `coop-loadgen`: measures how many balance transfers or governance votes a running
//! `coop-node` takes per second and per block.
//!
//! ```text
//! coop-loadgen --url ws://127.0.0.1:9944 --kind vote --count 1000 [--rate 200] [--pid PID] [--base-path DIR]
//! ```
//!
//! Setup (not measured): funds `count` accounts derived from `{seed}//{i}` from Alice
//! with batched transfers; for votes also invites them into the dev co-ops through
//! their admins (Alice, Charlie, Eve), has each accept, then opens Ordinary signal
//! proposals so every voter is in their electorate. With `--accounts bench` the
//! voters are the genesis members of `coop-node --chain bench` and only the
//! proposals are opened (by the bench co-ops' admins). Measured: `count` pre-signed
//! extrinsics submitted with `author_submitExtrinsic`, followed into blocks and to
//! finality. Prints a human summary and one `RESULT {json}` line.

mod chain;
mod report;
mod tracker;

use anyhow::{anyhow, bail, Context, Result};
use clap::{Parser, ValueEnum};
use coop_runtime::{AccountId, Balance, Nonce, RuntimeCall, UNIT};
use futures::{stream, StreamExt, TryStreamExt};
use jsonrpsee::ws_client::WsClient;
use sp_core::{crypto::Pair as _, sr25519, DeriveJunction, H256};
use sp_keyring::Sr25519Keyring;
use std::{path::PathBuf, sync::Arc, time::Duration};
use tracker::Tracker;

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
enum Kind {
	/// `Balances::transfer_keep_alive` to Bob, each from its own funded account.
	Transfer,
	/// `Governance::vote { vote: Aye }` (feeless first votes) by co-op members.
	Vote,
}

impl Kind {
	fn name(self) -> &'static str {
		match self {
			Kind::Transfer => "transfer",
			Kind::Vote => "vote",
		}
	}
}

#[derive(Parser, Debug)]
#[command(version, about = "Transfer and vote throughput of a running coop-node")]
struct Args {
	/// WebSocket RPC endpoint of the node.
	#[arg(long, default_value = "ws://127.0.0.1:9944")]
	url: String,
	/// What to submit.
	#[arg(long, value_enum)]
	kind: Kind,
	/// How many extrinsics to submit in the measured phase.
	#[arg(long)]
	count: usize,
	/// Submit at most this many per second (default: as fast as the node takes them).
	#[arg(long)]
	rate: Option<f64>,
	/// Node process id, to report its resident memory before and after.
	#[arg(long)]
	pid: Option<u32>,
	/// Node base path, to report database growth.
	#[arg(long)]
	base_path: Option<PathBuf>,
	/// Derivation root of the load accounts: account `i` is `{seed}//{kind}//{i}`.
	#[arg(long, default_value = "//loadgen")]
	seed: String,
	/// WebSocket connections used to submit.
	#[arg(long, default_value_t = 4)]
	connections: usize,
	/// Submissions awaiting an answer at any time.
	#[arg(long, default_value_t = 512)]
	in_flight: usize,
	/// Give up waiting for inclusion or finality after this many seconds without progress.
	#[arg(long, default_value_t = 60)]
	stall_secs: u64,
	/// Succeed even if some extrinsics were rejected, dropped or failed.
	#[arg(long)]
	allow_loss: bool,
	/// Who votes: fresh accounts that join the dev co-ops first (at most ~1 500,
	/// so ~22 000 votes), or the genesis members of `coop-node --chain bench`
	/// (2 000 voters, 50 proposals: up to 100 000 votes, no setup but the
	/// proposals). Transfers always come from fresh accounts.
	#[arg(long, value_enum, default_value_t = Accounts::Fresh)]
	accounts: Accounts,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
enum Accounts {
	/// Derived from `--seed`, funded by Alice, invited into the dev co-ops.
	Fresh,
	/// The bench chain's members (`//bench//{coop}//{member}`).
	Bench,
}

/// Extrinsics per setup batch (`utility.batch_all`).
const BATCH: usize = 250;
/// What each load account gets: enough for fees and, for voters, nothing else.
const FUNDING: Balance = UNIT;
/// The dev chain's co-ops and their admins.
const DEV_COOPS: [(u32, Sr25519Keyring); 3] =
	[(0, Sr25519Keyring::Alice), (1, Sr25519Keyring::Charlie), (2, Sr25519Keyring::Eve)];
/// Most open proposals per proposer and per co-op on a track (runtime limits).
const PROPOSALS_PER_ADMIN: usize = 5;

struct Ctx {
	args: Args,
	info: chain::ChainInfo,
	/// Submission connections; the first also serves queries.
	clients: Vec<Arc<WsClient>>,
}

impl Ctx {
	fn query(&self) -> Result<&WsClient> {
		self.clients.first().map(|c| &**c).ok_or_else(|| anyhow!("no connection"))
	}

	async fn follower(&self) -> Result<WsClient> {
		chain::connect(&self.args.url, Duration::from_secs(10)).await
	}

	/// Submits `xts` and waits until all are in a block; fails if any was refused,
	/// dropped or failed. For setup phases.
	async fn run_setup(&self, what: &str, xts: Vec<Vec<u8>>) -> Result<()> {
		if xts.is_empty() {
			return Ok(());
		}
		let n = xts.len();
		eprintln!("setup: {what}: {n} extrinsics");
		let tracker = Tracker::start(self.follower().await?, xts).await?;
		tracker.submit_all(&self.clients, None, self.args.in_flight).await?;
		if let Some((i, e)) = tracker.rejected().first() {
			bail!("setup {what}: extrinsic {i} refused by the node: {e}");
		}
		let stall = Duration::from_secs(self.args.stall_secs);
		if !tracker.wait(false, stall).await? {
			bail!("setup {what}: {} extrinsics never made it into a block", tracker.missing());
		}
		if let Some(i) = tracker.failed().first() {
			bail!("setup {what}: extrinsic {i} failed (ExtrinsicFailed event)");
		}
		tracker.finish().await;
		Ok(())
	}
}

fn derive(seed: &str, kind: Kind, count: usize) -> Result<Vec<sr25519::Pair>> {
	let root = sr25519::Pair::from_string(&format!("{seed}//{}", kind.name()), None)
		.map_err(|e| anyhow!("bad --seed {seed}: {e:?}"))?;
	(0..count)
		.map(|i| {
			root.derive(std::iter::once(DeriveJunction::from(format!("/{i}"))), None)
				.map(|(pair, _)| pair)
				.map_err(|e| anyhow!("derive //{i}: {e:?}"))
		})
		.collect()
}

fn account(pair: &sr25519::Pair) -> AccountId {
	pair.public().into()
}

/// Signs `calls` from `signer` as batches of `BATCH`, nonces from the next one on.
async fn batched(
	ctx: &Ctx,
	signer: &sr25519::Pair,
	calls: Vec<RuntimeCall>,
) -> Result<Vec<Vec<u8>>> {
	let mut nonce = chain::next_nonce(ctx.query()?, &account(signer)).await?;
	let mut out = Vec::new();
	for chunk in calls.chunks(BATCH) {
		let call = RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: chunk.to_vec() });
		out.push(ctx.info.sign(signer, nonce, call));
		nonce = nonce.checked_add(1).ok_or_else(|| anyhow!("nonce overflow"))?;
	}
	Ok(out)
}

/// Funds `accounts` from Alice.
async fn fund(ctx: &Ctx, accounts: &[AccountId]) -> Result<()> {
	let calls = accounts
		.iter()
		.map(|who| {
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: who.clone().into(),
				value: FUNDING,
			})
		})
		.collect();
	let xts = batched(ctx, &Sr25519Keyring::Alice.pair(), calls).await?;
	ctx.run_setup("fund accounts", xts).await
}

/// The next nonce of each account, queried concurrently.
async fn nonces(ctx: &Ctx, accounts: &[AccountId]) -> Result<Vec<Nonce>> {
	let client = ctx.query()?;
	stream::iter(accounts.iter().map(|a| chain::next_nonce(client, a)))
		.buffered(256)
		.try_collect()
		.await
}

/// The runtime's `MaxMembersPerCoop`.
fn max_members_per_coop() -> u32 {
	<<coop_runtime::Runtime as pallet_coop_membership::Config>::MaxMembersPerCoop as frame_support::traits::Get<u32>>::get()
}

/// Makes every voter a member of a dev co-op (skipping those already members).
async fn join_dev_coops(ctx: &Ctx, voters: &[sr25519::Pair]) -> Result<()> {
	let client = ctx.query()?;
	let max_members = max_members_per_coop();
	// Room left in each dev co-op.
	let mut room = Vec::new();
	for (coop, admin) in DEV_COOPS {
		let key = pallet_coop_membership::Coops::<coop_runtime::Runtime>::hashed_key_for(coop);
		let info = chain::storage::<pallet_coop_membership::CoopInfoOf<coop_runtime::Runtime>>(
			client, &key, None,
		)
		.await?
		.ok_or_else(|| anyhow!("dev co-op {coop} not found: is this a --dev chain?"))?;
		room.push((coop, admin, max_members.saturating_sub(info.member_count)));
	}
	// Who still has to join, and where.
	let mut joins: Vec<(usize, u32)> = Vec::new();
	let mut invites: Vec<Vec<RuntimeCall>> = vec![Vec::new(); DEV_COOPS.len()];
	let mut slot = 0usize;
	for (i, voter) in voters.iter().enumerate() {
		let key = pallet_coop_membership::Members::<coop_runtime::Runtime>::hashed_key_for(
			account(voter),
		);
		let raw: Option<String> =
			chain::rpc(client, "state_getStorage", jsonrpsee::rpc_params![chain::to_hex(&key)])
				.await?;
		if raw.is_some() {
			continue;
		}
		// Round-robin over the co-ops that still have room.
		let mut placed = false;
		for _ in 0..room.len() {
			let pos = slot.checked_rem(room.len()).unwrap_or(0);
			slot = slot.saturating_add(1);
			if let (Some((coop, _, left)), Some(calls)) = (room.get_mut(pos), invites.get_mut(pos))
			{
				if *left > 0 {
					*left = left.saturating_sub(1);
					calls.push(RuntimeCall::Membership(pallet_coop_membership::Call::add_member {
						who: account(voter).into(),
					}));
					joins.push((i, *coop));
					placed = true;
					break;
				}
			}
		}
		if !placed {
			bail!(
				"the dev co-ops are full (MaxMembersPerCoop = {max_members}): at most {} more voters",
				joins.len()
			);
		}
	}
	let mut xts = Vec::new();
	for ((_, admin, _), calls) in room.iter().zip(invites) {
		xts.extend(batched(ctx, &admin.pair(), calls).await?);
	}
	ctx.run_setup("invite voters", xts).await?;
	let accepts = joins.iter().filter_map(|&(i, coop)| voters.get(i).map(|v| (v, coop))).map(
		|(voter, coop)| async move {
			let nonce = chain::next_nonce(client, &account(voter)).await?;
			let call =
				RuntimeCall::Membership(pallet_coop_membership::Call::accept_invitation { coop });
			Ok::<_, anyhow::Error>(ctx.info.sign(voter, nonce, call))
		},
	);
	let accepts: Vec<Vec<u8>> = stream::iter(accepts).buffered(256).try_collect().await?;
	ctx.run_setup("accept invitations", accepts).await
}

/// Opens `proposals` Ordinary signal proposals, at most [`PROPOSALS_PER_ADMIN`]
/// by each of `admins`, and returns their ids. Call it after the voters joined:
/// a proposal's electorate is who is a member when it opens.
async fn open_proposals(ctx: &Ctx, admins: &[sr25519::Pair], proposals: usize) -> Result<Vec<u32>> {
	let client = ctx.query()?;
	let next_id_key =
		[sp_io::hashing::twox_128(b"Governance"), sp_io::hashing::twox_128(b"NextProposalId")]
			.concat();
	let first: u32 = chain::storage(client, &next_id_key, None).await?.unwrap_or(0);
	let mut xts = Vec::new();
	if proposals > admins.len().saturating_mul(PROPOSALS_PER_ADMIN) {
		bail!("too many proposals needed ({proposals}); raise voters or lower --count");
	}
	let mut admin_nonce: Vec<Option<Nonce>> = vec![None; admins.len()];
	for p in 0..proposals {
		let a = p.checked_div(PROPOSALS_PER_ADMIN).unwrap_or(0);
		let (Some(admin), Some(slot)) = (admins.get(a), admin_nonce.get_mut(a)) else {
			bail!("proposal {p} has no admin");
		};
		let nonce = match slot {
			Some(n) => n.saturating_add(1),
			None => chain::next_nonce(client, &account(admin)).await?,
		};
		*slot = Some(nonce);
		// A distinct document hash per proposal of this run.
		let doc = sp_io::hashing::blake2_256(&codec::Encode::encode(&(
			b"coop-loadgen",
			first,
			u64::try_from(p).unwrap_or(u64::MAX),
		)));
		let call = RuntimeCall::Governance(pallet_coop_governance::Call::propose {
			track: 0,
			action: Box::new(pallet_coop_governance::ProposalAction::Signal(H256(doc))),
		});
		xts.push(ctx.info.sign(admin, nonce, call));
	}
	ctx.run_setup("open proposals", xts).await?;
	let next: u32 = chain::storage(client, &next_id_key, None).await?.unwrap_or(0);
	let ids: Vec<u32> = (first..next).collect();
	if ids.len() < proposals {
		bail!("opened {} proposals, wanted {proposals}", ids.len());
	}
	Ok(ids)
}

async fn run(args: Args) -> Result<report::Report> {
	let mut clients = Vec::new();
	for _ in 0..args.connections.max(1) {
		clients.push(Arc::new(chain::connect(&args.url, Duration::from_secs(60)).await?));
	}
	let info = chain::ChainInfo::fetch(clients.first().map(|c| &**c).context("no client")?).await?;
	let ctx = Ctx { args, info, clients };
	let count = ctx.args.count;
	if count == 0 {
		bail!("--count must be at least 1");
	}

	// Setup.
	let xts: Vec<Vec<u8>> = match ctx.args.kind {
		Kind::Transfer => {
			let senders = derive(&ctx.args.seed, Kind::Transfer, count)?;
			let accounts: Vec<AccountId> = senders.iter().map(account).collect();
			fund(&ctx, &accounts).await?;
			let nonces = nonces(&ctx, &accounts).await?;
			let bob: AccountId = Sr25519Keyring::Bob.to_account_id();
			senders
				.iter()
				.zip(nonces)
				.map(|(pair, nonce)| {
					let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
						dest: bob.clone().into(),
						value: coop_runtime::EXISTENTIAL_DEPOSIT,
					});
					ctx.info.sign(pair, nonce, call)
				})
				.collect()
		}
		Kind::Vote => {
			// Voters first fill the co-ops; beyond that each votes on several proposals.
			let (voters, admins) = match ctx.args.accounts {
				Accounts::Fresh => {
					let max_members = max_members_per_coop();
					let capacity = usize::try_from(max_members)
						.unwrap_or(usize::MAX)
						.saturating_sub(2)
						.saturating_mul(DEV_COOPS.len());
					let voters = derive(&ctx.args.seed, Kind::Vote, count.min(capacity))?;
					let accounts: Vec<AccountId> = voters.iter().map(account).collect();
					fund(&ctx, &accounts).await?;
					join_dev_coops(&ctx, &voters).await?;
					(voters, DEV_COOPS.iter().map(|(_, admin)| admin.pair()).collect::<Vec<_>>())
				}
				Accounts::Bench => {
					let keys = coop_runtime::genesis_config_presets::bench_member_keys();
					let admins: Vec<_> =
						keys.iter().filter_map(|coop| coop.first().cloned()).collect();
					(keys.into_iter().flatten().take(count).collect(), admins)
				}
			};
			let n_voters = voters.len();
			let accounts: Vec<AccountId> = voters.iter().map(account).collect();
			let ids = open_proposals(&ctx, &admins, count.div_ceil(n_voters.max(1))).await?;
			let nonces = nonces(&ctx, &accounts).await?;
			let mut out = Vec::with_capacity(count);
			for j in 0..count {
				let v = j.checked_rem(n_voters.max(1)).unwrap_or(0);
				let p = j.checked_div(n_voters.max(1)).unwrap_or(0);
				let (Some(voter), Some(nonce), Some(&id)) =
					(voters.get(v), nonces.get(v), ids.get(p))
				else {
					bail!("vote {j} has no voter or proposal");
				};
				let nonce = nonce.saturating_add(u32::try_from(p).unwrap_or(u32::MAX));
				let call = RuntimeCall::Governance(pallet_coop_governance::Call::vote {
					id,
					vote: pallet_coop_governance::Vote::Aye,
				});
				out.push(ctx.info.sign(voter, nonce, call));
			}
			out
		}
	};

	// Measured phase.
	let rss_before = ctx.args.pid.and_then(chain::rss_kib);
	let db_before = ctx.args.base_path.as_deref().map(chain::dir_size);
	eprintln!("measure: submitting {count} {} extrinsics", ctx.args.kind.name());
	let tracker = Tracker::start(ctx.follower().await?, xts).await?;
	let started = std::time::Instant::now();
	tracker.submit_all(&ctx.clients, ctx.args.rate, ctx.args.in_flight).await?;
	let stall = Duration::from_secs(ctx.args.stall_secs);
	let in_block = tracker.wait(false, stall).await?;
	let finalized = in_block && tracker.wait(true, stall).await?;
	let (txs, blocks) = tracker.finish().await;
	let rss_after = ctx.args.pid.and_then(chain::rss_kib);
	let db_after = ctx.args.base_path.as_deref().map(chain::dir_size);
	let mut rep = report::Report::new(ctx.args.kind.name(), started, &txs, &blocks);
	rep.rate = ctx.args.rate;
	rep.rss_kib = (rss_before, rss_after);
	rep.db_bytes = (db_before, db_after);
	rep.all_finalized = finalized;
	Ok(rep)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
	let args = Args::parse();
	let allow_loss = args.allow_loss;
	match run(args).await {
		Ok(rep) => {
			rep.print();
			if rep.lost() > 0 && !allow_loss {
				eprintln!("error: {} extrinsics were not included successfully", rep.lost());
				return std::process::ExitCode::from(2);
			}
			std::process::ExitCode::SUCCESS
		}
		Err(e) => {
			eprintln!("error: {e:#}");
			std::process::ExitCode::FAILURE
		}
	}
}
