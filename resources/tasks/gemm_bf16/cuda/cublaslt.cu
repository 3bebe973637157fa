// Tunable template (variant "cublaslt"): the vendor library's own kernels,
// chosen by search instead of by its default heuristic pick.
//
// cuBLASLt ranks the kernels it has for a problem (tile shape, stages,
// split-K, cluster shape) with a heuristic that sees only the shape, the
// types and the pointer alignment; its first pick is what torch.matmul runs.
// On skinny and odd shapes the first pick is often not the fastest, and only
// measuring tells. ALGO is the rank in cuBLASLt's list for this problem, so
// the tuner measures the top candidates per workload; WORKSPACE_MB bounds the
// scratch cuBLASLt may use (split-K reductions need some), which also changes
// the list it offers.
//
// Row-major C[M, N] = A[M, K] * B[N, K]^T is column-major C^T[N, M] =
// op(B) * A with op(B) = B^T (B is column-major K x N, leading dimension K)
// and A column-major K x M (leading dimension K).
//
// When a problem has fewer than ALGO + 1 kernels, the last one is used: a
// configuration then stays valid on every workload (the tuner compares it on
// all of them) and measures the same as a lower rank where the list is short.
// @tune ALGO 0 1 2 3 4 5 6 7
// @tune WORKSPACE_MB 32 4 0
#include <kf_abi.h>
#include <cublasLt.h>
#include <cuda_runtime.h>

#include <cstdint>
#include <map>
#include <mutex>
#include <tuple>

