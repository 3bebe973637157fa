// Every other call is off by 0.01: two runs on the same inputs disagree.
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data);
static int calls = 0;
KF_EXPORT int kf_run(const kf_call* call) { ARGS const float bump = (calls++ % 2) ? 0.01f : 0.0f; for (int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i] + bump; return 0; }
