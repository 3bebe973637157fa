#pragma once
// Splits [0, n) into one contiguous chunk per core. Input generation and
// verification touch every element of tensors up to gigabytes large.
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

#include "util/usable_cores.h"

namespace kforge {

template <typename Fn>  // fn(chunkIndex, begin, end)
void parallelChunks(size_t n, Fn fn, size_t minChunk = size_t{1} << 16) {
    static const size_t cores = usableCores();
    const size_t chunks = std::max<size_t>(1, std::min(cores, n / minChunk));
    if (chunks == 1) {
        fn(size_t{0}, size_t{0}, n);
        return;
    }
    std::vector<std::thread> pool;
    const size_t step = (n + chunks - 1) / chunks;
    for (size_t c = 0; c < chunks; ++c) {
        const size_t begin = c * step, end = std::min(n, begin + step);
        if (begin < end) pool.emplace_back([=, &fn] { fn(c, begin, end); });
    }
    for (auto& t : pool) t.join();
}

inline size_t parallelChunkCount(size_t n, size_t minChunk = size_t{1} << 16) {
    static const size_t cores = usableCores();
    return std::max<size_t>(1, std::min(cores, n / minChunk));
}

}  // namespace kforge
