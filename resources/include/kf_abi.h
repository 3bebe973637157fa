/* KernelForge candidate ABI, version 1.
 *
 * Every candidate, reference and baseline is one source file compiled to a
 * shared object that exports one C entry point:
 *
 *     KF_EXPORT int kf_run(const kf_call* call);
 *
 * Destination-passing style: the runner allocates inputs and outputs (host
 * memory on the CPU, device memory on CUDA/HIP) in the order the task's
 * definition declares them, and the candidate writes every output element.
 * On CUDA/HIP the candidate enqueues its work on `call->stream` and may return
 * before it finishes; the runner synchronizes. Return 0 on success; any other
 * value is a RUNTIME_ERROR, with the message written by kf_fail() if any.
 *
 * This header is plain C so that g++, nvcc and hipcc all accept it.
 */
#ifndef KF_ABI_H
#define KF_ABI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define KF_ABI_VERSION 1
#define KF_MAX_DIMS 8

#ifdef __cplusplus
#define KF_EXTERN_C extern "C"
#else
#define KF_EXTERN_C
#endif
#define KF_EXPORT KF_EXTERN_C __attribute__((visibility("default")))

/* Element types, numbered as the runner numbers them. */
typedef enum kf_dtype {
    KF_FLOAT32 = 0,
    KF_FLOAT16 = 1,
    KF_BFLOAT16 = 2,
    KF_FLOAT8_E4M3FN = 3,
    KF_FLOAT8_E5M2 = 4,
    KF_INT64 = 5,
    KF_INT32 = 6,
    KF_INT16 = 7,
    KF_INT8 = 8,
    KF_BOOL = 9
} kf_dtype;

typedef struct kf_tensor {
    void* data;                     /* host or device pointer, per backend */
    int32_t dtype;                  /* a kf_dtype */
    int32_t ndim;                   /* 0 for a scalar */
    int64_t shape[KF_MAX_DIMS];
    int64_t strides[KF_MAX_DIMS];   /* in elements; row-major contiguous today */
} kf_tensor;

typedef struct kf_call {
    uint32_t abi_version;           /* KF_ABI_VERSION of the runner */
    int32_t num_inputs;
    int32_t num_outputs;
    int32_t num_axes;
    const kf_tensor* inputs;        /* definition order */
    const kf_tensor* outputs;       /* definition order */
    const char* const* axis_names;  /* every axis, const and var, definition order */
    const int64_t* axis_values;
    void* stream;                   /* cudaStream_t / hipStream_t; NULL on the CPU */
    char* error;                    /* kf_fail() writes a message here */
    size_t error_capacity;
} kf_call;

/* Value of an axis by name; -1 when the task has no such axis. */
static inline int64_t kf_axis(const kf_call* call, const char* name) {
    for (int32_t i = 0; i < call->num_axes; ++i)
        if (strcmp(call->axis_names[i], name) == 0) return call->axis_values[i];
    return -1;
}

/* Records why the candidate gave up and returns the value kf_run should return. */
static inline int kf_fail(const kf_call* call, const char* message) {
    if (call->error && call->error_capacity > 0) snprintf(call->error, call->error_capacity, "%s", message);
    return 1;
}

/* bfloat16 and float16 elements arrive as raw 16-bit patterns (uint16_t) on
 * the CPU. These convert them to and from float: widening is exact, narrowing
 * rounds to nearest, ties to even (as PyTorch and the hardware do), overflow
 * gives infinity, and NaN stays NaN (made quiet, sign and leading payload
 * kept); float16 subnormals are handled. Named kf_* so that a candidate's own
 * helpers of the usual names do not clash. Host code; on CUDA/HIP devices use
 * __nv_bfloat16 / __half and their intrinsics. */
static inline float kf_bf16_to_float(uint16_t h) {
    const uint32_t u = (uint32_t)h << 16;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline uint16_t kf_float_to_bf16(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x0040u); /* NaN: quiet, never rounded into Inf */
    u += 0x7fffu + ((u >> 16) & 1u); /* round to nearest, ties to even; a carry into the exponent is right */
    return (uint16_t)(u >> 16);
}

static inline float kf_fp16_to_float(uint16_t h) {
    const uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
    const uint32_t exponent = (h >> 10) & 0x1fu;
    uint32_t mantissa = h & 0x3ffu;
    uint32_t u;
    if (exponent == 0x1fu) {
        u = sign | 0x7f800000u | (mantissa << 13) | (mantissa ? 0x00400000u : 0u); /* Inf, or NaN made quiet */
    } else if (exponent != 0) {
        u = sign | ((exponent + 112u) << 23) | (mantissa << 13); /* rebias 15 -> 127 */
    } else if (mantissa == 0) {
        u = sign; /* signed zero */
    } else {
        /* A subnormal (mantissa * 2^-24) is a normal float: shift the leading 1 into the implicit bit. */
        uint32_t e = 113u; /* 2^-14, biased for float */
        while (!(mantissa & 0x400u)) {
            mantissa <<= 1;
            --e;
        }
        u = sign | (e << 23) | ((mantissa & 0x3ffu) << 13);
    }
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static inline uint16_t kf_float_to_fp16(float f) {
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    const uint16_t sign = (uint16_t)((u >> 16) & 0x8000u);
    const uint32_t a = u & 0x7fffffffu;
    if (a > 0x7f800000u) return (uint16_t)(sign | 0x7e00u | ((a >> 13) & 0x3ffu)); /* NaN: quiet */
    if (a >= 0x477ff000u) return (uint16_t)(sign | 0x7c00u);                     /* 65520 and above round to Inf */
    if (a >= 0x38800000u) {                                                         /* normal: 2^-14 and above */
        uint32_t r = a - 0x38000000u;                                               /* rebias 127 -> 15 */
        r += 0xfffu + ((r >> 13) & 1u);
        return (uint16_t)(sign | (r >> 13));
    }
    if (a <= 0x33000000u) return sign; /* 2^-25 and below: zero (2^-25 itself ties to the even zero) */
    /* Subnormal: the significand with its implicit bit, in units of 2^-24, rounded to nearest even. */
    const uint32_t m = (a & 0x7fffffu) | 0x800000u;
    const uint32_t shift = 126u - (a >> 23); /* 14 .. 24 */
    uint32_t q = m >> shift;
    const uint32_t rest = m & ((1u << shift) - 1u);
    const uint32_t half = 1u << (shift - 1u);
    if (rest > half || (rest == half && (q & 1u))) ++q; /* may carry into the smallest normal: right */
    return (uint16_t)(sign | q);
}

#if defined(__CUDACC__) && !defined(__HIP__)
/* After a launch: turns a launch failure (bad configuration, too much shared
 * memory, ...) into a RUNTIME_ERROR carrying the CUDA message. */
#define KF_CHECK_LAUNCH(call)                                                   \
    do {                                                                        \
        cudaError_t kf_err_ = cudaGetLastError();                               \
        if (kf_err_ != cudaSuccess) return kf_fail((call), cudaGetErrorString(kf_err_)); \
    } while (0)
#elif defined(__HIP__)
#define KF_CHECK_LAUNCH(call)                                                   \
    do {                                                                        \
        hipError_t kf_err_ = hipGetLastError();                                 \
        if (kf_err_ != hipSuccess) return kf_fail((call), hipGetErrorString(kf_err_)); \
    } while (0)
#endif

KF_EXPORT int kf_run(const kf_call* call);

#endif /* KF_ABI_H */
