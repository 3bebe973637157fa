// Tunable template: tensor-core GEMM with mma.sync m16n8k16 (bf16 in, fp32
// accumulate). Each block computes a BM x BN tile of C with (BM/WM) x (BN/WN)
// warps of WM x WN each. A and B tiles (both K-contiguous) stream through a
// STAGES-deep cp.async pipeline of BK-wide slices in shared memory, stored with
// an XOR swizzle of 16-byte chunks so that ldmatrix reads are free of bank
// conflicts. Blocks are rasterized in groups of GROUP_M tile rows for L2 reuse.
// Edges: rows of A/B past M/N and columns past K are zero-filled by cp.async,
// stores are bounds-checked, so any M and N work; K % 8 == 0 (a definition
// constraint) keeps every 16-byte chunk inside or outside K and rows aligned.
// @tune BM 128 64 256
// @tune BN 128 64 256
// @tune BK 64 32
// @tune WM 64 32
// @tune WN 32 64
// @tune STAGES 2 3 4
// @tune GROUP_M 8 1 16
// @constraint BM % WM == 0 && BN % WN == 0
// @constraint (BM / WM) * (BN / WN) <= 16
// @constraint (BM / WM) * (BN / WN) * (WM * WN + 2048) <= 65536
// @constraint STAGES * (BM + BN) * BK * 2 <= 232448
#include <kf_abi.h>
#include <cuda_bf16.h>

constexpr int kWarpsM = BM / WM;
constexpr int kWarpsN = BN / WN;
constexpr int kThreads = kWarpsM * kWarpsN * 32;
constexpr int kChunks = BK / 8;  // 16-byte chunks in a tile row
constexpr int kMI = WM / 16;     // m16 fragments a warp
constexpr int kNI = WN / 8;      // n8 fragments a warp
constexpr int kATileBytes = BM * BK * 2;
constexpr int kBTileBytes = BN * BK * 2;
constexpr int kStageBytes = kATileBytes + kBTileBytes;
constexpr int kSmemBytes = STAGES * kStageBytes;

static_assert(BM % WM == 0 && BN % WN == 0, "warp tiles must divide the block tile");
static_assert(WM % 16 == 0 && WN % 16 == 0, "warp tiles are made of 16 x 16 pieces");
static_assert(BK % 16 == 0, "BK is a multiple of the mma K (16)");
static_assert(STAGES >= 2, "the pipeline needs at least two stages");
static_assert(kThreads <= 1024, "too many threads a block");

// 16-byte chunk index of (row, chunk) in a [rows][BK] bf16 tile. Rows that share
// a 128-byte line (8 / kChunks of them when kChunks < 8) get distinct XOR keys,
// so the 8 rows an ldmatrix phase reads land in 8 distinct bank groups.
__device__ __forceinline__ int swizzle(int row, int chunk) {
    constexpr int kShift = kChunks >= 8 ? 0 : (kChunks == 4 ? 1 : 2);
    return row * kChunks + (chunk ^ ((row >> kShift) & (kChunks - 1)));
}

__device__ __forceinline__ void cp_async16(uint32_t dst, const void* src, bool pred) {
    const int bytes = pred ? 16 : 0;  // 0 source bytes: the 16 bytes are zero-filled
    asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(dst), "l"(src), "r"(bytes) : "memory");
}

__device__ __forceinline__ void cp_async_commit() { asm volatile("cp.async.commit_group;\n" ::: "memory"); }

template <int N>
__device__ __forceinline__ void cp_async_wait() {
    asm volatile("cp.async.wait_group %0;\n" ::"n"(N) : "memory");
}

__device__ __forceinline__ void ldmatrix_x4(uint32_t& r0, uint32_t& r1, uint32_t& r2, uint32_t& r3, uint32_t addr) {
    asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0, %1, %2, %3}, [%4];\n"
                 : "=r"(r0), "=r"(r1), "=r"(r2), "=r"(r3)
                 : "r"(addr));
}

