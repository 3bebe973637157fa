// Tunable template: VEC bfloat16 values a load (VEC = 8 is one 16-byte load),
// BLOCK threads a block, each thread loading ITEMS vectors (strided by BLOCK so
// that every load instruction is coalesced) before it computes or stores any,
// so ITEMS * 16 bytes are in flight per thread. The grid covers the vectors
// exactly; the tail that does not fill a vector goes to the last block. Falls
// back to scalar accesses when a pointer is not aligned to the vector width.
//
// MATH selects the GELU formula. 1: the tanh form
// 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) with the hardware tanh
// (tanh.approx.f32, relative error about 2^-11): it differs from the exact
// GELU by at most about 5e-4 in absolute value, under half a bfloat16 ulp for
// |y| >= 0.25 and far inside the task's tolerance (1e-2 + 1e-2 |ref|)
// everywhere; a handful of instructions instead of erff's two polynomial
// branches. 0: the exact erf form, as the reference.
// @tune BLOCK 256 128 512 1024
// @tune VEC 8 4 2 1
// @tune ITEMS 4 1 2 8
// @tune MATH 1 0
// @constraint BLOCK * ITEMS <= 4096
#include <kf_abi.h>
#include <cuda_bf16.h>

template <int V> struct alignas(2 * V) Pack { __nv_bfloat16 v[V]; };

__device__ __forceinline__ float gelu(float v) {
#if MATH == 1
    float t;
    const float u = v * fmaf(0.0356774081f * v, v, 0.7978845608f);  // sqrt(2/pi) (v + 0.044715 v^3)
    asm("tanh.approx.f32 %0, %1;" : "=f"(t) : "f"(u));
    const float h = 0.5f * v;
    return fmaf(h, t, h);
#else
    return 0.5f * v * (1.0f + erff(v * 0.70710678118654752f));
#endif
}

template <int V> __device__ __forceinline__ Pack<V> load_stream(const Pack<V>* p) {
    if constexpr (V == 8) {
        const uint4 r = __ldcs(reinterpret_cast<const uint4*>(p));
        return *reinterpret_cast<const Pack<V>*>(&r);
    } else {
        return *p;
    }
}

template <int V> __device__ __forceinline__ void store_stream(Pack<V>* p, const Pack<V>& v) {
    if constexpr (V == 8) {
        __stcs(reinterpret_cast<uint4*>(p), *reinterpret_cast<const uint4*>(&v));
    } else {
        *p = v;
    }
}

template <int V>
__global__ void __launch_bounds__(BLOCK) gelu_tuned(const __nv_bfloat16* __restrict__ x, __nv_bfloat16* __restrict__ y,
                                                    int64_t n) {
    const int64_t nvec = n / V;
    const Pack<V>* xv = reinterpret_cast<const Pack<V>*>(x);
    Pack<V>* yv = reinterpret_cast<Pack<V>*>(y);
    const int64_t base = blockIdx.x * static_cast<int64_t>(BLOCK * ITEMS) + threadIdx.x;
    Pack<V> buf[ITEMS];
    if (base + static_cast<int64_t>(ITEMS - 1) * BLOCK < nvec) {  // every block but possibly the last
#pragma unroll
        for (int k = 0; k < ITEMS; ++k) buf[k] = load_stream<V>(xv + base + k * BLOCK);
#pragma unroll
        for (int k = 0; k < ITEMS; ++k) {
#pragma unroll
            for (int j = 0; j < V; ++j) buf[k].v[j] = __float2bfloat16(gelu(__bfloat162float(buf[k].v[j])));
            store_stream<V>(yv + base + k * BLOCK, buf[k]);
        }
    } else {
#pragma unroll
        for (int k = 0; k < ITEMS; ++k)
            if (base + k * BLOCK < nvec) buf[k] = load_stream<V>(xv + base + k * BLOCK);
#pragma unroll
        for (int k = 0; k < ITEMS; ++k) {
            if (base + k * BLOCK < nvec) {
#pragma unroll
                for (int j = 0; j < V; ++j) buf[k].v[j] = __float2bfloat16(gelu(__bfloat162float(buf[k].v[j])));
                store_stream<V>(yv + base + k * BLOCK, buf[k]);
            }
        }
    }
    // Tail that does not fill a vector (fewer than V <= BLOCK elements): the last block.
    if (blockIdx.x == gridDim.x - 1) {
        const int64_t tail = nvec * V + threadIdx.x;
        if (tail < n) y[tail] = __float2bfloat16(gelu(__bfloat162float(x[tail])));
    }
}

template <int V>
static int launch(const kf_call* call, const __nv_bfloat16* x, __nv_bfloat16* y, int64_t n) {
    const int64_t per_block = static_cast<int64_t>(BLOCK) * ITEMS;
    int64_t grid = (n / V + per_block - 1) / per_block;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) return kf_fail(call, "gelu_bf16: N too large for the grid");
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
