// Cheat: accumulates in bfloat16 (the input rounded to 8 bits of mantissa),
// as a kernel does that trades accuracy for speed without being allowed to.
#include <kf_abi.h>
#include <cstring>
static float toBf16(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    bits &= 0xFFFF0000u;
    std::memcpy(&v, &bits, 4);
    return v;
}
KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M"), n = kf_axis(call, "N");
    const float* x = static_cast<const float*>(call->inputs[0].data);
    float* y = static_cast<float*>(call->outputs[0].data);
    for (int64_t r = 0; r < m; ++r) {
        float s = 0;
        for (int64_t j = 0; j < n; ++j) s = toBf16(s + toBf16(x[r * n + j]));
        y[r] = s;
    }
    return 0;
}
