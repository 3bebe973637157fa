// Naive baseline: one thread per output, direct sum in float from global memory
// with a bounds check per tap, 256 threads a block.
#include <kf_abi.h>

__global__ void dwconv_naive(const float* x, const float* w, float* y, int64_t rows, int64_t nc, int64_t len,
                             int64_t kw) {
    const int64_t idx = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (idx >= rows * len) return;
    const int64_t row = idx / len, l = idx % len;
    const int64_t c = row % nc;
    const int64_t pad = (kw - 1) / 2;
    float acc = 0.0f;
    for (int64_t k = 0; k < kw; ++k) {
        const int64_t src = l + k - pad;
        if (src >= 0 && src < len) acc += x[row * len + src] * w[c * kw + k];
    }
    y[idx] = acc;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t nb = kf_axis(call, "B");
    const int64_t nc = kf_axis(call, "C");
    const int64_t len = kf_axis(call, "L");
    const int64_t kw = kf_axis(call, "K");
    const int block = 256;
    const int64_t grid = (nb * nc * len + block - 1) / block;
    dwconv_naive<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<const float*>(call->inputs[1].data),
        static_cast<float*>(call->outputs[0].data), nb * nc, nc, len, kw);
    KF_CHECK_LAUNCH(call);
    return 0;
}
