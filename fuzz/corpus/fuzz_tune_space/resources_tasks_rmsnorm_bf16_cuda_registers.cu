// Tunable template (variant "registers"): the row stays in registers, for
// short and medium rows (up to TPR * ITEMS * VEC values a row).
//
// The template reads x once for the sum of squares and again, with the
// weight, after the row's reduction: two dependent memory round trips, which
// set the time of a small problem (128 x 4096, 7 x 520), where latency and
// not bandwidth rules. Here each thread issues all of its loads at once
// (ITEMS packs of x and of the weight), keeps them in registers across the
// reduction and writes from them: one round trip. Columns past
// TPR * ITEMS * VEC (a row longer than the registers hold) are read twice, as
// in the template, so every H is correct.
//
// ROWS rows a block (TPR * ROWS threads), grid-stride over row groups. VEC
// bfloat16 values a load (8: one 16-byte load), scalar accesses when H % VEC
// != 0 or a pointer is not aligned to the vector width. Any M and H.
// @tune TPR 64 32 128 256 512 1024
// @tune ROWS 2 1 4 8
// @tune VEC 8 4 2
// @tune ITEMS 2 1 4 8 16
// @constraint TPR * ROWS <= 1024
// 16 packs a thread only for a warp or two a row: a whole 4096-wide row (8192
// with two warps) held by one warp reduces with shuffles alone, no barrier.
// @constraint ITEMS <= 8 || TPR <= 64
// Seeds, one per row-length regime (a row holds TPR * ITEMS * VEC values in
// registers): a warp a row, 4 rows a block, up to 1024; a block a row at 4096
// (2 or 1 packs a thread); up to 8192 (4 or 2 packs).
// @seed TPR=32 ROWS=4 VEC=8 ITEMS=4
// @seed TPR=32 ROWS=1 VEC=8 ITEMS=16
// @seed TPR=256 ROWS=1 VEC=8 ITEMS=2
// @seed TPR=512 ROWS=1 VEC=8 ITEMS=1
// @seed TPR=256 ROWS=1 VEC=8 ITEMS=4
// @seed TPR=512 ROWS=1 VEC=8 ITEMS=2
#include <kf_abi.h>
#include <cuda_bf16.h>

template <int V> struct alignas(2 * V) Pack { __nv_bfloat16 v[V]; };

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
__device__ __forceinline__ float squares(const Pack<V>& a) {
    float ss = 0.0f;
#pragma unroll
    for (int k = 0; k < V; ++k) {
        const float v = __bfloat162float(a.v[k]);
        ss += v * v;
    }
    return ss;
}

template <int V>
__device__ __forceinline__ Pack<V> scale(const Pack<V>& a, const Pack<V>& w, float inv_rms) {
    Pack<V> o;
#pragma unroll
    for (int k = 0; k < V; ++k) o.v[k] = __float2bfloat16(__bfloat162float(a.v[k]) * inv_rms * __bfloat162float(w.v[k]));
    return o;
}

template <int V>
__global__ void __launch_bounds__(kBlock) rmsnorm_registers(const __nv_bfloat16* __restrict__ x,
                                                            const __nv_bfloat16* __restrict__ weight,
                                                            __nv_bfloat16* __restrict__ out, int64_t m, int64_t h) {
    __shared__ float red[kBlock / 32 > 0 ? kBlock / 32 : 1];
    const int lane = threadIdx.x % TPR;
    const int64_t hv = h / V;
    constexpr int64_t kHeld = static_cast<int64_t>(TPR) * ITEMS;  // vectors a row keeps in registers
    const Pack<V>* wv = reinterpret_cast<const Pack<V>*>(weight);
    for (int64_t g = blockIdx.x; g * ROWS < m; g += gridDim.x) {
        const int64_t r = g * ROWS + threadIdx.x / TPR;
        const bool active = r < m;  // inactive threads still join the block-wide barriers
        const Pack<V>* xr = reinterpret_cast<const Pack<V>*>(x + (active ? r : 0) * h);
        Pack<V>* orow = reinterpret_cast<Pack<V>*>(out + (active ? r : 0) * h);
        Pack<V> a[ITEMS], w[ITEMS];
        float ss = 0.0f;
        if (active) {
            // Every load of the held part is in flight before the first use.
#pragma unroll
            for (int i = 0; i < ITEMS; ++i) {
                const int64_t j = lane + static_cast<int64_t>(i) * TPR;
                if (j < hv) {
                    a[i] = xr[j];
                    w[i] = wv[j];
                }
            }
#pragma unroll
            for (int i = 0; i < ITEMS; ++i)
                if (lane + static_cast<int64_t>(i) * TPR < hv) ss += squares(a[i]);
            for (int64_t j = kHeld + lane; j < hv; j += TPR) ss += squares(xr[j]);  // past the registers
        }
        ss = group_sum(ss, red);
        const float inv_rms = rsqrtf(ss / static_cast<float>(h) + 1e-6f);
        if (active) {
#pragma unroll
            for (int i = 0; i < ITEMS; ++i) {
                const int64_t j = lane + static_cast<int64_t>(i) * TPR;
                if (j < hv) orow[j] = scale(a[i], w[i], inv_rms);
            }
            for (int64_t j = kHeld + lane; j < hv; j += TPR) orow[j] = scale(xr[j], wv[j], inv_rms);
        }
    }
}

template <int V>
static int launch(const kf_call* call, const __nv_bfloat16* x, const __nv_bfloat16* w, __nv_bfloat16* out, int64_t m,
                  int64_t h) {
    int64_t grid = (m + ROWS - 1) / ROWS;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    rmsnorm_registers<V><<<static_cast<unsigned>(grid), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(x, w, out, m, h);
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const __nv_bfloat16* x = static_cast<const __nv_bfloat16*>(call->inputs[0].data);
    const __nv_bfloat16* w = static_cast<const __nv_bfloat16*>(call->inputs[1].data);
    __nv_bfloat16* out = static_cast<__nv_bfloat16*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(w) | reinterpret_cast<uintptr_t>(out);
    if (h % VEC != 0 || addr % (2 * VEC) != 0) return launch<1>(call, x, w, out, m, h);
    return launch<VEC>(call, x, w, out, m, h);
}
