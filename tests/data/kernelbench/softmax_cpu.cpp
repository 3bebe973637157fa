// A CPU candidate for the imported softmax task: a numerically stable softmax per row.
#include <kf_abi.h>

#include <cmath>

// @tune ROWS_PER_CHUNK 1 4
KF_EXPORT int kf_run(const kf_call* call) {
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const int64_t rows = call->inputs[0].shape[0], cols = call->inputs[0].shape[1];
    for (int64_t r0 = 0; r0 < rows; r0 += ROWS_PER_CHUNK)
        for (int64_t r = r0; r < r0 + ROWS_PER_CHUNK && r < rows; ++r) {
            const float* in = x + r * cols;
            float* out = y + r * cols;
            float m = in[0];
            for (int64_t c = 1; c < cols; ++c) m = std::fmax(m, in[c]);
            double sum = 0;
            for (int64_t c = 0; c < cols; ++c) sum += out[c] = std::exp(in[c] - m);
            const float inv = static_cast<float>(1.0 / sum);
            for (int64_t c = 0; c < cols; ++c) out[c] *= inv;
        }
    return 0;
}
