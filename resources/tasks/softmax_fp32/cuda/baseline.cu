// Naive baseline: one thread per row, three passes (max, sum of exp, normalize),
// 128 threads a block. Float math except the running sum, kept in double: a float
// running sum drops the terms below half an ulp of the sum, which on long rows
// (e.g. 262144-wide vocabularies) costs more than the float32 tolerance.
#include <kf_abi.h>

__global__ void softmax_naive(const float* x, float* y, int64_t m, int64_t n) {
    const int64_t r = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (r >= m) return;
    const float* xr = x + r * n;
    float* yr = y + r * n;
    float mx = -INFINITY;
    for (int64_t j = 0; j < n; ++j) mx = fmaxf(mx, xr[j]);
    double sum = 0.0;
    for (int64_t j = 0; j < n; ++j) sum += expf(xr[j] - mx);
    const float inv = static_cast<float>(1.0 / sum);
    for (int64_t j = 0; j < n; ++j) yr[j] = expf(xr[j] - mx) * inv;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int block = 128;
    const int64_t grid = (m + block - 1) / block;
    softmax_naive<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<float*>(call->outputs[0].data), m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
