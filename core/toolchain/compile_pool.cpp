#include "toolchain/compile_pool.h"

#include <memory>

namespace kforge {

CompilePool::CompilePool(const CompileCache& cache, unsigned workers) : cache_(cache) {
    if (workers == 0) workers = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { loop(); });
}

CompilePool::~CompilePool() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
}

std::future<CompileResult> CompilePool::submit(const Toolchain& toolchain, CompileRequest request) {
    auto task = std::make_shared<std::packaged_task<CompileResult()>>(
        [this, &toolchain, request = std::move(request)] { return cache_.compile(toolchain, request); });
    auto future = task->get_future();
    post([task] { (*task)(); });
    return future;
}

void CompilePool::post(std::function<void()> job) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void CompilePool::loop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        job();
    }
}

}  // namespace kforge
