// A kernel that never finishes.
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data); cudaStream_t s = static_cast<cudaStream_t>(call->stream); const unsigned grid = static_cast<unsigned>((n + 255) / 256);
__global__ void spin(float* c, int forever) { while (forever) { if (c[0] == 12345.0f) break; } }
KF_EXPORT int kf_run(const kf_call* call) { ARGS (void)a; (void)b; (void)grid; spin<<<1, 32, 0, s>>>(c, 1); KF_CHECK_LAUNCH(call); return 0; }
