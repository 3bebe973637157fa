#!/usr/bin/env python3
"""A copy of a task directory whose workloads file keeps only some workloads:
the benchmarks' way to time, profile or sanitize a task at chosen shapes
without touching the task itself.

usage: narrow_task.py SRC INTO --uuids UUID,UUID     (these, each must exist)
       narrow_task.py SRC INTO --max-elements N      (those whose axes multiply to at most N)
INTO must not exist. Prints INTO.
"""
import argparse
import json
import math
import os
import shutil
import sys


def narrowed_task(src, into, keep):
    """Copies SRC to INTO and keeps the workloads (parsed JSON lines) for which keep(w) holds."""
    shutil.copytree(src, into)
    path = os.path.join(src, "workloads.jsonl")
    with open(path) as f:
        lines = [line.rstrip("\n") for line in f if line.strip()]
    kept = [line for line in lines if keep(json.loads(line))]
    with open(os.path.join(into, "workloads.jsonl"), "w") as f:
        f.write("".join(line + "\n" for line in kept))
    return into


def with_uuids(src, into, uuids):
    """narrowed_task keeping the listed workloads; exits naming any the task lacks."""
    with open(os.path.join(src, "workloads.jsonl")) as f:
        known = {json.loads(line)["uuid"] for line in f if line.strip()}
    missing = set(uuids) - known
    if missing:
        sys.exit(f"narrow_task: {src}/workloads.jsonl has no workload {', '.join(sorted(missing))}")
    return narrowed_task(src, into, lambda w: w["uuid"] in uuids)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("src")
    p.add_argument("into")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--uuids", help="comma-separated workload uuids")
    which.add_argument("--max-elements", type=int, help="keep workloads whose axes multiply to at most this")
    a = p.parse_args()
    if os.path.exists(a.into):
        sys.exit(f"narrow_task: {a.into} exists")
    if a.uuids:
        with_uuids(a.src, a.into, [u for u in a.uuids.split(",") if u])
    else:
        narrowed_task(a.src, a.into, lambda w: math.prod(w["axes"].values()) <= a.max_elements)
    print(a.into)


if __name__ == "__main__":
    main()
