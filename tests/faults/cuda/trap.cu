// Traps on the device: a sticky error.
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data); cudaStream_t s = static_cast<cudaStream_t>(call->stream); const unsigned grid = static_cast<unsigned>((n + 255) / 256);
__global__ void add(float* c) { if (threadIdx.x == 0) { c[0] = 1.0f; __trap(); } }
KF_EXPORT int kf_run(const kf_call* call) { ARGS (void)a; (void)b; (void)grid; add<<<1, 32, 0, s>>>(c); KF_CHECK_LAUNCH(call); return 0; }
