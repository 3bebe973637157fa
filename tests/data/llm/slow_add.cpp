// A deliberately slow vector add: the root of the scripted agent session, so
// that the agent's rewrite is faster by a margin no noisy machine can hide.
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* a = static_cast<const float*>(call->inputs[0].data);
    const float* b = static_cast<const float*>(call->inputs[1].data);
    float* c = static_cast<float*>(call->outputs[0].data);
    for (int64_t i = 0; i < n; ++i) {
        volatile float sum = 0.0f;
        for (int r = 0; r < 8; ++r) sum = a[i] + b[i];
        c[i] = sum;
    }
    return 0;
}
