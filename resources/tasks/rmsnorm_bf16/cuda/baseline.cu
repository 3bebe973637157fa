// Naive baseline: one thread per row, two passes in float, 128 threads a block.
#include <kf_abi.h>
#include <cuda_bf16.h>

__global__ void rmsnorm_naive(const __nv_bfloat16* x, const __nv_bfloat16* w, __nv_bfloat16* out, int64_t m, int64_t h) {
    const int64_t r = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (r >= m) return;
    const __nv_bfloat16* xr = x + r * h;
    __nv_bfloat16* orow = out + r * h;
    float ss = 0.0f;
    for (int64_t j = 0; j < h; ++j) {
        const float v = __bfloat162float(xr[j]);
        ss += v * v;
    }
    const float inv_rms = 1.0f / sqrtf(ss / static_cast<float>(h) + 1e-6f);
    for (int64_t j = 0; j < h; ++j) orow[j] = __float2bfloat16(__bfloat162float(xr[j]) * inv_rms * __bfloat162float(w[j]));
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const int block = 128;
    const int64_t grid = (m + block - 1) / block;
    rmsnorm_naive<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const __nv_bfloat16*>(call->inputs[0].data), static_cast<const __nv_bfloat16*>(call->inputs[1].data),
        static_cast<__nv_bfloat16*>(call->outputs[0].data), m, h);
    KF_CHECK_LAUNCH(call);
    return 0;
}
