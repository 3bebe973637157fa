// Naive baseline: one thread, triple loop, float accumulation.
#include <kf_abi.h>

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
            for (int64_t p = 0; p < k; ++p) acc += kf_bf16_to_float(a[i * k + p]) * kf_bf16_to_float(b[j * k + p]);
            c[i * n + j] = kf_float_to_bf16(acc);
        }
    return 0;
}
