// Tunable template: TILE x TILE tiles staged through shared memory padded to
// TILE + 1 columns (no bank conflicts on the transposed read), blocks of
// TILE x ROWS threads, each thread copying TILE / ROWS elements of a tile. Reads
// of x and writes of y are both coalesced. Tiles along M beyond the grid's
// y-limit are covered by a grid-stride loop.
// @tune TILE 64 16 32
// @tune ROWS 16 4 8 32
// @constraint TILE % ROWS == 0
// @constraint TILE * ROWS <= 1024
#include <kf_abi.h>

__global__ void __launch_bounds__(TILE * ROWS) transpose_tuned(const float* __restrict__ x, float* __restrict__ y,
                                                               int64_t m, int64_t n) {
    __shared__ float tile[TILE][TILE + 1];
    const int64_t j0 = static_cast<int64_t>(blockIdx.x) * TILE;  // column of x = row of y
    const int64_t tiles_m = (m + TILE - 1) / TILE;
    for (int64_t ti = blockIdx.y; ti < tiles_m; ti += gridDim.y) {
        const int64_t i0 = ti * TILE;  // row of x = column of y
#pragma unroll
        for (int r = threadIdx.y; r < TILE; r += ROWS) {
            const int64_t i = i0 + r, j = j0 + threadIdx.x;
            if (i < m && j < n) tile[r][threadIdx.x] = x[i * n + j];
        }
        __syncthreads();
#pragma unroll
        for (int r = threadIdx.y; r < TILE; r += ROWS) {
            const int64_t j = j0 + r, i = i0 + threadIdx.x;
            if (j < n && i < m) y[j * m + i] = tile[threadIdx.x][r];
        }
        __syncthreads();  // the tile is rewritten by the next iteration
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t gx = (n + TILE - 1) / TILE;
    int64_t gy = (m + TILE - 1) / TILE;
    if (gy > 65535) gy = 65535;
    if (gx > 2147483647) return kf_fail(call, "transpose_fp32: N too large for the grid");
    transpose_tuned<<<dim3(static_cast<unsigned>(gx), static_cast<unsigned>(gy)), dim3(TILE, ROWS), 0,
                      static_cast<cudaStream_t>(call->stream)>>>(static_cast<const float*>(call->inputs[0].data),
                                                                 static_cast<float*>(call->outputs[0].data), m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
