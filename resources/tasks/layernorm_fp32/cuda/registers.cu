// Tunable template (variant "registers"): the row stays in registers, for
// short and medium rows (up to TPR * ITEMS * VEC values a row).
//
// The template reads the row for its statistics and again, with gamma and
// beta, after the row's reduction: two dependent memory round trips, which
// set the time of a small problem (256 x 4096, 33 x 1000), where latency and
// not bandwidth rules. Here, when the row fits, each thread issues all of its
// loads at once (ITEMS vectors of x, gamma and beta), the mean and then the
// variance are reduced from registers (the exact two-pass formula, at no
// memory cost) and y is written from them: one round trip. A longer row takes
// the template's path: the shifted one-pass sums, then a second read.
//
// ROWS rows a block (TPR * ROWS threads), grid-stride over row groups.
// VEC-wide float accesses when N % VEC == 0 and the pointers are aligned,
// scalar otherwise. Any M and N.
// @tune TPR 128 32 64 256 512 1024
// @tune ROWS 2 1 4 8
// @tune VEC 4 2 1
// @tune ITEMS 2 1 4 8 16
// @constraint TPR * ROWS <= 1024
// 16 vectors a thread only for a warp or two a row: a 2048-wide row (4096 with
// two warps) held by one warp reduces with shuffles alone, no barrier.
// @constraint ITEMS <= 8 || TPR <= 64
// Seeds, one per row-length regime (a row holds TPR * ITEMS * VEC values in
// registers): a warp a row up to 1024; two rows a block at 1024; a block a
// row at 4096 (4 or 2 packs a thread); up to 8192 (4 or 2 packs).
// @seed TPR=32 ROWS=4 VEC=4 ITEMS=8
// @seed TPR=128 ROWS=2 VEC=4 ITEMS=2
// @seed TPR=256 ROWS=1 VEC=4 ITEMS=4
// @seed TPR=512 ROWS=1 VEC=4 ITEMS=2
// @seed TPR=512 ROWS=1 VEC=4 ITEMS=4
// @seed TPR=1024 ROWS=1 VEC=4 ITEMS=2
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

constexpr int kBlock = TPR * ROWS;

// Every thread of a TPR-thread group ends with the group's sums.
__device__ __forceinline__ void group_sum2(float& a, float& b, float* red_a, float* red_b) {
    constexpr int kWidth = TPR < 32 ? TPR : 32;
#pragma unroll
    for (int o = kWidth / 2; o > 0; o /= 2) {
        a += __shfl_xor_sync(0xffffffffu, a, o);
        b += __shfl_xor_sync(0xffffffffu, b, o);
    }
    if constexpr (TPR > 32) {
        constexpr int kWarps = TPR > 32 ? TPR / 32 : 1;
        const int warp = threadIdx.x / 32;
        __syncthreads();  // earlier readers of red_* are done
        if (threadIdx.x % 32 == 0) {
            red_a[warp] = a;
            red_b[warp] = b;
        }
        __syncthreads();
        const int first = warp / kWarps * kWarps;
        a = 0.0f;
        b = 0.0f;
        for (int w = 0; w < kWarps; ++w) {
            a += red_a[first + w];
            b += red_b[first + w];
        }
    }
}

