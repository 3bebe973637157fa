// Reference: per row, the max, then the sum of exp(x - max) in double; each
// output computed in double and rounded once.
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
        double mx = -INFINITY;
        for (int64_t j = 0; j < n; ++j) mx = xr[j] > mx ? xr[j] : mx;
        double sum = 0.0;
        for (int64_t j = 0; j < n; ++j) sum += std::exp(xr[j] - mx);
        for (int64_t j = 0; j < n; ++j) yr[j] = static_cast<float>(std::exp(xr[j] - mx) / sum);
    }
    return 0;
}
