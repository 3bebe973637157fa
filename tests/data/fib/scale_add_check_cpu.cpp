// A CPU candidate for the imported scale_add_fib task that also proves its
// recorded input arrived exactly: w must hold, bit for bit, the values
// make_safetensors.py wrote ((8*i + j) / 2 - 7.75). If it does not, every output
// is NaN and the evaluation fails.
#include <kf_abi.h>

#include <cmath>
#include <cstring>

KF_EXPORT int kf_run(const kf_call* call) {
    const float* x = static_cast<const float*>(call->inputs[0].data);
    const float alpha = *static_cast<const float*>(call->inputs[1].data);
    const float* w = static_cast<const float*>(call->inputs[2].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    const int64_t rows = call->inputs[2].shape[0], cols = call->inputs[2].shape[1];
    bool exact = call->inputs[1].ndim == 0;
    for (int64_t i = 0; i < rows * cols; ++i) {
        const float want = static_cast<float>(static_cast<double>(i) / 2 - 7.75);
        exact = exact && std::memcmp(&w[i], &want, sizeof want) == 0;
    }
    for (int64_t i = 0; i < rows * cols; ++i) y[i] = exact ? x[i] * alpha + w[i] : NAN;
    return 0;
}
