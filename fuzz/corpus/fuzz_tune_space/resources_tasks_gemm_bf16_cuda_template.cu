// Tunable template: Hopper tensor-core GEMM, C[M, N] = A[M, K] * B[N, K]^T, bf16
// in, fp32 accumulate, rounded once to bf16.
//
// Main path (sm_90a), a persistent warp-specialized kernel:
// * One block per SM (grid = min(tiles, SMs)); each block walks the BM x BN
//   tiles blockIdx.x, blockIdx.x + gridDim.x, ..., rasterized in groups of
//   GROUP_M tile rows so that the tiles running at the same time share A and B
//   slices in L2.
// * Warpgroup 0 is the producer: one thread issues TMA loads
//   (cp.async.bulk.tensor.2d) of the A and B tiles of each BK = 64 slice into a
//   STAGES-deep ring of shared memory. Each slice row is 128 bytes, so the TMA
//   writes it with the 128-byte swizzle that wgmma reads without bank
//   conflicts. A stage is handed over with two mbarriers: `full` (the TMA's
//   transaction bytes landed) and `empty` (every consumer warp is done reading).
// * Warpgroups 1 and 2 are consumers: each owns BM / 2 rows of the tile and
//   issues wgmma.mma_async m64nBNk16 straight from shared memory (both operands
//   K-major through matrix descriptors), accumulating in registers. One wgmma
//   batch stays in flight (wait_group 1): a stage is released only once the
//   batch after it was issued, so the tensor cores never wait on the release.
// * setmaxnreg moves registers from the producer (which needs few) to the
//   consumers (BM * BN / 256 fp32 accumulators a thread).
// * Because the ring runs on across tiles, the producer prefetches the next
//   tile's slices while the consumers store the previous tile's results.
// Edges: the TMA zero-fills rows past M/N and columns past K (the transaction
// byte count is always the full box), and stores are bounds-checked, so any M
// and N work; K % 8 == 0 (a definition constraint) makes the row pitch a
// multiple of 16 bytes as the TMA requires.
//
// Problems with too few tiles to fill the SMs (fewer than SMs / 4): with
// K >= 1024 (e.g. M = 16, N = K = 4096) the same kernel at a fixed 128 x 128
// tile and 6-deep ring, which keeps more bytes in flight; with shorter K (tiny
// problems such as 64^3 or 256^3, where the setup dominates) a cp.async +
// mma.sync m16n8k16 kernel with 64 x 64 tiles (this template's earlier
// kernel, at a fixed configuration). The tunables below apply to the Hopper
// path for problems that fill the SMs.
//
// Tunables: BM x BN is the block tile (BM: 64 rows per consumer warpgroup, once
// or twice; BN: the wgmma N), STAGES the depth of the shared-memory ring,
// GROUP_M the rasterization group. The constraints: at most 128 fp32
// accumulators per consumer thread (BM * BN / 256), and the ring plus 1 KiB of
// alignment slack within the 227 KiB of shared memory a block may have (less
// the static barriers).
// @tune BM 128 256
// @tune BN 256 128
// @tune STAGES 4 3 5 6
// @tune GROUP_M 8 16 4
// @constraint BM * BN <= 32768
// @constraint STAGES * (BM + BN) * 128 + 1024 <= 230400
#include <kf_abi.h>
#include <cuda.h>  // CUtensorMap and its enums only: the encoder is fetched from the driver at run time
#include <cuda_bf16.h>
#include <cuda_runtime.h>

// ---------------------------------------------------------------------------
// Hopper path: TMA + mbarrier ring, wgmma, warp specialization.
// ---------------------------------------------------------------------------
// wgmma and setmaxnreg exist only on sm_90a. Built for another target (the
// toolchain compiles for the attached GPU), the kernel's body is left out and
// kf_run, which reads g_wgmma_built from the device, always takes the
// mma.sync path (which needs sm_80 or later).
#if defined(__CUDA_ARCH__) && !defined(__CUDA_ARCH_FEAT_SM90_ALL)
#define KF_NO_WGMMA 1
#endif
#ifdef KF_NO_WGMMA
__device__ int g_wgmma_built = 0;
#else
__device__ int g_wgmma_built = 1;
#endif

