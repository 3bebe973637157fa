// The second template (tests/test_variants.cpp): another kernel shape with a
// space of its own; PASSES=1 is the session's best by far.
// @tune PASSES 4 1
// @tune CHUNK 4096 65536
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* a = static_cast<const float*>(call->inputs[0].data);
    const float* b = static_cast<const float*>(call->inputs[1].data);
    volatile float* c = static_cast<float*>(call->outputs[0].data);
    for (int64_t start = 0; start < n; start += CHUNK) {
        const int64_t end = start + CHUNK < n ? start + CHUNK : n;
        for (int p = 0; p < PASSES; ++p)
            for (int64_t i = start; i < end; ++i) c[i] = a[i] + b[i];
    }
    return 0;
}
