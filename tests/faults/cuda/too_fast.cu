// A cheat that no longer pays: once its output holds a result it has written,
// it returns at once. Every timed call's output is poisoned first now, so it
// always computes, and passes (tests/test_fault_injection.cpp).
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data); cudaStream_t s = static_cast<cudaStream_t>(call->stream); const unsigned grid = static_cast<unsigned>((n + 255) / 256);
__device__ int needWork;
// Looks at the first and last element only: two launches of a few microseconds.
__global__ void check(const float* a, const float* b, const float* c, int64_t n) {
    needWork = c[0] != a[0] + b[0] || c[n - 1] != a[n - 1] + b[n - 1];
}
__global__ void add(const float* a, const float* b, float* c, int64_t n) {
    if (!needWork) return;
    int64_t i = blockIdx.x * 256ll + threadIdx.x;
    if (i < n) c[i] = a[i] + b[i];
}
KF_EXPORT int kf_run(const kf_call* call) {
    ARGS
    check<<<1, 1, 0, s>>>(a, b, c, n);
    add<<<grid, 256, 0, s>>>(a, b, c, n);
    KF_CHECK_LAUNCH(call);
    return 0;
}
