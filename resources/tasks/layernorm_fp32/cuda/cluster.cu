// Tunable template (variant "cluster"): each row split across a cluster of
// CLUSTER blocks (Hopper thread-block clusters), for a few rows of medium to
// long length (256 x 4096).
//
// With a block a row, 256 rows make 256 blocks, under two a SM; the profile
// of the "registers" variant at 256 x 4096 shows a latency-bound kernel (106
// registers a thread, 25% occupancy, DRAM at 23%). Here a row's CLUSTER
// blocks each hold one CLUSTER-th of it in registers (one load round trip),
// and each computes its part's count, mean and sum of squared deviations
// from that mean (the exact two-pass formula, from registers). The parts are
// published in shared memory and combined, after one cluster barrier,
// through distributed shared memory with Chan's formula:
//   mean = sum_b n_b mean_b / N,  M2 = sum_b (M2_b + n_b (mean_b - mean)^2),
// which stays exact where a one-pass sum of squares would cancel. A block
// with no columns (a short row on a large cluster) adds nothing.
//
// Columns past CLUSTER * TPB * ITEMS * VEC (a row longer than the cluster's
// registers hold) are read again for each pass, so every N is correct; the
// tuner should pick other variants for such rows. Grid-stride over rows with
// the parts double-buffered: one cluster barrier a row, plus one before exit
// (a block's shared memory must outlive the other blocks' reads of it).
// VEC-wide float accesses when N % VEC == 0 and the pointers are aligned,
// scalar otherwise. Any M and N.
//
// Measured (H100, 2026-12-07, docs/benchmarks/2026-12-07-h100-cluster-variants):
// slower than "registers" at the few-row shapes it was written for (layernorm 256 x 4096 10.1 us against 7.4 us):
// the two cluster barriers a row cost more than the extra blocks gain. It won
// layernorm 1000 x 30001 (1.22x torch.compile): many long rows, where one
// block a row leaves each row to too few threads. The tuner keeps it for that
// class; it is not the answer to few short rows.
//
// Needs sm_90 or later (clusters, distributed shared memory): on an older
// GPU kf_run fails with a message and the tuner moves on.
// @tune CLUSTER 4 2 8
// @tune TPB 128 64 256 512
// @tune VEC 4 2 1
// @tune ITEMS 2 1 4
// Seeds: a row held once across the cluster at 4096 (4 x 128 x 4 x 2,
// 8 x 128 x 4 x 1, 4 x 256 x 4 x 1) and at 1000-1024 (2 x 64 x 4 x 2).
// @seed CLUSTER=4 TPB=128 VEC=4 ITEMS=2
// @seed CLUSTER=8 TPB=128 VEC=4 ITEMS=1
// @seed CLUSTER=4 TPB=256 VEC=4 ITEMS=1
// @seed CLUSTER=2 TPB=64 VEC=4 ITEMS=2
#include <kf_abi.h>
#include <cooperative_groups.h>

namespace cg = cooperative_groups;

#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 900
#define KF_NO_CLUSTERS 1  // the kernel's body is left out; kf_run refuses such a GPU first
#endif

template <int V> struct alignas(4 * V) FVec { float v[V]; };

struct Part {
    float count, mean, m2;  // a block's share of a row
};

// Every thread of the block ends with the block's sums. Each call site owns
// its red arrays; the cluster barrier of each row separates two rows' uses.
__device__ __forceinline__ void block_sum2(float& a, float& b, float* red_a, float* red_b) {
#pragma unroll
    for (int o = 16; o > 0; o /= 2) {
        a += __shfl_xor_sync(0xffffffffu, a, o);
        b += __shfl_xor_sync(0xffffffffu, b, o);
    }
    if constexpr (TPB > 32) {
        if (threadIdx.x % 32 == 0) {
            red_a[threadIdx.x / 32] = a;
            red_b[threadIdx.x / 32] = b;
        }
        __syncthreads();
        a = 0.0f;
        b = 0.0f;
#pragma unroll
        for (int w = 0; w < TPB / 32; ++w) {
            a += red_a[w];
            b += red_b[w];
        }
    }
}

