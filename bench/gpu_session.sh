#!/usr/bin/env bash
# One batch of GPU work for the lent device machine, run from the repository
# root: bash bench/gpu_session.sh PHASE...   (faults repeat verify pipeline baselines templates
# template-evals baseline-evals optimize profile-losers throughput profile tests torch redteam hardening shared export variant-tests sanitize
# timer-symmetry small-shapes)
# Make the carry first: bash bench/make_gpu_carry.sh build  (then BIN=build/carry).
# Expects build-gpu/ (configured with -DKFORGE_GUI=OFF) and .qtcarry/qtlibs.tar.xz
# (Qt Core + Qt Test and their ICU, for the Qt Test binaries) carried along.
set -u
ROOT=$PWD
OUT=${OUT:-/tmp/kforge-out}
mkdir -p "$OUT" /tmp/kforge-qt /tmp/kforge-logs
tar xJf .qtcarry/qtlibs.tar.xz -C /tmp/kforge-qt
export LD_LIBRARY_PATH=/tmp/kforge-qt:${LD_LIBRARY_PATH:-}
# The data rows of one CUDA test function (fault injection waits out hangs)
# together outlast Qt Test's 300 s watchdog on the hardened runner.
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-1200000}
# BIN: where the binaries are (stripped copies travel lighter than build-gpu/bin).
BIN=${BIN:-$ROOT/build-gpu/bin}; [ "${BIN:0:1}" = / ] || BIN=$ROOT/$BIN
export KFORGE_RESOURCES=$ROOT/resources KFORGE_RUNNER=$BIN/kforge-runner \
       KFORGE_TEST_DATA=$ROOT/tests KFORGE_CLI=$BIN/kforge KFORGE_CACHE_DIR=/tmp/kforge-cache
LOGS=/tmp/kforge-logs
summary=()

