// Tunable template: VEC-wide vector loads, BLOCK threads a block, each thread
// handling ITEMS vectors of a grid-stride loop. Defaults: the fastest of all 45
// configurations on 16M elements on an H200 (tests/data/recorded/).
// @tune BLOCK 256 128 512 1024
// @tune VEC 4 1 2
// @tune ITEMS 1 2 4 8
// @constraint BLOCK * ITEMS <= 4096
#include <kf_abi.h>

template <int V> struct Vec;
template <> struct Vec<1> { using type = float; };
template <> struct Vec<2> { using type = float2; };
template <> struct Vec<4> { using type = float4; };

__device__ inline float add(float x, float y) { return x + y; }
__device__ inline float2 add(float2 x, float2 y) { return make_float2(x.x + y.x, x.y + y.y); }
__device__ inline float4 add(float4 x, float4 y) { return make_float4(x.x + y.x, x.y + y.y, x.z + y.z, x.w + y.w); }

__global__ void __launch_bounds__(BLOCK) vector_add_tuned(const float* __restrict__ a, const float* __restrict__ b,
                                                          float* __restrict__ c, int64_t n) {
    using V = typename Vec<VEC>::type;
    const int64_t nvec = n / VEC;
    const int64_t stride = static_cast<int64_t>(gridDim.x) * BLOCK;
    const V* av = reinterpret_cast<const V*>(a);
    const V* bv = reinterpret_cast<const V*>(b);
    V* cv = reinterpret_cast<V*>(c);
    for (int64_t i = blockIdx.x * static_cast<int64_t>(BLOCK) + threadIdx.x; i < nvec; i += stride)
        cv[i] = add(av[i], bv[i]);
    // Tail that does not fill a vector.
    const int64_t tail = nvec * VEC + blockIdx.x * static_cast<int64_t>(BLOCK) + threadIdx.x;
    if (blockIdx.x == 0 && tail < n) c[tail] = a[tail] + b[tail];
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const int64_t per_block = static_cast<int64_t>(BLOCK) * VEC * ITEMS;
    int64_t grid = (n + per_block - 1) / per_block;
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    vector_add_tuned<<<static_cast<unsigned>(grid), BLOCK, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<const float*>(call->inputs[1].data),
        static_cast<float*>(call->outputs[0].data), n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
