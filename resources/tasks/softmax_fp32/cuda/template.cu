// Tunable template: TPR threads per row (a sub-warp, a warp or several warps),
// BLOCK threads a block (BLOCK / TPR rows a block, grid-stride over row groups).
// Pass 1 is an online (max, sum of exp) reduction read once; groups combine the
// pairs with warp shuffles and, past one warp, shared memory. Pass 2 re-reads the
// row (mostly from L2) and writes exp(x - max) / sum. VEC-wide float loads when
// N % VEC == 0 and the pointers are aligned, scalar accesses otherwise.
// @tune BLOCK 128 256 512 1024
// @tune TPR 128 32 64 256 512 1024 8
// @tune VEC 4 2 1
// @constraint TPR <= BLOCK
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

// Folds (m2, s2) into (m, s): s counts exp(. - m). Empty partials are (-inf, 0).
__device__ __forceinline__ void combine(float& m, float& s, float m2, float s2) {
    const float mn = fmaxf(m, m2);
    if (mn == -INFINITY) return;
    s = s * __expf(m - mn) + s2 * __expf(m2 - mn);
    m = mn;
}

// Every thread of a TPR-thread group ends with the group's (max, sum).
__device__ __forceinline__ void group_reduce(float& m, float& s, float* red_m, float* red_s) {
    constexpr int kWidth = TPR < 32 ? TPR : 32;
#pragma unroll
    for (int o = kWidth / 2; o > 0; o /= 2) {
        const float m2 = __shfl_xor_sync(0xffffffffu, m, o);
        const float s2 = __shfl_xor_sync(0xffffffffu, s, o);
        combine(m, s, m2, s2);
    }
    if constexpr (TPR > 32) {
        constexpr int kWarps = TPR > 32 ? TPR / 32 : 1;
        const int warp = threadIdx.x / 32;
        __syncthreads();  // earlier readers of red_* are done
        if (threadIdx.x % 32 == 0) {
            red_m[warp] = m;
            red_s[warp] = s;
        }
        __syncthreads();
        const int first = warp / kWarps * kWarps;
        m = -INFINITY;
        s = 0.0f;
        for (int w = 0; w < kWarps; ++w) combine(m, s, red_m[first + w], red_s[first + w]);
    }
}

template <int V>
__global__ void __launch_bounds__(BLOCK) softmax_tuned(const float* __restrict__ x, float* __restrict__ y, int64_t m,
                                                       int64_t n) {
    __shared__ float red_m[BLOCK / 32 > 0 ? BLOCK / 32 : 1];
    __shared__ float red_s[BLOCK / 32 > 0 ? BLOCK / 32 : 1];
    constexpr int kRows = BLOCK / TPR;
    const int lane = threadIdx.x % TPR;
    const int64_t nv = n / V;
    for (int64_t g = blockIdx.x; g * kRows < m; g += gridDim.x) {
        const int64_t r = g * kRows + threadIdx.x / TPR;
        const bool active = r < m;  // inactive threads still join the block-wide barriers
        const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + (active ? r : 0) * n);
        FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + (active ? r : 0) * n);

        float mx = -INFINITY, sum = 0.0f;
        if (active) {
            for (int64_t j = lane; j < nv; j += TPR) {
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
        }
        group_reduce(mx, sum, red_m, red_s);
        const float inv = 1.0f / sum;
        if (active) {
            for (int64_t j = lane; j < nv; j += TPR) {
                const FVec<V> a = xr[j];
                FVec<V> b;
#pragma unroll
                for (int k = 0; k < V; ++k) b.v[k] = __expf(a.v[k] - mx) * inv;
                yr[j] = b;
            }
        }
    }
}

template <int V>
static int launch(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    constexpr int kRows = BLOCK / TPR;
    int64_t grid = (m + kRows - 1) / kRows;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    softmax_tuned<V><<<static_cast<unsigned>(grid), BLOCK, 0, static_cast<cudaStream_t>(call->stream)>>>(x, y, m, n);
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
