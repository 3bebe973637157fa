#!/usr/bin/env bash
# The small and few-row shapes we lose against torch.compile (issue 17), on the lent GPU, from the
# repository root:
#   1. a sweep of hand-picked "registers" configurations at the losing shapes,
#      beside torch.compile timed in the same run (bench/sweep_configs.py);
#   2. Nsight Compute, with the options and metrics `kforge profile` uses, on
#      torch.compile's kernels and on the sweep's best configuration at each
#      of those shapes: the loser and the winner side by side;
#   3. inductor's generated kernels (their launch configurations) kept.
# Env: BIN (the carried binaries), OUT, STUDIES (any of rmsnorm layernorm
# row_sum row_sum_persistent transpose panel; default "rmsnorm layernorm").
# Prints a short table last.
set -u
ROOT=$PWD
OUT=${OUT:-/tmp/kforge-out}/small
BIN=${BIN:-$ROOT/build-gpu/bin}; [ "${BIN:0:1}" = / ] || BIN=$ROOT/$BIN
mkdir -p "$OUT"
export KFORGE_RESOURCES=$ROOT/resources KFORGE_RUNNER=$BIN/kforge-runner KFORGE_CACHE_DIR=/tmp/kforge-cache
export TORCHINDUCTOR_CACHE_DIR=/tmp/kforge-inductor
PY=${KFORGE_PYTHON:-python3}
NCU=${KFORGE_NCU:-$(command -v ncu || echo /usr/local/cuda/bin/ncu)}
METRICS=$(grep -o '"[a-z0-9_]*__[a-zA-Z0-9_.]*"' core/profile/profile.cpp | tr -d '"' | paste -sd,)

# One study: sweep configurations of a variant at the losing workloads, then
# profile torch.compile and the sweep's best at each of them.
#   study NAME TASK VARIANT KERNEL_REGEX UUID,UUID CONFIG...
study() {
  local name=$1 task=$2 variant=$3 kernel=$4 workloads=$5; shift 5
  [[ " ${STUDIES:-rmsnorm layernorm} " == *" $name "* ]] || return 0
  local configs=()
  for c in "$@"; do configs+=(--config "$c"); done
  $PY bench/sweep_configs.py --kforge "$BIN/kforge" --task "$task" --variant "$variant" --workloads "$workloads" \
    --out "$OUT/$name" "${configs[@]}" > "$OUT/${name}_sweep.md" 2> "$OUT/${name}_sweep.err"
  for u in ${workloads//,/ }; do profile_pair "$name" "$task" "$variant" "$kernel" "$u"; done
}

# Nsight Compute on both sides of one losing shape.
profile_pair() {  # STUDY TASK VARIANT KERNEL_REGEX UUID
  local name=$1 task=$2 variant=$3 kernel=$4 uuid=$5 dir config
  local best=$OUT/$name/best.json tag=${name}_$5
  dir=$(mktemp -d)/task
  $PY bench/narrow_task.py "resources/tasks/$task" "$dir" --uuids "$uuid" > /dev/null
  "$NCU" --clock-control none --profile-from-start off --csv --page raw --metrics "$METRICS" \
    --log-file "$OUT/ncu_compile_$tag.csv" "$PY" bench/profile_torch_compile.py "$dir" "$uuid" \
    > "$OUT/ncu_compile_$tag.out" 2>&1
  config=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["config"])' "$best" "$uuid" 2>/dev/null) || return
  local defines=()
  for d in $config; do defines+=(-D "$d"); done
  # A timed launch (past the verification calls), of the candidate only.
  "$NCU" --clock-control none --target-processes all --kernel-name "regex:$kernel" --launch-skip 12 --launch-count 1 \
    --csv --page raw --metrics "$METRICS" --log-file "$OUT/ncu_kforge_$tag.csv" \
    "$BIN/kforge" eval "$dir" "template:$variant" --backend cuda --no-sandbox --torch-baselines none "${defines[@]}" \
    > "$OUT/ncu_kforge_$tag.out" 2>&1
  rm -rf "$(dirname "$dir")"
}

study rmsnorm rmsnorm_bf16 registers rmsnorm_registers \
  rmsnorm_bf16-m7-h520,rmsnorm_bf16-m128-h4096,rmsnorm_bf16-m256-h8192 \
  "TPR=256 ROWS=1 VEC=8 ITEMS=2" "TPR=32 ROWS=1 VEC=8 ITEMS=16" "TPR=32 ROWS=2 VEC=8 ITEMS=16" \
  "TPR=64 ROWS=1 VEC=8 ITEMS=8" "TPR=64 ROWS=1 VEC=8 ITEMS=16" "TPR=128 ROWS=1 VEC=8 ITEMS=4" \
  "TPR=128 ROWS=1 VEC=8 ITEMS=8" "TPR=256 ROWS=1 VEC=8 ITEMS=4" "TPR=512 ROWS=1 VEC=8 ITEMS=1" \
  "TPR=512 ROWS=1 VEC=8 ITEMS=2" "TPR=1024 ROWS=1 VEC=8 ITEMS=1" "TPR=32 ROWS=1 VEC=8 ITEMS=4"
