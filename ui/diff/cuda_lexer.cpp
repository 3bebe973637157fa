#include "ui/diff/cuda_lexer.h"

#include <QFont>
#include <QPalette>

#include <string>

namespace kforge::ui {

namespace {

// C++20 keywords QScintilla's list predates, and CUDA/HIP qualifiers.
constexpr const char* kExtraKeywords =
    " alignas alignof char8_t char16_t char32_t concept consteval constexpr constinit co_await co_return"
    " co_yield decltype final noexcept nullptr override requires static_assert thread_local"
    " __global__ __device__ __host__ __shared__ __constant__ __managed__ __restrict__ __restrict"
    " __forceinline__ __noinline__ __inline__ __launch_bounds__ __maxnreg__ __grid_constant__"
    " __cluster_dims__ __align__ __builtin_align__ __volatile__ __asm__ asm";

// Built-in variables, intrinsics and runtime calls.
constexpr const char* kIntrinsics =
    // Built-in variables.
    "threadIdx blockIdx blockDim gridDim warpSize clusterIdx clusterDim"
    " hipThreadIdx_x hipThreadIdx_y hipThreadIdx_z hipBlockIdx_x hipBlockIdx_y hipBlockIdx_z"
    " hipBlockDim_x hipBlockDim_y hipBlockDim_z hipGridDim_x hipGridDim_y hipGridDim_z"
    // Synchronisation and memory fences.
    " __syncthreads __syncthreads_count __syncthreads_and __syncthreads_or __syncwarp"
    " __threadfence __threadfence_block __threadfence_system __nanosleep __trap __brkpt"
    // Warp-level primitives (CUDA *_sync and HIP's unsynchronised forms).
    " __shfl_sync __shfl_up_sync __shfl_down_sync __shfl_xor_sync __shfl __shfl_up __shfl_down __shfl_xor"
    " __ballot_sync __ballot __all_sync __any_sync __uni_sync __all __any __activemask __lane_id"
    " __match_any_sync __match_all_sync __reduce_add_sync __reduce_min_sync __reduce_max_sync"
    " __reduce_and_sync __reduce_or_sync __reduce_xor_sync"
    // Atomics.
    " atomicAdd atomicSub atomicExch atomicMin atomicMax atomicInc atomicDec atomicCAS atomicAnd"
    " atomicOr atomicXor atomicAdd_block atomicAdd_system atomicCAS_block atomicCAS_system"
    " atomicMax_block atomicMin_block unsafeAtomicAdd safeAtomicAdd"
    // Cache-hinted loads and stores.
    " __ldg __ldcg __ldca __ldcs __ldlu __ldcv __stcg __stcs __stwb __stwt __prefetch_global_l2"
    " __builtin_nontemporal_load __builtin_nontemporal_store __builtin_assume_aligned __builtin_expect"
    " __builtin_assume __builtin_unreachable __assume"
    // Fast math and integer intrinsics.
    " __expf __exp10f __logf __log2f __log10f __sinf __cosf __sincosf __tanf __powf __fdividef"
    " __frcp_rn __fsqrt_rn __frsqrt_rn __fmaf_rn __fmaf_rz __fmul_rn __fmul_rz __fadd_rn __fadd_rz"
    " __fsub_rn __fdiv_rn __saturatef __dadd_rn __dmul_rn __fma_rn rsqrtf rsqrt rcbrtf exp2f"
    " __clz __clzll __popc __popcll __ffs __ffsll __brev __brevll __byte_perm __funnelshift_l"
    " __funnelshift_r __mul24 __umul24 __mulhi __umulhi __mul64hi __umul64hi __sad __usad __dp4a"
    " __dp2a_lo __dp2a_hi __vadd4 __vsub4 __vmaxu4 __vminu4 __hadd __rhadd __uhadd"
    " __float_as_int __int_as_float __float_as_uint __uint_as_float __double_as_longlong"
    " __longlong_as_double __float2int_rn __float2int_rz __float2uint_rn __int2float_rn"
    // Half, bfloat16 and fp8 arithmetic and conversions.
    " __float2half __float2half_rn __float2half_rz __half2float __float2half2_rn __floats2half2_rn"
    " __float22half2_rn __half22float2 __low2half __high2half __low2float __high2float __halves2half2"
    " __hadd __hsub __hmul __hdiv __hfma __hneg __habs __hmax __hmin __hadd2 __hsub2 __hmul2 __h2div"
    " __hfma2 __hneg2 __habs2 __hmax2 __hmin2 __heq __hne __hlt __hle __hgt __hge __hisnan __hisinf"
    " hexp hlog hsqrt hrsqrt hrcp h2exp h2log h2sqrt h2rsqrt"
    " __float2bfloat16 __float2bfloat16_rn __float2bfloat16_rz __bfloat162float __floats2bfloat162_rn"
    " __float22bfloat162_rn __bfloat1622float2 __low2bfloat16 __high2bfloat16 __halves2bfloat162"
    " __bfloat162bfloat162 __half2half2 __nv_cvt_float_to_fp8 __nv_cvt_fp8_to_halfraw"
    " __nv_cvt_float2_to_fp8x2 __nv_cvt_fp8x2_to_halfraw2"
    // Tensor cores: WMMA and the PTX mma/ldmatrix wrappers kernels use.
    " wmma nvcuda load_matrix_sync store_matrix_sync mma_sync fill_fragment fragment matrix_a matrix_b"
    " accumulator row_major col_major mem_row_major mem_col_major precision tf32 bmma_sync"
    " __builtin_amdgcn_mfma_f32_32x32x8f16 __builtin_amdgcn_mfma_f32_16x16x16f16"
    " __builtin_amdgcn_mfma_f32_32x32x8bf16_1k __builtin_amdgcn_mfma_f32_16x16x16bf16_1k"
    " __builtin_amdgcn_mfma_f32_32x32x2f32 __builtin_amdgcn_mfma_f32_16x16x4f32"
    " __builtin_amdgcn_wmma_f32_16x16x16_f16_w32 __builtin_amdgcn_readfirstlane"
    " __builtin_amdgcn_readlane __builtin_amdgcn_ds_bpermute __builtin_amdgcn_ds_swizzle"
    " __builtin_amdgcn_mov_dpp __builtin_amdgcn_update_dpp __builtin_amdgcn_s_barrier"
    " __builtin_amdgcn_s_waitcnt __builtin_amdgcn_sched_barrier __builtin_amdgcn_workitem_id_x"
    " __builtin_amdgcn_workgroup_id_x __builtin_amdgcn_wavefrontsize"
    // Asynchronous copies (cp.async and TMA behind their C++ wrappers).
    " __pipeline_memcpy_async __pipeline_commit __pipeline_wait_prior __pipeline_arrive_on"
    " memcpy_async cp_async cp_async_wait_all cp_async_commit_group cp_async_wait_group"
    " __cvta_generic_to_shared __cvta_generic_to_global __isShared __isGlobal"
    " cuda barrier pipeline make_pipeline cooperative_groups this_thread_block this_grid"
    " tiled_partition thread_block_tile coalesced_threads thread_rank meta_group_rank"
    // Runtime API (CUDA and HIP).
    " cudaMalloc cudaMallocAsync cudaMallocManaged cudaFree cudaFreeAsync cudaMemcpy cudaMemcpyAsync"
    " cudaMemcpyToSymbol cudaMemset cudaMemsetAsync cudaDeviceSynchronize cudaStreamSynchronize"
    " cudaGetLastError cudaPeekAtLastError cudaGetErrorString cudaFuncSetAttribute cudaLaunchKernel"
    " cudaLaunchKernelEx cudaLaunchCooperativeKernel cudaOccupancyMaxActiveBlocksPerMultiprocessor"
    " cudaOccupancyMaxPotentialBlockSize cudaGetDevice cudaGetDeviceProperties cudaDeviceGetAttribute"
    " cudaEventCreate cudaEventRecord cudaEventSynchronize cudaEventElapsedTime cudaEventDestroy"
    " cudaStreamCreate cudaStreamDestroy"
    " hipLaunchKernelGGL hipLaunchKernel hipMalloc hipMallocAsync hipFree hipFreeAsync hipMemcpy"
    " hipMemcpyAsync hipMemset hipMemsetAsync hipDeviceSynchronize hipStreamSynchronize"
    " hipGetLastError hipPeekAtLastError hipGetErrorString hipFuncSetAttribute"
    " hipOccupancyMaxActiveBlocksPerMultiprocessor hipGetDevice hipGetDeviceProperties"
    " hipDeviceGetAttribute hipEventCreate hipEventRecord hipEventSynchronize hipEventElapsedTime";

// Types and the candidate ABI.
constexpr const char* kTypes =
    "dim3 uint3 __half __half2 half half2 __nv_bfloat16 __nv_bfloat162 nv_bfloat16 nv_bfloat162"
    " __nv_fp8_e4m3 __nv_fp8_e5m2 __nv_fp8x2_e4m3 __nv_fp8x4_e4m3 __nv_fp8_storage_t"
    " __hip_bfloat16 __hip_bfloat162 hip_bfloat16 __half_raw __half2_raw __nv_bfloat16_raw"
    " char1 char2 char3 char4 uchar1 uchar2 uchar3 uchar4 short1 short2 short3 short4 ushort1 ushort2"
    " ushort3 ushort4 int1 int2 int3 int4 uint1 uint2 uint4 long1 long2 long3 long4 ulong1 ulong2"
    " ulong3 ulong4 longlong1 longlong2 longlong4 ulonglong1 ulonglong2 ulonglong4 float1 float2"
    " float3 float4 double1 double2 double3 double4"
    " cudaStream_t cudaEvent_t cudaError_t cudaDeviceProp cudaSuccess cudaFuncAttributes"
    " cudaMemcpyHostToDevice cudaMemcpyDeviceToHost cudaMemcpyDeviceToDevice cudaMemcpyDefault"
    " hipStream_t hipEvent_t hipError_t hipDeviceProp_t hipSuccess hipMemcpyHostToDevice"
    " hipMemcpyDeviceToHost hipMemcpyDeviceToDevice hipMemcpyDefault"
    " size_t ptrdiff_t int8_t int16_t int32_t int64_t uint8_t uint16_t uint32_t uint64_t"
    " kf_call kf_tensor kf_dtype kf_axis kf_run kf_fail kf_err_"
    " KF_ABI_VERSION KF_MAX_DIMS KF_EXPORT KF_EXTERN_C KF_CHECK_LAUNCH KF_FLOAT32 KF_FLOAT16"
    " KF_BFLOAT16 KF_FLOAT8_E4M3FN KF_FLOAT8_E5M2 KF_INT64 KF_INT32 KF_INT16 KF_INT8 KF_BOOL";

struct Scheme {
    QColor comment, docComment, number, keyword, string, character, preprocessor, operatorColor;
    QColor intrinsic, type, escape, taskMarker;
};

Scheme lightScheme() {
    return {QColor(0x00, 0x80, 0x00), QColor(0x3d, 0x7a, 0x5a), QColor(0x09, 0x86, 0x58),
            QColor(0x00, 0x33, 0xb3), QColor(0xa3, 0x15, 0x15), QColor(0xa3, 0x15, 0x15),
            QColor(0xaf, 0x00, 0xdb), QColor(0x40, 0x40, 0x40), QColor(0x79, 0x5e, 0x26),
            QColor(0x26, 0x7f, 0x99), QColor(0xee, 0x00, 0x00), QColor(0xc0, 0x60, 0x00)};
}

Scheme darkScheme() {
    return {QColor(0x6a, 0x99, 0x55), QColor(0x60, 0x8b, 0x4e), QColor(0xb5, 0xce, 0xa8),
            QColor(0x56, 0x9c, 0xd6), QColor(0xce, 0x91, 0x78), QColor(0xce, 0x91, 0x78),
            QColor(0xc5, 0x86, 0xc0), QColor(0xc8, 0xc8, 0xc8), QColor(0xdc, 0xdc, 0xaa),
            QColor(0x4e, 0xc9, 0xb0), QColor(0xd7, 0xba, 0x7d), QColor(0xe0, 0xa0, 0x50)};
}

}  // namespace

CudaLexer::CudaLexer(QObject* parent) : QsciLexerCPP(parent) {
    // Scintilla knows "#if 0" and undefined macros from this file only, so
    // greying out branches would mislead for -D tuning macros.
    setStylePreprocessor(false);
    setHighlightTripleQuotedStrings(false);
}

const char* CudaLexer::language() const { return "CUDA"; }

const char* CudaLexer::keywords(int set) const {
    static const std::string keywordSet = std::string(QsciLexerCPP::keywords(1)) + kExtraKeywords;
    switch (set) {
        case 1: return keywordSet.c_str();
        case 2: return kIntrinsics;
        case 4: return kTypes;
        default: return QsciLexerCPP::keywords(set);
    }
}

void CudaLexer::applyPalette(const QPalette& palette) {
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const Scheme scheme = paper.lightness() < 128 ? darkScheme() : lightScheme();

    setDefaultPaper(paper);
    setDefaultColor(text);
    setPaper(paper, -1);
    setColor(text, -1);
    setColor(scheme.comment, Comment);
    setColor(scheme.comment, CommentLine);
    setColor(scheme.docComment, CommentDoc);
    setColor(scheme.docComment, CommentLineDoc);
    setColor(scheme.docComment, CommentDocKeyword);
    setColor(scheme.escape, CommentDocKeywordError);
    setColor(scheme.number, Number);
    setColor(scheme.keyword, Keyword);
    setColor(scheme.string, DoubleQuotedString);
    setColor(scheme.character, SingleQuotedString);
    setColor(scheme.string, RawString);
    setColor(scheme.string, VerbatimString);
    setColor(scheme.escape, UnclosedString);
    setColor(scheme.escape, EscapeSequence);
    setColor(scheme.preprocessor, PreProcessor);
    setColor(scheme.comment, PreProcessorComment);
    setColor(scheme.operatorColor, Operator);
    setColor(text, Identifier);
    setColor(scheme.intrinsic, KeywordSet2);
    setColor(scheme.type, GlobalClass);
    setColor(scheme.number, UserLiteral);
    setColor(scheme.taskMarker, TaskMarker);
}

void CudaLexer::applyFont(const QFont& font) {
    setDefaultFont(font);
    setFont(font, -1);
}

}  // namespace kforge::ui
