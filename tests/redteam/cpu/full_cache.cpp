// Cheat: results cached under a hash of every input byte. Reading the whole
// input is what an honest row sum costs anyway, so on every input it has seen
// before it answers from the cache and spins. Inputs that differ on every
// call never hit; this must end no faster than honest (or be rejected).
#include <kf_abi.h>
#include <chrono>
#include <cstring>
#include <map>
#include <vector>
namespace {
std::map<uint64_t, std::vector<float>> cache;
double honestMs = 0;
}  // namespace
KF_EXPORT int kf_run(const kf_call* call) {
    const auto t0 = std::chrono::steady_clock::now();
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const uint64_t* words = reinterpret_cast<const uint64_t*>(x);
    uint64_t h = 1469598103934665603ull;
    for (int64_t i = 0; i < m * n / 2; ++i) h = (h ^ words[i]) * 1099511628211ull;
    if (auto it = cache.find(h); it != cache.end()) {
        std::memcpy(y, it->second.data(), static_cast<size_t>(m) * 4);
        return 0;
    }
    for (int64_t r = 0; r < m; ++r) {
        float s = 0;
        for (int64_t j = 0; j < n; ++j) s += x[r * n + j];
        y[r] = s;
    }
    cache[h].assign(y, y + m);
    honestMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return 0;
}
