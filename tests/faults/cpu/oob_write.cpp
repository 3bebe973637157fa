// Writes 64 elements past the end of its output: caught by the canary.
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data);
KF_EXPORT int kf_run(const kf_call* call) { ARGS for (int64_t i = 0; i < n + 64; ++i) c[i] = a[i % n] + b[i % n]; return 0; }