# task:variant for every CUDA template of every built-in task.
cuda_variants() {
  for d in resources/tasks/*/cuda; do
    for f in "$d"/*.cu; do
      n=$(basename "$f" .cu)
      case $n in reference | baseline) ;; *) echo "$(basename "$(dirname "$d")"):$n" ;; esac
    done
  done
}

nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.max.sm,clocks.mem,temperature.gpu --format=csv,noheader
$BIN/kforge devices | tee "$LOGS/devices.txt"

for phase in "$@"; do
  start=$(date +%s)
  case $phase in
    faults)
      $BIN/test_fault_injection cuda cudaOnly -maxwarnings 0 > "$LOGS/faults.log" 2>&1
      summary+=("faults: $(grep -E '^Totals' "$LOGS/faults.log")")
      grep -E "^(QINFO|FAIL|PASS)" "$LOGS/faults.log" | sed 's/TestFaultInjection:://' | cut -c1-180 ;;
    repeat)
      # One candidate, five separate processes: how far apart are the medians?
      for i in 1 2 3 4 5; do
        $BIN/kforge eval vector_add_fp32 baseline --backend cuda --json --budget-ms 500 > "$LOGS/repeat_$i.json" 2>>"$LOGS/repeat.err"
      done
      python3 - "$LOGS"/repeat_*.json > "$LOGS/repeat.md" <<'PY'
import json, sys, statistics
runs = [json.load(open(p)) for p in sys.argv[1:]]
print("| workload | medians of 5 processes (ms) | spread (max-min)/median |")
print("| --- | --- | ---: |")
for i, w in enumerate(runs[0]["workloads"]):
    m = [r["workloads"][i]["median_ms"] for r in runs]
    print(f"| {w['uuid']} | {', '.join(f'{x:.4f}' for x in m)} | {100 * (max(m) - min(m)) / statistics.median(m):.2f}% |")
PY
      cat "$LOGS/repeat.md"; summary+=("repeat: done") ;;
    verify)
      # The runner's output checks step by step on a 1 GiB float32 output.
      $BIN/kforge-bench-verify --backend cuda --mib 1024 --reps 5 | tee "$LOGS/verify.md"
      summary+=("verify: done") ;;
    pipeline)
      $BIN/kforge-bench-pipeline --backend cuda --variants 32 --evals 20 --json "$LOGS/pipeline.json" | tee "$LOGS/pipeline.txt"
      summary+=("pipeline: done") ;;
    baselines)
      for t in $($BIN/kforge tasks --json | python3 -c 'import json,sys; print(" ".join(t["name"] for t in json.load(sys.stdin)))'); do
        $BIN/kforge eval "$t" baseline --backend cuda --json > "$LOGS/eval_$t.json" 2> "$LOGS/eval_$t.err"
        echo "$t: $(python3 -c 'import json,sys; t=open(sys.argv[1]).read(); print(json.loads(t[t.index("{"):])["status"])' "$LOGS/eval_$t.json" 2>&1 | tail -1) $(tail -c 300 "$LOGS/eval_$t.err")"
      done
      python3 bench/summarize_evals.py "$LOGS"/eval_*.json > "$LOGS/baselines.md"
      summary+=("baselines: $(grep -c PASSED "$LOGS/baselines.md") PASSED rows") ;;
    templates)
      $BIN/test_builtin_tasks cuda -maxwarnings 0 > "$LOGS/templates.log" 2>&1
      summary+=("templates: $(grep -E '^Totals' "$LOGS/templates.log")")
      grep -E "^(QINFO|FAIL)" "$LOGS/templates.log" | cut -c1-200 ;;
    template-evals|baseline-evals)
      # One process per task, each result kept as it lands: kforge eval TASK template|baseline.
      which=${phase%-evals}
      for t in ${TASKS:-$($BIN/kforge tasks --json | python3 -c 'import json,sys; print(" ".join(t["name"] for t in json.load(sys.stdin)))')}; do
        $BIN/kforge eval "$t" "$which" --backend cuda --json > "$LOGS/${which}_$t.json" 2> "$LOGS/${which}_$t.err"
        echo "$which $t: $(python3 -c 'import json,sys; t=open(sys.argv[1]).read(); d=json.loads(t[t.index("{"):]); print(d["status"], d.get("speedup", ""), d["message"][:200])' "$LOGS/${which}_$t.json" 2>&1 | tail -1)"
        tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
      done
      summary+=("$phase: done") ;;
    optimize)
      # kforge optimize with the tuner alone, per task: at most 150 evaluations,
      # a plateau and a time guard so that a batch fits the device call.
      for t in ${TASKS:-$($BIN/kforge tasks --json | python3 -c 'import json,sys; print(" ".join(t["name"] for t in json.load(sys.stdin)))')}; do
        $BIN/kforge optimize "$t" --backend cuda --tuner bo --budget 150 --plateau ${PLATEAU:-40} --time ${TASK_TIME:-100s} \
          --budget-ms ${BUDGET_MS:-50} --warmup-ms 10 ${MAX_IN_FLIGHT:+--max-in-flight $MAX_IN_FLIGHT} --json --db "$LOGS/sessions.db" > "$LOGS/optimize_$t.json" 2> "$LOGS/optimize_$t.err"
        id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["session"])' "$LOGS/optimize_$t.json" 2>/dev/null)
        if [ -n "$id" ]; then
          $BIN/kforge show "$id" --json --db "$LOGS/sessions.db" > "$LOGS/session_$t.json"
          $BIN/kforge session-export "$id" --out "$LOGS/$t.kfsession" --db "$LOGS/sessions.db" 2>/dev/null
        fi
        echo "optimize $t: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["evaluations"], "evals", round(d["best_speedup"],3), "x", d["stop_reason"], round(d["active_seconds"]), "s")' "$LOGS/optimize_$t.json" 2>&1 | tail -1) $(tail -c 200 "$LOGS/optimize_$t.err")"
        tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
      done
      python3 bench/summarize_sessions.py "$LOGS"/session_*.json > "$LOGS/optimize.md"; cat "$LOGS/optimize.md"
      # Issue 14: the tuned candidates against PyTorch eager, torch.compile and the vendor op, per workload.
      python3 bench/summarize_vs_best.py "$LOGS"/session_*.json > "$LOGS/vs_best.md"; tail -14 "$LOGS/vs_best.md"
      summary+=("optimize: done") ;;
    profile-losers)
      # Nsight Compute on every per-shape winner that loses to torch.compile by
      # more than 5%, from the sessions the optimize phase left (TASKS as there).
      for t in ${TASKS:-}; do
        id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["session"])' "$LOGS/optimize_$t.json" 2>/dev/null) || continue
        python3 bench/losing_winners.py "$LOGS/session_$t.json" | while read -r node uuid ratio; do
          $BIN/kforge profile "$id" "$node" --workload "$uuid" --db "$LOGS/sessions.db" > "$LOGS/profile_${t}_$uuid.txt" 2>&1
          echo "profile-losers $t $uuid node $node (${ratio}x torch.compile): rc=$? $(grep -m1 -iE 'bound|limit' "$LOGS/profile_${t}_$uuid.txt" | cut -c1-120)"
        done
        tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
      done
      summary+=("profile-losers: done") ;;
    throughput)
      # Evaluations per minute for a small kernel, pipelined (the default) against
      # one candidate at a time (--max-in-flight 1), each from a cold compile cache.
      # TP_BINS="label:dir ..." runs several builds side by side (A/B), each with
      # its own kforge and kforge-runner; TP_MODES picks pipelined and/or serial.
      for entry in ${TP_BINS:-current:$BIN}; do
        label=${entry%%:*}; dir=${entry#*:}; [ "${dir:0:1}" = / ] || dir=$ROOT/$dir
        for mode in ${TP_MODES:-pipelined serial}; do
          flight=0; [ $mode = serial ] && flight=1
          name=${label}_$mode
          KFORGE_CACHE_DIR=/tmp/kforge-cache-$name KFORGE_RUNNER=$dir/kforge-runner $dir/kforge optimize vector_add_fp32 --backend cuda --tuner grid --budget ${TP_EVALS:-48} \
            --budget-ms 20 --warmup-ms 5 --max-in-flight $flight --json --db "$LOGS/throughput.db" > "$LOGS/throughput_$name.json" 2> "$LOGS/throughput_$name.err"
          python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["run"]; print(sys.argv[2], "evals", r["evaluations"], "wall", round(r["wall_seconds"],1), "s, evals/min", round(r["evaluations_per_minute"],1), ", device busy", round(100*r["device_busy_fraction"],1), "%, idle while pending", round(100*r["device_idle_while_pending_fraction"],1), "%")' "$LOGS/throughput_$name.json" "$name" 2>&1 | tee -a "$LOGS/throughput.txt" | tail -1
          tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
        done
      done
      summary+=("throughput: done") ;;
    profile)
      # Nsight Compute through KernelForge: the profile tests, the agent on CUDA
      # reading a profile, then each task's template measured once and profiled.
      $BIN/test_profile -maxwarnings 0 > "$LOGS/test_profile.log" 2>&1
      summary+=("test_profile: $(grep -E '^Totals' "$LOGS/test_profile.log")")
      $BIN/test_agent_session cudaAgentReadsTheProfile -maxwarnings 0 > "$LOGS/test_agent_cuda.log" 2>&1
      summary+=("test_agent_session cuda: $(grep -E '^Totals' "$LOGS/test_agent_cuda.log")")
      grep -E "^(FAIL|QWARN|QSKIP)|Loc:" "$LOGS/test_profile.log" "$LOGS/test_agent_cuda.log" | cut -c1-240
      for t in ${TASKS:-vector_add_fp32 softmax_fp32 transpose_fp32 depthwise_conv1d_fp32 gemm_bf16}; do
        $BIN/kforge optimize "$t" --backend cuda --budget 1 --json --db "$LOGS/profile.db" > "$LOGS/template_$t.json" 2> "$LOGS/template_$t.err"
        id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["session"])' "$LOGS/template_$t.json" 2>/dev/null)
        [ -n "$id" ] && $BIN/kforge profile "$id" 1 --db "$LOGS/profile.db" > "$LOGS/profile_$t.txt" 2>&1
        echo "profile $t: rc=$? $(head -2 "$LOGS/profile_$t.txt" | tail -1 | cut -c1-160)"
        tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
      done
      summary+=("profile: done") ;;
    tests)
      # The core test binaries on a machine with a GPU: CUDA cases run, nothing skips for want of a device.
      for t in ${TESTS:-test_model_codecs test_store_migration test_verify test_fault_injection test_torch test_profile}; do
        [ -x "$BIN/$t" ] || { summary+=("$t: not carried"); continue; }
        KFORGE_PYTHON=${KFORGE_PYTHON:-python3} $BIN/$t -maxwarnings 0 > "$LOGS/$t.log" 2>&1
        summary+=("$t: $(grep -E '^Totals' "$LOGS/$t.log")")
        grep -E "^(FAIL|QSKIP)|Loc:" "$LOGS/$t.log" | cut -c1-240 | head -20
        tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
      done ;;
    redteam)
      # Issue 15 on the GPU: the cheating kernels of tests/redteam/cuda, the
      # floor's own test, and the sandbox (bubblewrap; on Ubuntu 24.04 AppArmor may
      # refuse unprivileged user namespaces, which the sandbox must report, not hide).
      for t in "test_redteam cuda" "test_fault_injection cuda cudaOnly floorRejectsTheImpossible" "test_sandbox"; do
        set -- $t; name=$1; shift
        $BIN/$name "$@" -maxwarnings 0 -v2 > "$LOGS/redteam_$name.log" 2>&1
        summary+=("$t: $(grep -E '^Totals' "$LOGS/redteam_$name.log")")
        grep -E "^(PASS|FAIL|QSKIP|QWARN)|Loc:|QINFO.*(status|verdict|sandbox)" "$LOGS/redteam_$name.log" | cut -c1-240 | head -60
        tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
      done ;;
    hardening)
      # Issue 15: what the hardened timing costs, this build (BIN) against the one
      # before it (OLD_BIN), alternating, same tasks (the red-team suite is the redteam phase).
      OLD=${OLD_BIN:?OLD_BIN: the kforge before} NEW=$BIN BACKEND=cuda REPS=${REPS:-3} OUTDIR=$LOGS/hardening \
        TASKS=${TASKS:-"vector_add_fp32 row_sum_fp32 softmax_fp32 rmsnorm_bf16 layernorm_fp32 gemm_bf16"} \
        bash bench/hardening_cost.sh 2>&1 | tee "$LOGS/hardening.txt"
      summary+=("hardening: $(tail -1 "$LOGS/hardening.txt")") ;;
    shared)
      # Issue 19: one GPU, one runner against two runners (cuda:0 listed twice),
      # alternating, same task and search; the runners' own windows per request
      # must never overlap (run.devices in --json), and the best must agree.
      for t in ${TASKS:-rmsnorm_bf16 softmax_fp32}; do
        for runners in cuda:0 cuda:0,cuda:0 cuda:0 cuda:0,cuda:0; do
          tag=$(echo "$runners" | tr ':,' '_-')
          $BIN/kforge optimize "$t" --backend cuda --runners "$runners" --tuner grid --budget ${SHARED_EVALS:-30} \
            --budget-ms ${BUDGET_MS:-50} --warmup-ms 10 --torch-baselines none --speedup-against native --no-tuning-cache --json --db "$LOGS/shared.db" \
            > "$LOGS/shared_${t}_$tag.json" 2> "$LOGS/shared_${t}_$tag.err"
          python3 - "$LOGS/shared_${t}_$tag.json" "$t" "$runners" <<'PY' | tee -a "$LOGS/shared.txt"
import json, sys
t = open(sys.argv[1]).read()
try:
    d = json.loads(t[t.index("{"):])
except ValueError:
    print(sys.argv[2], sys.argv[3], "no result"); sys.exit()
r = d["run"]
for dev in r.get("devices", []):
    print("%-14s %-14s evals %3d  wall %6.1f s  evals/min %6.1f  busy %5.1f%%  idle %5.1f%%  runners %s  overlaps %d  best %.4fx node %s" % (
        sys.argv[2], sys.argv[3], r["evaluations"], r["wall_seconds"], r["evaluations_per_minute"],
        100 * dev["busy_seconds"] / r["wall_seconds"], 100 * dev["idle_fraction"], ",".join(map(str, dev["runners"])),
        dev["overlapping_requests"], d.get("best_speedup", 0), d.get("best_node")))
PY
          tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs
        done
      done
      summary+=("shared: $(grep -c 'overlaps 0' "$LOGS/shared.txt") runs without overlap, $(grep -vc 'overlaps 0' "$LOGS/shared.txt") with") ;;
    export)
      # Issue 16: session -> torch export -> pip install -> test + benchmark (EXPORT_TASKS).
      OUT=$LOGS bash bench/gpu_export.sh "$BIN" > "$LOGS/export.txt" 2>&1
      tail -30 "$LOGS/export.txt"
      summary+=("export: $(grep -c ' ok$' "$LOGS/export/run.log") ok, $(grep -c ' OFF$' "$LOGS/export/run.log") off") ;;
    torch)
      # Issue 14: every task and workload beside torch eager, torch.compile and the vendor op; do_bench cross-check.
      OUT=$LOGS bash bench/gpu_torch_baselines.sh "$BIN" > "$LOGS/torch.txt" 2>&1
      tail -60 "$LOGS/torch.txt"
      summary+=("torch: done") ;;
    variant-tests)
      # test_builtin_tasks' CUDA rows of each template VARIANT (task:template): the
      # default configuration against the reference at every workload, odd sizes included.
      for v in ${VARIANTS:-$(cuda_variants | grep -v ':template$')}; do
        t=${v%%:*}; name=${v#*:}
        $BIN/test_builtin_tasks "cuda:$t template:$name" -maxwarnings 0 > "$LOGS/variant_${t}_$name.log" 2>&1
        echo "variant-tests $t template:$name: $(grep -E '^Totals' "$LOGS/variant_${t}_$name.log") $(grep -E '^(FAIL|QSKIP)' "$LOGS/variant_${t}_$name.log" | cut -c1-200)" | tee -a "$LOGS/variant_tests.txt"
      done
      summary+=("variant-tests: $(grep -c ' 0 failed, 0 skipped' "$LOGS/variant_tests.txt") clean of $(wc -l < "$LOGS/variant_tests.txt")") ;;
    sanitize)
      # compute-sanitizer memcheck (and racecheck on variants that share memory
      # between threads) on each template VARIANT (task:template; default: every
      # CUDA variant of every built-in task) at its default configuration, on
      # the task's workloads of at most SANITIZE_MAX elements (a copy of the
      # task with only those): the tools slow kernels down 10-100x. The runner
      # recognises the tool (runner/instrumentation.h) and voids only its times.
      # What a process under the tool shows of it (runner/instrumentation.cpp looks for the same).
      compute-sanitizer --tool memcheck --target-processes all python3 -c "import os, torch; torch.zeros(1, device='cuda'); print('mapped:', sorted({l.split()[-1] for l in open('/proc/self/maps') if 'saniti' in l.lower() or 'inject' in l.lower()})); print('env:', {k: v for k, v in os.environ.items() if any(s in k for s in ('INJECT', 'SANIT', 'PRELOAD'))})" 2>&1 | grep -E '^(mapped|env):' | tee "$LOGS/sanitize_injection.txt"
      for v in ${VARIANTS:-$(cuda_variants)}; do
        t=${v%%:*}; name=${v#*:}; dir=/tmp/kforge-sanitize/$t
        rm -rf "$dir" && mkdir -p "$(dirname "$dir")"
        python3 bench/narrow_task.py "resources/tasks/$t" "$dir" --max-elements "${SANITIZE_MAX:-4000000}" > /dev/null
        tools=memcheck
        grep -q __shared__ "resources/tasks/$t/cuda/$name.cu" && tools="memcheck ${RACECHECK_TOOL:-racecheck}"
        for tool in $tools; do
          case " ${SANITIZE_TOOLS:-memcheck racecheck} " in *" $tool "*) ;; *) continue ;; esac
          timeout "${SANITIZE_TIMEOUT:-180}" compute-sanitizer --tool $tool --target-processes all --error-exitcode 99 \
            $BIN/kforge eval "$dir" "template:$name" --backend cuda --no-sandbox --torch-baselines none --seeds 3 \
            --warmup-ms 0 --budget-ms 1 --min-reps 1 --timeout 600 > "$LOGS/sanitize_${t}_${name}_$tool.log" 2>&1
          rc=$?
          echo "sanitize $tool $t template:$name: rc=$rc workloads=$(grep -c . "$dir/workloads.jsonl") $(grep -E 'ERROR SUMMARY|RACECHECK SUMMARY' "$LOGS/sanitize_${t}_${name}_$tool.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';') $(grep -oE 'PASSED|FAILED|[A-Z_]+_ERROR|WORK_AFTER_RETURN' "$LOGS/sanitize_${t}_${name}_$tool.log" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')" | tee -a "$LOGS/sanitize.txt"
        done
      done
      summary+=("sanitize: $(grep -c 'rc=0' "$LOGS/sanitize.txt") clean of $(wc -l < "$LOGS/sanitize.txt")") ;;
    timer-symmetry)
      # Does a spin between flush and start event change an op's time
      # (bench/spin_asymmetry.py), and what does the runner's spin after its
      # flush change for one candidate (NOSPIN_RUNNER: a runner built before it)?
      python3 bench/spin_asymmetry.py > "$LOGS/spin_asymmetry.md" 2> "$LOGS/spin_asymmetry.err"
      cat "$LOGS/spin_asymmetry.md"
      if [ -n "${NOSPIN_RUNNER:-}" ]; then
        OUT=$LOGS BIN=$BIN bash bench/runner_ab.sh "$NOSPIN_RUNNER" "$KFORGE_RUNNER" rmsnorm_bf16 template:registers 2 \
          -- -D TPR=256 -D ROWS=1 -D VEC=8 -D ITEMS=2 | tee "$LOGS/runner_ab.md"
      fi
      summary+=("timer-symmetry: $(grep -c '^| [a-z]' "$LOGS/spin_asymmetry.md") ops timed both ways") ;;
    small-shapes)
      # Sweeps and Nsight Compute pairs at the shapes we lose (STUDIES picks them).
      OUT=$LOGS BIN=$BIN bash bench/ncu_small_shapes.sh | tail -60
      summary+=("small-shapes: $(ls "$LOGS"/small/*_sweep.md 2>/dev/null | wc -l) sweeps") ;;
  esac
  summary+=("  ($phase took $(( $(date +%s) - start )) s)")
  tar czf "$OUT/logs.tar.gz" -C /tmp kforge-logs  # after every phase: a later one may hit the time limit
done

printf '%s\n' "${summary[@]}"
