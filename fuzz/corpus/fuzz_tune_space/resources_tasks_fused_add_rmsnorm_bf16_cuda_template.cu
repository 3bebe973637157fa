// Tunable template: TPR threads per row (a sub-warp, a warp or several warps),
// BLOCK threads a block (BLOCK / TPR rows a block, grid-stride over row groups).
// VEC bfloat16 values a load (VEC = 8 is one 16-byte load; H % 8 == 0 makes
// every VEC divide the row). Pass 1 reads x and residual, writes
// residual_out = bf16(x + residual) and sums its squares in float (warp
// shuffles and, past one warp, shared memory). Pass 2 re-reads the vectors of
// residual_out that the same thread wrote (mostly from L2) and writes
// residual_out * rsqrt(mean + eps) * weight. Scalar accesses when a pointer is
// not aligned to the vector width.
// @tune BLOCK 1024 128 256 512
// @tune TPR 512 32 64 128 256 1024
// @tune VEC 8 4 2
// @constraint TPR <= BLOCK
#include <kf_abi.h>
#include <cuda_bf16.h>

template <int V> struct alignas(2 * V) Pack { __nv_bfloat16 v[V]; };

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
__global__ void __launch_bounds__(BLOCK) fused_add_rmsnorm_tuned(const __nv_bfloat16* __restrict__ x,
                                                                 const __nv_bfloat16* __restrict__ res,
                                                                 const __nv_bfloat16* __restrict__ weight,
                                                                 __nv_bfloat16* __restrict__ out,
                                                                 __nv_bfloat16* __restrict__ res_out, int64_t m, int64_t h) {
    __shared__ float red[BLOCK / 32];
    constexpr int kRows = BLOCK / TPR;
    const int lane = threadIdx.x % TPR;
    const int64_t hv = h / V;
    const Pack<V>* wv = reinterpret_cast<const Pack<V>*>(weight);
    for (int64_t g = blockIdx.x; g * kRows < m; g += gridDim.x) {
        const int64_t r = g * kRows + threadIdx.x / TPR;
        const bool active = r < m;  // inactive threads still join the block-wide barriers
        const int64_t base = (active ? r : 0) * h;
        const Pack<V>* xr = reinterpret_cast<const Pack<V>*>(x + base);
        const Pack<V>* rr = reinterpret_cast<const Pack<V>*>(res + base);
        Pack<V>* ro = reinterpret_cast<Pack<V>*>(res_out + base);
        Pack<V>* orow = reinterpret_cast<Pack<V>*>(out + base);
        float ss = 0.0f;
        if (active) {
            for (int64_t j = lane; j < hv; j += TPR) {
                const Pack<V> a = xr[j];
                const Pack<V> b = rr[j];
                Pack<V> s;
#pragma unroll
                for (int k = 0; k < V; ++k) {
                    s.v[k] = __float2bfloat16(__bfloat162float(a.v[k]) + __bfloat162float(b.v[k]));
                    const float v = __bfloat162float(s.v[k]);
                    ss += v * v;
                }
                ro[j] = s;
            }
        }
        ss = group_sum(ss, red);
        const float inv_rms = rsqrtf(ss / static_cast<float>(h) + 1e-6f);
        if (active) {
            for (int64_t j = lane; j < hv; j += TPR) {
                const Pack<V> s = ro[j];  // written by this thread in pass 1
                const Pack<V> b = wv[j];
                Pack<V> o;
#pragma unroll
                for (int k = 0; k < V; ++k)
                    o.v[k] = __float2bfloat16(__bfloat162float(s.v[k]) * inv_rms * __bfloat162float(b.v[k]));
                orow[j] = o;
            }
        }
    }
}

template <int V>
static int launch(const kf_call* call, const __nv_bfloat16* x, const __nv_bfloat16* res, const __nv_bfloat16* w,
                  __nv_bfloat16* out, __nv_bfloat16* res_out, int64_t m, int64_t h) {
    constexpr int kRows = BLOCK / TPR;
    int64_t grid = (m + kRows - 1) / kRows;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    fused_add_rmsnorm_tuned<V><<<static_cast<unsigned>(grid), BLOCK, 0, static_cast<cudaStream_t>(call->stream)>>>(
        x, res, w, out, res_out, m, h);
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const __nv_bfloat16* x = static_cast<const __nv_bfloat16*>(call->inputs[0].data);
    const __nv_bfloat16* res = static_cast<const __nv_bfloat16*>(call->inputs[1].data);
    const __nv_bfloat16* w = static_cast<const __nv_bfloat16*>(call->inputs[2].data);
    __nv_bfloat16* out = static_cast<__nv_bfloat16*>(call->outputs[0].data);
    __nv_bfloat16* res_out = static_cast<__nv_bfloat16*>(call->outputs[1].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(res) |
                           reinterpret_cast<uintptr_t>(w) | reinterpret_cast<uintptr_t>(out) |
                           reinterpret_cast<uintptr_t>(res_out);
    if (h % VEC != 0 || addr % (2 * VEC) != 0) return launch<1>(call, x, res, w, out, res_out, m, h);
    return launch<VEC>(call, x, res, w, out, res_out, m, h);
}
