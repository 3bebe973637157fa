// Naive baseline: one thread, three passes a row (max, sum of exp, normalize).
// Float math except the running sum, kept in double: a float running sum drops
// the terms below half an ulp of the sum, which on long rows costs more than the
// float32 tolerance.
#include <kf_abi.h>
#include <cmath>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t r = 0; r < m; ++r) {
        const float* xr = x + r * n;
        float* yr = y + r * n;
        float mx = -INFINITY;
        for (int64_t j = 0; j < n; ++j) mx = xr[j] > mx ? xr[j] : mx;
        double sum = 0.0;
        for (int64_t j = 0; j < n; ++j) sum += std::exp(xr[j] - mx);
        const float inv = static_cast<float>(1.0 / sum);
        for (int64_t j = 0; j < n; ++j) yr[j] = std::exp(xr[j] - mx) * inv;
    }
    return 0;
}
