// Tunable template: OpenMP over chunks of CHUNK elements, THREADS threads, SIMD
// inner loop. ERF_POLY=1 evaluates erf with a branch-free rational approximation
// (the one Eigen uses for float: max error a few float ulps) that vectorizes;
// ERF_POLY=0 calls libm's erff per element.
// @tune THREADS 1 2 4 8
// @tune CHUNK 4096 1024 16384 65536
// @tune ERF_POLY 1 0
#include <kf_abi.h>
#include <cmath>
#include <omp.h>

// erf(x) ~= x * P(x^2) / Q(x^2) on [-4, 4]; |erf| rounds to 1 in float outside.
static inline float erf_rational(float a) {
    const float x = a < -4.0f ? -4.0f : (a > 4.0f ? 4.0f : a);
    const float x2 = x * x;
    float p = -2.72614225801306e-10f;
    p = p * x2 + 2.77068142495902e-08f;
    p = p * x2 + -2.10102402082508e-06f;
    p = p * x2 + -5.69250639462346e-05f;
    p = p * x2 + -7.34990630326855e-04f;
    p = p * x2 + -2.95459980854025e-03f;
    p = p * x2 + -1.60960333262415e-02f;
    float q = -1.45660718464996e-05f;
    q = q * x2 + -2.13374055278905e-04f;
    q = q * x2 + -1.68282697438203e-03f;
    q = q * x2 + -7.37332916720468e-03f;
    q = q * x2 + -1.42647390514189e-02f;
    return x * p / q;
}

static inline float gelu(float v) {
#if ERF_POLY
    return 0.5f * v * (1.0f + erf_rational(v * 0.70710678118654752f));
#else
    return 0.5f * v * (1.0f + std::erf(v * 0.70710678118654752f));
#endif
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t n = kf_axis(call, "N");
    const uint16_t* __restrict x = static_cast<const uint16_t*>(call->inputs[0].data);
    uint16_t* __restrict y = static_cast<uint16_t*>(call->outputs[0].data);
#pragma omp parallel for num_threads(THREADS) schedule(static)
    for (int64_t start = 0; start < n; start += CHUNK) {
        const int64_t end = start + CHUNK < n ? start + CHUNK : n;
#pragma omp simd
        for (int64_t i = start; i < end; ++i) y[i] = kf_float_to_bf16(gelu(kf_bf16_to_float(x[i])));
    }
    return 0;
}
