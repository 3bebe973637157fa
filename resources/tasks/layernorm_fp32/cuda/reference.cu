// Reference: one block of 256 threads per row; two-pass mean and biased
// variance in double (shared-memory tree reductions); outputs computed in
// double and rounded once.
#include <kf_abi.h>

constexpr int kBlock = 256;

__device__ double block_sum(double v, double* red) {
    red[threadIdx.x] = v;
    __syncthreads();
    for (int s = kBlock / 2; s > 0; s /= 2) {
        if (threadIdx.x < s) red[threadIdx.x] += red[threadIdx.x + s];
        __syncthreads();
    }
    const double total = red[0];
    __syncthreads();  // red is reused by the next call
    return total;
}

__global__ void layernorm_reference(const float* x, const float* gamma, const float* beta, float* y, int64_t n) {
    __shared__ double red[kBlock];
    const float* xr = x + blockIdx.x * n;
    float* yr = y + blockIdx.x * n;
    double sum = 0.0;
    for (int64_t j = threadIdx.x; j < n; j += kBlock) sum += xr[j];
    const double mean = block_sum(sum, red) / static_cast<double>(n);
    double sq = 0.0;
    for (int64_t j = threadIdx.x; j < n; j += kBlock) sq += (xr[j] - mean) * (xr[j] - mean);
    const double rstd = 1.0 / sqrt(block_sum(sq, red) / static_cast<double>(n) + 1e-5);
    for (int64_t j = threadIdx.x; j < n; j += kBlock)
        yr[j] = static_cast<float>((xr[j] - mean) * rstd * gamma[j] + static_cast<double>(beta[j]));
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    layernorm_reference<<<static_cast<unsigned>(m), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<const float*>(call->inputs[1].data),
        static_cast<const float*>(call->inputs[2].data), static_cast<float*>(call->outputs[0].data), n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
