// Refuses to run, with a reason.
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data); cudaStream_t s = static_cast<cudaStream_t>(call->stream); const unsigned grid = static_cast<unsigned>((n + 255) / 256);
KF_EXPORT int kf_run(const kf_call* call) { ARGS (void)a; (void)b; (void)c; (void)n; (void)s; (void)grid; return kf_fail(call, "this candidate refuses to run"); }
