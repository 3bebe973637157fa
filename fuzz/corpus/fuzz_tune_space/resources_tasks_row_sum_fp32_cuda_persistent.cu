// Tunable template (variant "persistent"): a grid sized to the GPU, each
// group of TPR lanes walking many rows with the next chunk's loads always in
// flight.
//
// The "registers" variant gives each row group its own block: a block loads
// its rows, reduces, stores and exits, and the SM's next block starts from an
// empty pipeline. At 4096 x 4096 (two rows a block, about two waves) it reaches
// a sixth less bandwidth than torch.compile (32.6 against 27.5 us on an H100,
// docs/benchmarks/2026-12-07-h100-seed-round). The guess this variant tests:
// between one row's last load and the next row's first, the memory system
// idles for a reduction and a block start. Here WAVES blocks per SM stay resident; a group of
// TPR lanes (a warp or part of one: the reductions are shuffles, no block
// barrier) takes rows q, q + G, q + 2G, ... (G groups in the grid) and treats
// its work as one stream of chunks of TPR * ITEMS vectors: while it adds one
// chunk, the loads of the next, of this row or of its next row, are already
// issued. A row's sum is stored when its last chunk is added.
//
// VEC-wide loads when N % VEC == 0 and x is aligned, scalar loads otherwise;
// any M and N (an empty row sums to 0).
// @tune TPR 32 8 16
// @tune BLOCK 256 128 512
// @tune VEC 4 2 1
// @tune ITEMS 4 2 8
// @tune WAVES 4 2 8
// Seeds: a warp a row for rows of thousands, 16 and 8 lanes for hundreds.
// @seed TPR=32 BLOCK=256 VEC=4 ITEMS=8 WAVES=4
// @seed TPR=16 BLOCK=256 VEC=4 ITEMS=4 WAVES=4
// @seed TPR=8 BLOCK=256 VEC=4 ITEMS=2 WAVES=8
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

constexpr int kGroups = BLOCK / TPR;  // row groups a block

// Issues the loads of one chunk: row r (r >= m: none), vectors from `first`.
template <int V>
__device__ __forceinline__ void load_chunk(FVec<V> (&buf)[ITEMS], const float* __restrict__ x, int64_t r, int64_t m,
                                           int64_t n, int64_t first, int lane) {
    if (r >= m) return;
    const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
    const int64_t nv = n / V;
#pragma unroll
    for (int i = 0; i < ITEMS; ++i) {
        const int64_t j = first + lane + static_cast<int64_t>(i) * TPR;
        if (j < nv) buf[i] = xr[j];
    }
}

template <int V>
__global__ void __launch_bounds__(BLOCK) row_sum_persistent(const float* __restrict__ x, float* __restrict__ y, int64_t m,
                                                            int64_t n) {
    constexpr int64_t kChunk = static_cast<int64_t>(TPR) * ITEMS;  // vectors a chunk
    const int lane = threadIdx.x % TPR;
    const int64_t nv = n / V;
    const int64_t steps = nv > 0 ? (nv + kChunk - 1) / kChunk : 1;  // chunks a row
    const int64_t groups = static_cast<int64_t>(gridDim.x) * kGroups;
    const int64_t q = static_cast<int64_t>(blockIdx.x) * kGroups + threadIdx.x / TPR;
    // Every lane of a warp runs the same number of chunks (the shuffles need the
    // whole warp): as many as the warp's first group has; a later group of the
    // warp that has run out of rows meanwhile adds nothing and stores nothing.
    const int64_t warp_first = q - (threadIdx.x % 32) / TPR;
    const int64_t rounds = warp_first < m ? (m - 1 - warp_first) / groups + 1 : 0;
    const int64_t total = rounds * steps;

    FVec<V> cur[ITEMS], nxt[ITEMS];
    int64_t row = q, step = 0;            // the chunk being added
    int64_t next_row = q, next_step = 1;  // the chunk being loaded
    if (next_step == steps) next_step = 0, next_row += groups;
    if (total > 0) load_chunk<V>(cur, x, row, m, n, 0, lane);
    float part[ITEMS];
#pragma unroll
    for (int i = 0; i < ITEMS; ++i) part[i] = 0.0f;
    for (int64_t t = 0; t < total; ++t) {
        if (t + 1 < total) load_chunk<V>(nxt, x, next_row, m, n, next_step * kChunk, lane);
        if (row < m) {
#pragma unroll
            for (int i = 0; i < ITEMS; ++i) {
                const int64_t j = step * kChunk + lane + static_cast<int64_t>(i) * TPR;
                if (j < nv) {
#pragma unroll
                    for (int k = 0; k < V; ++k) part[i] += cur[i].v[k];
                }
            }
        }
        if (step + 1 == steps) {  // the row's last chunk: reduce within the group and store
            float s = 0.0f;
#pragma unroll
            for (int i = 0; i < ITEMS; ++i) s += part[i], part[i] = 0.0f;
#pragma unroll
            for (int o = TPR / 2; o > 0; o /= 2) s += __shfl_xor_sync(0xffffffffu, s, o);
            if (row < m && lane == 0) y[row] = s;
            step = 0;
            row += groups;
        } else {
            ++step;
        }
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) cur[i] = nxt[i];
        if (++next_step == steps) next_step = 0, next_row += groups;
    }
}

static int sm_count() {
    static const int count = [] {
        int device = 0, sms = 0;
        if (cudaGetDevice(&device) != cudaSuccess ||
            cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device) != cudaSuccess)
            return 132;  // an H100/H200's count: only the grid's size depends on it
        return sms;
    }();
    return count;
}

template <int V>
static int launch(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    const int64_t needed = (m + kGroups - 1) / kGroups;
    const int64_t resident = static_cast<int64_t>(sm_count()) * WAVES;
    const int64_t grid = needed < 1 ? 1 : (needed < resident ? needed : resident);
    row_sum_persistent<V><<<static_cast<unsigned>(grid), BLOCK, 0, static_cast<cudaStream_t>(call->stream)>>>(x, y, m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    if (n % VEC != 0 || reinterpret_cast<uintptr_t>(x) % (4 * VEC) != 0) return launch<1>(call, x, y, m, n);
    return launch<VEC>(call, x, y, m, n);
}
