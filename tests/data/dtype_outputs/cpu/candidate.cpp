// A candidate for tests/data/dtype_outputs: right with WRONG=0; with WRONG=1,
// 2 or 3 one element of q, positive or sign8 is wrong, which verification
// must catch and name in each of the three dtypes.
// @tune WRONG 0 1 2 3
#include <kf_abi.h>

#include <cmath>
#include <cstdint>

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float scale = *static_cast<const float*>(call->inputs[1].data);
    auto* q = static_cast<int8_t*>(call->outputs[0].data);
    auto* positive = static_cast<uint8_t*>(call->outputs[1].data);
    auto* sign8 = static_cast<uint8_t*>(call->outputs[2].data);
    for (int64_t i = 0; i < n; ++i) {
        const float r = std::nearbyint(x[i] * scale);
        q[i] = static_cast<int8_t>(r < -128.0f ? -128.0f : r > 127.0f ? 127.0f : r);
        positive[i] = x[i] > 0.0f ? 1 : 0;
        sign8[i] = x[i] > 0.0f ? 0x38 : 0x00;
    }
    const int64_t last = n - 1;
    if (WRONG == 1) q[last] = static_cast<int8_t>(q[last] == 127 ? 126 : q[last] + 1);
    if (WRONG == 2) positive[last] = positive[last] ? 0 : 1;
    if (WRONG == 3) sign8[last] = sign8[last] == 0x38 ? 0x40 : 0x38;  // 2.0 for 1.0, 1.0 for 0.0
    return 0;
}
