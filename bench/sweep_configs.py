#!/usr/bin/env python3
"""Times a hand-picked list of configurations of one task's template on chosen
workloads, beside torch.compile, by `kforge eval` (the session's timer rules:
fresh inputs, L2 flushed before every call, GPU-clock medians).

A tuner search answers "what is best in the declared space"; this answers
"where does each configuration stand at the shapes we lose", which is what a
profile of the loser needs beside it.

usage: sweep_configs.py --kforge BIN --task DIR_OR_NAME --variant NAME
                        --workloads UUID,UUID --config "A=1 B=2" [--config ...]
                        --out DIR [--baselines compile] [--backend cuda]
Writes one eval JSON per configuration under --out, prints a Markdown table
(median ms per workload and configuration; the best marked) and writes the
best configuration per workload to OUT/best.json.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from narrow_task import with_uuids  # noqa: E402


def task_dir(kforge_resources, task):
    if os.path.isdir(task):
        return task
    return os.path.join(kforge_resources, "tasks", task)


def run_eval(kforge, backend, task, variant, config, baselines, out_path):
    cmd = [kforge, "eval", task, f"template:{variant}", "--backend", backend, "--json", "--torch-baselines", baselines]
    for define in config.split():
        cmd += ["-D", define]
    with open(out_path, "w") as out, open(out_path + ".err", "w") as err:
        rc = subprocess.run(cmd, stdout=out, stderr=err).returncode
    try:
        text = open(out_path).read()
        return json.loads(text[text.index("{"):])
    except (ValueError, OSError):
        return {"status": f"no JSON (rc {rc})", "workloads": []}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kforge", required=True)
    ap.add_argument("--task", required=True)
    ap.add_argument("--variant", required=True)
    ap.add_argument("--workloads", required=True)
    ap.add_argument("--config", action="append", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--baselines", default="compile")
    ap.add_argument("--backend", default="cuda")
    a = ap.parse_args()
    uuids = a.workloads.split(",")
    os.makedirs(a.out, exist_ok=True)
    resources = os.environ.get("KFORGE_RESOURCES", "resources")
    with tempfile.TemporaryDirectory() as tmp:
        task = with_uuids(task_dir(resources, a.task), os.path.join(tmp, "task"), uuids)
        medians = {}   # config -> uuid -> ms
        compiled = {}  # uuid -> torch.compile ms (timed in the first configuration's run)
        for i, config in enumerate(a.config):
            report = run_eval(a.kforge, a.backend, task, a.variant, config, a.baselines if i == 0 else "none",
                              os.path.join(a.out, f"{a.variant}-{i}.json"))
            medians[config] = {}
            for w in report.get("workloads", []):
                if w.get("status") == "PASSED" and "median_ms" in w:
                    medians[config][w["uuid"]] = w["median_ms"]
                for b in w.get("baselines", []):
                    if b.get("status") == "PASSED":
                        compiled[w["uuid"]] = b["median_ms"]
            if not medians[config]:
                medians[config]["status"] = report.get("status", "?")
            print(f"{a.task} {config}: {report.get('status')}", file=sys.stderr, flush=True)
    best = {}
    for u in uuids:
        timed = [(m[u], c) for c, m in medians.items() if u in m]
        if timed:
            best[u] = min(timed)
    print(f"| {a.task} ({a.variant}) | " + " | ".join(uuids) + " |")
    print("| --- |" + " ---: |" * len(uuids))
    for config, m in medians.items():
        cells = []
        for u in uuids:
            if u not in m:
                cells.append(m.get("status", "-"))
            else:
                mark = "**" if best[u][1] == config else ""
                cells.append(f"{mark}{m[u]:.4f}{mark}")
        print(f"| {config} | " + " | ".join(cells) + " |")
    if compiled:
        print(f"| torch {a.baselines} | " + " | ".join(f"{compiled[u]:.4f}" if u in compiled else "-" for u in uuids) + " |")
        print(f"| best / torch {a.baselines} | " + " | ".join(
            f"{compiled[u] / best[u][0]:.2f}x" if u in compiled and u in best else "-" for u in uuids) + " |")
    with open(os.path.join(a.out, "best.json"), "w") as f:
        json.dump({u: {"ms": ms, "config": c} for u, (ms, c) in best.items()}, f, indent=1)


if __name__ == "__main__":
    main()
