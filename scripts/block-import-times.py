#!/usr/bin/env python3
"""When a second node had each block imported, from the start of the block's slot.

    block-import-times.py AUTHOR_LOG FOLLOWER_LOG FIRST LAST

Both logs are `coop-node --detailed-log-output` (millisecond timestamps). The
author's log gives each block's slot start ("Starting consensus session on top
of parent (#n-1)": the slot worker starts authoring as the slot begins) and how
long it took to build ("Prepared block for proposing at n (x ms)"); the
follower's gives when it had verified, executed and imported it ("Imported #n").
Blocks whose slot began before the follower was up (its RPC server running,
the last step of its start) are synced, not followed, and are skipped.
The next author builds on block n when its own slot starts, one slot later: a
block imported after that is a fork. Exits 1 if any block of the range was
imported later than that, or not at all.
"""
import re
import sys
from datetime import datetime

SLOT_MS = 6000
STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})")
STARTED = re.compile(r"Starting consensus session on top of parent \S+ \(#(\d+)\)")
PREPARED = re.compile(r"Prepared block for proposing at (\d+) \((\d+) ms\).*extrinsics_count: (\d+)")
IMPORTED = re.compile(r"Imported #(\d+) ")


def parse_stamp(line):
    """The line's time in ms, or None."""
    stamp = STAMP.match(line)
    if not stamp:
        return None
    return datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S.%f").timestamp() * 1000


def up_at(path):
    """When the node had started: the time of its "Running JSON-RPC server" line."""
    with open(path, encoding="utf-8", errors="replace") as log:
        return next((parse_stamp(line) for line in log if "Running JSON-RPC server" in line), None)


def scan(path, pattern):
    """Every match as (time in ms, groups), oldest first, keyed by the first group."""
    found = {}
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            at, match = parse_stamp(line), pattern.search(line)
            if at is not None and match:
                found.setdefault(int(match.group(1)), []).append((at, match.groups()))
    return found


def first(path, pattern):
    """The first match of each key."""
    return {n: found[0] for n, found in scan(path, pattern).items()}


def main():
    author, follower, first_block, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    prepared = first(author, PREPARED)
    # The slot block n was built in: the last session on its parent (n - 1) that
    # started before it was prepared (an earlier slot may have given up on it).
    sessions = scan(author, STARTED)
    started = {}
    for n, (prepared_at, _) in prepared.items():
        before = [at for at, _ in sessions.get(n - 1, []) if at <= prepared_at]
        if before:
            started[n] = max(before)
    imported = first(follower, IMPORTED)
    follower_start = up_at(follower)
    if follower_start is None:
        sys.exit(f"{follower}: no timestamped start line (is it --detailed-log-output?)")
    worst, late = 0.0, []
    print(f"{'block':>6} {'extrinsics':>10} {'built (ms)':>10} {'imported at (ms)':>16}")
    for n in range(first_block, last + 1):
        if n not in started or n not in prepared:
            print(f"{n:>6} not authored in this log")
            late.append(n)
            continue
        _, (_, built, count) = prepared[n]
        if started[n] < follower_start:
            print(f"{n:>6} {count:>10} {built:>10} {'before follower':>16}")
            continue
        if n not in imported:
            print(f"{n:>6} {count:>10} {built:>10} {'never':>16}")
            late.append(n)
            continue
        at = imported[n][0] - started[n]
        worst = max(worst, at)
        print(f"{n:>6} {count:>10} {built:>10} {at:>16.0f}")
        if at >= SLOT_MS:
            late.append(n)
    print(f"latest import: {worst:.0f} ms after its slot started, of {SLOT_MS} ms "
          f"({worst / SLOT_MS:.0%} of the slot)")
    if late:
        print(f"blocks imported late or never: {late}")
        sys.exit(1)


if __name__ == "__main__":
    main()
