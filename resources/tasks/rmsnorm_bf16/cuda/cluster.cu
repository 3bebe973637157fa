// Tunable template (variant "cluster"): each row split across a cluster of
// CLUSTER blocks (Hopper thread-block clusters), for a few rows of medium to
// long length (256 x 8192, 128 x 4096).
//
// With a block a row, 256 rows make 256 blocks: under two a SM, each thread
// holding four packs of x and of the weight (97 registers, 25% occupancy),
// and the profile of the "registers" variant shows a latency-bound kernel at
// a quarter of DRAM bandwidth. Here a row's CLUSTER blocks each hold one
// CLUSTER-th of it in registers (one load round trip, as in "registers"),
// reduce their part of the sum of squares in the block, publish it in shared
// memory and read the other blocks' parts through distributed shared memory
// (cluster.map_shared_rank) after one cluster barrier. Four to eight times
// the blocks, each a quarter to an eighth of the work: the whole GPU fills
// even for 128 rows, and no thread waits on more than ITEMS packs.
//
// Columns past CLUSTER * TPB * ITEMS * VEC (a row longer than the cluster's
// registers hold) are read a second time for the output, so every H is
// correct. Grid-stride over rows: cluster c takes rows c, c + clusters, ...;
// the per-row partial is double-buffered so one cluster barrier a row is
// enough, plus one before exit (a block's shared memory must outlive the
// other blocks' reads of it). VEC bfloat16 values a load, scalar accesses
// when H % VEC != 0 or a pointer is not aligned to the vector width. Any M, H.
//
// Measured (H100, 2026-12-07, docs/benchmarks/2026-12-07-h100-cluster-variants):
// slower than "registers" at the few-row shapes it was written for (rmsnorm 256 x 8192 9.5 us against 7.1 us):
// the two cluster barriers a row cost more than the extra blocks gain. It won
// layernorm 1000 x 30001 (1.22x torch.compile): many long rows, where one
// block a row leaves each row to too few threads. The tuner keeps it for that
// class; it is not the answer to few short rows.
//
// Needs sm_90 or later (clusters, distributed shared memory): on an older
// GPU kf_run fails with a message and the tuner moves on.
// @tune CLUSTER 4 2 8
// @tune TPB 128 64 256 512
// @tune VEC 8 4 2
// @tune ITEMS 1 2 4
// Seeds: a row held once across the cluster at 4096 (4 x 128 x 8) and at
// 8192 (4 x 256 x 8 or 8 x 128 x 8), and short rows (2 x 64 x 8 = 1024).
// @seed CLUSTER=4 TPB=128 VEC=8 ITEMS=1
// @seed CLUSTER=4 TPB=256 VEC=8 ITEMS=1
// @seed CLUSTER=8 TPB=128 VEC=8 ITEMS=1
// @seed CLUSTER=2 TPB=64 VEC=8 ITEMS=1
#include <kf_abi.h>
#include <cooperative_groups.h>
#include <cuda_bf16.h>

namespace cg = cooperative_groups;

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 900
#define KF_NO_CLUSTERS 1  // the kernel's body is left out; kf_run refuses such a GPU first
#endif

template <int V> struct alignas(2 * V) Pack { __nv_bfloat16 v[V]; };

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

// Every thread of the block ends with the block's sum. The caller separates
// two uses of red by a barrier (here: the cluster barrier of each row).
__device__ __forceinline__ float block_sum(float v, float* red) {
#pragma unroll
    for (int o = 16; o > 0; o /= 2) v += __shfl_xor_sync(0xffffffffu, v, o);
    if constexpr (TPB > 32) {
        if (threadIdx.x % 32 == 0) red[threadIdx.x / 32] = v;
        __syncthreads();
        v = 0.0f;
#pragma unroll
        for (int w = 0; w < TPB / 32; ++w) v += red[w];
    }
    return v;
}

