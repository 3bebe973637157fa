// Tunable template: a block of BLOCK threads computes TILE = BLOCK * R
// consecutive outputs of one (batch, channel) row at a time; a grid of as many
// blocks as fit on the device at once strides over the (row, tile) items.
//
// 1. Staging: the input window [l0 - pad, l0 + TILE - pad + KP) (zero outside
//    the row; KP is K rounded up to a multiple of KC) and the row's weights,
//    zero-padded to KP, go to shared memory with cp.async (4-byte copies,
//    coalesced; zero-fill outside the row; tiles inside the row skip the
//    bounds and use compile-time offsets). Two stages: the copies of the next
//    item are in flight while the block computes the current one.
// 2. Thread t computes outputs t * R ... t * R + R - 1 in registers. For each
//    chunk of KC taps it reads the KC weights (float4 broadcasts) and the
//    R + KC inputs it needs (float4 reads), then does R * KC fused
//    multiply-adds with compile-time register indices: R + KC reads of shared
//    memory feed R * KC FMAs, where one output a thread costs 2 K reads.
//    Taps run in increasing order per output, as in the reference; the padded
//    taps add exact zeros. Threads whose outputs all lie past the row's end
//    (short rows) skip the work.
// 3. The outputs go through a shared-memory buffer of their own and leave with
//    coalesced stores.
// Shared memory holds window position p at p + 4 (p / R): the extra float4 per
// R floats makes the float4 accesses of the 8 threads of a quarter-warp
// (R floats apart) fall in distinct banks. Past 48 KiB the kernel opts in to
// more, up to the device limit.
// @tune BLOCK 128 256 512
// @tune R 16 8 32
// @tune KC 8 4
#include <kf_abi.h>

constexpr int kTile = BLOCK * R;

__host__ __device__ constexpr int phys(int p) { return p + 4 * (p / R); }
__host__ __device__ constexpr int64_t slots(int64_t floats) { return floats + 4 * ((floats + R - 1) / R); }
// One stage: kp weights, then the window (kp % 4 == 0 keeps both 16-byte aligned).
__host__ __device__ constexpr int64_t stage_floats(int64_t kp) { return kp + slots(kTile + kp); }

__device__ __forceinline__ void copy4(float* dst, const float* src, bool valid) {
    const unsigned d = static_cast<unsigned>(__cvta_generic_to_shared(dst));
    asm volatile("cp.async.ca.shared.global [%0], [%1], 4, %2;\n" ::"r"(d), "l"(src), "r"(valid ? 4 : 0) : "memory");
}
__device__ __forceinline__ void commit() { asm volatile("cp.async.commit_group;\n" ::: "memory"); }
__device__ __forceinline__ void wait_all_but_one() { asm volatile("cp.async.wait_group 1;\n" ::: "memory"); }

struct Item {
    int64_t row;
    int l0, valid;  // first output, outputs of this tile inside the row
};

__device__ __forceinline__ Item item_at(int64_t item, int64_t tiles, int len) {
    Item it;
    it.row = item / tiles;
    it.l0 = static_cast<int>(item % tiles) * kTile;
    it.valid = len - it.l0 < kTile ? len - it.l0 : kTile;
    return it;
}

__device__ __forceinline__ void stage_in(float* st, const float* __restrict__ x, const float* __restrict__ w,
                                         const Item& it, int64_t nc, int len, int kw, int kp) {
    const int tid = static_cast<int>(threadIdx.x);
    const float* wr = w + it.row % nc * kw;
    for (int k = tid; k < kp; k += BLOCK) copy4(st + k, wr + (k < kw ? k : 0), k < kw);
    float* xs = st + kp;
    const float* xr = x + it.row * len;
    const int base = it.l0 - (kw - 1) / 2;
    if (base >= 0 && base + kTile + kp <= len) {
        // Interior tile: no bounds, compile-time offsets (phys(j * BLOCK + tid) = j * (BLOCK + 4 BLOCK / R) + phys(tid)).
        float* d = xs + phys(tid);
        const float* src = xr + base + tid;
#pragma unroll
        for (int j = 0; j < R; ++j) copy4(d + j * (BLOCK + 4 * BLOCK / R), src + j * BLOCK, true);
        for (int i = kTile + tid; i < kTile + kp; i += BLOCK) copy4(xs + phys(i), xr + base + i, true);
        return;
    }
    // Only the inputs that outputs inside the row read: up to the last needed thread's window.
    const int need = (it.valid + R - 1) / R * R + kp;
    for (int i = tid; i < need; i += BLOCK) {
        const int src = base + i;
        const bool in = src >= 0 && src < len;
        copy4(xs + phys(i), xr + (in ? src : 0), in);
    }
}

