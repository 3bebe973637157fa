// Tunable template (variant "panel"): rectangular TM x TN tiles of x, moved
// as flat runs, for thin matrices.
//
// The square-tile template wastes most of a 32- or 64-row tile when x has 3
// rows (or 3 columns), and its rows of y are then a few floats long, so its
// stores are mostly partial segments. Here a tile may be 4 x 256 or 256 x 4:
// when TM covers all of M (or TN all of N), the tile's rows of y (or of x)
// are adjacent in memory, and the block reads and writes them as one
// contiguous run: element e of the tile is (e / TN, e % TN) when loading and
// (e / TM, e % TM) of the transposed tile when storing, so consecutive threads
// touch consecutive addresses in both phases whatever the shape. TM and TN
// are compile-time powers of two, so the divisions are shifts.
//
// Shared memory: TM rows of `kPitch` floats. With TM < 32 a warp's store
// phase reads 32 / TM columns of TM rows, and the pitch padded by 32 / TM puts
// them in 32 distinct banks; otherwise the classic odd pitch keeps a warp's
// column reads conflict-free (for TN < 32 the load phase then shares a few
// banks two ways, which costs less than the alternative's TN-way stores).
// Any M and N: every access is bounds-checked; the grid strides along M past
// the grid's y-limit.
// @tune TM 4 1 2 8 16 32 64 128 256
// @tune TN 256 4 8 16 32 64 128 512 1024
// @tune THREADS 256 128 512
// @constraint TM * TN >= THREADS && TM * TN <= 8192
// @constraint TM >= 32 || TN >= 32
#include <kf_abi.h>

constexpr int kPad = TM < 32 && TN >= 32 ? 32 / TM : 1;
constexpr int kPitch = TN + kPad;
constexpr int kItems = TM * TN / THREADS;  // elements a thread moves per phase

__global__ void __launch_bounds__(THREADS) transpose_panel(const float* __restrict__ x, float* __restrict__ y,
                                                           int64_t m, int64_t n) {
    __shared__ float tile[TM * kPitch];
    const int64_t j0 = static_cast<int64_t>(blockIdx.x) * TN;  // first column of x = first row of y
    const int64_t tiles_m = (m + TM - 1) / TM;
    for (int64_t ti = blockIdx.y; ti < tiles_m; ti += gridDim.y) {
        const int64_t i0 = ti * TM;  // first row of x = first column of y
        float v[kItems];
#pragma unroll
        for (int k = 0; k < kItems; ++k) {  // all loads in flight before the first shared store
            const int e = k * THREADS + static_cast<int>(threadIdx.x);
            const int64_t i = i0 + e / TN, j = j0 + e % TN;
            v[k] = i < m && j < n ? __ldcs(x + i * n + j) : 0.0f;
        }
#pragma unroll
        for (int k = 0; k < kItems; ++k) {
            const int e = k * THREADS + static_cast<int>(threadIdx.x);
            tile[e / TN * kPitch + e % TN] = v[k];
        }
        __syncthreads();
#pragma unroll
        for (int k = 0; k < kItems; ++k) {
            const int e = k * THREADS + static_cast<int>(threadIdx.x);
            const int r = e / TM, c = e % TM;  // row of the y tile (column of x), column of the y tile
            const int64_t j = j0 + r, i = i0 + c;
            if (j < n && i < m) __stcs(y + j * m + i, tile[c * kPitch + r]);
        }
        __syncthreads();  // the tile is rewritten by the next iteration
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t gx = (n + TN - 1) / TN;
    int64_t gy = (m + TM - 1) / TM;
    if (gy > 65535) gy = 65535;
    if (gx > 2147483647) return kf_fail(call, "transpose_fp32 (panel): N too large for the grid");
    if (gx == 0 || gy == 0) return 0;  // an empty matrix: nothing to write
    const dim3 grid(static_cast<unsigned>(gx), static_cast<unsigned>(gy));
    transpose_panel<<<grid, THREADS, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<float*>(call->outputs[0].data), m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