namespace hopper {

constexpr int kBK = 64;                       // 64 bf16 = one 128-byte swizzle row
constexpr int kConsumers = 2;                 // consumer warpgroups
constexpr int kThreads = 128 * (kConsumers + 1);
[[maybe_unused]] constexpr int kEmptyArrivals = kConsumers * 4;  // one arrival per consumer warp

// What a tile configuration implies: a TBM x TBN tile of C, a TSTAGES-deep ring.
template <int TBM, int TBN, int TSTAGES>
struct Tile {
    static constexpr int kWgRows = TBM / kConsumers;  // tile rows a consumer warpgroup owns
    static constexpr int kMI = kWgRows / 64;          // m64 wgmmas per k16 step
    static constexpr int kAcc = TBN / 2;              // fp32 accumulators a thread per m64 block
    static constexpr int kATileBytes = TBM * kBK * 2;
    static constexpr int kStageBytes = kATileBytes + TBN * kBK * 2;
    static constexpr int kSmemBytes = TSTAGES * kStageBytes + 1024;  // + slack to align the ring to 1024 bytes
    static_assert(TBM == 128 || TBM == 256, "BM is 64 rows per consumer warpgroup, once or twice");
    static_assert(TBN == 128 || TBN == 256, "BN is a wgmma N: 128 or 256");
    static_assert(kMI * kAcc <= 128, "accumulators must fit the consumers' registers");
    static_assert(TSTAGES >= 2, "the ring needs at least two stages");
};

__device__ __forceinline__ uint32_t smem_addr(const void* p) {
    return static_cast<uint32_t>(__cvta_generic_to_shared(p));
}

__device__ __forceinline__ void mbar_init(uint32_t bar, uint32_t count) {
    asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;\n" ::"r"(bar), "r"(count) : "memory");
}

__device__ __forceinline__ void mbar_expect_tx(uint32_t bar, uint32_t bytes) {
    asm volatile("mbarrier.arrive.expect_tx.shared::cta.b64 _, [%0], %1;\n" ::"r"(bar), "r"(bytes) : "memory");
}

__device__ __forceinline__ void mbar_arrive(uint32_t bar) {
    asm volatile("mbarrier.arrive.shared::cta.b64 _, [%0];\n" ::"r"(bar) : "memory");
}

// Returns once the phase of parity `parity` has completed. A fresh barrier is
// in phase 0, so waiting for parity 1 returns at once (the producer's first lap).
__device__ __forceinline__ void mbar_wait(uint32_t bar, uint32_t parity) {
    uint32_t done;
    do {
        asm volatile(
            "{\n.reg .pred p;\nmbarrier.try_wait.parity.shared::cta.b64 p, [%1], %2;\nselp.u32 %0, 1, 0, p;\n}\n"
            : "=r"(done)
            : "r"(bar), "r"(parity)
            : "memory");
    } while (!done);
}

// Box (kBK columns from c0, rows from c1) of the tensor map into shared memory;
// completion is counted in bytes on `bar`. Out-of-bounds elements arrive as zero.
__device__ __forceinline__ void tma_load(uint32_t dst, const CUtensorMap* map, uint32_t bar, int c0, int c1) {
    asm volatile(
        "cp.async.bulk.tensor.2d.shared::cluster.global.tile.mbarrier::complete_tx::bytes [%0], [%1, {%2, %3}], [%4];\n" ::"r"(dst),
        "l"(reinterpret_cast<uint64_t>(map)), "r"(c0), "r"(c1), "r"(bar)
        : "memory");
}

// wgmma matrix descriptor of a K-major tile of 128-byte rows written with the
// 128-byte swizzle: start address, leading byte offset (unused for this layout,
// 16), stride byte offset 1024 (from one 8-row core-matrix group to the next),
// swizzle mode 1 (128B). The tile base must be 1024-byte aligned; stepping the
// start by 32 bytes moves 16 elements along K.
__device__ __forceinline__ uint64_t make_desc(uint32_t addr) {
    return static_cast<uint64_t>((addr & 0x3FFFF) >> 4) | (static_cast<uint64_t>(16 >> 4) << 16) |
           (static_cast<uint64_t>(1024 >> 4) << 32) | (1ull << 62);
}

__device__ __forceinline__ void wgmma_fence() { asm volatile("wgmma.fence.sync.aligned;\n" ::: "memory"); }
__device__ __forceinline__ void wgmma_commit() { asm volatile("wgmma.commit_group.sync.aligned;\n" ::: "memory"); }
template <int N>
__device__ __forceinline__ void wgmma_wait() {
    asm volatile("wgmma.wait_group.sync.aligned %0;\n" ::"n"(N) : "memory");
}

// Keeps the compiler from moving accesses of the accumulators across the
// asynchronous wgmma region.
template <int R>
__device__ __forceinline__ void fence_operands(float (&d)[R]) {
#pragma unroll
    for (int i = 0; i < R; ++i) asm volatile("" : "+f"(d[i])::"memory");
}

// D[64 x 256] (+)= A[64 x 16] * B[256 x 16]^T, both from shared memory through descriptors, K-major.
__device__ __forceinline__ void wgmma_n256(float (&d)[128], uint64_t desc_a, uint64_t desc_b, int scale_d) {
    asm volatile(
        "{\n.reg .pred p;\nsetp.ne.b32 p, %130, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n256k16.f32.bf16.bf16 {"
        "%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, "
        "%16, %17, %18, %19, %20, %21, %22, %23, %24, %25, %26, %27, %28, %29, %30, %31, "
        "%32, %33, %34, %35, %36, %37, %38, %39, %40, %41, %42, %43, %44, %45, %46, %47, "
        "%48, %49, %50, %51, %52, %53, %54, %55, %56, %57, %58, %59, %60, %61, %62, %63, "
        "%64, %65, %66, %67, %68, %69, %70, %71, %72, %73, %74, %75, %76, %77, %78, %79, "
        "%80, %81, %82, %83, %84, %85, %86, %87, %88, %89, %90, %91, %92, %93, %94, %95, "
        "%96, %97, %98, %99, %100, %101, %102, %103, %104, %105, %106, %107, %108, %109, %110, %111, "
        "%112, %113, %114, %115, %116, %117, %118, %119, %120, %121, %122, %123, %124, %125, %126, %127}, "
        "%128, %129, p, 1, 1, 0, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]),
          "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]),
          "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]),
          "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31]),
          "+f"(d[32]), "+f"(d[33]), "+f"(d[34]), "+f"(d[35]), "+f"(d[36]), "+f"(d[37]), "+f"(d[38]), "+f"(d[39]),
          "+f"(d[40]), "+f"(d[41]), "+f"(d[42]), "+f"(d[43]), "+f"(d[44]), "+f"(d[45]), "+f"(d[46]), "+f"(d[47]),
          "+f"(d[48]), "+f"(d[49]), "+f"(d[50]), "+f"(d[51]), "+f"(d[52]), "+f"(d[53]), "+f"(d[54]), "+f"(d[55]),
          "+f"(d[56]), "+f"(d[57]), "+f"(d[58]), "+f"(d[59]), "+f"(d[60]), "+f"(d[61]), "+f"(d[62]), "+f"(d[63]),
          "+f"(d[64]), "+f"(d[65]), "+f"(d[66]), "+f"(d[67]), "+f"(d[68]), "+f"(d[69]), "+f"(d[70]), "+f"(d[71]),
          "+f"(d[72]), "+f"(d[73]), "+f"(d[74]), "+f"(d[75]), "+f"(d[76]), "+f"(d[77]), "+f"(d[78]), "+f"(d[79]),
          "+f"(d[80]), "+f"(d[81]), "+f"(d[82]), "+f"(d[83]), "+f"(d[84]), "+f"(d[85]), "+f"(d[86]), "+f"(d[87]),
          "+f"(d[88]), "+f"(d[89]), "+f"(d[90]), "+f"(d[91]), "+f"(d[92]), "+f"(d[93]), "+f"(d[94]), "+f"(d[95]),
          "+f"(d[96]), "+f"(d[97]), "+f"(d[98]), "+f"(d[99]), "+f"(d[100]), "+f"(d[101]), "+f"(d[102]), "+f"(d[103]),
          "+f"(d[104]), "+f"(d[105]), "+f"(d[106]), "+f"(d[107]), "+f"(d[108]), "+f"(d[109]), "+f"(d[110]), "+f"(d[111]),
          "+f"(d[112]), "+f"(d[113]), "+f"(d[114]), "+f"(d[115]), "+f"(d[116]), "+f"(d[117]), "+f"(d[118]), "+f"(d[119]),
          "+f"(d[120]), "+f"(d[121]), "+f"(d[122]), "+f"(d[123]), "+f"(d[124]), "+f"(d[125]), "+f"(d[126]), "+f"(d[127])
        : "l"(desc_a), "l"(desc_b), "r"(scale_d));
}

// D[64 x 128] (+)= A[64 x 16] * B[128 x 16]^T, both from shared memory through descriptors, K-major.
__device__ __forceinline__ void wgmma_n128(float (&d)[64], uint64_t desc_a, uint64_t desc_b, int scale_d) {
    asm volatile(
        "{\n.reg .pred p;\nsetp.ne.b32 p, %66, 0;\n"
        "wgmma.mma_async.sync.aligned.m64n128k16.f32.bf16.bf16 {"
        "%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15, "
        "%16, %17, %18, %19, %20, %21, %22, %23, %24, %25, %26, %27, %28, %29, %30, %31, "
        "%32, %33, %34, %35, %36, %37, %38, %39, %40, %41, %42, %43, %44, %45, %46, %47, "
        "%48, %49, %50, %51, %52, %53, %54, %55, %56, %57, %58, %59, %60, %61, %62, %63}, "
        "%64, %65, p, 1, 1, 0, 0;\n}\n"
        : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]), "+f"(d[4]), "+f"(d[5]), "+f"(d[6]), "+f"(d[7]),
          "+f"(d[8]), "+f"(d[9]), "+f"(d[10]), "+f"(d[11]), "+f"(d[12]), "+f"(d[13]), "+f"(d[14]), "+f"(d[15]),
          "+f"(d[16]), "+f"(d[17]), "+f"(d[18]), "+f"(d[19]), "+f"(d[20]), "+f"(d[21]), "+f"(d[22]), "+f"(d[23]),
          "+f"(d[24]), "+f"(d[25]), "+f"(d[26]), "+f"(d[27]), "+f"(d[28]), "+f"(d[29]), "+f"(d[30]), "+f"(d[31]),
          "+f"(d[32]), "+f"(d[33]), "+f"(d[34]), "+f"(d[35]), "+f"(d[36]), "+f"(d[37]), "+f"(d[38]), "+f"(d[39]),
          "+f"(d[40]), "+f"(d[41]), "+f"(d[42]), "+f"(d[43]), "+f"(d[44]), "+f"(d[45]), "+f"(d[46]), "+f"(d[47]),
          "+f"(d[48]), "+f"(d[49]), "+f"(d[50]), "+f"(d[51]), "+f"(d[52]), "+f"(d[53]), "+f"(d[54]), "+f"(d[55]),
          "+f"(d[56]), "+f"(d[57]), "+f"(d[58]), "+f"(d[59]), "+f"(d[60]), "+f"(d[61]), "+f"(d[62]), "+f"(d[63])
        : "l"(desc_a), "l"(desc_b), "r"(scale_d));
}

