// Naive baseline: one thread, two passes a row in float (the second re-reads residual_out).
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const uint16_t* x = static_cast<const uint16_t*>(call->inputs[0].data);
    const uint16_t* res = static_cast<const uint16_t*>(call->inputs[1].data);
    const uint16_t* w = static_cast<const uint16_t*>(call->inputs[2].data);
    uint16_t* out = static_cast<uint16_t*>(call->outputs[0].data);
    uint16_t* res_out = static_cast<uint16_t*>(call->outputs[1].data);
    for (int64_t r = 0; r < m; ++r) {
        float ss = 0.0f;
        for (int64_t j = 0; j < h; ++j) {
            const int64_t i = r * h + j;
            res_out[i] = kf_float_to_bf16(kf_bf16_to_float(x[i]) + kf_bf16_to_float(res[i]));
            const float v = kf_bf16_to_float(res_out[i]);
            ss += v * v;
        }
        const float inv_rms = 1.0f / std::sqrt(ss / static_cast<float>(h) + 1e-6f);
        for (int64_t j = 0; j < h; ++j) {
            const int64_t i = r * h + j;
            out[i] = kf_float_to_bf16(kf_bf16_to_float(res_out[i]) * inv_rms * kf_bf16_to_float(w[j]));
        }
    }
    return 0;
}
