// Naive baseline: one thread, one element per iteration, float math with libm's erff.
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const uint16_t* x = static_cast<const uint16_t*>(call->inputs[0].data);
    uint16_t* y = static_cast<uint16_t*>(call->outputs[0].data);
    for (int64_t i = 0; i < n; ++i) {
        const float v = kf_bf16_to_float(x[i]);
        y[i] = kf_float_to_bf16(0.5f * v * (1.0f + std::erf(v * 0.70710678118654752f)));
    }
    return 0;
}
