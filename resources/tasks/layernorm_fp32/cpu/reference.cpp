// Reference: two-pass mean and biased variance in double, outputs computed in
// double and rounded once.
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const double eps = 1e-5;
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float* gamma = static_cast<const float*>(call->inputs[1].data);
    const float* beta = static_cast<const float*>(call->inputs[2].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t r = 0; r < m; ++r) {
        const float* xr = x + r * n;
        double sum = 0.0;
        for (int64_t j = 0; j < n; ++j) sum += xr[j];
        const double mean = sum / static_cast<double>(n);
        double sq = 0.0;
        for (int64_t j = 0; j < n; ++j) sq += (xr[j] - mean) * (xr[j] - mean);
        const double rstd = 1.0 / std::sqrt(sq / static_cast<double>(n) + eps);
        for (int64_t j = 0; j < n; ++j)
            y[r * n + j] = static_cast<float>((xr[j] - mean) * rstd * gamma[j] + static_cast<double>(beta[j]));
    }
    return 0;
}
