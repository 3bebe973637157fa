#!/usr/bin/env bash
# The few-row norms against torch.compile (issue 17), on the lent GPU, from the
# repository root:
#   1. a sweep of hand-picked "registers" configurations at the losing shapes,
#      beside torch.compile timed in the same run (bench/sweep_configs.py);
#   2. Nsight Compute, with the options and metrics `kforge profile` uses, on
#      torch.compile's kernels and on the sweep's best configuration at each
#      of those shapes: the loser and the winner side by side;
#   3. inductor's generated kernels (their launch configurations) kept.
# Env: BIN (the carried binaries), OUT. Prints a short table last.
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

RMS_W=rmsnorm_bf16-m7-h520,rmsnorm_bf16-m128-h4096,rmsnorm_bf16-m256-h8192
LN_W=layernorm_fp32-m33-n1000,layernorm_fp32-m512-n768,layernorm_fp32-m256-n4096

$PY bench/sweep_configs.py --kforge "$BIN/kforge" --task rmsnorm_bf16 --variant registers --workloads $RMS_W \
  --out "$OUT/rmsnorm" \
  --config "TPR=256 ROWS=1 VEC=8 ITEMS=2" --config "TPR=32 ROWS=1 VEC=8 ITEMS=16" --config "TPR=32 ROWS=2 VEC=8 ITEMS=16" \
  --config "TPR=64 ROWS=1 VEC=8 ITEMS=8" --config "TPR=64 ROWS=1 VEC=8 ITEMS=16" --config "TPR=128 ROWS=1 VEC=8 ITEMS=4" \
  --config "TPR=128 ROWS=1 VEC=8 ITEMS=8" --config "TPR=256 ROWS=1 VEC=8 ITEMS=4" --config "TPR=512 ROWS=1 VEC=8 ITEMS=1" \
  --config "TPR=512 ROWS=1 VEC=8 ITEMS=2" --config "TPR=1024 ROWS=1 VEC=8 ITEMS=1" --config "TPR=32 ROWS=1 VEC=8 ITEMS=4" \
  > "$OUT/rmsnorm_sweep.md" 2> "$OUT/rmsnorm_sweep.err"
$PY bench/sweep_configs.py --kforge "$BIN/kforge" --task layernorm_fp32 --variant registers --workloads $LN_W \
  --out "$OUT/layernorm" \
  --config "TPR=256 ROWS=1 VEC=4 ITEMS=4" --config "TPR=32 ROWS=1 VEC=4 ITEMS=8" --config "TPR=32 ROWS=4 VEC=4 ITEMS=8" \
  --config "TPR=64 ROWS=1 VEC=4 ITEMS=16" --config "TPR=64 ROWS=2 VEC=4 ITEMS=4" --config "TPR=128 ROWS=1 VEC=4 ITEMS=8" \
  --config "TPR=128 ROWS=2 VEC=4 ITEMS=2" --config "TPR=512 ROWS=1 VEC=4 ITEMS=2" --config "TPR=1024 ROWS=1 VEC=4 ITEMS=1" \
  --config "TPR=256 ROWS=1 VEC=4 ITEMS=1" \
  > "$OUT/layernorm_sweep.md" 2> "$OUT/layernorm_sweep.err"

# Nsight Compute on both sides of each losing shape.
profile_pair() {  # TASK KERNEL_REGEX UUID BEST_JSON
  local task=$1 kernel=$2 uuid=$3 best=$4 dir
  dir=$(mktemp -d)
  cp -r "resources/tasks/$task/." "$dir/"
  grep "\"$uuid\"" "resources/tasks/$task/workloads.jsonl" > "$dir/workloads.jsonl"
  "$NCU" --clock-control none --profile-from-start off --csv --page raw --metrics "$METRICS" \
    --log-file "$OUT/ncu_compile_$uuid.csv" "$PY" bench/profile_torch_compile.py "$dir" "$uuid" \
    > "$OUT/ncu_compile_$uuid.out" 2>&1
  local config
  config=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["config"])' "$best" "$uuid" 2>/dev/null) || return
  local defines=()
  for d in $config; do defines+=(-D "$d"); done
  # A timed launch (past the verification calls), of the candidate only.
  "$NCU" --clock-control none --target-processes all --kernel-name "regex:$kernel" --launch-skip 12 --launch-count 1 \
    --csv --page raw --metrics "$METRICS" --log-file "$OUT/ncu_kforge_$uuid.csv" \
    "$BIN/kforge" eval "$dir" "template:registers" --backend cuda --no-sandbox --torch-baselines none "${defines[@]}" \
    > "$OUT/ncu_kforge_$uuid.out" 2>&1
  rm -rf "$dir"
}
for u in ${RMS_W//,/ }; do profile_pair rmsnorm_bf16 rmsnorm_registers "$u" "$OUT/rmsnorm/best.json"; done
for u in ${LN_W//,/ }; do profile_pair layernorm_fp32 layernorm_registers "$u" "$OUT/layernorm/best.json"; done
mkdir -p "$OUT/inductor"
grep -rl --include='*.py' '@triton.jit' "$TORCHINDUCTOR_CACHE_DIR" 2>/dev/null | head -40 | while read -r f; do cp "$f" "$OUT/inductor/"; done
$PY bench/ncu_pairs.py "$OUT" > "$OUT/ncu_pairs.md" 2>&1

echo "== sweeps (median ms, kforge eval; torch.compile timed in the first row's run)"
cat "$OUT/rmsnorm_sweep.md" "$OUT/layernorm_sweep.md"
echo "== Nsight Compute, torch.compile vs the sweep's best"
cat "$OUT/ncu_pairs.md"
