#!/usr/bin/env python3
"""Tuned candidates against PyTorch, from `kforge show SESSION --json` files.

For each session and workload: the session's best node (one kernel for every
shape, ranked by fitness = geometric mean speedup over the fastest PyTorch
baseline), the fastest PASSED node on that workload alone (what a per-shape
dispatch export would ship), and PyTorch eager / torch.compile / vendor medians
measured once when the session was created, in the same process run and under
the same timer rules. Ratios above 1 mean KernelForge is faster. The
per-shape winner is named by its template variant (the file stem of the
template it was tuned from) and node. Geometric means per task and over all
tasks come last, with the evaluations the session needed to reach 95% of its
best fitness, and to come within 95% of its fastest time at every workload
(how efficient the search is, for one kernel and for the per-shape export).
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


def variant(node, nodes):
    """The template a node descends from: the nearest ancestor read from a file."""
    n = node
    while n is not None:
        f = (n.get("input") or {}).get("file")
        if f:
            return f.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        n = nodes.get(n.get("parent"))
    return "?"


def evals_to_fraction(nodes, best_fitness, fraction=0.95):
    """Evaluations, in the order they were made (node ids), until one reached fraction * best."""
    done = [n for n in sorted(nodes.values(), key=lambda n: n["id"]) if str(n.get("state", "")).lower() == "done" and n.get("status") != "NOT_RUN"]
    for i, n in enumerate(done, 1):
        if n.get("status") == "PASSED" and n.get("fitness", 0) >= fraction * best_fitness:
            return i
    return None


def evals_to_every_shape(nodes, fraction=0.95):
    """Evaluations until, for every workload, some node so far ran within fraction of
    the session's fastest time there: what the per-shape export needs the search to find."""
    done = [n for n in sorted(nodes.values(), key=lambda n: n["id"]) if str(n.get("state", "")).lower() == "done" and n.get("status") != "NOT_RUN"]
    fastest = {}
    for n in done:
        if n.get("status") == "PASSED" and n.get("evaluation"):
            for w in n["evaluation"]["workloads"]:
                if w["status"] == "PASSED":
                    fastest[w["uuid"]] = min(fastest.get(w["uuid"], math.inf), w["median_ms"])
    reached = set()
    for i, n in enumerate(done, 1):
        if n.get("status") == "PASSED" and n.get("evaluation"):
            for w in n["evaluation"]["workloads"]:
                if w["status"] == "PASSED" and w["median_ms"] * fraction <= fastest[w["uuid"]]:
                    reached.add(w["uuid"])
        if fastest and reached >= set(fastest):
            return i
    return None


def main(paths):
    print("| task | workload | best node ms | per-shape best ms | eager ms | compile ms | vendor ms | best PyTorch | "
          "vs best (one kernel) | vs best (per shape) | vs compile (per shape) | per-shape winner |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    task_rows = []
    for path in paths:
        doc = json.load(open(path))
        s = doc["session"]
        nodes = {n["id"]: n for n in doc["nodes"]}
        best = nodes.get(s["best_node"]) if s["best_node"] is not None else None
        one, per, vs_compile = [], [], []
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
            fastest, winner = None, "-"
            for n in nodes.values():
                if n.get("status") != "PASSED" or not n.get("evaluation"):
                    continue
                w = next((x for x in n["evaluation"]["workloads"] if x["uuid"] == uuid), None)
                if w and w["status"] == "PASSED" and (fastest is None or w["median_ms"] < fastest):
                    fastest = w["median_ms"]
                    winner = f"{variant(n, nodes)} #{n['id']}"
            r1 = ref / mine if mine else 0
            r2 = ref / fastest if fastest else 0
            rc = meds["compile"] / fastest if fastest and meds["compile"] else 0
            one.append(r1)
            per.append(r2)
            if rc:
                vs_compile.append(rc)
            fmt = lambda v: f"{v:.4f}" if v else "-"
            print(f"| {s['task']} | {uuid} | {fmt(mine)} | {fmt(fastest)} | {fmt(meds['eager'])} | {fmt(meds['compile'])} | "
                  f"{fmt(meds['vendor'])} | {best_name} | {r1:.2f}x | {r2:.2f}x | {f'{rc:.2f}x' if rc else '-'} | {winner} |")
        to95 = evals_to_fraction(nodes, best["fitness"]) if best else None
        to95_shapes = evals_to_every_shape(nodes)
        task_rows.append((s["task"], s["evaluations"], (to95, to95_shapes), s["stop_reason"], geomean(one), geomean(per), min(one or [0]),
                          min(per or [0]), min(vs_compile or [0])))
    print()
    print("| task | evaluations | to 95% of best (one kernel) | to 95% at every shape | stopped because | vs best, geomean (one kernel) | vs best, geomean (per shape) | "
          "worst workload (one kernel) | worst workload (per shape) | worst vs compile (per shape) |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for t, ev, (to95, to95s), why, g1, g2, w1, w2, wc in task_rows:
        print(f"| {t} | {ev} | {to95 if to95 else '-'} | {to95s if to95s else '-'} | {why} | {g1:.2f}x | {g2:.2f}x | {w1:.2f}x | {w2:.2f}x | {f'{wc:.2f}x' if wc else '-'} |")
    print(f"| **all tasks** | | | | | **{geomean([r[4] for r in task_rows]):.2f}x** | **{geomean([r[5] for r in task_rows]):.2f}x** | | | |")


if __name__ == "__main__":
    main(sys.argv[1:])