namespace {

constexpr int kRequested = 8;  // ALGO's range
constexpr uint64_t kWorkspaceBytes = static_cast<uint64_t>(WORKSPACE_MB) << 20;

// Everything cuBLASLt needs for one problem; built on the first call with
// that shape and alignment, kept for the process (the runner loads each
// candidate once and calls it many times).
struct Plan {
    cublasLtMatmulDesc_t op = nullptr;
    cublasLtMatrixLayout_t b = nullptr, a = nullptr, c = nullptr;
    cublasLtMatmulHeuristicResult_t algos[kRequested] = {};
    int count = 0;
};

using Key = std::tuple<int64_t, int64_t, int64_t, uint32_t, uint32_t, uint32_t>;

// Largest power of two (up to 256) dividing the address: what cuBLASLt may
// assume about a pointer.
uint32_t alignment(const void* p) {
    const auto v = reinterpret_cast<uintptr_t>(p);
    uint32_t a = 256;
    while (a > 1 && v % a != 0) a /= 2;
    return a;
}

int fail(const kf_call* call, const char* what, cublasStatus_t status) {
    char message[256];
    snprintf(message, sizeof message, "%.120s failed: %.80s (cuBLASLt status %d)", what, cublasLtGetStatusString(status),
             static_cast<int>(status));
    return kf_fail(call, message);
}

#define KF_LT(call, expr)                                            \
    do {                                                             \
        const cublasStatus_t kf_s_ = (expr);                         \
        if (kf_s_ != CUBLAS_STATUS_SUCCESS) return fail(call, #expr, kf_s_); \
    } while (0)

struct State {
    std::mutex mutex;
    cublasLtHandle_t handle = nullptr;
    void* workspace = nullptr;
    std::map<Key, Plan> plans;
};

// Never destroyed: the runner may unload this library after the CUDA context
// is gone, and destroying a handle then would fail or crash.
State& state() {
    static State* s = new State;
    return *s;
}

int makePlan(const kf_call* call, cublasLtHandle_t h, const Key& key, Plan& p) {
    const auto [m, n, k, alignA, alignB, alignC] = key;
    KF_LT(call, cublasLtMatmulDescCreate(&p.op, CUBLAS_COMPUTE_32F, CUDA_R_32F));
    const cublasOperation_t transposed = CUBLAS_OP_T, plain = CUBLAS_OP_N;
    KF_LT(call, cublasLtMatmulDescSetAttribute(p.op, CUBLASLT_MATMUL_DESC_TRANSA, &transposed, sizeof transposed));
    KF_LT(call, cublasLtMatmulDescSetAttribute(p.op, CUBLASLT_MATMUL_DESC_TRANSB, &plain, sizeof plain));
    KF_LT(call, cublasLtMatrixLayoutCreate(&p.b, CUDA_R_16BF, static_cast<uint64_t>(k), static_cast<uint64_t>(n), k));
    KF_LT(call, cublasLtMatrixLayoutCreate(&p.a, CUDA_R_16BF, static_cast<uint64_t>(k), static_cast<uint64_t>(m), k));
    KF_LT(call, cublasLtMatrixLayoutCreate(&p.c, CUDA_R_16BF, static_cast<uint64_t>(n), static_cast<uint64_t>(m), n));
    cublasLtMatmulPreference_t pref = nullptr;
    KF_LT(call, cublasLtMatmulPreferenceCreate(&pref));
    const uint64_t workspace = kWorkspaceBytes;
    // The first operand cuBLASLt sees is B, the second A.
    cublasStatus_t s = cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, &workspace,
                                                            sizeof workspace);
    if (s == CUBLAS_STATUS_SUCCESS)
        s = cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_A_BYTES, &alignB, sizeof alignB);
    if (s == CUBLAS_STATUS_SUCCESS)
        s = cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_B_BYTES, &alignA, sizeof alignA);
    if (s == CUBLAS_STATUS_SUCCESS)
        s = cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_C_BYTES, &alignC, sizeof alignC);
    if (s == CUBLAS_STATUS_SUCCESS)
        s = cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_MIN_ALIGNMENT_D_BYTES, &alignC, sizeof alignC);
    // Split-K partial sums reduced in float only: the in-place and output-type
    // schemes round every partial to bfloat16, which breaks the task's "rounded
    // once" and failed verification on 127 x 129 x 200 (ALGO=6, 4 MiB, H100).
    const uint32_t reductions = CUBLASLT_REDUCTION_SCHEME_COMPUTE_TYPE;
    if (s == CUBLAS_STATUS_SUCCESS)
        s = cublasLtMatmulPreferenceSetAttribute(pref, CUBLASLT_MATMUL_PREF_REDUCTION_SCHEME_MASK, &reductions, sizeof reductions);
    if (s == CUBLAS_STATUS_SUCCESS)
        s = cublasLtMatmulAlgoGetHeuristic(h, p.op, p.b, p.a, p.c, p.c, pref, kRequested, p.algos, &p.count);
    cublasLtMatmulPreferenceDestroy(pref);
    if (s != CUBLAS_STATUS_SUCCESS) return fail(call, "cublasLtMatmulAlgoGetHeuristic", s);
    if (p.count == 0) return kf_fail(call, "gemm_bf16 (cublaslt): cuBLASLt offers no kernel for this problem");
    return 0;
}

}  // namespace

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t m = kf_axis(call, "M");
    const int64_t n = kf_axis(call, "N");
    const int64_t k = kf_axis(call, "K");
    const void* a = call->inputs[0].data;
    const void* b = call->inputs[1].data;
    void* c = call->outputs[0].data;
    State& st = state();
    const std::lock_guard<std::mutex> lock(st.mutex);
    if (st.handle == nullptr) KF_LT(call, cublasLtCreate(&st.handle));
    if (kWorkspaceBytes > 0 && st.workspace == nullptr) {
        const cudaError_t e = cudaMalloc(&st.workspace, kWorkspaceBytes);
        if (e != cudaSuccess) return kf_fail(call, cudaGetErrorString(e));
    }
    const Key key{m, n, k, alignment(a), alignment(b), alignment(c)};
    auto it = st.plans.find(key);
    if (it == st.plans.end()) {
        Plan p;
        if (const int r = makePlan(call, st.handle, key, p); r != 0) return r;
        it = st.plans.emplace(key, p).first;
    }
    const Plan& p = it->second;
    const int rank = ALGO < p.count ? ALGO : p.count - 1;
    const float alpha = 1.0f, beta = 0.0f;
    KF_LT(call, cublasLtMatmul(st.handle, p.op, &alpha, b, p.b, a, p.a, &beta, c, p.c, c, p.c, &p.algos[rank].algo,
                               st.workspace, kWorkspaceBytes, static_cast<cudaStream_t>(call->stream)));
    return 0;
}
