#!/usr/bin/env python3
"""The per-shape winners that lose to torch.compile, to profile them.

Reads `kforge show SESSION --json` files and prints, for each workload where
the fastest PASSED node is slower than torch.compile by more than --margin
(default 5%), one line: NODE WORKLOAD_UUID RATIO (torch.compile's median over
the node's). The gpu_session.sh phase `profile-losers` profiles each with
`kforge profile SESSION NODE --workload WORKLOAD_UUID`.
usage: losing_winners.py [--margin 0.05] session_*.json
"""
import json
import sys


def compile_median(baselines):
    for b in baselines:
        if b["name"] == "compile" and b["status"] == "PASSED" and b.get("median_ms"):
            return b["median_ms"]
    return None


def main(argv):
    margin = 0.05
    if argv[:1] == ["--margin"]:
        margin, argv = float(argv[1]), argv[2:]
    for path in argv:
        doc = json.load(open(path))
        s = doc["session"]
        for uuid, baselines in sorted(s.get("torch_baselines", {}).items()):
            compiled = compile_median(baselines)
            if not compiled:
                continue
            best = None
            for n in doc["nodes"]:
                if n.get("status") != "PASSED" or not n.get("evaluation"):
                    continue
                for w in n["evaluation"]["workloads"]:
                    if w["uuid"] == uuid and w["status"] == "PASSED" and (best is None or w["median_ms"] < best[1]):
                        best = (n["id"], w["median_ms"])
            if best and compiled / best[1] < 1 - margin:
                print(best[0], uuid, f"{compiled / best[1]:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
