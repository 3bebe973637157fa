// Naive baseline: one thread, triple loop, float accumulation.
#include <kf_abi.h>

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
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    const uint16_t* a = static_cast<const uint16_t*>(call->inputs[0].data);
    const uint16_t* b = static_cast<const uint16_t*>(call->inputs[1].data);
    uint16_t* c = static_cast<uint16_t*>(call->outputs[0].data);
    for (int64_t i = 0; i < m; ++i)
        for (int64_t j = 0; j < n; ++j) {
            float acc = 0.0f;
            for (int64_t p = 0; p < k; ++p) acc += bf16_to_float(a[i * k + p]) * bf16_to_float(b[j * k + p]);
            c[i * n + j] = float_to_bf16(acc);
        }
    return 0;
}
