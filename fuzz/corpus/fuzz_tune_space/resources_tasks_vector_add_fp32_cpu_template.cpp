// Tunable template: OpenMP over chunks of CHUNK elements, THREADS threads.
// @tune THREADS 1 2 4 8
// @tune CHUNK 1024 4096 16384 65536
#include <kf_abi.h>
#include <omp.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* __restrict a = static_cast<const float*>(call->inputs[0].data);
    const float* __restrict b = static_cast<const float*>(call->inputs[1].data);
    float* __restrict c = static_cast<float*>(call->outputs[0].data);
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t start = 0; start < n; start += CHUNK) {
        const int64_t end = start + CHUNK < n ? start + CHUNK : n;
#pragma omp simd
        for (int64_t i = start; i < end; ++i) c[i] = a[i] + b[i];
    }
    return 0;
}
