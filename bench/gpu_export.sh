#!/usr/bin/env bash
# On the H200 (PyTorch in the system python, nvcc, no internet): for an
# elementwise, a row-wise and a GEMM task, run a short real session, export it
# as a torch package, pip-install it into the machine's PyTorch, run its test
# (the op against the reference on every workload) and its benchmark (the op
# against eager and torch.compile), and check the op is within 5% of what
# KernelForge measured on the largest workload (small workloads are dominated
# by the dispatcher's few microseconds and are reported, not judged).
# Usage: bash bench/gpu_export.sh [BIN_DIR]   (default build/bin; logs under $OUT/export)
set -uo pipefail
BIN=${1:-build/bin}; [ "${BIN:0:1}" = / ] || BIN=$PWD/$BIN
kforge="$BIN/kforge"
export KFORGE_RUNNER=${KFORGE_RUNNER:-$BIN/kforge-runner} KFORGE_RESOURCES=${KFORGE_RESOURCES:-$PWD/resources}
py=${PYTHON:-python3}
work=$(mktemp -d)
log="${OUT:-/tmp/kforge-out}/export"
mkdir -p "$log"
export KFORGE_DB="$work/ws.db"
summary="$work/summary.txt"
: >"$summary"
for task in ${EXPORT_TASKS:-vector_add_fp32 rmsnorm_bf16 gemm_bf16}; do
  echo "== $task" | tee -a "$log/run.log"
  "$kforge" optimize "$task" --backend cuda --budget ${EXPORT_BUDGET:-12} --json >"$work/$task.json" 2>>"$log/run.log"
  id=$("$py" -c "import json,sys; print(json.load(open(sys.argv[1]))['session'])" "$work/$task.json" 2>/dev/null ||
       "$kforge" sessions --json | "$py" -c "import json,sys; print(json.load(sys.stdin)[-1]['id'])")
  "$kforge" export "$id" --format torch --out "$work/$task-torch" 2>&1 | tee -a "$log/run.log"
  "$py" -m pip install --no-build-isolation --no-deps --no-index --target "$work/site-$task" "$work/$task-torch" >>"$log/run.log" 2>&1
  PYTHONPATH="$work/site-$task" "$py" "$work/$task-torch/tests/test_$task.py" -v 2>&1 | tee -a "$log/run.log"
  PYTHONPATH="$work/site-$task" "$py" "$work/$task-torch/benchmarks/benchmark_$task.py" --json >"$work/$task-bench.json" 2>>"$log/run.log"
  "$py" - "$task" "$work/$task-bench.json" >>"$summary" <<'PY'
import json, sys
task, rows = sys.argv[1], json.load(open(sys.argv[2]))
big = max(rows, key=lambda r: r["kforge_ms"])
for r in rows:
    ratio = r["op_out_ms"] / r["kforge_ms"]
    judged = r is big
    verdict = ("ok" if abs(ratio - 1) <= 0.05 else "OFF") if judged else "-"
    c = "%.4f" % r["compile_ms"] if r.get("compile_ms") is not None else "-"
    print("%-16s %-34s %9.4f %9.4f %9.4f %9s %7.3f %s" % (task, r["workload"][:34], r["kforge_ms"], r["op_out_ms"], r["eager_ms"], c, ratio, verdict))
PY
done
cp "$work"/*-bench.json "$log/" || true
{
  echo
  printf "%-16s %-34s %9s %9s %9s %9s %7s %s\n" task workload "kforge ms" "op ms" "eager ms" "compile" "op/kf" "5%"
  cat "$summary"
} | tee -a "$log/run.log"
