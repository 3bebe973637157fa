// Reference: a plain double loop over the input.
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t i = 0; i < m; ++i)
        for (int64_t j = 0; j < n; ++j) y[j * m + i] = x[i * n + j];
    return 0;
}