__global__ void __launch_bounds__(BLOCK) dwconv_tuned(const float* __restrict__ x, const float* __restrict__ w,
                                                      float* __restrict__ y, int64_t rows, int64_t nc, int len,
                                                      int kw, int kp) {
    extern __shared__ float4 smem4[];
    float* const stage0 = reinterpret_cast<float*>(smem4);  // stage s at stage0 + s * sf
    const int sf = static_cast<int>(stage_floats(kp));
    float* const out = stage0 + 2 * sf;  // slots(kTile) outputs, at phys() positions
    const int tid = static_cast<int>(threadIdx.x);
    const int64_t tiles = (len + kTile - 1) / kTile;
    const int64_t total = rows * tiles;

    int64_t item = blockIdx.x;
    if (item < total) stage_in(stage0, x, w, item_at(item, tiles, len), nc, len, kw, kp);
    commit();
    for (int s = 0; item < total; item += gridDim.x, s ^= 1) {
        const Item it = item_at(item, tiles, len);
        const int64_t next = item + gridDim.x;
        // Stage s ^ 1 was last read before the previous item's second barrier.
        if (next < total) stage_in(stage0 + (s ^ 1) * sf, x, w, item_at(next, tiles, len), nc, len, kw, kp);
        commit();
        wait_all_but_one();  // this thread's copies for `item` have landed
        __syncthreads();     // and everyone's; the previous item's stores are done with `out`

        if (tid * R < it.valid) {
            const float* ws = stage0 + s * sf;
            const float* xt = ws + kp + tid * (R + 4);  // phys(tid * R)
            float acc[R];
#pragma unroll
            for (int r = 0; r < R; ++r) acc[r] = 0.0f;
            for (int c = 0; c < kp; c += KC) {
                float wk[KC], win[R + KC];
#pragma unroll
                for (int i = 0; i < KC; i += 4)
                    *reinterpret_cast<float4*>(wk + i) = *reinterpret_cast<const float4*>(ws + c + i);
#pragma unroll
                for (int i = 0; i < R + KC; i += 4) {
                    const int q = c + i;  // window offset from tid * R
                    *reinterpret_cast<float4*>(win + i) = *reinterpret_cast<const float4*>(xt + q + 4 * (q / R));
                }
#pragma unroll
                for (int k = 0; k < KC; ++k)
#pragma unroll
                    for (int r = 0; r < R; ++r) acc[r] = fmaf(win[r + k], wk[k], acc[r]);
            }
            float* ot = out + tid * (R + 4);
#pragma unroll
            for (int r = 0; r < R; r += 4)
                *reinterpret_cast<float4*>(ot + r) = make_float4(acc[r], acc[r + 1], acc[r + 2], acc[r + 3]);
        }
        __syncthreads();  // outputs staged; everyone is done reading stage s
        float* yr = y + it.row * len + it.l0;
        if (it.valid == kTile) {
            const float* o = out + phys(tid);
#pragma unroll
            for (int j = 0; j < R; ++j) __stcs(yr + j * BLOCK + tid, o[j * (BLOCK + 4 * BLOCK / R)]);
        } else {
#pragma unroll 4
            for (int i = tid; i < it.valid; i += BLOCK) __stcs(yr + i, out[phys(i)]);
        }
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t nb = kf_axis(call, "B");
    const int64_t nc = kf_axis(call, "C");
    const int64_t len = kf_axis(call, "L");
    const int64_t kw = kf_axis(call, "K");
    const int64_t rows = nb * nc;
    const int64_t kp = (kw + KC - 1) / KC * KC;
    if (rows < 1 || len < 1) return 0;
    if (len > 2147483647 - kTile - kp) return kf_fail(call, "depthwise_conv1d_fp32: L too large");
    const int64_t smem_bytes = (2 * stage_floats(kp) + slots(kTile)) * static_cast<int64_t>(sizeof(float));
    int device = 0, sms = 0;
    cudaGetDevice(&device);
    cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device);
    if (smem_bytes > 48 * 1024) {
        int optin = 0;
        cudaDeviceGetAttribute(&optin, cudaDevAttrMaxSharedMemoryPerBlockOptin, device);
        if (smem_bytes > optin) return kf_fail(call, "depthwise_conv1d_fp32: K too large for shared memory");
        const cudaError_t err =
            cudaFuncSetAttribute(dwconv_tuned, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem_bytes));
        if (err != cudaSuccess) return kf_fail(call, cudaGetErrorString(err));
    }
    int per_sm = 0;
    if (cudaOccupancyMaxActiveBlocksPerMultiprocessor(&per_sm, dwconv_tuned, BLOCK, static_cast<size_t>(smem_bytes)) !=
            cudaSuccess ||
        per_sm < 1)
        per_sm = 1;
    const int64_t items = rows * ((len + kTile - 1) / kTile);
    int64_t grid = static_cast<int64_t>(sms > 0 ? sms : 1) * per_sm;
    if (grid > items) grid = items;
    dwconv_tuned<<<static_cast<unsigned>(grid), BLOCK, static_cast<size_t>(smem_bytes),
                   static_cast<cudaStream_t>(call->stream)>>>(static_cast<const float*>(call->inputs[0].data),
                                                              static_cast<const float*>(call->inputs[1].data),
                                                              static_cast<float*>(call->outputs[0].data), rows, nc,
                                                              static_cast<int>(len), static_cast<int>(kw),
                                                              static_cast<int>(kp));
    KF_CHECK_LAUNCH(call);
    return 0;
}
