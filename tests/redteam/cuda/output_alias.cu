// Cheat: re-points its output descriptor at a buffer of its own after the
// first call, so that the runner's buffer keeps the first answer.
#include "row_sum.cuh"
static float* mine = nullptr;
KF_EXPORT int kf_run(const kf_call* call) {
    ROW_SUM_ARGS
    launchRowSum(x, y, m, n, stream);
    if (!mine) cudaMalloc(&mine, 1 << 26);
    const_cast<kf_tensor*>(call->outputs)[0].data = mine;
    KF_CHECK_LAUNCH(call);
    return 0;
}
