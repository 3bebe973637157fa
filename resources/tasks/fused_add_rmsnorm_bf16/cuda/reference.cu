// Reference: one block of 256 threads per row. residual_out = bf16(x + residual)
// (float sum, rounded once); sum of squares of residual_out in double
// (shared-memory tree reduction); outputs computed in double and rounded once.
#include <kf_abi.h>
#include <cuda_bf16.h>

constexpr int kBlock = 256;

__global__ void fused_add_rmsnorm_reference(const __nv_bfloat16* x, const __nv_bfloat16* res, const __nv_bfloat16* w,
                                            __nv_bfloat16* out, __nv_bfloat16* res_out, int64_t h) {
    __shared__ double red[kBlock];
    const int64_t base = blockIdx.x * h;
    double ss = 0.0;
    for (int64_t j = threadIdx.x; j < h; j += kBlock) {
        const __nv_bfloat16 s = __float2bfloat16(__bfloat162float(x[base + j]) + __bfloat162float(res[base + j]));
        res_out[base + j] = s;
        const double v = __bfloat162float(s);
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
        // Each thread re-reads only the residual_out elements it wrote itself.
        const double v =
            static_cast<double>(__bfloat162float(res_out[base + j])) * inv_rms * static_cast<double>(__bfloat162float(w[j]));
        out[base + j] = __float2bfloat16(static_cast<float>(v));
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    fused_add_rmsnorm_reference<<<static_cast<unsigned>(m), kBlock, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const __nv_bfloat16*>(call->inputs[0].data), static_cast<const __nv_bfloat16*>(call->inputs[1].data),
        static_cast<const __nv_bfloat16*>(call->inputs[2].data), static_cast<__nv_bfloat16*>(call->outputs[0].data),
        static_cast<__nv_bfloat16*>(call->outputs[1].data), h);
    KF_CHECK_LAUNCH(call);
    return 0;
}
