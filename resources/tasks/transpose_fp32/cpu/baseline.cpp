// Naive baseline: one thread, output in row-major order (reads strided by N).
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t j = 0; j < n; ++j)
        for (int64_t i = 0; i < m; ++i) y[j * m + i] = x[i * n + j];
    return 0;
}
