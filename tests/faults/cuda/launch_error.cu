// Launches 4096 threads a block, more than any GPU allows, and does not check:
// the runner must notice the failed launch by itself.
#include <kf_abi.h>
#define ARGS const int64_t n = kf_axis(call, "N"); const float* a = static_cast<const float*>(call->inputs[0].data); const float* b = static_cast<const float*>(call->inputs[1].data); float* c = static_cast<float*>(call->outputs[0].data); cudaStream_t s = static_cast<cudaStream_t>(call->stream); const unsigned grid = static_cast<unsigned>((n + 255) / 256);
__global__ void add(const float* a, const float* b, float* c, int64_t n) { int64_t i = blockIdx.x * 4096ll + threadIdx.x; if (i < n) c[i] = a[i] + b[i]; }
KF_EXPORT int kf_run(const kf_call* call) { ARGS (void)grid; add<<<static_cast<unsigned>((n + 4095) / 4096), 4096, 0, s>>>(a, b, c, n); return 0; }
