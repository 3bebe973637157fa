#!/usr/bin/env bash
# Two kforge-runner builds timing the same candidate, alternated, on the lent
# GPU: what a change to the runner's timer rules does to the numbers.
#   bash bench/runner_ab.sh RUNNER_A RUNNER_B TASK CANDIDATE [ROUNDS] [-- kforge eval options...]
# Env: BIN (kforge's directory), OUT; OPTS_A, OPTS_B: options for one side
# only (the same runner twice then compares two ways of timing, e.g.
# OPTS_A="--seeds 1"). Prints per workload the median of each round's median
# for A and B and their ratio.
set -u
a=$1 b=$2 task=$3 candidate=$4 rounds=${5:-3}
shift 4; [ $# -gt 0 ] && [ "$1" != -- ] && shift
[ "${1:-}" = -- ] && shift
BIN=${BIN:-build-gpu/bin}; [ "${BIN:0:1}" = / ] || BIN=$PWD/$BIN
OUT=${OUT:-/tmp/kforge-out}/runner_ab
mkdir -p "$OUT"
export KFORGE_RESOURCES=${KFORGE_RESOURCES:-$PWD/resources}
for i in $(seq 1 "$rounds"); do
  for side in A B; do
    runner=$a opts=${OPTS_A:-}; [ $side = B ] && runner=$b opts=${OPTS_B:-}
    # shellcheck disable=SC2086  # the side's options are words
    KFORGE_RUNNER=$runner "$BIN/kforge" eval "$task" "$candidate" --backend cuda --json --torch-baselines none "$@" $opts \
      > "$OUT/$side-$i.json" 2> "$OUT/$side-$i.err"
  done
done
python3 - "$OUT" "$rounds" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def medians(side):
    per = {}
    for i in range(1, rounds + 1):
        t = open(f"{out}/{side}-{i}.json").read()
        for w in json.loads(t[t.index("{"):]).get("workloads", []):
            if "median_ms" in w:
                per.setdefault(w["uuid"], []).append(w["median_ms"])
    return {u: statistics.median(v) for u, v in per.items()}
A, B = medians("A"), medians("B")
print("| workload | A median ms | B median ms | B / A |")
print("| --- | ---: | ---: | ---: |")
for u in A:
    if u in B:
        print(f"| {u} | {A[u]:.4f} | {B[u]:.4f} | {B[u] / A[u]:.3f} |")
PY
