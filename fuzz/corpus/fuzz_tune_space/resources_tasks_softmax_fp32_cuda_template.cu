// Tunable template. A row that fits in registers is read from memory once and
// written once: TPR threads share a row (TPR a power of two from 4 to 1024,
// the smallest with TPR * 4 * ITEMS >= N), each holding up to 4 * ITEMS of its
// values, loaded as VEC-wide vectors strided by TPR (every load coalesced) and
// all issued before the first use. The row's max and then its sum of
// exp(x - max) are reduced with warp shuffles and, past one warp, shared
// memory; the exponentials stay in registers for the write. A block holds
// max(BLOCK, TPR) threads, BLOCK / TPR rows when TPR < BLOCK; the constraint
// keeps 4 * ITEMS values within the registers a thread of such a block gets.
// Longer rows (N > 4096 * ITEMS, or N > 2048 * ITEMS past ITEMS = 8) take a two-pass kernel: an online (max, sum)
// reduction, then a second read (from L2 when it still holds the row) that
// writes the result. VEC-wide accesses when N % VEC == 0 and the pointers are
// aligned, scalar accesses otherwise.
// @tune ITEMS 4 8 16
// @tune BLOCK 512 128 256 1024
// @tune VEC 4 2 1
// @constraint BLOCK * ITEMS <= 8192
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

template <int V> __device__ __forceinline__ FVec<V> load_stream(const FVec<V>* p) {
    if constexpr (V == 4) {
        const float4 r = __ldcs(reinterpret_cast<const float4*>(p));
        return FVec<V>{{r.x, r.y, r.z, r.w}};
    } else {
        return *p;
    }
}

template <int V> __device__ __forceinline__ void store_stream(FVec<V>* p, const FVec<V>& v) {
    if constexpr (V == 4) {
        __stcs(reinterpret_cast<float4*>(p), make_float4(v.v[0], v.v[1], v.v[2], v.v[3]));
    } else {
        *p = v;
    }
}

// Every thread of a TPR-thread group ends with the group's max (MAX) or sum.
// `red` has one slot per warp of the block; TPR-thread groups are aligned.
template <int TPR, bool MAX> __device__ __forceinline__ float group_reduce(float v, float* red) {
    constexpr int kWidth = TPR < 32 ? TPR : 32;
#pragma unroll
    for (int o = kWidth / 2; o > 0; o /= 2) {
        const float u = __shfl_xor_sync(0xffffffffu, v, o);
        v = MAX ? fmaxf(v, u) : v + u;
    }
    if constexpr (TPR > 32) {
        constexpr int kWarps = TPR / 32;
        const int warp = static_cast<int>(threadIdx.x) / 32;
        if (threadIdx.x % 32 == 0) red[warp] = v;
        __syncthreads();
        const int first = warp / kWarps * kWarps;
        v = red[first];
#pragma unroll
        for (int w = 1; w < kWarps; ++w) v = MAX ? fmaxf(v, red[first + w]) : v + red[first + w];
        __syncthreads();  // red is reused by the next reduction
    }
    return v;
}

template <int TPR, int THREADS, int V>
__global__ void __launch_bounds__(THREADS) softmax_regs(const float* __restrict__ x, float* __restrict__ y, int64_t m,
                                                        int64_t n) {
    constexpr int kRows = THREADS / TPR;
    constexpr int kLoads = 4 * ITEMS / V;  // vectors per thread
    __shared__ float red[THREADS / 32 > 0 ? THREADS / 32 : 1];
    const int lane = static_cast<int>(threadIdx.x) % TPR;
    const int64_t r = static_cast<int64_t>(blockIdx.x) * kRows + static_cast<int>(threadIdx.x) / TPR;
    const bool active = r < m;  // inactive threads still join the block-wide barriers
    const int nv = static_cast<int>(n / V);
    const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + (active ? r : 0) * n);
    FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + (active ? r : 0) * n);

    FVec<V> a[kLoads];
#pragma unroll
    for (int k = 0; k < kLoads; ++k) {
        const int j = lane + k * TPR;
        if (active && j < nv) {
            a[k] = load_stream<V>(xr + j);
        } else {
#pragma unroll
            for (int e = 0; e < V; ++e) a[k].v[e] = -INFINITY;
        }
    }
    float mx = -INFINITY;
#pragma unroll
    for (int k = 0; k < kLoads; ++k)
#pragma unroll
        for (int e = 0; e < V; ++e) mx = fmaxf(mx, a[k].v[e]);
    mx = group_reduce<TPR, true>(mx, red);
    float sum = 0.0f;
#pragma unroll
    for (int k = 0; k < kLoads; ++k)
#pragma unroll
        for (int e = 0; e < V; ++e) {
            a[k].v[e] = __expf(a[k].v[e] - mx);  // padding: exp(-inf) = 0
            sum += a[k].v[e];
        }
    sum = group_reduce<TPR, false>(sum, red);
    const float inv = 1.0f / sum;
