// Naive baseline: one thread, two passes a row in float (the second re-reads residual_out).
#include <kf_abi.h>
#include <cmath>

static inline float bf16_to_float(uint16_t h) {
    const uint32_t u = static_cast<uint32_t>(h) << 16;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline uint16_t float_to_bf16(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u) return static_cast<uint16_t>((u >> 16) | 0x0040u);  // NaN stays NaN
    u += 0x7fffu + ((u >> 16) & 1u);  // round to nearest, ties to even
    return static_cast<uint16_t>(u >> 16);
}

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
            res_out[i] = float_to_bf16(bf16_to_float(x[i]) + bf16_to_float(res[i]));
            const float v = bf16_to_float(res_out[i]);
            ss += v * v;
        }
        const float inv_rms = 1.0f / std::sqrt(ss / static_cast<float>(h) + 1e-6f);
        for (int64_t j = 0; j < h; ++j) {
            const int64_t i = r * h + j;
            out[i] = float_to_bf16(bf16_to_float(res_out[i]) * inv_rms * bf16_to_float(w[j]));
        }
    }
    return 0;
}
