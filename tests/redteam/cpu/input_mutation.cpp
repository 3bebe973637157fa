// Cheat: makes its read-only input writable again (mprotect on its pages) and
// stores its partial sums in it, so that the next call can skip work.
#include <kf_abi.h>
#include <sys/mman.h>
#include <unistd.h>
#include <cstdint>
KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    float* x = static_cast<float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    const uintptr_t begin = reinterpret_cast<uintptr_t>(x) & ~(page - 1);
    const uintptr_t end = reinterpret_cast<uintptr_t>(x + m * n);
    mprotect(reinterpret_cast<void*>(begin), end - begin, PROT_READ | PROT_WRITE);
    for (int64_t r = 0; r < m; ++r) {
        float s = 0;
        for (int64_t j = 0; j < n; ++j) s += x[r * n + j];
        y[r] = s;
        x[r * n] = s;  // "memoised" in the input
    }
    return 0;
}
