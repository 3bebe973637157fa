// Tunable template: TPR threads per row (a sub-warp, a warp or several warps),
// BLOCK threads a block (BLOCK / TPR rows a block, grid-stride over row groups).
// Pass 1 reads the row once and sums x - x[0] and its square in float
// (shifting by the first element keeps the one-pass variance accurate), reduced
// with warp shuffles and, past one warp, shared memory. Pass 2 re-reads the row
// (mostly from L2) and normalizes. VEC-wide float loads when N % VEC == 0 and
// the pointers are aligned, scalar accesses otherwise.
// @tune BLOCK 512 128 256 1024
// @tune TPR 512 32 64 128 256 1024
// @tune VEC 2 4 1
// @constraint TPR <= BLOCK
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

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
__global__ void __launch_bounds__(BLOCK) layernorm_tuned(const float* __restrict__ x, const float* __restrict__ gamma,
                                                         const float* __restrict__ beta, float* __restrict__ y, int64_t m,
                                                         int64_t n) {
    __shared__ float red_a[BLOCK / 32];
    __shared__ float red_b[BLOCK / 32];
    constexpr int kRows = BLOCK / TPR;
    const int lane = threadIdx.x % TPR;
    const int64_t nv = n / V;
    const FVec<V>* gv = reinterpret_cast<const FVec<V>*>(gamma);
    const FVec<V>* bv = reinterpret_cast<const FVec<V>*>(beta);
    for (int64_t g = blockIdx.x; g * kRows < m; g += gridDim.x) {
        const int64_t r = g * kRows + threadIdx.x / TPR;
        const bool active = r < m;  // inactive threads still join the block-wide barriers
        const float* xrow = x + (active ? r : 0) * n;
        const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(xrow);
        FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + (active ? r : 0) * n);
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
        const float inv_n = 1.0f / static_cast<float>(n);
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

template <int V>
static int launch(const kf_call* call, const float* x, const float* gamma, const float* beta, float* y, int64_t m,
                  int64_t n) {
    constexpr int kRows = BLOCK / TPR;
    int64_t grid = (m + kRows - 1) / kRows;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    layernorm_tuned<V><<<static_cast<unsigned>(grid), BLOCK, 0, static_cast<cudaStream_t>(call->stream)>>>(x, gamma, beta,
                                                                                                           y, m, n);
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
