#pragma once
// Compiles in parallel on every core: compilers are single-threaded and most of
// a search's wall time is spent in them.
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "toolchain/compile_cache.h"

namespace kforge {

class CompilePool {
public:
    CompilePool(const CompileCache& cache, unsigned workers = 0);  // 0: one per core
    ~CompilePool();
    CompilePool(const CompilePool&) = delete;
    CompilePool& operator=(const CompilePool&) = delete;

    std::future<CompileResult> submit(const Toolchain& toolchain, CompileRequest request);
    // Runs any job on a pool thread (a compile wrapped in the caller's own locks).
    void post(std::function<void()> job);
    unsigned workers() const { return static_cast<unsigned>(threads_.size()); }

private:
    void loop();
    const CompileCache& cache_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace kforge
