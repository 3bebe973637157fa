// Tunable template: rows spread over THREADS OpenMP threads (ROWS rows a task),
// two SIMD passes a row: add, round, store residual_out and sum its squares in
// float lanes; then scale the (cache-hot) residual_out row and round.
// @tune THREADS 1 2 4 8
// @tune ROWS 1 4 16
#include <kf_abi.h>
#include <cmath>
#include <omp.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t h = kf_axis(call, "H");
    const uint16_t* __restrict x = static_cast<const uint16_t*>(call->inputs[0].data);
    const uint16_t* __restrict res = static_cast<const uint16_t*>(call->inputs[1].data);
    const uint16_t* __restrict w = static_cast<const uint16_t*>(call->inputs[2].data);
    uint16_t* __restrict out = static_cast<uint16_t*>(call->outputs[0].data);
    uint16_t* __restrict res_out = static_cast<uint16_t*>(call->outputs[1].data);
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t r0 = 0; r0 < m; r0 += ROWS) {
        const int64_t r1 = r0 + ROWS < m ? r0 + ROWS : m;
        for (int64_t r = r0; r < r1; ++r) {
            const uint16_t* __restrict xr = x + r * h;
            const uint16_t* __restrict rr = res + r * h;
            uint16_t* __restrict orow = out + r * h;
            uint16_t* __restrict ro = res_out + r * h;
            float ss = 0.0f;
#pragma omp simd reduction(+ : ss)
            for (int64_t j = 0; j < h; ++j) {
                const uint16_t s = kf_float_to_bf16(kf_bf16_to_float(xr[j]) + kf_bf16_to_float(rr[j]));
                ro[j] = s;
                const float v = kf_bf16_to_float(s);
                ss += v * v;
            }
            const float inv_rms = 1.0f / std::sqrt(ss / static_cast<float>(h) + 1e-6f);
#pragma omp simd
            for (int64_t j = 0; j < h; ++j) orow[j] = kf_float_to_bf16(kf_bf16_to_float(ro[j]) * inv_rms * kf_bf16_to_float(w[j]));
        }
    }
    return 0;
}