template <int V>
__global__ void __launch_bounds__(kBlock) layernorm_registers(const float* __restrict__ x, const float* __restrict__ gamma,
                                                              const float* __restrict__ beta, float* __restrict__ y,
                                                              int64_t m, int64_t n) {
    __shared__ float red_a[kBlock / 32 > 0 ? kBlock / 32 : 1];
    __shared__ float red_b[kBlock / 32 > 0 ? kBlock / 32 : 1];
    const int lane = threadIdx.x % TPR;
    const int64_t nv = n / V;
    const bool held = nv <= static_cast<int64_t>(TPR) * ITEMS;  // the whole row fits in the group's registers
    const FVec<V>* gv = reinterpret_cast<const FVec<V>*>(gamma);
    const FVec<V>* bv = reinterpret_cast<const FVec<V>*>(beta);
    const float inv_n = 1.0f / static_cast<float>(n);
    for (int64_t g = blockIdx.x; g * ROWS < m; g += gridDim.x) {
        const int64_t r = g * ROWS + threadIdx.x / TPR;
        const bool active = r < m;  // inactive threads still join the block-wide barriers
        const float* xrow = x + (active ? r : 0) * n;
        const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(xrow);
        FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + (active ? r : 0) * n);
        if (held) {
            FVec<V> a[ITEMS], ga[ITEMS], be[ITEMS];
            float s = 0.0f, unused = 0.0f;
            if (active) {
#pragma unroll
                for (int i = 0; i < ITEMS; ++i) {
                    const int64_t j = lane + static_cast<int64_t>(i) * TPR;
                    if (j < nv) {
                        a[i] = xr[j];
                        ga[i] = gv[j];
                        be[i] = bv[j];
                    }
                }
#pragma unroll
                for (int i = 0; i < ITEMS; ++i)
                    if (lane + static_cast<int64_t>(i) * TPR < nv)
#pragma unroll
                        for (int k = 0; k < V; ++k) s += a[i].v[k];
            }
            group_sum2(s, unused, red_a, red_b);
            const float mean = s * inv_n;
            float s2 = 0.0f;
            if (active) {
#pragma unroll
                for (int i = 0; i < ITEMS; ++i)
                    if (lane + static_cast<int64_t>(i) * TPR < nv)
#pragma unroll
                        for (int k = 0; k < V; ++k) {
                            const float d = a[i].v[k] - mean;
                            s2 += d * d;
                        }
            }
            unused = 0.0f;
            group_sum2(s2, unused, red_a, red_b);
            const float rstd = rsqrtf(s2 * inv_n + 1e-5f);
            if (active) {
#pragma unroll
                for (int i = 0; i < ITEMS; ++i) {
                    const int64_t j = lane + static_cast<int64_t>(i) * TPR;
                    if (j < nv) {
                        FVec<V> o;
#pragma unroll
                        for (int k = 0; k < V; ++k) o.v[k] = (a[i].v[k] - mean) * rstd * ga[i].v[k] + be[i].v[k];
                        yr[j] = o;
                    }
                }
            }
        } else {
            // The template's path: sums of x - x[0] and its square (the shift keeps
            // the one-pass variance accurate), then a second read to normalize.
            const float shift = xrow[0];
            float s = 0.0f, s2 = 0.0f;
            if (active) {
                for (int64_t j = lane; j < nv; j += TPR) {
                    const FVec<V> a = xr[j];
#pragma unroll
                    for (int k = 0; k < V; ++k) {
                        const float d = a.v[k] - shift;
                        s += d;
                        s2 += d * d;
                    }
                }
            }
            group_sum2(s, s2, red_a, red_b);
            const float dmean = s * inv_n;
            const float var = fmaxf(s2 * inv_n - dmean * dmean, 0.0f);
            const float mean = shift + dmean;
            const float rstd = rsqrtf(var + 1e-5f);
            if (active) {
                for (int64_t j = lane; j < nv; j += TPR) {
                    const FVec<V> a = xr[j];
                    const FVec<V> ga = gv[j];
                    const FVec<V> be = bv[j];
                    FVec<V> o;
#pragma unroll
                    for (int k = 0; k < V; ++k) o.v[k] = (a.v[k] - mean) * rstd * ga.v[k] + be.v[k];
                    yr[j] = o;
                }
            }
        }
    }
}

template <int V>
static int launch(const kf_call* call, const float* x, const float* gamma, const float* beta, float* y, int64_t m,
                  int64_t n) {
    int64_t grid = (m + ROWS - 1) / ROWS;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    layernorm_registers<V><<<static_cast<unsigned>(grid), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(
        x, gamma, beta, y, m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float* gamma = static_cast<const float*>(call->inputs[1].data);
    const float* beta = static_cast<const float*>(call->inputs[2].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(gamma) |
                           reinterpret_cast<uintptr_t>(beta) | reinterpret_cast<uintptr_t>(y);
    if (n % VEC != 0 || addr % (4 * VEC) != 0) return launch<1>(call, x, gamma, beta, y, m, n);
    return launch<VEC>(call, x, gamma, beta, y, m, n);
}
