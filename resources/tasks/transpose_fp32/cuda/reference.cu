// Reference: one thread per element of x (reads coalesced, writes strided).
#include <kf_abi.h>

__global__ void transpose_reference(const float* x, float* y, int64_t m, int64_t n) {
    const int64_t idx = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (idx < m * n) {
        const int64_t i = idx / n;
        const int64_t j = idx % n;
        y[j * m + i] = x[idx];
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int block = 256;
    const int64_t grid = (m * n + block - 1) / block;
    transpose_reference<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<float*>(call->outputs[0].data), m, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
