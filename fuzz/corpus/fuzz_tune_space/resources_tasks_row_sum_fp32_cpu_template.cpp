// Tunable template: rows spread over THREADS OpenMP threads (ROWS rows a task),
// each row summed with a SIMD reduction in float lanes. Rows of at least SPLIT
// elements are cut into THREADS parts whose partial sums are added after the
// parallel loop, so that a few long rows still use every thread.
// @tune THREADS 1 2 4 8
// @tune ROWS 4 1 16 64
// @tune SPLIT 65536 16384 1048576
#include <kf_abi.h>
#include <omp.h>

static inline float sum_range(const float* __restrict p, int64_t count) {
    float s = 0.0f;
#pragma omp simd reduction(+ : s)
    for (int64_t j = 0; j < count; ++j) s += p[j];
    return s;
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* __restrict x = static_cast<const float*>(call->inputs[0].data);
    float* __restrict y = static_cast<float*>(call->outputs[0].data);
    if (n >= SPLIT && THREADS > 1) {
        for (int64_t r = 0; r < m; ++r) {
            float parts[THREADS];
            const int64_t per = (n + THREADS - 1) / THREADS;
#pragma omp parallel for num_threads(THREADS) schedule(static)
            for (int t = 0; t < THREADS; ++t) {
                const int64_t begin = t * per < n ? t * per : n;
                const int64_t end = begin + per < n ? begin + per : n;
                parts[t] = sum_range(x + r * n + begin, end - begin);
            }
            float s = 0.0f;
            for (int t = 0; t < THREADS; ++t) s += parts[t];
            y[r] = s;
        }
        return 0;
    }
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t r0 = 0; r0 < m; r0 += ROWS) {
        const int64_t r1 = r0 + ROWS < m ? r0 + ROWS : m;
        for (int64_t r = r0; r < r1; ++r) y[r] = sum_range(x + r * n, n);
    }
    return 0;
}
