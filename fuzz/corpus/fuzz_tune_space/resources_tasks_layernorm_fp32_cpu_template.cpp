// Tunable template: rows spread over THREADS OpenMP threads (ROWS rows a task).
// One SIMD pass a row gathers the sum and sum of squares of x - x[0] (shifting
// by the first element keeps the one-pass variance accurate when |mean| is
// large next to the spread), then a SIMD pass normalizes.
// @tune THREADS 1 2 4 8
// @tune ROWS 1 4 16
#include <kf_abi.h>
#include <cmath>
#include <omp.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* __restrict x = static_cast<const float*>(call->inputs[0].data);
    const float* __restrict gamma = static_cast<const float*>(call->inputs[1].data);
    const float* __restrict beta = static_cast<const float*>(call->inputs[2].data);
    float* __restrict y = static_cast<float*>(call->outputs[0].data);
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t r0 = 0; r0 < m; r0 += ROWS) {
        const int64_t r1 = r0 + ROWS < m ? r0 + ROWS : m;
        for (int64_t r = r0; r < r1; ++r) {
            const float* __restrict xr = x + r * n;
            float* __restrict yr = y + r * n;
            const float shift = xr[0];
            float s = 0.0f, s2 = 0.0f;
#pragma omp simd reduction(+ : s, s2)
            for (int64_t j = 0; j < n; ++j) {
                const float d = xr[j] - shift;
                s += d;
                s2 += d * d;
            }
            const float inv_n = 1.0f / static_cast<float>(n);
            const float dmean = s * inv_n;
            float var = s2 * inv_n - dmean * dmean;
            var = var > 0.0f ? var : 0.0f;
            const float mean = shift + dmean;
            const float rstd = 1.0f / std::sqrt(var + 1e-5f);
#pragma omp simd
            for (int64_t j = 0; j < n; ++j) yr[j] = (xr[j] - mean) * rstd * gamma[j] + beta[j];
        }
    }
    return 0;
}
