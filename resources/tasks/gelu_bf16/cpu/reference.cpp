// Reference: GELU computed in double with the exact erf, rounded once to bfloat16.
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const uint16_t* x = static_cast<const uint16_t*>(call->inputs[0].data);
    uint16_t* y = static_cast<uint16_t*>(call->outputs[0].data);
    for (int64_t i = 0; i < n; ++i) {
        const double v = kf_bf16_to_float(x[i]);
        const double g = 0.5 * v * (1.0 + std::erf(v / std::sqrt(2.0)));
        y[i] = kf_float_to_bf16(static_cast<float>(g));
    }
    return 0;
}
