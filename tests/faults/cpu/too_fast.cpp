// A cheat that no longer pays: once its output holds a result it has written,
// it returns at once. Every timed call's output is poisoned first now, so it
// always computes, and passes (tests/test_fault_injection.cpp).
#include <cstring>
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data);
static const void* lastOut = nullptr;
static float lastFirst = 0;
KF_EXPORT int kf_run(const kf_call* call) {
    ARGS
    if (c == lastOut && std::memcmp(&c[0], &lastFirst, sizeof(float)) == 0) return 0;
    for (int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i];
    lastOut = c;
    lastFirst = c[0];
    return 0;
}