#pragma unroll
    for (int k = 0; k < kLoads; ++k) {
        const int j = lane + k * TPR;
        if (active && j < nv) {
#pragma unroll
            for (int e = 0; e < V; ++e) a[k].v[e] *= inv;
            store_stream<V>(yr + j, a[k]);
        }
    }
}

// Folds (m2, s2) into (m, s): s counts exp(. - m). Empty partials are (-inf, 0).
__device__ __forceinline__ void combine(float& m, float& s, float m2, float s2) {
    const float mn = fmaxf(m, m2);
    if (mn == -INFINITY) return;
    s = s * __expf(m - mn) + s2 * __expf(m2 - mn);
    m = mn;
}

// Rows too long for registers: one 1024-thread block a row, two passes.
template <int V>
__global__ void __launch_bounds__(1024) softmax_two_pass(const float* __restrict__ x, float* __restrict__ y, int64_t m,
                                                         int64_t n) {
    __shared__ float red_m[32], red_s[32];
    const int64_t nv = n / V;
    for (int64_t r = blockIdx.x; r < m; r += gridDim.x) {
        const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
        FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + r * n);
        float mx = -INFINITY, sum = 0.0f;
        for (int64_t j = threadIdx.x; j < nv; j += 1024) {
            const FVec<V> a = xr[j];
#pragma unroll
            for (int k = 0; k < V; ++k) {
                const float v = a.v[k];
                if (v > mx) {
                    sum = sum * __expf(mx - v) + 1.0f;
                    mx = v;
                } else {
                    sum += __expf(v - mx);
                }
            }
        }
#pragma unroll
        for (int o = 16; o > 0; o /= 2) {
            const float m2 = __shfl_xor_sync(0xffffffffu, mx, o);
            const float s2 = __shfl_xor_sync(0xffffffffu, sum, o);
            combine(mx, sum, m2, s2);
        }
        __syncthreads();  // earlier readers of red_* are done
        if (threadIdx.x % 32 == 0) {
            red_m[threadIdx.x / 32] = mx;
            red_s[threadIdx.x / 32] = sum;
        }
        __syncthreads();
        mx = -INFINITY;
        sum = 0.0f;
        for (int w = 0; w < 32; ++w) combine(mx, sum, red_m[w], red_s[w]);
        const float inv = 1.0f / sum;
        for (int64_t j = threadIdx.x; j < nv; j += 1024) {
            const FVec<V> a = xr[j];
            FVec<V> b;
#pragma unroll
            for (int k = 0; k < V; ++k) b.v[k] = __expf(a.v[k] - mx) * inv;
            store_stream<V>(yr + j, b);
        }
    }
}

template <int TPR, int V>
static int launch_regs(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    constexpr int kThreads = BLOCK > TPR ? BLOCK : TPR;
    constexpr int kRows = kThreads / TPR;
    const int64_t grid = (m + kRows - 1) / kRows;
    if (grid > 2147483647) return kf_fail(call, "softmax_fp32: M too large for the grid");
    softmax_regs<TPR, kThreads, V>
        <<<static_cast<unsigned>(grid), kThreads, 0, static_cast<cudaStream_t>(call->stream)>>>(x, y, m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}

template <int V>
static int launch(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    if (m < 1 || n < 1) return 0;
    const int64_t per_thread = 4 * ITEMS;  // values a thread holds
    if (n <= 4 * per_thread) return launch_regs<4, V>(call, x, y, m, n);
    if (n <= 8 * per_thread) return launch_regs<8, V>(call, x, y, m, n);
    if (n <= 16 * per_thread) return launch_regs<16, V>(call, x, y, m, n);
    if (n <= 32 * per_thread) return launch_regs<32, V>(call, x, y, m, n);
    if (n <= 64 * per_thread) return launch_regs<64, V>(call, x, y, m, n);
    if (n <= 128 * per_thread) return launch_regs<128, V>(call, x, y, m, n);
    if (n <= 256 * per_thread) return launch_regs<256, V>(call, x, y, m, n);
    if (n <= 512 * per_thread) return launch_regs<512, V>(call, x, y, m, n);
    if constexpr (ITEMS <= 8) {  // 1024 threads get 64 registers each: room for 32 values, no more
        if (n <= 1024 * per_thread) return launch_regs<1024, V>(call, x, y, m, n);
    }
    const int64_t grid = m < 2147483647 ? m : 2147483647;
    softmax_two_pass<V><<<static_cast<unsigned>(grid), 1024, 0, static_cast<cudaStream_t>(call->stream)>>>(x, y, m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(y);
    if (n % VEC != 0 || addr % (4 * VEC) != 0) return launch<1>(call, x, y, m, n);
    return launch<VEC>(call, x, y, m, n);
}
