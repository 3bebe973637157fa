// Reference: one thread per element, GELU in double with the exact erf, rounded once.
#include <kf_abi.h>
#include <cuda_bf16.h>

__global__ void gelu_reference(const __nv_bfloat16* x, __nv_bfloat16* y, int64_t n) {
    const int64_t i = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (i < n) {
        const double v = __bfloat162float(x[i]);
        y[i] = __float2bfloat16(static_cast<float>(0.5 * v * (1.0 + erf(v * 0.70710678118654752440))));
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const int block = 256;
    const int64_t grid = (n + block - 1) / block;
    gelu_reference<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const __nv_bfloat16*>(call->inputs[0].data), static_cast<__nv_bfloat16*>(call->outputs[0].data), n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
