// Naive baseline: one thread, one element per iteration, float math with libm's erff.
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
    const int64_t n = kf_axis(call, "N");
    const uint16_t* x = static_cast<const uint16_t*>(call->inputs[0].data);
    uint16_t* y = static_cast<uint16_t*>(call->outputs[0].data);
    for (int64_t i = 0; i < n; ++i) {
        const float v = bf16_to_float(x[i]);
        y[i] = float_to_bf16(0.5f * v * (1.0f + std::erf(v * 0.70710678118654752f)));
    }
    return 0;
}
