// Naive baseline: one thread per row, summed left to right in float, 128 threads a block.
#include <kf_abi.h>

__global__ void row_sum_naive(const float* x, float* y, int64_t m, int64_t n) {
    const int64_t r = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (r >= m) return;
    float sum = 0.0f;
    for (int64_t j = 0; j < n; ++j) sum += x[r * n + j];
    y[r] = sum;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int block = 128;
    const int64_t grid = (m + block - 1) / block;
    row_sum_naive<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<float*>(call->outputs[0].data), m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
