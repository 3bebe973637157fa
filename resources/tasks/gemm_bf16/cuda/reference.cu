// Reference: one thread per element of C, float32 accumulation in order of k,
// rounded once to bfloat16. 16 x 16 blocks.
#include <kf_abi.h>
#include <cuda_bf16.h>

__global__ void gemm_reference(const __nv_bfloat16* a, const __nv_bfloat16* b, __nv_bfloat16* c, int64_t m, int64_t n,
                               int64_t k) {
    const int64_t j = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    const int64_t i = blockIdx.y * static_cast<int64_t>(blockDim.y) + threadIdx.y;
    if (i >= m || j >= n) return;
    const __nv_bfloat16* ar = a + i * k;
    const __nv_bfloat16* br = b + j * k;
    float acc = 0.0f;
    for (int64_t p = 0; p < k; ++p) acc = fmaf(__bfloat162float(ar[p]), __bfloat162float(br[p]), acc);
    c[i * n + j] = __float2bfloat16(acc);
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    const dim3 block(16, 16);
    const int64_t gx = (n + 15) / 16, gy = (m + 15) / 16;
    if (gy > 65535) return kf_fail(call, "gemm_bf16 reference: M too large for the grid");
    gemm_reference<<<dim3(static_cast<unsigned>(gx), static_cast<unsigned>(gy)), block, 0,
                     static_cast<cudaStream_t>(call->stream)>>>(static_cast<const __nv_bfloat16*>(call->inputs[0].data),
                                                                static_cast<const __nv_bfloat16*>(call->inputs[1].data),
                                                                static_cast<__nv_bfloat16*>(call->outputs[0].data), m, n, k);
    KF_CHECK_LAUNCH(call);
    return 0;
}
