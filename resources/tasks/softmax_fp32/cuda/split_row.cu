// Tunable template (variant "split_row"): rows cut into chunks, several
// blocks per row, for a few long rows.
//
// With one block per row, 7 rows of 32769 keep 7 of the GPU's 132 SMs busy.
// Here each row is cut into chunks of CHUNK values and every chunk gets a
// block, in two launches:
//  1. stats: each block reduces its chunk to an online (max, sum of
//     exp(x - max)) pair and stores it in a partials buffer;
//  2. write: each block folds its row's partials (a few dozen pairs, from L2)
//     into the row's max and sum, re-reads its chunk (from L2 when the input
//     fits there) and writes exp(x - max) / sum.
// Costs one more read of x than the register-resident template when x does
// not fit in L2, so the tuner should pick it only for short, wide problems.
//
// The partials live in a fixed __device__ buffer (no allocation in the timed
// call): at most kMaxPartials pairs per launch pair, so a problem with more
// rows x chunks is done in batches of rows. A chunk count is capped at
// kMaxChunks (longer rows get longer chunks). Calls are sequential on the
// runner's stream, as the ABI specifies, so one buffer serves every call.
// VEC-wide accesses when N % VEC == 0 and both pointers are aligned, scalar
// otherwise; any M and N.
// @tune CHUNK 4096 1024 2048 8192 16384
// @tune BLOCK 256 128 512 1024
// @tune VEC 4 2 1
// @constraint CHUNK >= BLOCK * VEC
#include <kf_abi.h>

template <int V> struct alignas(4 * V) FVec { float v[V]; };

constexpr int64_t kMaxPartials = 1 << 16;
constexpr int64_t kMaxChunks = 1024;

__device__ float2 g_partials[kMaxPartials];  // (max, sum of exp(x - max)) per chunk

// Folds (m2, s2) into (m, s): s counts exp(. - m). Empty partials are (-inf, 0).
__device__ __forceinline__ void combine(float& m, float& s, float m2, float s2) {
    const float mn = fmaxf(m, m2);
    if (mn == -INFINITY) return;
    s = s * __expf(m - mn) + s2 * __expf(m2 - mn);
    m = mn;
}

// The block's combined (m, s), returned to every thread.
__device__ __forceinline__ void block_combine(float& m, float& s) {
    __shared__ float red_m[32], red_s[32];
#pragma unroll
    for (int o = 16; o > 0; o /= 2) combine(m, s, __shfl_xor_sync(0xffffffffu, m, o), __shfl_xor_sync(0xffffffffu, s, o));
    if constexpr (BLOCK > 32) {
        __syncthreads();  // earlier readers of red_* are done
        if (threadIdx.x % 32 == 0) {
            red_m[threadIdx.x / 32] = m;
            red_s[threadIdx.x / 32] = s;
        }
        __syncthreads();
        m = -INFINITY;
        s = 0.0f;
        for (int w = 0; w < BLOCK / 32; ++w) combine(m, s, red_m[w], red_s[w]);
    }
}

// Block b of the launch: row r0 + b / chunks, chunk b % chunks of `chunk`
// vectors (the last chunk of a row may be shorter).
template <int V>
__global__ void __launch_bounds__(BLOCK) softmax_stats(const float* __restrict__ x, int64_t n, int64_t r0,
                                                       int64_t chunks, int64_t chunk) {
    const int64_t nv = n / V;
    const int64_t r = r0 + blockIdx.x / chunks, c = blockIdx.x % chunks;
    const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
    const int64_t end = (c + 1) * chunk < nv ? (c + 1) * chunk : nv;
    float mx = -INFINITY, sum = 0.0f;
    for (int64_t j = c * chunk + threadIdx.x; j < end; j += BLOCK) {
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
    block_combine(mx, sum);
    if (threadIdx.x == 0) g_partials[blockIdx.x] = make_float2(mx, sum);
}

template <int V>
__global__ void __launch_bounds__(BLOCK) softmax_write(const float* __restrict__ x, float* __restrict__ y, int64_t n,
                                                       int64_t r0, int64_t chunks, int64_t chunk) {
    const int64_t nv = n / V;
    const int64_t local = blockIdx.x / chunks, c = blockIdx.x % chunks;
    const int64_t r = r0 + local;
    float mx = -INFINITY, sum = 0.0f;
    for (int64_t p = threadIdx.x; p < chunks; p += BLOCK) {
        const float2 q = g_partials[local * chunks + p];
        combine(mx, sum, q.x, q.y);
    }
    block_combine(mx, sum);
    const float inv = 1.0f / sum;
    const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
    FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + r * n);
    const int64_t end = (c + 1) * chunk < nv ? (c + 1) * chunk : nv;
    for (int64_t j = c * chunk + threadIdx.x; j < end; j += BLOCK) {
        const FVec<V> a = xr[j];
        FVec<V> b;
#pragma unroll
        for (int k = 0; k < V; ++k) b.v[k] = __expf(a.v[k] - mx) * inv;
        if constexpr (V == 4)
            __stcs(reinterpret_cast<float4*>(yr + j), make_float4(b.v[0], b.v[1], b.v[2], b.v[3]));
        else
            yr[j] = b;
    }
}

template <int V>
static int launch(const kf_call* call, const float* x, float* y, int64_t m, int64_t n) {
    if (m < 1 || n < 1) return 0;
    const int64_t nv = n / V;
    int64_t chunk = CHUNK / V;  // in vectors
    int64_t chunks = (nv + chunk - 1) / chunk;
    if (chunks > kMaxChunks) {
        chunk = (nv + kMaxChunks - 1) / kMaxChunks;
        chunks = (nv + chunk - 1) / chunk;
    }
    const int64_t rows_per_batch = kMaxPartials / chunks;  // >= 64
    const auto stream = static_cast<cudaStream_t>(call->stream);
    for (int64_t r0 = 0; r0 < m; r0 += rows_per_batch) {
        const int64_t rows = m - r0 < rows_per_batch ? m - r0 : rows_per_batch;
        const auto blocks = static_cast<unsigned>(rows * chunks);  // <= kMaxPartials
        softmax_stats<V><<<blocks, BLOCK, 0, stream>>>(x, n, r0, chunks, chunk);
        KF_CHECK_LAUNCH(call);
        softmax_write<V><<<blocks, BLOCK, 0, stream>>>(x, y, n, r0, chunks, chunk);
        KF_CHECK_LAUNCH(call);
    }
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(y);
    if (n % VEC == 0 && addr % (4 * VEC) == 0) return launch<VEC>(call, x, y, m, n);
    return launch<1>(call, x, y, m, n);
}
