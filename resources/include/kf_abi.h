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
