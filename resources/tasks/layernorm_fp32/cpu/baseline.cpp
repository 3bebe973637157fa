// Naive baseline: one thread, three passes a row in float (mean, variance, normalize).
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float* gamma = static_cast<const float*>(call->inputs[1].data);
    const float* beta = static_cast<const float*>(call->inputs[2].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t r = 0; r < m; ++r) {
        const float* xr = x + r * n;
        float sum = 0.0f;
        for (int64_t j = 0; j < n; ++j) sum += xr[j];
        const float mean = sum / static_cast<float>(n);
        float sq = 0.0f;
        for (int64_t j = 0; j < n; ++j) sq += (xr[j] - mean) * (xr[j] - mean);
        const float rstd = 1.0f / std::sqrt(sq / static_cast<float>(n) + 1e-5f);
        for (int64_t j = 0; j < n; ++j) y[r * n + j] = (xr[j] - mean) * rstd * gamma[j] + beta[j];
    }
    return 0;
}
