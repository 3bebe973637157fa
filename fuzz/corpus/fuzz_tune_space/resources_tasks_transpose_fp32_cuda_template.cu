// Tunable template: TILE x TILE tiles staged through shared memory padded to
// TILE + 1 columns, THREADS threads a block.
//
// When M and N are multiples of 4 (every row of x and of y starts 16-byte
// aligned) the tile moves as float4: a warp reads 4 rows x 8 float4 (four
// 128-byte segments) of x and writes 4 rows x 8 float4 of y, each thread
// holding TILE * TILE / (4 * THREADS) float4 of both phases in registers, all
// loads issued before the first shared-memory store. With the odd pitch
// TILE + 1 and that 4 x 8 warp shape, both the scalar shared-memory stores of
// a loaded float4 and the scalar gathers of a column are conflict-free.
// Otherwise a scalar tile copy (TILE x THREADS / TILE threads) handles any
// shape. Tiles along M beyond the grid's y-limit are covered by a grid-stride
// loop.
// @tune TILE 64 32
// @tune THREADS 256 128 512 1024
// @constraint TILE * TILE >= 4 * THREADS
#include <kf_abi.h>

constexpr int kPitch = TILE + 1;
constexpr int kQuads = TILE * TILE / 4 / THREADS;  // float4 per thread and phase
constexpr int kSegs = TILE / 32;                   // 8-float4 segments in a tile row

// Tile coordinates (row, first column) of the float4 that thread t moves in pass p.
__device__ __forceinline__ void quad_slot(int p, int& row, int& col) {
    const int f = p * THREADS + static_cast<int>(threadIdx.x);
    const int chunk = f / 32, lane = f % 32;
    row = chunk / kSegs * 4 + lane / 8;
    col = (chunk % kSegs * 8 + lane % 8) * 4;
}

__global__ void __launch_bounds__(THREADS) transpose_vec4(const float* __restrict__ x, float* __restrict__ y,
                                                          int64_t m, int64_t n) {
    __shared__ float tile[TILE * kPitch];
    const int64_t j0 = static_cast<int64_t>(blockIdx.x) * TILE;  // column of x = row of y
    const int64_t tiles_m = (m + TILE - 1) / TILE;
    for (int64_t ti = blockIdx.y; ti < tiles_m; ti += gridDim.y) {
        const int64_t i0 = ti * TILE;  // row of x = column of y
        float4 v[kQuads];
#pragma unroll
        for (int p = 0; p < kQuads; ++p) {
            int r, c;
            quad_slot(p, r, c);
            const int64_t i = i0 + r, j = j0 + c;  // m, n are multiples of 4: a float4 is all in or all out
            v[p] = i < m && j < n ? __ldcs(reinterpret_cast<const float4*>(x + i * n + j)) : make_float4(0, 0, 0, 0);
        }
#pragma unroll
        for (int p = 0; p < kQuads; ++p) {
            int r, c;
            quad_slot(p, r, c);
            float* t = tile + r * kPitch + c;
            t[0] = v[p].x;
            t[1] = v[p].y;
            t[2] = v[p].z;
            t[3] = v[p].w;
        }
        __syncthreads();
#pragma unroll
        for (int p = 0; p < kQuads; ++p) {
            int r, c;  // r: row of the y tile (column of the x tile), c: first of 4 columns of y
            quad_slot(p, r, c);
            const float* t = tile + c * kPitch + r;
            v[p] = make_float4(t[0], t[kPitch], t[2 * kPitch], t[3 * kPitch]);
        }
#pragma unroll
        for (int p = 0; p < kQuads; ++p) {
            int r, c;
            quad_slot(p, r, c);
            const int64_t j = j0 + r, i = i0 + c;
            if (j < n && i < m) __stcs(reinterpret_cast<float4*>(y + j * m + i), v[p]);
        }
        __syncthreads();  // the tile is rewritten by the next iteration
    }
}

__global__ void __launch_bounds__(THREADS) transpose_scalar(const float* __restrict__ x, float* __restrict__ y,
                                                            int64_t m, int64_t n) {
    constexpr int kRows = THREADS / TILE;
    __shared__ float tile[TILE * kPitch];
    const int tx = static_cast<int>(threadIdx.x) % TILE, ty = static_cast<int>(threadIdx.x) / TILE;
    const int64_t j0 = static_cast<int64_t>(blockIdx.x) * TILE;
    const int64_t tiles_m = (m + TILE - 1) / TILE;
    for (int64_t ti = blockIdx.y; ti < tiles_m; ti += gridDim.y) {
        const int64_t i0 = ti * TILE;
#pragma unroll
        for (int r = ty; r < TILE; r += kRows) {
            const int64_t i = i0 + r, j = j0 + tx;
            if (i < m && j < n) tile[r * kPitch + tx] = x[i * n + j];
        }
        __syncthreads();
#pragma unroll
        for (int r = ty; r < TILE; r += kRows) {
            const int64_t j = j0 + r, i = i0 + tx;
            if (j < n && i < m) y[j * m + i] = tile[tx * kPitch + r];
        }
        __syncthreads();
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t gx = (n + TILE - 1) / TILE;
    int64_t gy = (m + TILE - 1) / TILE;
    if (gy > 65535) gy = 65535;
    if (gx > 2147483647) return kf_fail(call, "transpose_fp32: N too large for the grid");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const uintptr_t addr = reinterpret_cast<uintptr_t>(x) | reinterpret_cast<uintptr_t>(y);
    const dim3 grid(static_cast<unsigned>(gx), static_cast<unsigned>(gy));
    const auto stream = static_cast<cudaStream_t>(call->stream);
    if (m % 4 == 0 && n % 4 == 0 && addr % 16 == 0)
        transpose_vec4<<<grid, THREADS, 0, stream>>>(x, y, m, n);
    else
        transpose_scalar<<<grid, THREADS, 0, stream>>>(x, y, m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
