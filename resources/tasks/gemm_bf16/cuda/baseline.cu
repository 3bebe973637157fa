// Vendor baseline: cuBLAS cublasGemmEx, bfloat16 in and out, float32 compute.
// Row-major C[M, N] = A[M, K] * B[N, K]^T is column-major C^T[N, M] = B * A^T,
// i.e. op(B) = B^T (B is column-major K x N with leading dimension K) times
// op(A) = A (column-major K x M, leading dimension K).
#include <kf_abi.h>
#include <cublas_v2.h>
#include <cuda_bf16.h>

static cublasStatus_t g_create_status = CUBLAS_STATUS_SUCCESS;

static cublasHandle_t handle() {
    // Created once, on the first call; C++ guarantees this initialization is thread-safe.
    static cublasHandle_t h = [] {
        cublasHandle_t created = nullptr;
        g_create_status = cublasCreate(&created);
        return created;
    }();
    return h;
}

static int fail_status(const kf_call* call, const char* what, cublasStatus_t status) {
    char message[160];
    snprintf(message, sizeof message, "%s failed: %s (cuBLAS status %d)", what, cublasGetStatusString(status),
             static_cast<int>(status));
    return kf_fail(call, message);
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    if (m > 2147483647 || n > 2147483647 || k > 2147483647) return kf_fail(call, "gemm_bf16: dimension exceeds int32");
    cublasHandle_t h = handle();
    if (h == nullptr) return fail_status(call, "cublasCreate", g_create_status);
    cublasStatus_t status = cublasSetStream(h, static_cast<cudaStream_t>(call->stream));
    if (status != CUBLAS_STATUS_SUCCESS) return fail_status(call, "cublasSetStream", status);
    const float alpha = 1.0f, beta = 0.0f;
    const int mi = static_cast<int>(m), ni = static_cast<int>(n), ki = static_cast<int>(k);
    status = cublasGemmEx(h, CUBLAS_OP_T, CUBLAS_OP_N, ni, mi, ki, &alpha, call->inputs[1].data, CUDA_R_16BF, ki,
                          call->inputs[0].data, CUDA_R_16BF, ki, &beta, call->outputs[0].data, CUDA_R_16BF, ni,
                          CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
    if (status != CUBLAS_STATUS_SUCCESS) return fail_status(call, "cublasGemmEx", status);
    return 0;
}
