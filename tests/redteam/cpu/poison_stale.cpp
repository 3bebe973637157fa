// Cheat: computes honestly only when its output holds a poison pattern it
// has not seen yet (what a checking call used to look like); otherwise it
// writes back its last answer and paces itself to just above the floor.
#include <kf_abi.h>
#include <chrono>
#include <cstring>
#include <set>
#include <vector>
namespace {
std::set<uint32_t> seen;
std::vector<float> last;
double honestMs = 0;
}  // namespace
KF_EXPORT int kf_run(const kf_call* call) {
    const auto t0 = std::chrono::steady_clock::now();
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    uint32_t pattern;
    std::memcpy(&pattern, y, 4);
    if (seen.count(pattern) && last.size() == static_cast<size_t>(m)) {
        std::memcpy(y, last.data(), static_cast<size_t>(m) * 4);
        while (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() < 0.3 * honestMs) {
        }
        return 0;
    }
    seen.insert(pattern);
    for (int64_t r = 0; r < m; ++r) {
        float s = 0;
        for (int64_t j = 0; j < n; ++j) s += x[r * n + j];
        y[r] = s;
    }
    last.assign(y, y + m);
    honestMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return 0;
}
