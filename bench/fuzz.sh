#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) and runs each
# for SECONDS, one after another, failing on any crash, hang, leak or memory
# blow-up. CI runs it briefly (.ci/sanitize); the reliability benchmark is the
# same script with a long duration (docs/reliability.md):
#   bash bench/fuzz.sh 20                      # every target, 20 s each
#   bash bench/fuzz.sh 3600 fuzz_expr          # one target for an hour
# Environment:
#   BUILD_DIR  the build dir (default build-fuzz; .ci/sanitize shares its own)
#   JOBS       build parallelism (default: all cores)
#   PARALLEL   targets run at once (default 1; each is one process)
#   NO_BUILD=1 use the binaries already in BUILD_DIR
# Prints one row per target: seconds, executions, executions per second,
# corpus size at the end and peak memory. New inputs are kept in
# BUILD_DIR/fuzz-work/<target>/corpus, never in the repository's seeds;
# a failing input is saved beside it (crash-*, timeout-*, leak-*, oom-*).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(fuzz_task_load fuzz_expr fuzz_tune_space fuzz_runner_request fuzz_session_file fuzz_answer fuzz_sse)
fi
build=${BUILD_DIR:-build-fuzz}
jobs=${JOBS:-$(nproc)}
parallel=${PARALLEL:-1}

if [ -z "${NO_BUILD:-}" ]; then
  if [ ! -f "$build/CMakeCache.txt" ]; then
    # -O1 and line tables: ASan's advice for speed with usable stack traces.
    CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFORGE_GUI=OFF -DKFORGE_FUZZ=ON \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" >/dev/null
  fi
  cmake --build "$build" -j "$jobs" --target "${targets[@]}"
fi

# A UBSan finding aborts (the build has -fno-sanitize-recover) with its stack;
# leaks are checked when each run ends and on every new input's first run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
  local t=$1
  local work="$build/fuzz-work/$t"
  mkdir -p "$work/corpus"
  local dict=()
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  # -timeout: one input running 10 s is a hang; -rss_limit_mb / -malloc_limit_mb:
  # a parser that grows past 2 GiB on a few kilobytes of input is a finding.
  # The writable corpus comes first, the repository's seeds second (read only).
  set +e
  "$build/bin/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 -detect_leaks=1 \
    -print_final_stats=1 -artifact_prefix="$work/" "${dict[@]}" "$work/corpus" "fuzz/corpus/$t" >"$work/log" 2>&1
  echo $? >"$work/rc"
  set -e
}

start=$(date +%s)
running=0
for t in "${targets[@]}"; do
  rm -f "$build/fuzz-work/$t"/{crash,timeout,leak,oom,slow-unit}-* "$build/fuzz-work/$t/rc"
  if ((parallel > 1)); then
    run_one "$t" &
    running=$((running + 1))
    if ((running >= parallel)); then
      wait -n || true
      running=$((running - 1))
    fi
  else
    run_one "$t"
  fi
done
wait

failed=0
printf '%-22s %8s %12s %10s %8s %8s  %s\n' target seconds executions exec/s corpus rss_mb result
for t in "${targets[@]}"; do
  work="$build/fuzz-work/$t"
  rc=$(cat "$work/rc" 2>/dev/null || echo 1)
  stat() { sed -n "s/^stat::$1: *//p" "$work/log" | tail -1; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  units=$(find "$work/corpus" -type f | wc -l)
  result=ok
  if [ "$rc" != 0 ]; then
    result="FAILED (exit $rc): $(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$work/log" || echo 'see log')"
    failed=1
  fi
  printf '%-22s %8s %12s %10s %8s %8s  %s\n' "$t" "$seconds" "${execs:-?}" "${rate:-?}" "$units" "${rss:-?}" "$result"
done
echo "fuzz: $(($(date +%s) - start)) s in all; logs and any failing input in $build/fuzz-work/<target>/"
if ((failed)); then
  for t in "${targets[@]}"; do
    if [ "$(cat "$build/fuzz-work/$t/rc" 2>/dev/null)" != 0 ]; then
      echo "---- $t (last 40 lines of $build/fuzz-work/$t/log)"
      tail -40 "$build/fuzz-work/$t/log"
    fi
  done
  exit 1
fi
