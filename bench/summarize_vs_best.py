#!/usr/bin/env python3
"""Tuned candidates against PyTorch, from `kforge show SESSION --json` files.

For each session and workload: the session's best node (one kernel for every
shape, ranked by fitness = geometric mean speedup over the fastest PyTorch
baseline), the fastest PASSED node on that workload alone (what a per-shape
dispatch export would ship), and PyTorch eager / torch.compile / vendor medians
measured once when the session was created, in the same process run and under
the same timer rules. Ratios above 1 mean KernelForge is faster. Geometric
means per task and over all tasks come last.
usage: summarize_vs_best.py session_*.json
"""
import json
import math
import sys


def geomean(xs):
    xs = [x for x in xs if x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else 0


def median_of(baselines, name):
    for b in baselines:
        if b["name"] == name and b["status"] == "PASSED" and b.get("median_ms"):
            return b["median_ms"]
    return None


def main(paths):
    print("| task | workload | best node ms | per-shape best ms | eager ms | compile ms | vendor ms | best PyTorch | "
          "vs best (one kernel) | vs best (per shape) |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    task_rows = []
    for path in paths:
        doc = json.load(open(path))
        s = doc["session"]
        nodes = {n["id"]: n for n in doc["nodes"]}
        best = nodes.get(s["best_node"]) if s["best_node"] is not None else None
        one, per = [], []
        for uuid, baselines in sorted(s.get("torch_baselines", {}).items()):
            meds = {k: median_of(baselines, k) for k in ("eager", "compile", "vendor")}
            present = {k: v for k, v in meds.items() if v}
            if not present:
                continue
            best_name = min(present, key=present.get)
            ref = present[best_name]
            mine = None
            if best:
                w = next((x for x in best["evaluation"]["workloads"] if x["uuid"] == uuid), None)
                mine = w["median_ms"] if w and w["status"] == "PASSED" else None
            fastest = None
            for n in nodes.values():
                if n.get("status") != "PASSED" or not n.get("evaluation"):
                    continue
                w = next((x for x in n["evaluation"]["workloads"] if x["uuid"] == uuid), None)
                if w and w["status"] == "PASSED" and (fastest is None or w["median_ms"] < fastest):
                    fastest = w["median_ms"]
            r1 = ref / mine if mine else 0
            r2 = ref / fastest if fastest else 0
            one.append(r1)
            per.append(r2)
            fmt = lambda v: f"{v:.4f}" if v else "-"
            print(f"| {s['task']} | {uuid} | {fmt(mine)} | {fmt(fastest)} | {fmt(meds['eager'])} | {fmt(meds['compile'])} | "
                  f"{fmt(meds['vendor'])} | {best_name} | {r1:.2f}x | {r2:.2f}x |")
        task_rows.append((s["task"], s["evaluations"], s["stop_reason"], geomean(one), geomean(per), min(one or [0]), min(per or [0])))
    print()
    print("| task | evaluations | stopped because | vs best, geomean (one kernel) | vs best, geomean (per shape) | "
          "worst workload (one kernel) | worst workload (per shape) |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for t, ev, why, g1, g2, w1, w2 in task_rows:
        print(f"| {t} | {ev} | {why} | {g1:.2f}x | {g2:.2f}x | {w1:.2f}x | {w2:.2f}x |")
    print(f"| **all tasks** | | | **{geomean([r[3] for r in task_rows]):.2f}x** | **{geomean([r[4] for r in task_rows]):.2f}x** | | |")


if __name__ == "__main__":
    main(sys.argv[1:])
