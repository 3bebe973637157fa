// Reference: one thread per output, direct sum in double over the taps inside
// [0, L), rounded once.
#include <kf_abi.h>

__global__ void dwconv_reference(const float* x, const float* w, float* y, int64_t rows, int64_t nc, int64_t len,
                                 int64_t kw) {
    const int64_t idx = blockIdx.x * static_cast<int64_t>(blockDim.x) + threadIdx.x;
    if (idx >= rows * len) return;
    const int64_t row = idx / len, l = idx % len;
    const int64_t c = row % nc;
    const int64_t pad = (kw - 1) / 2;
    double acc = 0.0;
    for (int64_t k = 0; k < kw; ++k) {
        const int64_t src = l + k - pad;
        if (src >= 0 && src < len) acc += static_cast<double>(x[row * len + src]) * w[c * kw + k];
    }
    y[idx] = static_cast<float>(acc);
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t nb = kf_axis(call, "B");
    const int64_t nc = kf_axis(call, "C");
    const int64_t len = kf_axis(call, "L");
    const int64_t kw = kf_axis(call, "K");
    const int block = 256;
    const int64_t grid = (nb * nc * len + block - 1) / block;
    dwconv_reference<<<static_cast<unsigned>(grid), block, 0, static_cast<cudaStream_t>(call->stream)>>>(
        static_cast<const float*>(call->inputs[0].data), static_cast<const float*>(call->inputs[1].data),
        static_cast<float*>(call->outputs[0].data), nb * nc, nc, len, kw);
    KF_CHECK_LAUNCH(call);
    return 0;
}
