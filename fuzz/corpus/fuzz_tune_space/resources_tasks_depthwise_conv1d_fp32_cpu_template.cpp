// Tunable template: (batch, channel) rows spread over THREADS OpenMP threads.
// Each row is copied into a zero-padded buffer (the halo of K - 1 zeros made
// explicit), then outputs are computed in blocks of TILE with the tap loop
// outside and a SIMD loop over the block inside (y[l..] += w[k] * xp[l + k..]),
// so there are no bounds checks in the hot loop.
// @tune THREADS 1 2 4 8
// @tune TILE 256 64 1024 4096
#include <kf_abi.h>
#include <omp.h>
#include <vector>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t nb = kf_axis(call, "B");
    const int64_t nc = kf_axis(call, "C");
    const int64_t len = kf_axis(call, "L");
    const int64_t kw = kf_axis(call, "K");
    const int64_t pad = (kw - 1) / 2;
    const float* __restrict x = static_cast<const float*>(call->inputs[0].data);
    const float* __restrict w = static_cast<const float*>(call->inputs[1].data);
    float* __restrict y = static_cast<float*>(call->outputs[0].data);
#pragma omp parallel num_threads(THREADS)
    {
        std::vector<float> padded(static_cast<size_t>(len + kw - 1), 0.0f);
        float* __restrict xp = padded.data();
        float acc[TILE];
#pragma omp for schedule(static)
        for (int64_t row = 0; row < nb * nc; ++row) {
            const int64_t c = row % nc;
            const float* __restrict xr = x + row * len;
            const float* __restrict wr = w + c * kw;
            float* __restrict yr = y + row * len;
            for (int64_t l = 0; l < len; ++l) xp[pad + l] = xr[l];  // the halo stays zero
            for (int64_t l0 = 0; l0 < len; l0 += TILE) {
                const int64_t cnt = l0 + TILE < len ? TILE : len - l0;
#pragma omp simd
                for (int64_t i = 0; i < cnt; ++i) acc[i] = 0.0f;
                for (int64_t k = 0; k < kw; ++k) {
                    const float wk = wr[k];
                    const float* __restrict src = xp + l0 + k;
#pragma omp simd
                    for (int64_t i = 0; i < cnt; ++i) acc[i] += wk * src[i];
                }
#pragma omp simd
                for (int64_t i = 0; i < cnt; ++i) yr[l0 + i] = acc[i];
            }
        }
    }
    return 0;
}