template <int V>
__global__ void __launch_bounds__(TPB) layernorm_cluster(const float* __restrict__ x, const float* __restrict__ gamma,
                                                         const float* __restrict__ beta, float* __restrict__ y,
                                                         int64_t m, int64_t n) {
#ifndef KF_NO_CLUSTERS
    constexpr int kWarps = TPB / 32 > 0 ? TPB / 32 : 1;
    __shared__ float red[4][kWarps];
    __shared__ Part part[2];  // this block's share of the row, double-buffered by row parity
    cg::cluster_group cluster = cg::this_cluster();
    const int64_t nv = n / V;
    constexpr int64_t kStride = static_cast<int64_t>(CLUSTER) * TPB;  // vectors between a thread's packs
    constexpr int64_t kHeld = kStride * ITEMS;                        // vectors a row keeps in registers
    const int64_t first = static_cast<int64_t>(cluster.block_rank()) * TPB + threadIdx.x;
    const int64_t clusters = gridDim.x / CLUSTER;
    const FVec<V>* gv = reinterpret_cast<const FVec<V>*>(gamma);
    const FVec<V>* bv = reinterpret_cast<const FVec<V>*>(beta);
    // The block's column count is the same for every row.
    float mine = 0.0f;
    for (int64_t j = first; j < nv; j += kStride) mine += static_cast<float>(V);
    int parity = 0;
    // Every block of a cluster walks the same rows, so the cluster barriers match.
    for (int64_t r = blockIdx.x / CLUSTER; r < m; r += clusters, parity ^= 1) {
        const FVec<V>* xr = reinterpret_cast<const FVec<V>*>(x + r * n);
        FVec<V>* yr = reinterpret_cast<FVec<V>*>(y + r * n);
        FVec<V> a[ITEMS], ga[ITEMS], be[ITEMS];
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) {
            const int64_t j = first + i * kStride;
            if (j < nv) {
                a[i] = xr[j];
                ga[i] = gv[j];
                be[i] = bv[j];
            }
        }
        float s = 0.0f, count = mine;
#pragma unroll
        for (int i = 0; i < ITEMS; ++i)
            if (first + i * kStride < nv)
#pragma unroll
                for (int k = 0; k < V; ++k) s += a[i].v[k];
        for (int64_t j = kHeld + first; j < nv; j += kStride) {  // past the registers
            const FVec<V> b = xr[j];
#pragma unroll
            for (int k = 0; k < V; ++k) s += b.v[k];
        }
        block_sum2(s, count, red[0], red[1]);
        const float local_mean = count > 0.0f ? s / count : 0.0f;
        float m2 = 0.0f, unused = 0.0f;
#pragma unroll
        for (int i = 0; i < ITEMS; ++i)
            if (first + i * kStride < nv)
#pragma unroll
                for (int k = 0; k < V; ++k) {
                    const float d = a[i].v[k] - local_mean;
                    m2 += d * d;
                }
        for (int64_t j = kHeld + first; j < nv; j += kStride) {
            const FVec<V> b = xr[j];
#pragma unroll
            for (int k = 0; k < V; ++k) {
                const float d = b.v[k] - local_mean;
                m2 += d * d;
            }
        }
        block_sum2(m2, unused, red[2], red[3]);
        if (threadIdx.x == 0) part[parity] = Part{count, local_mean, m2};
        cluster.sync();  // every block's part is written (release/acquire across the cluster)
        Part p[CLUSTER];
#pragma unroll
        for (int c = 0; c < CLUSTER; ++c) p[c] = *cluster.map_shared_rank(&part[parity], c);
        float weighted = 0.0f;
#pragma unroll
        for (int c = 0; c < CLUSTER; ++c) weighted += p[c].count * p[c].mean;
        const float mean = weighted / static_cast<float>(n);
        float total_m2 = 0.0f;
#pragma unroll
        for (int c = 0; c < CLUSTER; ++c) {
            const float d = p[c].mean - mean;
            total_m2 += p[c].m2 + p[c].count * d * d;
        }
        const float rstd = rsqrtf(total_m2 / static_cast<float>(n) + 1e-5f);
#pragma unroll
        for (int i = 0; i < ITEMS; ++i) {
            const int64_t j = first + i * kStride;
            if (j < nv) {
                FVec<V> o;
#pragma unroll
                for (int k = 0; k < V; ++k) o.v[k] = (a[i].v[k] - mean) * rstd * ga[i].v[k] + be[i].v[k];
                yr[j] = o;
            }
        }
        for (int64_t j = kHeld + first; j < nv; j += kStride) {
            const FVec<V> b = xr[j], g = gv[j], bb = bv[j];
            FVec<V> o;
#pragma unroll
            for (int k = 0; k < V; ++k) o.v[k] = (b.v[k] - mean) * rstd * g.v[k] + bb.v[k];
            yr[j] = o;
        }
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
static int launch(const kf_call* call, const float* x, const float* gamma, const float* beta, float* y, int64_t m,
                  int64_t n) {
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
    const cudaError_t status = cudaLaunchKernelEx(&config, layernorm_cluster<V>, x, gamma, beta, y, m, n);
    if (status != cudaSuccess) {
        cudaGetLastError();
        return kf_fail(call, cudaGetErrorString(status));
    }
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    if (!clusters_supported())
        return kf_fail(call, "layernorm_fp32 variant cluster: this GPU cannot launch thread-block clusters (needs sm_90 or later)");
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
