#!/usr/bin/env python3
"""The Nsight Compute logs of bench/ncu_small_shapes.sh side by side: for each
workload, torch.compile's kernels and KernelForge's candidate, one row each.

usage: ncu_pairs.py OUT_DIR   (reads OUT_DIR/ncu_{compile,kforge}_UUID.csv)
"""
import csv
import glob
import io
import os
import sys

COLUMNS = [
    ("us", "gpu__time_duration.sum", 1e-3),  # ncu reports ns
    ("grid", "launch__grid_size", 1),
    ("block", "launch__block_size", 1),
    ("regs", "launch__registers_per_thread", 1),
    ("occupancy %", "sm__warps_active.avg.pct_of_peak_sustained_active", 1),
    ("DRAM read kB", "dram__bytes_read.sum", None),
    ("long sb", "smsp__average_warps_issue_stalled_long_scoreboard_per_issue_active.ratio", 1),
    ("barrier", "smsp__average_warps_issue_stalled_barrier_per_issue_active.ratio", 1),
    ("warp instr", "smsp__inst_executed.sum", 1),
]


def kernels(path):
    text = open(path, errors="replace").read()
    lines = [l for l in text.splitlines() if not l.startswith("==")]
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    if len(rows) < 3:
        return [], text[-300:]
    header, units, data = rows[0], rows[1], rows[2:]
    out = []
    for r in data:
        rec = dict(zip(header, r))
        rec["_units"] = dict(zip(header, units))
        out.append(rec)
    return out, ""


def number(rec, key, scale):
    raw = rec.get(key, "").replace(",", "")
    try:
        v = float(raw)
    except ValueError:
        return "-"
    if scale is None:  # bytes in the unit ncu chose
        unit = rec["_units"].get(key, "byte").lower()
        factor = {"byte": 1e-3, "kbyte": 1, "mbyte": 1e3, "gbyte": 1e6}.get(unit, 1e-3)
        return f"{v * factor:.1f}"
    unit = rec["_units"].get(key, "")
    if key == "gpu__time_duration.sum":
        factor = {"nsecond": 1e-3, "usecond": 1, "msecond": 1e3}.get(unit, 1e-3)
        return f"{v * factor:.2f}"
    return f"{v * scale:g}"


def main(out):
    print("| workload | side | kernel | " + " | ".join(c[0] for c in COLUMNS) + " |")
    print("| --- | --- | --- |" + " ---: |" * len(COLUMNS))
    for path in sorted(glob.glob(os.path.join(out, "ncu_compile_*.csv"))):
        uuid = os.path.basename(path)[len("ncu_compile_"):-len(".csv")]
        for side, p in (("torch.compile", path), ("kforge", os.path.join(out, f"ncu_kforge_{uuid}.csv"))):
            if not os.path.exists(p):
                print(f"| {uuid} | {side} | no log | " + " | ".join("-" for _ in COLUMNS) + " |")
                continue
            ks, why = kernels(p)
            if not ks:
                print(f"| {uuid} | {side} | no kernel: {why.strip()[:80]!r} | " + " | ".join("-" for _ in COLUMNS) + " |")
            for k in ks:
                name = k.get("Kernel Name", "?")[:40]
                print(f"| {uuid} | {side} | {name} | " + " | ".join(number(k, key, s) for _, key, s in COLUMNS) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
