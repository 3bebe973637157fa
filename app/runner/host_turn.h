#pragma once
// A request's turn on the device, for a runner started with --device-lock:
// the host's lock on the device (util/device_lock.h) held from before the
// request touches the device until its answer is sent. The session that
// started this runner over ssh or srun holds no lock on this host, and other
// sessions here (local or remote) time on the same GPU; this is how they take
// turns.
#include <chrono>
#include <functional>
#include <thread>

#include "util/device_lock.h"

namespace kforge {

class HostTurn {
public:
    // `lock`: null without --device-lock (then this does nothing). While the
    // device is busy, `waiting` is called every two seconds: the progress line
    // that keeps the client's step timeout from firing. Without it (the
    // hello, whose answer is the next line the client reads) the turn just blocks.
    HostTurn(DeviceLock* lock, const std::function<void()>& waiting) : lock_(lock) {
        if (!lock_) return;
        if (!waiting) {
            lock_->lock();
            return;
        }
        using Clock = std::chrono::steady_clock;
        auto said = Clock::now() - std::chrono::seconds(2);
        while (!lock_->tryLock()) {
            if (Clock::now() - said >= std::chrono::seconds(2)) {
                waiting();
                said = Clock::now();
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ~HostTurn() {
        if (lock_) lock_->unlock();
    }
    HostTurn(const HostTurn&) = delete;
    HostTurn& operator=(const HostTurn&) = delete;

private:
    DeviceLock* lock_;
};

}  // namespace kforge
