// Reference: sum of squares and the scaled outputs in double, each output rounded once.
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const double eps = 1e-6;
    const uint16_t* x = static_cast<const uint16_t*>(call->inputs[0].data);
    const uint16_t* w = static_cast<const uint16_t*>(call->inputs[1].data);
    uint16_t* out = static_cast<uint16_t*>(call->outputs[0].data);
    for (int64_t r = 0; r < m; ++r) {
        const uint16_t* xr = x + r * h;
        double ss = 0.0;
        for (int64_t j = 0; j < h; ++j) {
            const double v = kf_bf16_to_float(xr[j]);
            ss += v * v;
        }
        const double inv_rms = 1.0 / std::sqrt(ss / static_cast<double>(h) + eps);
        for (int64_t j = 0; j < h; ++j)
            out[r * h + j] = kf_float_to_bf16(static_cast<float>(kf_bf16_to_float(xr[j]) * inv_rms * kf_bf16_to_float(w[j])));
    }
    return 0;
}