template <int N>
__device__ __forceinline__ void wgmma(float (&d)[N / 2], uint64_t desc_a, uint64_t desc_b, int scale_d) {
    if constexpr (N == 256) wgmma_n256(d, desc_a, desc_b, scale_d);
    else wgmma_n128(d, desc_a, desc_b, scale_d);
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

// Tile `t` of the grouped rasterization: GROUP_M consecutive tile rows sweep the tile columns together.
__device__ __forceinline__ void tile_coords(int t, int tiles_m, int tiles_n, int& tile_m, int& tile_n) {
    const int per_group = GROUP_M * tiles_n;
    const int first_m = t / per_group * GROUP_M;
    const int group_m = tiles_m - first_m < GROUP_M ? tiles_m - first_m : GROUP_M;
    tile_m = first_m + (t % per_group) % group_m;
    tile_n = (t % per_group) / group_m;
}

template <int TBM, int TBN, int TSTAGES>
__global__ void __launch_bounds__(kThreads, 1)
    gemm_wgmma(const __grid_constant__ CUtensorMap map_a, const __grid_constant__ CUtensorMap map_b,
               __nv_bfloat16* __restrict__ c, int m, int n, int k) {
#ifdef KF_NO_WGMMA
    __trap();  // not reached: kf_run does not launch it where g_wgmma_built is 0
#else
    using T = Tile<TBM, TBN, TSTAGES>;
    __shared__ __align__(8) uint64_t full_bar[TSTAGES];
    __shared__ __align__(8) uint64_t empty_bar[TSTAGES];
    extern __shared__ unsigned char smem_raw[];
    // The 128-byte swizzle repeats every 1024 bytes, and wgmma descriptors assume
    // it starts at a 1024-byte boundary: align the ring by hand.
    const uint32_t ring = (smem_addr(smem_raw) + 1023u) & ~1023u;
    const uint32_t full0 = smem_addr(&full_bar[0]), empty0 = smem_addr(&empty_bar[0]);

    const int wg = threadIdx.x / 128, tid = threadIdx.x % 128;
    if (threadIdx.x == 0) {
        for (int s = 0; s < TSTAGES; ++s) {
            mbar_init(full0 + 8 * s, 1);  // the producer's arrive.expect_tx (+ the TMA's bytes)
            mbar_init(empty0 + 8 * s, kEmptyArrivals);
        }
        // Make the initialized barriers visible to the async proxy (the TMA unit).
        asm volatile("fence.mbarrier_init.release.cluster;\n" ::: "memory");
    }
    __syncthreads();

    const int tiles_m = (m + TBM - 1) / TBM, tiles_n = (n + TBN - 1) / TBN;
    const int tiles = tiles_m * tiles_n;
    const int ktiles = (k + kBK - 1) / kBK;

    if (wg == 0) {
        // Producer: few registers needed; give them to the consumers.
        asm volatile("setmaxnreg.dec.sync.aligned.u32 40;\n" ::: "memory");
        if (tid == 0) {
            asm volatile("prefetch.tensormap [%0];\n" ::"l"(reinterpret_cast<uint64_t>(&map_a)) : "memory");
            asm volatile("prefetch.tensormap [%0];\n" ::"l"(reinterpret_cast<uint64_t>(&map_b)) : "memory");
            int stage = 0;
            uint32_t phase = 0;
            for (int t = blockIdx.x; t < tiles; t += gridDim.x) {
                int tile_m, tile_n;
                tile_coords(t, tiles_m, tiles_n, tile_m, tile_n);
                for (int kt = 0; kt < ktiles; ++kt) {
                    mbar_wait(empty0 + 8 * stage, phase ^ 1);  // every consumer warp released the stage
                    const uint32_t full = full0 + 8 * stage;
                    const uint32_t dst = ring + stage * T::kStageBytes;
                    mbar_expect_tx(full, T::kStageBytes);
                    tma_load(dst, &map_a, full, kt * kBK, tile_m * TBM);
                    tma_load(dst + T::kATileBytes, &map_b, full, kt * kBK, tile_n * TBN);
                    if (++stage == TSTAGES) stage = 0, phase ^= 1;
                }
            }
        }
    } else {
        asm volatile("setmaxnreg.inc.sync.aligned.u32 232;\n" ::: "memory");
        const int consumer = wg - 1;
        const int warp = tid / 32, lane = tid % 32;
        float acc[T::kMI][T::kAcc];
#pragma unroll
        for (int i = 0; i < T::kMI; ++i)
#pragma unroll
            for (int j = 0; j < T::kAcc; ++j) acc[i][j] = 0.0f;

        int stage = 0;
        uint32_t phase = 0;
        for (int t = blockIdx.x; t < tiles; t += gridDim.x) {
            int tile_m, tile_n;
            tile_coords(t, tiles_m, tiles_n, tile_m, tile_n);
            int prev_stage = 0;
            for (int kt = 0; kt < ktiles; ++kt) {
                mbar_wait(full0 + 8 * stage, phase);  // the TMA's bytes of this slice have landed
                const uint32_t a_base = ring + stage * T::kStageBytes + consumer * T::kWgRows * 128;
                const uint32_t b_base = ring + stage * T::kStageBytes + T::kATileBytes;
#pragma unroll
                for (int i = 0; i < T::kMI; ++i) fence_operands(acc[i]);
                wgmma_fence();
#pragma unroll
                for (int kk = 0; kk < kBK / 16; ++kk) {
                    const uint64_t db = make_desc(b_base + kk * 32);
#pragma unroll
                    for (int i = 0; i < T::kMI; ++i)
                        wgmma<TBN>(acc[i], make_desc(a_base + i * 64 * 128 + kk * 32), db, (kt > 0 || kk > 0) ? 1 : 0);
                }
                wgmma_commit();
#pragma unroll
                for (int i = 0; i < T::kMI; ++i) fence_operands(acc[i]);
                // The batch before this one has finished reading its stage: release it.
                wgmma_wait<1>();
                if (kt > 0 && lane == 0) mbar_arrive(empty0 + 8 * prev_stage);
                prev_stage = stage;
                if (++stage == TSTAGES) stage = 0, phase ^= 1;
            }
            wgmma_wait<0>();
#pragma unroll
            for (int i = 0; i < T::kMI; ++i) fence_operands(acc[i]);
            if (lane == 0) mbar_arrive(empty0 + 8 * prev_stage);

            // Accumulator layout of m64nN: warp w of the warpgroup holds rows 16w..16w+15;
            // per n8 block j, d[4j], d[4j+1] sit at (row lane/4, cols 8j + 2*(lane%4) + 0/1)
            // and d[4j+2], d[4j+3] eight rows below.
#pragma unroll
            for (int i = 0; i < T::kMI; ++i) {
                const int row = tile_m * TBM + consumer * T::kWgRows + i * 64 + warp * 16 + lane / 4;
#pragma unroll
                for (int j = 0; j < T::kAcc / 4; ++j) {
                    const int col = tile_n * TBN + j * 8 + (lane % 4) * 2;
                    store_pair(c, m, n, row, col, acc[i][4 * j], acc[i][4 * j + 1]);
                    store_pair(c, m, n, row + 8, col, acc[i][4 * j + 2], acc[i][4 * j + 3]);
                }
            }
        }
    }
#endif  // KF_NO_WGMMA
}

}  // namespace hopper