__device__ __forceinline__ void mma_bf16(float (&d)[4], const uint32_t (&a)[4], const uint32_t (&b)[2]) {
    asm volatile(
        "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, "
        "{%0, %1, %2, %3};\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]));
}

// Copies rows [row0, row0 + ROWS) x columns [k0, k0 + BK) of a K-contiguous
// matrix with `rows` rows into a swizzled tile at `dst`, zero-filling outside.
template <int ROWS>
__device__ __forceinline__ void load_tile(uint32_t dst, const __nv_bfloat16* __restrict__ src, int rows, int k,
                                          int row0, int k0) {
    for (int i = threadIdx.x; i < ROWS * kChunks; i += kThreads) {
        const int row = i / kChunks, chunk = i % kChunks;
        const int gr = row0 + row, gk = k0 + chunk * 8;
        const bool pred = gr < rows && gk < k;
        const __nv_bfloat16* p = pred ? src + static_cast<int64_t>(gr) * k + gk : src;
        cp_async16(dst + swizzle(row, chunk) * 16, p, pred);
    }
}

__device__ __forceinline__ void store_pair(__nv_bfloat16* __restrict__ c, int m, int n, int row, int col, float v0,
                                           float v1) {
    if (row >= m) return;
    __nv_bfloat16* p = c + static_cast<int64_t>(row) * n + col;
    if (col + 1 < n && (n % 2) == 0) {
        *reinterpret_cast<__nv_bfloat162*>(p) = __floats2bfloat162_rn(v0, v1);
    } else {
        if (col < n) p[0] = __float2bfloat16(v0);
        if (col + 1 < n) p[1] = __float2bfloat16(v1);
    }
}

__global__ void __launch_bounds__(kThreads) gemm_tuned(const __nv_bfloat16* __restrict__ a,
                                                       const __nv_bfloat16* __restrict__ b,
                                                       __nv_bfloat16* __restrict__ c, int m, int n, int k) {
    extern __shared__ __align__(128) unsigned char smem[];
    const uint32_t smem_base = static_cast<uint32_t>(__cvta_generic_to_shared(smem));

    // Grouped rasterization: GROUP_M consecutive tile rows sweep the tile columns together.
    const int tiles_m = (m + BM - 1) / BM, tiles_n = (n + BN - 1) / BN;
    const int pid = blockIdx.x;
    const int per_group = GROUP_M * tiles_n;
    const int first_m = pid / per_group * GROUP_M;
    const int group_m = tiles_m - first_m < GROUP_M ? tiles_m - first_m : GROUP_M;
    const int tile_m = first_m + (pid % per_group) % group_m;
    const int tile_n = (pid % per_group) / group_m;
    const int m0 = tile_m * BM, n0 = tile_n * BN;

    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    const int wm0 = warp / kWarpsN * WM, wn0 = warp % kWarpsN * WN;

    float acc[kMI][kNI][4];
#pragma unroll
    for (int i = 0; i < kMI; ++i)
#pragma unroll
        for (int j = 0; j < kNI; ++j)
#pragma unroll
            for (int e = 0; e < 4; ++e) acc[i][j][e] = 0.0f;

    const int ktiles = (k + BK - 1) / BK;
#pragma unroll
    for (int s = 0; s < STAGES - 1; ++s) {
        if (s < ktiles) {
            const uint32_t base = smem_base + s * kStageBytes;
            load_tile<BM>(base, a, m, k, m0, s * BK);
            load_tile<BN>(base + kATileBytes, b, n, k, n0, s * BK);
        }
        cp_async_commit();
    }

    for (int kt = 0; kt < ktiles; ++kt) {
        cp_async_wait<STAGES - 2>();  // the slice kt has landed (this thread's copies)...
        __syncthreads();              // ...and everyone's; the stage refilled below is no longer read
        const int next = kt + STAGES - 1;
        if (next < ktiles) {
            const uint32_t base = smem_base + (next % STAGES) * kStageBytes;
            load_tile<BM>(base, a, m, k, m0, next * BK);
            load_tile<BN>(base + kATileBytes, b, n, k, n0, next * BK);
        }
        cp_async_commit();

        const uint32_t a_base = smem_base + (kt % STAGES) * kStageBytes;
        const uint32_t b_base = a_base + kATileBytes;
#pragma unroll
        for (int kk = 0; kk < BK / 16; ++kk) {
            uint32_t af[kMI][4];
            uint32_t bfr[kNI][2];
#pragma unroll
            for (int i = 0; i < kMI; ++i) {
                // Matrices: rows 0-7 / 8-15 of the fragment x k 0-7 / 8-15 -> a0, a1, a2, a3.
                const int row = wm0 + i * 16 + (lane & 15);
                const int chunk = kk * 2 + (lane >> 4);
                ldmatrix_x4(af[i][0], af[i][1], af[i][2], af[i][3], a_base + swizzle(row, chunk) * 16);
            }
#pragma unroll
            for (int j = 0; j < kNI / 2; ++j) {
                // Matrices: n 0-7 x k 0-7, n 0-7 x k 8-15, n 8-15 x k 0-7, n 8-15 x k 8-15.
                const int row = wn0 + j * 16 + (lane & 7) + ((lane >> 4) << 3);
                const int chunk = kk * 2 + ((lane >> 3) & 1);
                ldmatrix_x4(bfr[2 * j][0], bfr[2 * j][1], bfr[2 * j + 1][0], bfr[2 * j + 1][1],
                            b_base + swizzle(row, chunk) * 16);
            }
#pragma unroll
            for (int i = 0; i < kMI; ++i)
#pragma unroll
                for (int j = 0; j < kNI; ++j) mma_bf16(acc[i][j], af[i], bfr[j]);
        }
    }
    cp_async_wait<0>();

    // Accumulator layout: d0, d1 at (row lane/4, cols 2*(lane%4) + 0/1), d2, d3 eight rows below.
#pragma unroll
    for (int i = 0; i < kMI; ++i)
#pragma unroll
        for (int j = 0; j < kNI; ++j) {
            const int row = m0 + wm0 + i * 16 + (lane >> 2);
            const int col = n0 + wn0 + j * 8 + (lane & 3) * 2;
            store_pair(c, m, n, row, col, acc[i][j][0], acc[i][j][1]);
            store_pair(c, m, n, row + 8, col, acc[i][j][2], acc[i][j][3]);
        }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    if (m > 2147483647 - BM || n > 2147483647 - BN || k > 2147483647 - BK)
        return kf_fail(call, "gemm_bf16: dimension exceeds int32");
    if (k % 8 != 0) return kf_fail(call, "gemm_bf16: K must be a multiple of 8");
    const __nv_bfloat16* a = static_cast<const __nv_bfloat16*>(call->inputs[0].data);
    const __nv_bfloat16* b = static_cast<const __nv_bfloat16*>(call->inputs[1].data);
    __nv_bfloat16* c = static_cast<__nv_bfloat16*>(call->outputs[0].data);
    if ((reinterpret_cast<uintptr_t>(a) | reinterpret_cast<uintptr_t>(b)) % 16 != 0 || reinterpret_cast<uintptr_t>(c) % 4 != 0)
        return kf_fail(call, "gemm_bf16: A and B must be 16-byte aligned, C 4-byte aligned");
    const int64_t tiles = ((m + BM - 1) / BM) * ((n + BN - 1) / BN);
    if (tiles > 2147483647) return kf_fail(call, "gemm_bf16: too many tiles for the grid");
    if (tiles == 0) return 0;
    // Above 48 KiB of dynamic shared memory a kernel must opt in; done once.
    static const cudaError_t attr_status =
        cudaFuncSetAttribute(gemm_tuned, cudaFuncAttributeMaxDynamicSharedMemorySize, kSmemBytes);
    if (attr_status != cudaSuccess) return kf_fail(call, cudaGetErrorString(attr_status));
    gemm_tuned<<<static_cast<unsigned>(tiles), kThreads, kSmemBytes, static_cast<cudaStream_t>(call->stream)>>>(
        a, b, c, static_cast<int>(m), static_cast<int>(n), static_cast<int>(k));
    KF_CHECK_LAUNCH(call);
    return 0;
}
