// Tunable template: TILE x TILE tiles (a tile's rows and columns stay in cache
// while it is copied), tiles spread over THREADS OpenMP threads.
// @tune THREADS 1 2 4 8
// @tune TILE 32 8 16 64 128
#include <kf_abi.h>
#include <omp.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const float* __restrict x = static_cast<const float*>(call->inputs[0].data);
    float* __restrict y = static_cast<float*>(call->outputs[0].data);
    const int64_t tiles_m = (m + TILE - 1) / TILE;
    const int64_t tiles_n = (n + TILE - 1) / TILE;
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t t = 0; t < tiles_m * tiles_n; ++t) {
        const int64_t i0 = t / tiles_n * TILE;
        const int64_t j0 = t % tiles_n * TILE;
        const int64_t i1 = i0 + TILE < m ? i0 + TILE : m;
        const int64_t j1 = j0 + TILE < n ? j0 + TILE : n;
        for (int64_t j = j0; j < j1; ++j)
            for (int64_t i = i0; i < i1; ++i) y[j * m + i] = x[i * n + j];
    }
    return 0;
}
