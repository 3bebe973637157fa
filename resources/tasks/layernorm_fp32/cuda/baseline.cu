// Naive baseline: one thread per row, three passes in float (mean, variance,
// normalize), 128 threads a block.
#include <kf_abi.h>

__global__ void layernorm_naive(const float* x, const float* gamma, const float* beta, float* y, int64_t m, int64_t n) {
    const int64_t r = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (r >= m) return;
    const float* xr = x + r * n;
    float* yr = y + r * n;
    float sum = 0.0f;
    for (int64_t j = 0; j < n; ++j) sum += xr[j];
    const float mean = sum / static_cast<float>(n);
    float sq = 0.0f;
    for (int64_t j = 0; j < n; ++j) sq += (xr[j] - mean) * (xr[j] - mean);
    const float rstd = 1.0f / sqrtf(sq / static_cast<float>(n) + 1e-5f);
    for (int64_t j = 0; j < n; ++j) yr[j] = (xr[j] - mean) * rstd * gamma[j] + beta[j];
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int block = 128;
    const int64_t grid = (m + block - 1) / block;
    layernorm_naive<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<const float*>(call->inputs[1].data),
        static_cast<const float*>(call->inputs[2].data), static_cast<float*>(call->outputs[0].data), m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
