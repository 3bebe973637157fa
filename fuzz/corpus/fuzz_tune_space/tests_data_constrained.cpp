// vector_add_fp32 with a declared constraint, for the INVALID_CONFIG check.
// @tune UNROLL 1 2 4
// @constraint UNROLL < 4
#include <kf_abi.h>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* a = static_cast<const float*>(call->inputs[0].data);
    const float* b = static_cast<const float*>(call->inputs[1].data);
    float* c = static_cast<float*>(call->outputs[0].data);
#pragma GCC unroll UNROLL
    for (int64_t i = 0; i < n; ++i) c[i] = a[i] + b[i];
    return 0;
}
