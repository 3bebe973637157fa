#!/usr/bin/env bash
# What the hardened timing costs: evaluation time per candidate of one kforge
# build against another's (before / after), side by side in one run,
# alternating A B A B so that a machine getting busier hurts both alike.
#   OLD=dir/with/kforge NEW=dir/with/kforge BACKEND=cpu|cuda REPS=3 \
#     TASKS="row_sum_fp32 vector_add_fp32" bash bench/hardening_cost.sh
# Each evaluation is of the task's template at its default configuration,
# no PyTorch baselines. The runner's time per candidate (its setup, verify and
# timing phases) is what a session pays per candidate; the whole process also
# pays the runner's start (measuring the device), once per session. NEW_ARGS adds options to the new one's (e.g.
# "--max-attempts 1": the checks without re-timing noisy workloads). Prints one row per task: median seconds of the whole
# `kforge eval`, the runner's timing-phase seconds, and after/before ratios.
set -euo pipefail
: "${OLD:?directory of the kforge before}" "${NEW:?directory of the kforge after}"
BACKEND=${BACKEND:-cpu}
REPS=${REPS:-3}
TASKS=${TASKS:-"vector_add_fp32 row_sum_fp32 softmax_fp32 rmsnorm_bf16 gemm_bf16"}
OUTDIR=${OUTDIR:-$(mktemp -d)}
mkdir -p "$OUTDIR"
export KFORGE_RESOURCES=${KFORGE_RESOURCES:-$(cd "$(dirname "$0")/.." && pwd)/resources}
py=$(command -v python3)

run() {  # which task rep
  local dir=$1 which=$2 task=$3 rep=$4
  local out="$OUTDIR/$which-$task-$rep.json"
  local t0 t1
  t0=$(date +%s.%N)
  local extra=()
  [ "$which" = new ] && [ -n "${NEW_ARGS:-}" ] && read -r -a extra <<<"$NEW_ARGS"
  KFORGE_RUNNER="$dir/kforge-runner" "$dir/kforge" eval "$task" template --backend "$BACKEND" --torch-baselines none --json "${extra[@]}" >"$out" 2>"$OUTDIR/$which-$task-$rep.err" || true
  t1=$(date +%s.%N)
  echo "$t0 $t1" >"$out.wall"
}

for task in $TASKS; do
  for rep in $(seq 1 "$REPS"); do
    run "$OLD" old "$task" "$rep"
    run "$NEW" new "$task" "$rep"
  done
done

"$py" - "$OUTDIR" "$REPS" $TASKS <<'PY'
import json, sys, statistics, os
outdir, reps, tasks = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def load(which, task, rep):
    p = f"{outdir}/{which}-{task}-{rep}.json"
    t0, t1 = map(float, open(p + ".wall").read().split())
    try:
        r = json.load(open(p))
    except Exception:
        return None
    timing = sum(w["runner_seconds"]["timing"] for w in r["workloads"])
    verify = sum(w["runner_seconds"]["verify"] for w in r["workloads"])
    calls = sum(w.get("timed_call_checks", {}).get("timed_calls", len(w.get("samples_ms", []))) for w in r["workloads"])
    checked = sum(w.get("timed_call_checks", {}).get("verified_calls", 1) for w in r["workloads"])
    setup = sum(w["runner_seconds"]["setup"] for w in r["workloads"])
    return dict(wall=t1 - t0, timing=timing, verify=verify, runner=setup + verify + timing, status=r["status"], calls=calls, checked=checked)
print(f"{'task':22} {'status old/new':24} {'eval s old':>10} {'new':>8} {'ratio':>6} {'runner s old':>12} {'new':>8} {'ratio':>6} {'timing s old':>12} {'new':>8} {'ratio':>6} {'timed calls old/new':>20} {'verified new':>12}")
ratios, runnerRatios = [], []
for t in tasks:
    o = [x for x in (load("old", t, i) for i in range(1, reps + 1)) if x]
    n = [x for x in (load("new", t, i) for i in range(1, reps + 1)) if x]
    if not o or not n:
        print(f"{t:22} no result"); continue
    med = lambda xs, k: statistics.median(x[k] for x in xs)
    r = med(n, "wall") / med(o, "wall"); ratios.append(r)
    rr = med(n, "runner") / med(o, "runner"); runnerRatios.append(rr)
    print(f"{t:22} {o[0]['status'] + '/' + n[0]['status']:24} {med(o,'wall'):10.2f} {med(n,'wall'):8.2f} {r:6.2f} "
          f"{med(o,'runner'):12.2f} {med(n,'runner'):8.2f} {rr:6.2f} "
          f"{med(o,'timing'):12.2f} {med(n,'timing'):8.2f} {med(n,'timing')/max(med(o,'timing'),1e-9):6.2f} "
          f"{int(med(o,'calls')):>9}/{int(med(n,'calls')):<10} {int(med(n,'checked')):>12}")
if ratios:
    import math
    g = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs))
    print(f"geomean new/old: whole kforge eval {g(ratios):.3f} (runner start included), runner time per candidate "
          f"{g(runnerRatios):.3f}  ({len(ratios)} tasks, {reps} reps each, medians)")
PY
