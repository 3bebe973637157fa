// A HIP candidate for vector_add_fp32, compiled (not run) where no AMD GPU exists.
// @tune BLOCK 256 128
#include <hip/hip_runtime.h>
#include <kf_abi.h>

__global__ void vector_add(const float* a, const float* b, float* c, int64_t n) {
    const int64_t i = blockIdx.x * static_cast<int64_t>(BLOCK) + threadIdx.x;
    if (i < n) c[i] = a[i] + b[i];
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    hipLaunchKernelGGL(vector_add, dim3(static_cast<unsigned>((n + BLOCK - 1) / BLOCK)), dim3(BLOCK), 0,
                       static_cast<hipStream_t>(call->stream), static_cast<const float*>(call->inputs[0].data),
                       static_cast<const float*>(call->inputs[1].data), static_cast<float*>(call->outputs[0].data), n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