study layernorm layernorm_fp32 registers layernorm_registers \
  layernorm_fp32-m33-n1000,layernorm_fp32-m512-n768,layernorm_fp32-m256-n4096 \
  "TPR=256 ROWS=1 VEC=4 ITEMS=4" "TPR=32 ROWS=1 VEC=4 ITEMS=8" "TPR=32 ROWS=4 VEC=4 ITEMS=8" \
  "TPR=64 ROWS=1 VEC=4 ITEMS=16" "TPR=64 ROWS=2 VEC=4 ITEMS=4" "TPR=128 ROWS=1 VEC=4 ITEMS=8" \
  "TPR=128 ROWS=2 VEC=4 ITEMS=2" "TPR=512 ROWS=1 VEC=4 ITEMS=2" "TPR=1024 ROWS=1 VEC=4 ITEMS=1" \
  "TPR=256 ROWS=1 VEC=4 ITEMS=1"
study row_sum row_sum_fp32 registers row_sum_registers \
  row_sum_fp32-m1024-n4096,row_sum_fp32-m4096-n4096 \
  "TPR=128 ROWS=2 VEC=4 ITEMS=8" "TPR=256 ROWS=1 VEC=4 ITEMS=4" "TPR=64 ROWS=4 VEC=4 ITEMS=8" \
  "TPR=32 ROWS=8 VEC=4 ITEMS=8" "TPR=512 ROWS=1 VEC=4 ITEMS=2" "TPR=1024 ROWS=1 VEC=4 ITEMS=1" \
  "TPR=128 ROWS=4 VEC=4 ITEMS=8" "TPR=128 ROWS=8 VEC=4 ITEMS=4" "TPR=256 ROWS=4 VEC=4 ITEMS=4" \
  "TPR=64 ROWS=16 VEC=4 ITEMS=4"
study row_sum_persistent row_sum_fp32 persistent row_sum_persistent \
  row_sum_fp32-m1024-n4096,row_sum_fp32-m4096-n4096,row_sum_fp32-m100-n1001,row_sum_fp32-m4096-n256 \
  "TPR=32 BLOCK=256 VEC=4 ITEMS=8 WAVES=4" "TPR=32 BLOCK=256 VEC=4 ITEMS=4 WAVES=4" "TPR=32 BLOCK=512 VEC=4 ITEMS=4 WAVES=2" \
  "TPR=32 BLOCK=128 VEC=4 ITEMS=8 WAVES=8" "TPR=32 BLOCK=256 VEC=4 ITEMS=2 WAVES=8" "TPR=16 BLOCK=256 VEC=4 ITEMS=4 WAVES=4" \
  "TPR=8 BLOCK=256 VEC=4 ITEMS=2 WAVES=8" "TPR=32 BLOCK=256 VEC=4 ITEMS=8 WAVES=2"
study transpose transpose_fp32 template "transpose_(vec4|scalar)" \
  transpose_fp32-m1000-n1500,transpose_fp32-m33-n100,transpose_fp32-m32-n1048576 \
  "TILE=64 THREADS=256" "TILE=64 THREADS=512" "TILE=64 THREADS=1024" "TILE=32 THREADS=128" "TILE=32 THREADS=256"
study panel transpose_fp32 panel transpose_panel \
  transpose_fp32-m3-n100000,transpose_fp32-m33-n100,transpose_fp32-m1000-n1500 \
  "TM=4 TN=256 THREADS=256" "TM=4 TN=512 THREADS=256" "TM=4 TN=1024 THREADS=512" "TM=8 TN=128 THREADS=256" \
  "TM=32 TN=32 THREADS=256" "TM=32 TN=64 THREADS=256" "TM=64 TN=32 THREADS=256" "TM=16 TN=64 THREADS=128" \
  "TM=32 TN=128 THREADS=512" "TM=128 TN=32 THREADS=512"
mkdir -p "$OUT/inductor"
grep -rl --include='*.py' '@triton.jit' "$TORCHINDUCTOR_CACHE_DIR" 2>/dev/null | head -40 | while read -r f; do cp "$f" "$OUT/inductor/"; done
$PY bench/ncu_pairs.py "$OUT" > "$OUT/ncu_pairs.md" 2>&1

echo "== sweeps (median ms, kforge eval; torch.compile timed in the first row's run)"
cat "$OUT"/*_sweep.md
echo "== Nsight Compute, torch.compile vs the sweep's best"
cat "$OUT/ncu_pairs.md"
