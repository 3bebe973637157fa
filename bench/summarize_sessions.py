#!/usr/bin/env python3
"""Table of optimization sessions from `kforge show SESSION --json` files.

For each session: evaluations, active time, why it stopped, and on the task's
largest workload the baseline and best medians, the speedup, and the achieved
rate against the device's measured copy bandwidth (memory-bound tasks) or
against the baseline's own rate (compute-bound: for GEMM the baseline is
cuBLAS, timed in the same session). The template's default configuration
(node 1) is shown beside the tuned best.
usage: summarize_sessions.py session_*.json
"""
import json
import sys


def largest(workloads):
    return max(workloads, key=lambda w: (w.get("flops") or 0, w.get("bytes") or 0))


def main(paths):
    rows = []
    for path in paths:
        doc = json.load(open(path))
        s = doc["session"]
        nodes = {n["id"]: n for n in doc["nodes"]}
        copy_gbps = s["device"].get("copy_bandwidth_gbps", 0)
        best = nodes.get(s["best_node"]) if s["best_node"] is not None else None
        root = nodes.get(1)
        if not best:
            rows.append(f"| {s['task']} | {s['evaluations']} | {s['active_seconds']:.0f} s | {s['stop_reason']} | no candidate passed | | | | | | |")
            continue
        w = largest(best["evaluation"]["workloads"])
        base_ms = w["baseline"]["median_ms"]
        compute = w.get("bound") == "compute"
        rw = next((x for x in root["evaluation"].get("workloads", []) if x["uuid"] == w["uuid"]), None) if root else None
        if compute:
            rate = w.get("achieved_tflops", 0)
            base_rate = w["flops"] / (base_ms * 1e-3) / 1e12
            against = f"{rate:.0f} TFLOP/s = {rate / base_rate:.2f}x of {s['baseline_name']} ({base_rate:.0f})"
            root_rate = f"{rw['achieved_tflops']:.0f} TFLOP/s" if rw and rw.get("achieved_tflops") else "-"
        else:
            rate = w.get("achieved_gbps", 0)
            against = f"{rate:.0f} GB/s = {100 * rate / copy_gbps:.0f}% of copy" if copy_gbps else f"{rate:.0f} GB/s"
            root_rate = f"{100 * rw['achieved_gbps'] / copy_gbps:.0f}%" if rw and rw.get("achieved_gbps") and copy_gbps else "-"
        cfg = json.loads(best["config"]) if isinstance(best["config"], str) else best["config"]
        config = " ".join(f"{k}={v}" for k, v in sorted(cfg.items()))
        rows.append(
            f"| {s['task']} | {s['evaluations']} | {s['active_seconds']:.0f} s | {s['stop_reason']} | {w['uuid']} | "
            f"{base_ms:.4f} | {w['median_ms']:.4f} | {base_ms / w['median_ms']:.2f}x | {best['fitness']:.2f}x | "
            f"{against} | {root_rate} | {best['id']}: {config} |")
    print("| task | evals | time | stopped because | largest workload | baseline ms | best ms | speedup there | "
          "speedup (geomean, all workloads) | best achieved | template default achieved | best node: configuration |")
    print("| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- |")
    for r in rows:
        print(r)


if __name__ == "__main__":
    main(sys.argv[1:])
