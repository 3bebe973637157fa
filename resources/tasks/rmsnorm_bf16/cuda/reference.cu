// Reference: one block of 256 threads per row, sum of squares in double
// (shared-memory tree reduction), outputs computed in double and rounded once.
#include <kf_abi.h>
#include <cuda_bf16.h>

constexpr int kBlock = 256;

__global__ void rmsnorm_reference(const __nv_bfloat16* x, const __nv_bfloat16* w, __nv_bfloat16* out, int64_t h) {
    __shared__ double red[kBlock];
    const __nv_bfloat16* xr = x + blockIdx.x * h;
    __nv_bfloat16* orow = out + blockIdx.x * h;
    double ss = 0.0;
    for (int64_t j = threadIdx.x; j < h; j += kBlock) {
        const double v = __bfloat162float(xr[j]);
        ss += v * v;
    }
    red[threadIdx.x] = ss;
    __syncthreads();
    for (int s = kBlock / 2; s > 0; s /= 2) {
        if (threadIdx.x < s) red[threadIdx.x] += red[threadIdx.x + s];
        __syncthreads();
    }
    const double inv_rms = 1.0 / sqrt(red[0] / static_cast<double>(h) + 1e-6);
    for (int64_t j = threadIdx.x; j < h; j += kBlock) {
        const double v = static_cast<double>(__bfloat162float(xr[j])) * inv_rms * static_cast<double>(__bfloat162float(w[j]));
        orow[j] = __float2bfloat16(static_cast<float>(v));
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    rmsnorm_reference<<<static_cast<unsigned>(m), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const __nv_bfloat16*>(call->inputs[0].data), static_cast<const __nv_bfloat16*>(call->inputs[1].data),
        static_cast<__nv_bfloat16*>(call->outputs[0].data), h);
    KF_CHECK_LAUNCH(call);
    return 0;
}
