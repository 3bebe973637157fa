#pragma once
// A measurement's hold on its device, across threads and across processes.
//
// Within one process the evaluator already lets one measurement at a time
// run per device. Two kforge processes (two sessions, or the GUI and a
// `kforge optimize` in a terminal) would still time kernels on one GPU at the
// same time, each slowing the other, and both would record the slow numbers.
// So the hold is also an flock(2) on a file per device in a directory every
// user of the machine shares: the kernel releases it when the holder exits or
// crashes, so a killed session never leaves a device locked.
//
// Devices are named as the runner names them ("cuda:0", "ssh://box
// (cuda:1)"); a local GPU's ordinal is mapped through CUDA_VISIBLE_DEVICES
// (HIP_VISIBLE_DEVICES on ROCm) to the index or UUID it stands for, so two
// processes that see one physical GPU under different ordinals share a lock.
//
// The file lives on the host of the device. A session's evaluator holds it
// for its local devices; a runner started on another host (over ssh or srun)
// takes its own host's lock around each request (kforge-runner
// --device-lock), so sessions started from different machines, and sessions
// on that host itself, still take turns on a remote GPU.
#include <filesystem>
#include <mutex>
#include <string>

namespace kforge {

class DeviceLock {
public:
    // `device`: the runner's name for it. The lock file is created on first
    // use; when it cannot be (a read-only or missing directory), the lock
    // holds within this process only, and crossProcess() says so.
    explicit DeviceLock(const std::string& device);
    ~DeviceLock();
    DeviceLock(const DeviceLock&) = delete;
    DeviceLock& operator=(const DeviceLock&) = delete;

    void lock();    // blocks until no thread or process holds the device
    bool tryLock();  // takes the device when nobody holds it; false at once otherwise
    void unlock();

    bool crossProcess() const { return fd_ >= 0; }
    const std::filesystem::path& file() const { return file_; }

private:
    std::mutex mutex_;
    std::filesystem::path file_;
    int fd_ = -1;
};

// The file-name-safe key of a device: "cuda-0", "cuda-GPU-8f3e...",
// "ssh-box-cuda-1". Reads the visible-devices variables of this process.
std::string deviceLockKey(const std::string& device);

// $KFORGE_LOCK_DIR, else /tmp/kforge-device-locks (shared by every user:
// created world-writable with the sticky bit, like /tmp itself).
std::filesystem::path deviceLockDirectory();

}  // namespace kforge
