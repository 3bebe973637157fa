// Control: an honest row sum, one thread, four float lanes. It must PASS at
// every workload, the cache-resident one included.
#include <kf_abi.h>
KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t r = 0; r < m; ++r) {
        float s[4] = {0, 0, 0, 0};
        int64_t j = 0;
        for (; j + 4 <= n; j += 4)
            for (int k = 0; k < 4; ++k) s[k] += x[r * n + j + k];
        for (; j < n; ++j) s[0] += x[r * n + j];
        y[r] = (s[0] + s[1]) + (s[2] + s[3]);
    }
    return 0;
}
