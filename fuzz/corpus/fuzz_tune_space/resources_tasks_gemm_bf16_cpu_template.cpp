// Tunable template: A and B are widened to float once (in parallel), then
// BLOCK_M x BLOCK_N tiles of C are spread over THREADS OpenMP threads. Inside a
// tile, each row of A is dotted with 4 rows of B at a time (SIMD over K, A
// loaded once for the 4), so a tile's rows of B stay in cache across its rows of A.
// @tune THREADS 1 2 4 8
// @tune BLOCK_M 16 4 64
// @tune BLOCK_N 64 16 256
#include <kf_abi.h>
#include <omp.h>
#include <vector>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    const uint16_t* __restrict a16 = static_cast<const uint16_t*>(call->inputs[0].data);
    const uint16_t* __restrict b16 = static_cast<const uint16_t*>(call->inputs[1].data);
    uint16_t* __restrict c = static_cast<uint16_t*>(call->outputs[0].data);
    std::vector<float> af(static_cast<size_t>(m * k)), bf(static_cast<size_t>(n * k));
    float* __restrict a = af.data();
    float* __restrict b = bf.data();
#pragma omp parallel num_threads(THREADS)
    {
#pragma omp for schedule(static) nowait
        for (int64_t i = 0; i < m * k; ++i) a[i] = kf_bf16_to_float(a16[i]);
#pragma omp for schedule(static)
        for (int64_t i = 0; i < n * k; ++i) b[i] = kf_bf16_to_float(b16[i]);
        const int64_t tiles_m = (m + BLOCK_M - 1) / BLOCK_M;
        const int64_t tiles_n = (n + BLOCK_N - 1) / BLOCK_N;
#pragma omp for schedule(static)
        for (int64_t t = 0; t < tiles_m * tiles_n; ++t) {
            const int64_t i0 = t / tiles_n * BLOCK_M, j0 = t % tiles_n * BLOCK_N;
            const int64_t i1 = i0 + BLOCK_M < m ? i0 + BLOCK_M : m;
            const int64_t j1 = j0 + BLOCK_N < n ? j0 + BLOCK_N : n;
            for (int64_t i = i0; i < i1; ++i) {
                const float* __restrict ar = a + i * k;
                int64_t j = j0;
                for (; j + 4 <= j1; j += 4) {
                    const float* __restrict b0 = b + j * k;
                    const float* __restrict b1 = b0 + k;
                    const float* __restrict b2 = b1 + k;
                    const float* __restrict b3 = b2 + k;
                    float s0 = 0.0f, s1 = 0.0f, s2 = 0.0f, s3 = 0.0f;
#pragma omp simd reduction(+ : s0, s1, s2, s3)
                    for (int64_t p = 0; p < k; ++p) {
                        const float v = ar[p];
                        s0 += v * b0[p];
                        s1 += v * b1[p];
                        s2 += v * b2[p];
                        s3 += v * b3[p];
                    }
                    c[i * n + j] = kf_float_to_bf16(s0);
                    c[i * n + j + 1] = kf_float_to_bf16(s1);
                    c[i * n + j + 2] = kf_float_to_bf16(s2);
                    c[i * n + j + 3] = kf_float_to_bf16(s3);
                }
                for (; j < j1; ++j) {
                    const float* __restrict b0 = b + j * k;
                    float s0 = 0.0f;
#pragma omp simd reduction(+ : s0)
                    for (int64_t p = 0; p < k; ++p) s0 += ar[p] * b0[p];
                    c[i * n + j] = kf_float_to_bf16(s0);
                }
            }
        }
    }
    return 0;
}
