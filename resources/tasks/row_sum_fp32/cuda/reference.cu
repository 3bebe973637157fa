// Reference: one block of 256 threads per row, partial sums in double, a
// shared-memory tree reduction, rounded once.
#include <kf_abi.h>

constexpr int kBlock = 256;

__global__ void row_sum_reference(const float* x, float* y, int64_t n) {
    __shared__ double red[kBlock];
    const float* xr = x + blockIdx.x * n;
    double sum = 0.0;
    for (int64_t j = threadIdx.x; j < n; j += kBlock) sum += xr[j];
    red[threadIdx.x] = sum;
    __syncthreads();
    for (int s = kBlock / 2; s > 0; s /= 2) {
        if (threadIdx.x < s) red[threadIdx.x] += red[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) y[blockIdx.x] = static_cast<float>(red[0]);
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    row_sum_reference<<<static_cast<unsigned>(m), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<float*>(call->outputs[0].data), n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
