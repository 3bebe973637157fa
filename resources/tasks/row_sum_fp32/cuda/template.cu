// Tunable template: each row is cut into SPLIT contiguous chunks; a group of TPR
// threads (a sub-warp, a warp or several warps) sums one chunk with VEC-wide
// float loads, reduces with warp shuffles and, past one warp, shared memory.
// BLOCK threads a block (BLOCK / TPR chunks a block, grid-stride over chunk
// groups). With SPLIT == 1 the group stores the row sum; with SPLIT > 1, y is
// zeroed first and chunk sums are added with atomicAdd. VEC-wide loads only
// when N % VEC == 0 and x is aligned, scalar loads otherwise.
// @tune BLOCK 256 128 512 1024
// @tune TPR 32 8 64 128 256 512 1024
// @tune VEC 4 2 1
// @tune SPLIT 1 4 16
// @constraint TPR <= BLOCK
// Seed: a few very long rows (more values a row than threads in a wave)
// split each row over 16 blocks.
// @seed BLOCK=1024 TPR=1024 VEC=4 SPLIT=16
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

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
__global__ void __launch_bounds__(BLOCK) row_sum_tuned(const float* __restrict__ x, float* __restrict__ y, int64_t m,
                                                       int64_t n) {
    __shared__ float red[BLOCK / 32 > 0 ? BLOCK / 32 : 1];
    constexpr int kGroups = BLOCK / TPR;
    const int lane = threadIdx.x % TPR;
    const int64_t nv = n / V;
    const int64_t per = (nv + SPLIT - 1) / SPLIT;  // vectors a chunk
    const int64_t items = m * SPLIT;
    for (int64_t g = blockIdx.x; g * kGroups < items; g += gridDim.x) {
        const int64_t item = g * kGroups + threadIdx.x / TPR;
        const bool active = item < items;  // inactive threads still join the block-wide barriers
        const int64_t r = item / SPLIT;
        const int64_t begin = (item % SPLIT) * per;
        const int64_t end = begin + per < nv ? begin + per : nv;
        float s = 0.0f;
        if (active) {
            const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
            for (int64_t j = begin + lane; j < end; j += TPR) {
                const FVec<V> a = xr[j];
#pragma unroll
                for (int k = 0; k < V; ++k) s += a.v[k];
            }
        }
        s = group_sum(s, red);
        if (active && lane == 0) {
            if constexpr (SPLIT == 1) {
                y[r] = s;
            } else {
                atomicAdd(y + r, s);
            }
        }
    }
}

template <int V>
static int launch(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    const cudaStream_t stream = static_cast<cudaStream_t>(call->stream);
    if constexpr (SPLIT > 1) {
        const cudaError_t err = cudaMemsetAsync(y, 0, static_cast<size_t>(m) * sizeof(float), stream);
        if (err != cudaSuccess) return kf_fail(call, cudaGetErrorString(err));
    }
    constexpr int kGroups = BLOCK / TPR;
    int64_t grid = (m * SPLIT + kGroups - 1) / kGroups;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    row_sum_tuned<V><<<static_cast<unsigned>(grid), BLOCK, 0, stream>>>(x, y, m, n);
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
