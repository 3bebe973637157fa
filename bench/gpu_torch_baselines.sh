#!/usr/bin/env bash
# PyTorch baselines on the GPU (issue 14), for the lent H200: every built-in
# task, every CUDA workload, the template beside torch eager, torch.compile and
# the vendor op; then a cross-check of KernelForge's eager and compile timings
# against triton.testing.do_bench for three tasks. Prints a short table last.
#
#   bash bench/gpu_torch_baselines.sh [BIN_DIR]     (default build-gpu/bin; run from the repository root)
#
# Needs python3 with torch (CUDA) and triton on the machine (KFORGE_PYTHON to
# pick another). Writes every JSON and log under $OUT (default /tmp/kforge-out).
set -u
ROOT=$PWD
OUT=${OUT:-/tmp/kforge-out}
BIN=${1:-$ROOT/build-gpu/bin}; [ "${BIN:0:1}" = / ] || BIN=$ROOT/$BIN
MODE=${COMPILE_MODE:-default}   # or max-autotune-no-cudagraphs
mkdir -p "$OUT/torch"
export KFORGE_RESOURCES=$ROOT/resources KFORGE_RUNNER=$BIN/kforge-runner KFORGE_CACHE_DIR=/tmp/kforge-cache
PY=${KFORGE_PYTHON:-python3}

{ nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm --format=csv,noheader
  $PY -c 'import torch, triton; print("torch", torch.__version__, "cuda", torch.version.cuda, "triton", triton.__version__)'
  date -u +%Y-%m-%dT%H:%M:%SZ; } | tee "$OUT/torch/machine.txt"

tasks=${TASKS:-$($BIN/kforge tasks --json | $PY -c 'import json,sys; print(" ".join(t["name"] for t in json.load(sys.stdin)))')}
for t in $tasks; do
  s=$(date +%s)
  $BIN/kforge eval "$t" template --backend cuda --json --compile-mode "$MODE" > "$OUT/torch/eval_$t.json" 2> "$OUT/torch/eval_$t.err"
  echo "$t: rc=$? $(( $(date +%s) - s )) s $(tail -c 200 "$OUT/torch/eval_$t.err" | tr '\n' ' ')"
done

# Cross-check: the same calls timed by triton's do_bench (L2 flushed by do_bench,
# median) on the largest CUDA workload of three tasks, vs KernelForge's medians.
$PY - "$ROOT" "$OUT/torch" > "$OUT/torch/crosscheck.md" 2> "$OUT/torch/crosscheck.err" <<'PY'
import json, os, sys
import torch, triton.testing
root, out = sys.argv[1], sys.argv[2]
print("| task | workload | kforge eager ms | do_bench eager ms | diff | kforge compile ms | do_bench compile ms | diff |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for task in ("rmsnorm_bf16", "softmax_fp32", "gemm_bf16"):
    d = json.load(open(os.path.join(root, "resources/tasks", task, "definition.json")))
    text = open(os.path.join(out, "eval_%s.json" % task)).read()
    report = json.loads(text[text.index("{"):])
    w = report["workloads"][-1]
    axes = w["axes"]
    ns = {}
    exec(d["reference"], ns)
    run = ns["run"]
    args = []
    for name, spec in d["inputs"].items():
        shape = [axes[a] for a in spec["shape"]]
        args.append(torch.randn(shape, device="cuda").to(getattr(torch, spec["dtype"])))
    base = {b["name"]: b for b in w["baselines"]}
    row = [task, w["uuid"]]
    for name, fn in (("eager", run), ("compile", torch.compile(run, dynamic=False))):
        fn(*args); torch.cuda.synchronize()
        ms = triton.testing.do_bench(lambda: fn(*args), warmup=25, rep=200, return_mode="median")
        k = base.get(name, {}).get("median_ms")
        row += ["%.4f" % k if k else "-", "%.4f" % ms, "%+.1f%%" % (100 * (k - ms) / ms) if k else "-"]
    print("| " + " | ".join(row) + " |")
PY

# The table, last: per task the largest workload, and the geometric mean of template vs best.
$PY - "$OUT/torch" <<'PY'
import glob, json, math, os, sys
out = sys.argv[1]
rows, logs = [], []
for path in sorted(glob.glob(os.path.join(out, "eval_*.json"))):
    text = open(path).read()
    try:
        r = json.loads(text[text.index("{"):])
    except Exception as e:
        print("%s: no report (%s)" % (os.path.basename(path), e)); continue
    for w in r["workloads"]:
        b = {x["name"]: x for x in w.get("baselines", [])}
        cell = lambda n: ("%.4f" % b[n]["median_ms"]) if n in b and "median_ms" in b[n] else (b[n]["status"] if n in b else "-")
        setup = b.get("compile", {}).get("setup_seconds", 0)
        rows.append((r["task"], w["uuid"], w.get("median_ms"), cell("eager"), cell("compile"), cell("vendor"),
                     w.get("best_baseline", "-"), w.get("speedup_vs_best"), setup))
    logs.append((r["task"], r.get("speedup_vs_best"), r["status"], r.get("torch", {}).get("version", "")))
print("| task | workload | template ms | eager ms | compile ms | vendor ms | best | vs best | compile s |")
print("| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
for t, u, m, e, c, v, best, vs, setup in rows:
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %.1f |" % (t, u, "%.4f" % m if m else "-", e, c, v, best, "%.2fx" % vs if vs else "-", setup))
print()
print("| task | status | vs best (geomean) |")
print("| --- | --- | ---: |")
g = []
for t, vs, st, ver in logs:
    print("| %s | %s | %s |" % (t, st, "%.3fx" % vs if vs else "-"))
    if vs: g.append(math.log(vs))
if g: print("\ngeometric mean over tasks of template vs best PyTorch baseline: %.3fx (torch %s)" % (math.exp(sum(g) / len(g)), logs[0][3]))
print()
print(open(os.path.join(out, "crosscheck.md")).read() or open(os.path.join(out, "crosscheck.err")).read()[-1500:])
PY