// ---------------------------------------------------------------------------
// Small-problem path: cp.async + ldmatrix + mma.sync m16n8k16 (the previous
// template's kernel), at a fixed configuration of 64 x 64 tiles so that small
// M or N still spread over many SMs. A and B tiles stream through a 3-deep
// cp.async pipeline, stored with an XOR swizzle of 16-byte chunks so that
// ldmatrix reads are free of bank conflicts; cp.async zero-fills rows past M/N
// and columns past K, stores are bounds-checked.
// ---------------------------------------------------------------------------
namespace small {

constexpr int kBM = 64, kBN = 64, kBK = 64, kWM = 32, kWN = 32, kStages = 3, kGroupM = 8;
constexpr int kWarpsM = kBM / kWM;
constexpr int kWarpsN = kBN / kWN;
constexpr int kThreads = kWarpsM * kWarpsN * 32;
constexpr int kChunks = kBK / 8;  // 16-byte chunks in a tile row
constexpr int kMI = kWM / 16;     // m16 fragments a warp
constexpr int kNI = kWN / 8;      // n8 fragments a warp
constexpr int kATileBytes = kBM * kBK * 2;
constexpr int kBTileBytes = kBN * kBK * 2;
constexpr int kStageBytes = kATileBytes + kBTileBytes;
constexpr int kSmemBytes = kStages * kStageBytes;

// 16-byte chunk index of (row, chunk) in a [rows][kBK] bf16 tile (8 chunks a
// row): the XOR key row % 8 puts the 8 rows an ldmatrix phase reads in 8
// distinct bank groups.
__device__ __forceinline__ int swizzle(int row, int chunk) { return row * kChunks + (chunk ^ (row & 7)); }

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

// Copies rows [row0, row0 + ROWS) x columns [k0, k0 + kBK) of a K-contiguous
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

__global__ void __launch_bounds__(kThreads) gemm_mma(const __nv_bfloat16* __restrict__ a,
                                                     const __nv_bfloat16* __restrict__ b,
                                                     __nv_bfloat16* __restrict__ c, int m, int n, int k) {
    extern __shared__ __align__(128) unsigned char smem[];
    const uint32_t smem_base = static_cast<uint32_t>(__cvta_generic_to_shared(smem));

    const int tiles_m = (m + kBM - 1) / kBM, tiles_n = (n + kBN - 1) / kBN;
    const int pid = blockIdx.x;
    const int per_group = kGroupM * tiles_n;
    const int first_m = pid / per_group * kGroupM;
    const int group_m = tiles_m - first_m < kGroupM ? tiles_m - first_m : kGroupM;
    const int tile_m = first_m + (pid % per_group) % group_m;
    const int tile_n = (pid % per_group) / group_m;
    const int m0 = tile_m * kBM, n0 = tile_n * kBN;

    const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
    const int wm0 = warp / kWarpsN * kWM, wn0 = warp % kWarpsN * kWN;

    float acc[kMI][kNI][4];
#pragma unroll
    for (int i = 0; i < kMI; ++i)
#pragma unroll
        for (int j = 0; j < kNI; ++j)
#pragma unroll
            for (int e = 0; e < 4; ++e) acc[i][j][e] = 0.0f;

    const int ktiles = (k + kBK - 1) / kBK;
#pragma unroll
    for (int s = 0; s < kStages - 1; ++s) {
        if (s < ktiles) {
            const uint32_t base = smem_base + s * kStageBytes;
            load_tile<kBM>(base, a, m, k, m0, s * kBK);
            load_tile<kBN>(base + kATileBytes, b, n, k, n0, s * kBK);
        }
        cp_async_commit();
    }

    for (int kt = 0; kt < ktiles; ++kt) {
        cp_async_wait<kStages - 2>();  // the slice kt has landed (this thread's copies)...
        __syncthreads();               // ...and everyone's; the stage refilled below is no longer read
        const int next = kt + kStages - 1;
        if (next < ktiles) {
            const uint32_t base = smem_base + (next % kStages) * kStageBytes;
            load_tile<kBM>(base, a, m, k, m0, next * kBK);
            load_tile<kBN>(base + kATileBytes, b, n, k, n0, next * kBK);
        }
        cp_async_commit();

        const uint32_t a_base = smem_base + (kt % kStages) * kStageBytes;
        const uint32_t b_base = a_base + kATileBytes;
#pragma unroll
        for (int kk = 0; kk < kBK / 16; ++kk) {
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
            hopper::store_pair(c, m, n, row, col, acc[i][j][0], acc[i][j][1]);
            hopper::store_pair(c, m, n, row + 8, col, acc[i][j][2], acc[i][j][3]);
        }
}

}  // namespace small

// ---------------------------------------------------------------------------
// Host side.
// ---------------------------------------------------------------------------
using EncodeTiledFn = CUresult (*)(CUtensorMap*, CUtensorMapDataType, cuuint32_t, void*, const cuuint64_t*,
                                   const cuuint64_t*, const cuuint32_t*, const cuuint32_t*, CUtensorMapInterleave,
                                   CUtensorMapSwizzle, CUtensorMapL2promotion, CUtensorMapFloatOOBfill);

// cuTensorMapEncodeTiled from the driver, through the runtime (the candidate
// links only the CUDA runtime). Looked up once.
static EncodeTiledFn encoder() {
    static const EncodeTiledFn fn = [] {
        void* p = nullptr;
        cudaDriverEntryPointQueryResult q = cudaDriverEntryPointSymbolNotFound;
        if (cudaGetDriverEntryPointByVersion("cuTensorMapEncodeTiled", &p, 12000, cudaEnableDefault, &q) != cudaSuccess ||
            q != cudaDriverEntryPointSuccess)
            return static_cast<EncodeTiledFn>(nullptr);
        return reinterpret_cast<EncodeTiledFn>(p);
    }();
    return fn;
}

// Tensor map of a K-contiguous [rows, k] bf16 matrix read in boxes of
// hopper::kBK x box_rows with the 128-byte swizzle. The last map made is
// remembered (per thread), as the same buffers come back call after call.
static bool tensor_map(CUtensorMap* out, int slot, const void* ptr, int64_t rows, int64_t k, int box_rows) {
    struct Entry {
        const void* ptr = nullptr;
        int64_t rows = 0, k = 0;
        int box_rows = 0;
        CUtensorMap map;
    };
    thread_local Entry cache[2];
    Entry& e = cache[slot];
    if (e.ptr == ptr && e.rows == rows && e.k == k && e.box_rows == box_rows) {
        *out = e.map;
        return true;
    }
    const EncodeTiledFn encode = encoder();
    if (!encode) return false;
    const cuuint64_t dims[2] = {static_cast<cuuint64_t>(k), static_cast<cuuint64_t>(rows)};
    const cuuint64_t strides[1] = {static_cast<cuuint64_t>(k) * 2};  // bytes; K % 8 == 0 makes it a multiple of 16
    const cuuint32_t box[2] = {static_cast<cuuint32_t>(hopper::kBK), static_cast<cuuint32_t>(box_rows)};
    const cuuint32_t elem_strides[2] = {1, 1};
    if (encode(&e.map, CU_TENSOR_MAP_DATA_TYPE_BFLOAT16, 2, const_cast<void*>(ptr), dims, strides, box, elem_strides,
               CU_TENSOR_MAP_INTERLEAVE_NONE, CU_TENSOR_MAP_SWIZZLE_128B, CU_TENSOR_MAP_L2_PROMOTION_L2_256B,
               CU_TENSOR_MAP_FLOAT_OOB_FILL_NONE) != CUDA_SUCCESS) {
        e.ptr = nullptr;
        return false;
    }
    e.ptr = ptr, e.rows = rows, e.k = k, e.box_rows = box_rows;
    *out = e.map;
    return true;
}

// Whether the loaded device code has the wgmma kernel (built for sm_90a). Read once.
static bool wgmma_built() {
    static const bool built = [] {
        int v = 0;
        if (cudaMemcpyFromSymbol(&v, g_wgmma_built, sizeof v) != cudaSuccess) {
            cudaGetLastError();  // clear it, so that KF_CHECK_LAUNCH does not report it later
            return false;
        }
        return v == 1;
    }();
    return built;
}

static int sm_count() {
    int device = 0, count = 0;
    if (cudaGetDevice(&device) != cudaSuccess) return 0;
    if (cudaDeviceGetAttribute(&count, cudaDevAttrMultiProcessorCount, device) != cudaSuccess) return 0;
    return count;
}

// Launches the Hopper kernel at tile configuration TBM x TBN, TSTAGES deep.
template <int TBM, int TBN, int TSTAGES>
static int launch_wgmma(const kf_call* call, const __nv_bfloat16* a, const __nv_bfloat16* b, __nv_bfloat16* c,
                        int64_t m, int64_t n, int64_t k, int sms, cudaStream_t stream) {
    using T = hopper::Tile<TBM, TBN, TSTAGES>;
    CUtensorMap map_a, map_b;
    if (!tensor_map(&map_a, 0, a, m, k, TBM) || !tensor_map(&map_b, 1, b, n, k, TBN))
        return kf_fail(call, "gemm_bf16: cuTensorMapEncodeTiled failed or is unavailable");
    // Above 48 KiB of dynamic shared memory a kernel must opt in; done once per configuration.
    static const cudaError_t attr_status = cudaFuncSetAttribute(
        hopper::gemm_wgmma<TBM, TBN, TSTAGES>, cudaFuncAttributeMaxDynamicSharedMemorySize, T::kSmemBytes);
    if (attr_status != cudaSuccess) return kf_fail(call, cudaGetErrorString(attr_status));
    const int64_t tiles = ((m + TBM - 1) / TBM) * ((n + TBN - 1) / TBN);
    if (tiles > 2147483647) return kf_fail(call, "gemm_bf16: too many tiles");
    const int grid = static_cast<int>(tiles < sms ? tiles : sms);  // persistent: at most one block per SM
    hopper::gemm_wgmma<TBM, TBN, TSTAGES><<<grid, hopper::kThreads, T::kSmemBytes, stream>>>(
        map_a, map_b, c, static_cast<int>(m), static_cast<int>(n), static_cast<int>(k));
    KF_CHECK_LAUNCH(call);
    return 0;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    if (m > 2147483647 - 256 || n > 2147483647 - 256 || k > 2147483647 - 64)
        return kf_fail(call, "gemm_bf16: dimension exceeds int32");
    if (k % 8 != 0) return kf_fail(call, "gemm_bf16: K must be a multiple of 8");
    const __nv_bfloat16* a = static_cast<const __nv_bfloat16*>(call->inputs[0].data);
    const __nv_bfloat16* b = static_cast<const __nv_bfloat16*>(call->inputs[1].data);
    __nv_bfloat16* c = static_cast<__nv_bfloat16*>(call->outputs[0].data);
    if ((reinterpret_cast<uintptr_t>(a) | reinterpret_cast<uintptr_t>(b)) % 16 != 0 || reinterpret_cast<uintptr_t>(c) % 4 != 0)
        return kf_fail(call, "gemm_bf16: A and B must be 16-byte aligned, C 4-byte aligned");
    if (m == 0 || n == 0) return 0;
    const cudaStream_t stream = static_cast<cudaStream_t>(call->stream);
    static const int sms = sm_count();
    if (sms <= 0) return kf_fail(call, "gemm_bf16: cannot read the multiprocessor count");

    if (wgmma_built()) {
        // Enough tiles to fill the SMs: the tuned configuration.
        const int64_t big_tiles = ((m + BM - 1) / BM) * ((n + BN - 1) / BN);
        if (big_tiles * 4 >= sms) return launch_wgmma<BM, BN, STAGES>(call, a, b, c, m, n, k, sms, stream);
        // Few tiles but a long K (M or N small, e.g. M = 16): streaming B or A is
        // latency-bound, and 128 x 128 tiles with a 6-deep ring keep more bytes in
        // flight than the mma.sync kernel (on an H200, M = 16, N = K = 4096 took
        // 0.028 ms this way against 0.060 ms with mma.sync).
        if (k >= 1024) return launch_wgmma<128, 128, 6>(call, a, b, c, m, n, k, sms, stream);
    }

    const int64_t tiles = ((m + small::kBM - 1) / small::kBM) * ((n + small::kBN - 1) / small::kBN);
    if (tiles > 2147483647) return kf_fail(call, "gemm_bf16: too many tiles for the grid");
    static const cudaError_t attr_small =
        cudaFuncSetAttribute(small::gemm_mma, cudaFuncAttributeMaxDynamicSharedMemorySize, small::kSmemBytes);
    if (attr_small != cudaSuccess) return kf_fail(call, cudaGetErrorString(attr_small));
    small::gemm_mma<<<static_cast<unsigned>(tiles), small::kThreads, small::kSmemBytes, stream>>>(
        a, b, c, static_cast<int>(m), static_cast<int>(n), static_cast<int>(k));
    KF_CHECK_LAUNCH(call);
    return 0;
}
