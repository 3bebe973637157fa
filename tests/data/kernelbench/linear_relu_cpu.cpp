// A CPU candidate for the imported linear_relu task: out = relu(x @ fc_weight^T + fc_bias).
#include <kf_abi.h>

// @tune BLOCK 8 4 16
KF_EXPORT int kf_run(const kf_call* call) {
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float* w = static_cast<const float*>(call->inputs[1].data);
    const float* b = static_cast<const float*>(call->inputs[2].data);
    float* out = static_cast<float*>(call->outputs[0].data);
    const int64_t m = call->inputs[0].shape[0], k = call->inputs[0].shape[1], n = call->inputs[1].shape[0];
    for (int64_t j0 = 0; j0 < n; j0 += BLOCK)  // a block of W's rows stays in cache across x's rows
        for (int64_t i = 0; i < m; ++i)
            for (int64_t j = j0; j < j0 + BLOCK && j < n; ++j) {
                float acc = b[j];
                for (int64_t p = 0; p < k; ++p) acc += x[i * k + p] * w[j * k + p];
                out[i * n + j] = acc > 0 ? acc : 0;
            }
    return 0;
}
