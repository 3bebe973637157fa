// Reference: direct sum in double over the taps that fall inside [0, L), rounded once.
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t nb = kf_axis(call, "B");
    const int64_t nc = kf_axis(call, "C");
    const int64_t len = kf_axis(call, "L");
    const int64_t kw = kf_axis(call, "K");
    const int64_t pad = (kw - 1) / 2;
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float* w = static_cast<const float*>(call->inputs[1].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t b = 0; b < nb; ++b)
        for (int64_t c = 0; c < nc; ++c) {
            const float* xr = x + (b * nc + c) * len;
            const float* wr = w + c * kw;
            float* yr = y + (b * nc + c) * len;
            for (int64_t l = 0; l < len; ++l) {
                double acc = 0.0;
                for (int64_t k = 0; k < kw; ++k) {
                    const int64_t src = l + k - pad;
                    if (src >= 0 && src < len) acc += static_cast<double>(xr[src]) * wr[k];
                }
                yr[l] = static_cast<float>(acc);
            }
        }
    return 0;
}
