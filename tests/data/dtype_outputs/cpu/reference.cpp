// The reference of tests/data/dtype_outputs (and, as the candidate, its own
// check): int8, bool and float8_e4m3fn outputs from a float32 vector and a
// scalar-shaped (0-dimensional) input.
#include <kf_abi.h>

#include <cmath>
#include <cstdint>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float scale = *static_cast<const float*>(call->inputs[1].data);
    auto* q = static_cast<int8_t*>(call->outputs[0].data);
    auto* positive = static_cast<uint8_t*>(call->outputs[1].data);
    auto* sign8 = static_cast<uint8_t*>(call->outputs[2].data);
    for (int64_t i = 0; i < n; ++i) {
        const float r = std::nearbyint(x[i] * scale);
        q[i] = static_cast<int8_t>(r < -128.0f ? -128.0f : r > 127.0f ? 127.0f : r);
        positive[i] = x[i] > 0.0f ? 1 : 0;
        sign8[i] = x[i] > 0.0f ? 0x38 : 0x00;  // 1.0 and 0.0 in float8_e4m3fn (exponent bias 7)
    }
    return 0;
}
