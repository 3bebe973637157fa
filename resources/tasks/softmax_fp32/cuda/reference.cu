// Reference: one block of 256 threads per row; the row max, then the sum of
// exp(x - max) in double (shared-memory tree reductions); outputs computed in
// double and rounded once.
#include <kf_abi.h>

constexpr int kBlock = 256;

__global__ void softmax_reference(const float* x, float* y, int64_t n) {
    __shared__ double red[kBlock];
    const float* xr = x + blockIdx.x * n;
    float* yr = y + blockIdx.x * n;

    double mx = -INFINITY;
    for (int64_t j = threadIdx.x; j < n; j += kBlock) mx = fmax(mx, static_cast<double>(xr[j]));
    red[threadIdx.x] = mx;
    __syncthreads();
    for (int s = kBlock / 2; s > 0; s /= 2) {
        if (threadIdx.x < s) red[threadIdx.x] = fmax(red[threadIdx.x], red[threadIdx.x + s]);
        __syncthreads();
    }
    mx = red[0];
    __syncthreads();

    double sum = 0.0;
    for (int64_t j = threadIdx.x; j < n; j += kBlock) sum += exp(static_cast<double>(xr[j]) - mx);
    red[threadIdx.x] = sum;
    __syncthreads();
    for (int s = kBlock / 2; s > 0; s /= 2) {
        if (threadIdx.x < s) red[threadIdx.x] += red[threadIdx.x + s];
        __syncthreads();
    }
    sum = red[0];

    for (int64_t j = threadIdx.x; j < n; j += kBlock) yr[j] = static_cast<float>(exp(static_cast<double>(xr[j]) - mx) / sum);
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    softmax_reference<<<static_cast<unsigned>(m), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<float*>(call->outputs[0].data), n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
