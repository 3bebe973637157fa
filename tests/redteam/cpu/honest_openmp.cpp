// Control: an honest row sum over every core with OpenMP, whose worker
// threads outlive the call (idle in the pool): that is not "work after return".
#include <kf_abi.h>
#include <omp.h>
KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
#pragma omp parallel for schedule(static)
    for (int64_t r = 0; r < m; ++r) {
        float s = 0;
#pragma omp simd reduction(+ : s)
        for (int64_t j = 0; j < n; ++j) s += x[r * n + j];
        y[r] = s;
    }
    return 0;
}
