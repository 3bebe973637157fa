// The first of two templates (tests/test_variants.cpp): every configuration
// repeats the add at least 8 times, so the other template's best wins.
// @tune PASSES 16 8
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* a = static_cast<const float*>(call->inputs[0].data);
    const float* b = static_cast<const float*>(call->inputs[1].data);
    volatile float* c = static_cast<float*>(call->outputs[0].data);
    for (int p = 0; p < PASSES; ++p)
        for (int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i];
    return 0;
}