template <int V>
__global__ void __launch_bounds__(TPB) rmsnorm_cluster(const __nv_bfloat16* __restrict__ x,
                                                       const __nv_bfloat16* __restrict__ weight,
                                                       __nv_bfloat16* __restrict__ out, int64_t m, int64_t h) {
#ifndef KF_NO_CLUSTERS
    __shared__ float red[TPB / 32 > 0 ? TPB / 32 : 1];
    __shared__ float part[2];  // this block's share of the row's sum of squares, double-buffered by row parity
    cg::cluster_group cluster = cg::this_cluster();
    const int64_t hv = h / V;
    constexpr int64_t kStride = static_cast<int64_t>(CLUSTER) * TPB;  // vectors between a thread's packs
    constexpr int64_t kHeld = kStride * ITEMS;                        // vectors a row keeps in registers
    const int64_t first = static_cast<int64_t>(cluster.block_rank()) * TPB + threadIdx.x;
    const int64_t clusters = gridDim.x / CLUSTER;
    const Pack<V>* wv = reinterpret_cast<const Pack<V>*>(weight);
    int parity = 0;
    // Every block of a cluster walks the same rows, so the cluster barriers match.
    for (int64_t r = blockIdx.x / CLUSTER; r < m; r += clusters, parity ^= 1) {
        const Pack<V>* xr = reinterpret_cast<const Pack<V>*>(x + r * h);
        Pack<V>* orow = reinterpret_cast<Pack<V>*>(out + r * h);
        Pack<V> a[ITEMS], w[ITEMS];
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) {
            const int64_t j = first + i * kStride;
            if (j < hv) {
                a[i] = xr[j];
                w[i] = wv[j];
            }
        }
        float ss = 0.0f;
#pragma unroll
        for (int i = 0; i < ITEMS; ++i)
            if (first + i * kStride < hv) ss += squares(a[i]);
        for (int64_t j = kHeld + first; j < hv; j += kStride) ss += squares(xr[j]);  // past the registers
        ss = block_sum(ss, red);
        if (threadIdx.x == 0) part[parity] = ss;
        cluster.sync();  // every block's part is written (release/acquire across the cluster)
        float total = 0.0f;
#pragma unroll
        for (int c = 0; c < CLUSTER; ++c) total += *cluster.map_shared_rank(&part[parity], c);
        const float inv_rms = rsqrtf(total / static_cast<float>(h) + 1e-6f);
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) {
            const int64_t j = first + i * kStride;
            if (j < hv) orow[j] = scale(a[i], w[i], inv_rms);
        }
        for (int64_t j = kHeld + first; j < hv; j += kStride) orow[j] = scale(xr[j], wv[j], inv_rms);
    }
    cluster.sync();  // no block leaves while another may still read its part
#endif
}

// Whether this GPU can launch clusters (sm_90 and later). Asked once.
static bool clusters_supported() {
    static const bool supported = [] {
        int device = 0, v = 0;
        if (cudaGetDevice(&device) != cudaSuccess) return false;
        if (cudaDeviceGetAttribute(&v, cudaDevAttrClusterLaunch, device) != cudaSuccess) {
            cudaGetLastError();  // clear it, so that KF_CHECK_LAUNCH does not report it later
            return false;
        }
        return v != 0;
    }();
    return supported;
}

template <int V>
static int launch(const kf_call* call, const __nv_bfloat16* x, const __nv_bfloat16* w, __nv_bfloat16* out, int64_t m,
                  int64_t h) {
    // At most one cluster per row, and a grid Hopper accepts (x < 2^31, a multiple of CLUSTER).
    int64_t clusters = m < 1 ? 1 : m;
    if (clusters > 2147483647 / CLUSTER) clusters = 2147483647 / CLUSTER;
    cudaLaunchConfig_t config = {};
    config.gridDim = dim3(static_cast<unsigned>(clusters * CLUSTER));
    config.blockDim = dim3(TPB);
    config.dynamicSmemBytes = 0;
    config.stream = static_cast<cudaStream_t>(call->stream);
    cudaLaunchAttribute attribute[1];
    attribute[0].id = cudaLaunchAttributeClusterDimension;
    attribute[0].val.clusterDim.x = CLUSTER;
    attribute[0].val.clusterDim.y = 1;
    attribute[0].val.clusterDim.z = 1;
    config.attrs = attribute;
    config.numAttrs = 1;
    const cudaError_t status = cudaLaunchKernelEx(&config, rmsnorm_cluster<V>, x, w, out, m, h);
    if (status != cudaSuccess) {
        cudaGetLastError();
        return kf_fail(call, cudaGetErrorString(status));
    }
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    if (!clusters_supported())
        return kf_fail(call, "rmsnorm_bf16 variant cluster: this GPU cannot launch thread-block clusters (needs sm_90 or later)");
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const __nv_bfloat16* x = static_cast<const __nv_bfloat16*>(call->inputs[0].data);
    const __nv_bfloat16* w = static_cast<const __nv_bfloat16*>(call->inputs[1].data);
    __nv_bfloat16* out = static_cast<__nv_bfloat16*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(w) | reinterpret_cast<uintptr_t>(out);
    if (h % VEC != 0 || addr % (2 * VEC) != 0) return launch<1>(call, x, w, out, m, h);
    return launch<VEC>(call, x, w, out, m, h);
}
