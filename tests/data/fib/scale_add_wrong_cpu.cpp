// An incorrect CPU candidate for scale_add_fib: it forgets the recorded input w.
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float alpha = *static_cast<const float*>(call->inputs[1].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const int64_t n = call->inputs[0].shape[0] * call->inputs[0].shape[1];
    for (int64_t i = 0; i < n; ++i) y[i] = x[i] * alpha;
    return 0;
}
