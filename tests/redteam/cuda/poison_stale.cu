// Cheat: computes only when its output holds a poison pattern it has not
// seen before; otherwise it copies back its last answer and paces itself.
#include <cstring>
#include <set>
#include "row_sum.cuh"
namespace {
std::set<unsigned> seen;
float* last = nullptr;
int64_t lastRows = 0;
}  // namespace
KF_EXPORT int kf_run(const kf_call* call) {
    ROW_SUM_ARGS
    unsigned pattern = 0;
    cudaMemcpyAsync(&pattern, y, 4, cudaMemcpyDeviceToHost, stream);
    cudaStreamSynchronize(stream);
    if (seen.count(pattern) && last && lastRows == m) {
        cudaMemcpyAsync(y, last, static_cast<size_t>(m) * 4, cudaMemcpyDeviceToDevice, stream);
        spin<<<1, 1, 0, stream>>>(m * n / 8);
        return 0;
    }
    seen.insert(pattern);
    launchRowSum(x, y, m, n, stream);
    if (lastRows != m) {
        cudaFree(last);
        cudaMalloc(&last, static_cast<size_t>(m) * 4);
        lastRows = m;
    }
    cudaMemcpyAsync(last, y, static_cast<size_t>(m) * 4, cudaMemcpyDeviceToDevice, stream);
    KF_CHECK_LAUNCH(call);
    return 0;
}
