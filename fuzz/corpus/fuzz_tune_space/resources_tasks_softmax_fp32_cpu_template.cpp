// Tunable template: rows spread over THREADS OpenMP threads (ROWS rows a task),
// SIMD passes per row: max, then exp(x - max) stored in y while summing, then a
// scale by 1/sum. FAST_EXP=1 uses a branch-free Cephes-style expf (about 1 ulp)
// that vectorizes; FAST_EXP=0 calls libm's expf.
// @tune THREADS 1 2 4 8
// @tune ROWS 1 4 16
// @tune FAST_EXP 1 0
#include <kf_abi.h>
#include <cmath>
#include <omp.h>

#if FAST_EXP
// exp(x) for x <= 0 (as softmax needs): x = n*ln2 + r, |r| <= ln2/2, exp(r) by a
// degree-7 polynomial, 2^n built from the exponent bits. Inputs below -87 flush
// towards 0 (exp(-87) ~ 1.6e-38), which is far below the tolerance.
static inline float exp_nonpos(float x) {
    x = x < -87.0f ? -87.0f : x;
    const float fx = std::floor(x * 1.44269504088896341f + 0.5f);
    float r = x - fx * 0.693359375f;
    r = r - fx * -2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const int32_t e = (static_cast<int32_t>(fx) + 127) << 23;
    float scale;
    memcpy(&scale, &e, sizeof scale);
    return p * scale;
}
#else
static inline float exp_nonpos(float x) { return std::exp(x); }
#endif

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* __restrict x = static_cast<const float*>(call->inputs[0].data);
    float* __restrict y = static_cast<float*>(call->outputs[0].data);
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t r0 = 0; r0 < m; r0 += ROWS) {
        const int64_t r1 = r0 + ROWS < m ? r0 + ROWS : m;
        for (int64_t r = r0; r < r1; ++r) {
            const float* __restrict xr = x + r * n;
            float* __restrict yr = y + r * n;
            float mx = -INFINITY;
#pragma omp simd reduction(max : mx)
            for (int64_t j = 0; j < n; ++j) mx = xr[j] > mx ? xr[j] : mx;
            float sum = 0.0f;
#pragma omp simd reduction(+ : sum)
            for (int64_t j = 0; j < n; ++j) {
                const float e = exp_nonpos(xr[j] - mx);
                yr[j] = e;
                sum += e;
            }
            const float inv = 1.0f / sum;
#pragma omp simd
            for (int64_t j = 0; j < n; ++j) yr[j] *= inv;
        }
    }
    return 0;
}
