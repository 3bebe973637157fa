// Tunable template (variant "registers"): ITEMS vector loads in flight per
// thread, for rows of a few hundred to a few thousand values.
//
// The template sums a row in a loop that issues one VEC-wide load, adds it
// and only then issues the next, unless the compiler unrolls it: a thread
// has one load in flight, and a medium row (4096 floats over 128 threads is
// eight loads each) spends its time waiting on DRAM latency rather than
// bandwidth. Here a thread issues ITEMS loads at once, into registers, then
// adds them (ITEMS independent partial sums), and repeats over the row in
// steps of TPR * ITEMS vectors. ROWS rows a block (TPR threads each, a
// sub-warp to a block), grid-stride over row groups; a row's sum is reduced
// with warp shuffles and, past one warp, shared memory.
// VEC-wide loads when N % VEC == 0 and x is aligned, scalar loads otherwise;
// any M and N.
// @tune TPR 128 8 16 32 64 256 512 1024
// @tune ROWS 2 1 4 8 16
// @tune VEC 4 2 1
// @tune ITEMS 4 2 8
// @constraint TPR * ROWS <= 1024
// @constraint TPR * ROWS >= 32
// Seeds, one per row-length regime (a step covers TPR * ITEMS * VEC values):
// 8 threads a row, 16 rows a block, for rows of tens of values; a warp a row
// for hundreds; 64 and 128 threads a row around a thousand to a few
// thousand; a block a row for long rows.
// @seed TPR=8 ROWS=16 VEC=4 ITEMS=2
// @seed TPR=32 ROWS=8 VEC=4 ITEMS=2
// @seed TPR=64 ROWS=4 VEC=4 ITEMS=4
// @seed TPR=128 ROWS=2 VEC=4 ITEMS=8
// @seed TPR=256 ROWS=1 VEC=4 ITEMS=4
// @seed TPR=1024 ROWS=1 VEC=4 ITEMS=8
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

constexpr int kBlock = TPR * ROWS;

// Every thread of a TPR-thread group ends with the group's sum.
__device__ __forceinline__ float group_sum(float v, float* red) {
    constexpr int kWidth = TPR < 32 ? TPR : 32;
#pragma unroll
    for (int o = kWidth / 2; o > 0; o /= 2) v += __shfl_xor_sync(0xffffffffu, v, o);
    if constexpr (TPR > 32) {
        constexpr int kWarps = TPR > 32 ? TPR / 32 : 1;
        const int warp = threadIdx.x / 32;
        __syncthreads();  // earlier readers of red are done
        if (threadIdx.x % 32 == 0) red[warp] = v;
        __syncthreads();
        const int first = warp / kWarps * kWarps;
        v = 0.0f;
        for (int w = 0; w < kWarps; ++w) v += red[first + w];
    }
    return v;
}

template <int V>
__global__ void __launch_bounds__(kBlock) row_sum_registers(const float* __restrict__ x, float* __restrict__ y, int64_t m,
                                                            int64_t n) {
    __shared__ float red[kBlock / 32 > 0 ? kBlock / 32 : 1];
    const int lane = threadIdx.x % TPR;
    const int64_t nv = n / V;
    constexpr int64_t kStep = static_cast<int64_t>(TPR) * ITEMS;
    for (int64_t g = blockIdx.x; g * ROWS < m; g += gridDim.x) {
        const int64_t r = g * ROWS + threadIdx.x / TPR;
        const bool active = r < m;  // inactive threads still join the block-wide barriers
        float part[ITEMS];
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) part[i] = 0.0f;
        if (active) {
            const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
            for (int64_t base = lane; base < nv; base += kStep) {
                FVec<V> a[ITEMS];
#pragma unroll
                for (int i = 0; i < ITEMS; ++i) {
                    const int64_t j = base + static_cast<int64_t>(i) * TPR;
                    if (j < nv) a[i] = xr[j];
                }
#pragma unroll
                for (int i = 0; i < ITEMS; ++i) {
                    const int64_t j = base + static_cast<int64_t>(i) * TPR;
                    if (j < nv) {
#pragma unroll
                        for (int k = 0; k < V; ++k) part[i] += a[i].v[k];
                    }
                }
            }
        }
        float s = 0.0f;
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) s += part[i];
        s = group_sum(s, red);
        if (active && lane == 0) y[r] = s;
    }
}

template <int V>
static int launch(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    int64_t grid = (m + ROWS - 1) / ROWS;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    row_sum_registers<V><<<static_cast<unsigned>(grid), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(x, y, m, n);
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
