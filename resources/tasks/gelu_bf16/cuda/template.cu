// Tunable template: VEC bfloat16 values a load (VEC = 8 is one 16-byte load),
// BLOCK threads a block, grid sized so that each thread handles about ITEMS
// vectors of a grid-stride loop. Falls back to scalar accesses when a pointer
// is not aligned to the vector width.
// @tune BLOCK 256 128 512 1024
// @tune VEC 8 4 2 1
// @tune ITEMS 2 1 4 8
// @constraint BLOCK * ITEMS <= 4096
#include <kf_abi.h>
#include <cuda_bf16.h>

template <int V> struct alignas(2 * V) Pack { __nv_bfloat16 v[V]; };

__device__ __forceinline__ float gelu(float v) { return 0.5f * v * (1.0f + erff(v * 0.70710678118654752f)); }

template <int V>
__global__ void __launch_bounds__(BLOCK) gelu_tuned(const __nv_bfloat16* __restrict__ x, __nv_bfloat16* __restrict__ y,
                                                    int64_t n) {
    const int64_t nvec = n / V;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * BLOCK;
    const Pack<V>* xv = reinterpret_cast<const Pack<V>*>(x);
    Pack<V>* yv = reinterpret_cast<Pack<V>*>(y);
    for (int64_t i = blockIdx.x * static_cast<int64_t>(BLOCK) + threadIdx.x; i < nvec; i += stride) {
        const Pack<V> in = xv[i];
        Pack<V> out;
#pragma unroll
        for (int j = 0; j < V; ++j) out.v[j] = __float2bfloat16(gelu(__bfloat162float(in.v[j])));
        yv[i] = out;
    }
    // Tail that does not fill a vector (fewer than V <= BLOCK elements).
    const int64_t tail = nvec * V + threadIdx.x;
    if (blockIdx.x == 0 && tail < n) y[tail] = __float2bfloat16(gelu(__bfloat162float(x[tail])));
}

template <int V>
static int launch(const kf_call* call, const __nv_bfloat16* x, __nv_bfloat16* y, int64_t n) {
    const int64_t per_block = static_cast<int64_t>(BLOCK) * V * ITEMS;
    int64_t grid = (n + per_block - 1) / per_block;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    gelu_tuned<V><<<static_cast<unsigned>(grid), BLOCK, 0, static_cast<cudaStream_t>(call->stream)>>>(x, y, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const __nv_bfloat16* x = static_cast<const __nv_bfloat16*>(call->inputs[0].data);
    __nv_bfloat16* y = static_cast<__nv_bfloat16*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(y);
    if (addr % (2 * VEC) != 0) return launch<1>(call, x, y, n);
    return launch<VEC>(call, x, y, n);
}
