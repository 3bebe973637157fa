// Tunable template: a block of BLOCK threads computes TILE = BLOCK * ITEMS
// consecutive outputs of one (batch, channel) row. It stages the input window
// [l0 - pad, l0 + TILE + pad) (zero outside the row) and the row's K weights in
// shared memory with coalesced loads, then thread t computes outputs
// t, t + BLOCK, ... (conflict-free shared reads, coalesced stores). Blocks
// stride over (row, tile) pairs. Shared memory is (TILE + 2K - 1) floats; past
// 48 KiB the kernel opts in to more, up to the device limit.
// @tune BLOCK 128 256 512 1024
// @tune ITEMS 4 1 2 8
// @constraint BLOCK * ITEMS <= 4096
#include <kf_abi.h>

constexpr int kTile = BLOCK * ITEMS;

__global__ void __launch_bounds__(BLOCK) dwconv_tuned(const float* __restrict__ x, const float* __restrict__ w,
                                                      float* __restrict__ y, int64_t rows, int64_t nc, int64_t len,
                                                      int kw) {
    extern __shared__ float smem[];
    float* ws = smem;       // kw weights
    float* xs = smem + kw;  // kTile + kw - 1 inputs
    const int pad = (kw - 1) / 2;
    const int64_t tiles = (len + kTile - 1) / kTile;
    for (int64_t item = blockIdx.x; item < rows * tiles; item += gridDim.x) {
        const int64_t row = item / tiles;
        const int64_t l0 = item % tiles * kTile;
        const float* xr = x + row * len;
        const float* wr = w + row % nc * kw;
        __syncthreads();  // the previous item is done with the shared buffers
        for (int k = threadIdx.x; k < kw; k += BLOCK) ws[k] = wr[k];
        for (int i = threadIdx.x; i < kTile + kw - 1; i += BLOCK) {
            const int64_t src = l0 - pad + i;
            xs[i] = src >= 0 && src < len ? xr[src] : 0.0f;
        }
        __syncthreads();
#pragma unroll
        for (int it = 0; it < ITEMS; ++it) {
            const int i = it * BLOCK + threadIdx.x;
            if (l0 + i < len) {
                float acc = 0.0f;
                for (int k = 0; k < kw; ++k) acc = fmaf(xs[i + k], ws[k], acc);
                y[row * len + l0 + i] = acc;
            }
        }
    }
}

KF_EXPORT int kf_run(const kf_call* call) {
    const int64_t nb = kf_axis(call, "B");
    const int64_t nc = kf_axis(call, "C");
    const int64_t len = kf_axis(call, "L");
    const int64_t kw = kf_axis(call, "K");
    const int64_t rows = nb * nc;
    const int64_t smem_bytes = (kTile + 2 * kw - 1) * static_cast<int64_t>(sizeof(float));
    if (smem_bytes > 48 * 1024) {
        int device = 0, optin = 0;
        cudaGetDevice(&device);
        cudaDeviceGetAttribute(&optin, cudaDevAttrMaxSharedMemoryPerBlockOptin, device);
        if (smem_bytes > optin) return kf_fail(call, "depthwise_conv1d_fp32: K too large for shared memory");
        const cudaError_t err =
            cudaFuncSetAttribute(dwconv_tuned, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem_bytes));
        if (err != cudaSuccess) return kf_fail(call, cudaGetErrorString(err));
    }
    int64_t grid = rows * ((len + kTile - 1) / kTile);
    if (grid < 1) grid = 1;
    if (grid > 2147483647) grid = 2147483647;
    dwconv_tuned<<<static_cast<unsigned>(grid), BLOCK, static_cast<size_t>(smem_bytes),
                   static_cast<cudaStream_t>(call->stream)>>>(static_cast<const float*>(call->inputs[0].data),
                                                              static_cast<const float*>(call->inputs[1].data),
                                                              static_cast<float*>(call->outputs[0].data), rows, nc, len,
                                                              static_cast<int>(kw));
    KF_CHECK_LAUNCH(call);
    return 0;
}
