// The honest part every red-team kernel shares: one warp per row.
#pragma once
#include <kf_abi.h>

__global__ void row_sum_warp(const float* x, float* y, int64_t m, int64_t n, int64_t rowStep) {
    const int64_t row = (static_cast<int64_t>(blockIdx.x) * 8 + threadIdx.x / 32) * rowStep;
    if (row >= m) return;
    float s = 0;
    for (int64_t j = threadIdx.x % 32; j < n; j += 32) s += x[row * n + j];
    for (int o = 16; o > 0; o /= 2) s += __shfl_down_sync(0xffffffffu, s, o);
    if (threadIdx.x % 32 == 0) y[row] = s;
}

inline void launchRowSum(const float* x, float* y, int64_t m, int64_t n, cudaStream_t s, int64_t rowStep = 1) {
    const int64_t rows = (m + rowStep - 1) / rowStep;
    row_sum_warp<<<static_cast<unsigned>((rows + 7) / 8), 256, 0, s>>>(x, y, m, n, rowStep);
}

// Spins on the device for about `ns` nanoseconds: pacing that makes a cheat look merely fast.
__global__ void spin(long long ns) {
    const long long start = clock64();
    while (clock64() - start < ns * 2) {
    }
}

#define ROW_SUM_ARGS                                                        \
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");          \
    const float* x = static_cast<const float*>(call->inputs[0].data);     \
    float* y = static_cast<float*>(call->outputs[0].data);                 \
    cudaStream_t stream = static_cast<cudaStream_t>(call->stream);
