#!/usr/bin/env python3
"""Compares this machine with the one that generated the committed weight files.

Runs a few benchmarks here (compute-bound and storage-bound ones, and the base
weights of a block and of an extrinsic) and divides
the execution time the weight files charge, at the same component values, by
the median measured here. Weights are only comparable when all of them come
from one machine: before regenerating some files, this tells whether the
result would agree with the others.

    weights-vs-machine.py BENCH_NODE
"""

import json
import math
import re
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict

# (pallet, extrinsic, weight file): the call every signed extrinsic pays for,
# the hot paths the throughput goals are about, and a storage-heavy admin call.
CASES = [
    ("frame_system_extensions", "check_nonce", "runtime/src/weights/frame_system_extensions.rs"),
    ("pallet_transaction_payment", "charge_transaction_payment",
     "runtime/src/weights/pallet_transaction_payment.rs"),
    ("pallet_balances", "transfer_keep_alive", "runtime/src/weights/pallet_balances.rs"),
    ("pallet_coop_governance", "vote", "pallets/governance/src/weights.rs"),
    ("pallet_coop_membership", "add_member", "pallets/membership/src/weights.rs"),
]

# The weights every block and every extrinsic pay, from `benchmark overhead`.
BASE_WEIGHTS = ["block_weights", "extrinsic_weights"]


def run_node(node, *args):
    """`node benchmark ARGS`, quiet unless it fails."""
    run = subprocess.run([node, "benchmark", *args], stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        sys.exit(f"`benchmark {' '.join(args[:1])}` failed:\n{run.stderr[-3000:]}")


def charged_ref_time(path, extrinsic):
    """The file's execution time for `extrinsic`, in µs, as a function of its
    components (database reads and writes left out: the benchmark's time has
    them inside, the file adds them on top)."""
    text = open(path).read()
    impl = text.index("\nimpl")
    start = text.index(f"fn {extrinsic}(", impl)
    body = text[start:text.index("\n\t}", start)]
    base = int(re.search(r"Weight::from_parts\(([\d_]+),", body).group(1).replace("_", ""))
    slopes = {
        name: int(per.replace("_", ""))
        for per, name in re.findall(
            r"Weight::from_parts\(([\d_]+), 0\)\.saturating_mul\((\w+)\.into\(\)\)", body
        )
    }

    def at(components):
        return (base + sum(slopes.get(c, 0) * v for c, v in components)) / 1e6

    return at


def measured(node, pallet, extrinsic):
    """Median execution time (µs) per component values, measured here."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        run_node(node, "pallet", "--chain", "dev", "--pallet", pallet,
                 "--extrinsic", extrinsic, "--steps", "2", "--repeat", "20",
                 "--wasm-execution", "compiled", "--heap-pages", "4096",
                 "--json-file", out.name)
        results = json.load(open(out.name))
    samples = defaultdict(list)
    for result in results:
        for row in result["db_results"]:
            key = tuple((c[0], c[1]) for c in row["components"])
            samples[key].append(row["extrinsic_time"] / 1000)
    return {key: statistics.median(times) for key, times in sorted(samples.items())}


def base_weight_us(path):
    """A base weight file's value (`benchmark overhead` writes nanoseconds)."""
    text = open(path).read()
    return int(re.search(r"WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\(([\d_]+)\)", text)
               .group(1).replace("_", "")) / 1000


def measured_base_weights(node):
    """`benchmark overhead` here: an empty block, and one extrinsic in a full one."""
    with tempfile.TemporaryDirectory() as out:
        run_node(node, "overhead", "--chain", "dev", "--warmup", "10", "--repeat", "20",
                 "--weight-path", out)
        return {name: base_weight_us(f"{out}/{name}.rs") for name in BASE_WEIGHTS}



def main():
    node = sys.argv[1]
    ratios = []

    def show(name, components, file_us, here):
        ratio = file_us / here
        ratios.append(ratio)
        print(f"{name:<58} {components:<12} {file_us:>9.1f} {here:>9.1f} {ratio:>9.2f}")

    print(f"{'benchmark':<58} {'components':<12} {'file µs':>9} {'here µs':>9} {'file/here':>9}")
    for pallet, extrinsic, path in CASES:
        charged = charged_ref_time(path, extrinsic)
        for components, here in measured(node, pallet, extrinsic).items():
            shown = ",".join(f"{c}={v}" for c, v in components) or "-"
            show(f"{pallet}::{extrinsic}", shown, charged(components), here)
    for name, here in measured_base_weights(node).items():
        show(f"overhead: {name}", "-", base_weight_us(f"runtime/src/weights/{name}.rs"), here)
    mean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"\ngeometric mean file/here: {mean:.2f} (from {min(ratios):.2f} to {max(ratios):.2f})")
    if mean > 1.25:
        print("This machine is faster than the one behind the weight files: weights generated")
        print("here would be lower. Regenerate all of them together, or none.")
    elif mean < 0.8:
        print("This machine is slower than the one behind the weight files: they undercharge it.")
    else:
        print("This machine runs the benchmarks as fast as the one behind the weight files.")


if __name__ == "__main__":
    main()
