#!/usr/bin/env python3
"""Turns `kforge eval --json` outputs into one Markdown table (for docs/benchmarks/).

usage: summarize_evals.py EVAL.json... > table.md
"""
import json
import sys


def main(paths):
    rows = []
    device = None
    for path in paths:
        try:
            with open(path) as f:
                text = f.read()
            report = json.loads(text[text.index("{"):])
        except (OSError, ValueError) as e:
            rows.append(f"| {path} | could not read: {e} | | | | | | | |")
            continue
        device = device or report.get("device", {})
        for w in report.get("workloads", []):
            bound = w.get("bound", "memory")
            achieved = (f"{w['achieved_tflops']:.1f} TFLOP/s" if bound == "compute" and "achieved_tflops" in w
                        else f"{w.get('achieved_gbps', 0):.0f} GB/s")
            rows.append("| {task} | {uuid} | {status} | {median} | {p20}-{p80} | {cv} | {achieved} | {floor} | {frac} |".format(
                task=report["task"], uuid=w["uuid"], status=w["status"],
                median=f"{w['median_ms']:.4f}" if "median_ms" in w else "-",
                p20=f"{w.get('p20_ms', 0):.4f}", p80=f"{w.get('p80_ms', 0):.4f}",
                cv=f"{100 * w.get('cv', 0):.1f}%", achieved=achieved,
                floor=f"{w['floor_ms']:.4f} ({bound})" if "floor_ms" in w else "-",
                frac=f"{100 * w['fraction_of_floor']:.0f}%" if "fraction_of_floor" in w else "-"))
    if device:
        print(f"Device: {device.get('name')} (sm {device.get('compute_capability')}, {device.get('sm_count')} SMs, "
              f"L2 {device.get('l2_bytes', 0) / 2**20:.0f} MiB), measured copy bandwidth "
              f"{device.get('copy_bandwidth_gbps', 0):.0f} GB/s, peak bf16 "
              f"{device.get('peak_tflops', {}).get('bfloat16', 0):.0f} TFLOP/s (derived)\n")
    print("| task | workload | status | median ms | p20-p80 ms | cv | achieved | floor ms | of floor |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(r)


if __name__ == "__main__":
    main(sys.argv[1:])
