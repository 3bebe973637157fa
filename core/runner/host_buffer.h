#pragma once
// Reusable host memory for a candidate's outputs. Verification downloads every
// output twice per seed; for a 1 GiB output, allocating (and page-faulting) a
// fresh pageable buffer each time and copying through the driver's bounce
// buffer cost more than the kernel. These are allocated once from the device
// (page-locked on GPUs), grow only, and are reused for every candidate.
#include <cstdint>
#include <memory>
#include <span>

#include "runner/device.h"

namespace kforge {

class HostBuffer {
public:
    HostBuffer() = default;
    explicit HostBuffer(Device& device) : device_(&device) {}
    ~HostBuffer() { reset(); }
    HostBuffer(HostBuffer&& other) noexcept { *this = std::move(other); }
    HostBuffer& operator=(HostBuffer&& other) noexcept {
        if (this != &other) {
            reset();
            device_ = other.device_;
            pinned_ = other.pinned_;
            fallback_ = std::move(other.fallback_);
            capacity_ = other.capacity_;
            size_ = other.size_;
            other.pinned_ = nullptr;
            other.capacity_ = other.size_ = 0;
        }
        return *this;
    }
    HostBuffer(const HostBuffer&) = delete;
    HostBuffer& operator=(const HostBuffer&) = delete;

    // Makes room for `bytes` (contents are not kept when it grows).
    void resize(size_t bytes) {
        if (bytes > capacity_) {
            reset();
            pinned_ = device_ ? static_cast<uint8_t*>(device_->allocateHost(bytes)) : nullptr;
            if (!pinned_) fallback_ = std::make_unique_for_overwrite<uint8_t[]>(bytes);
            capacity_ = bytes;
        }
        size_ = bytes;
    }
    uint8_t* data() { return pinned_ ? pinned_ : fallback_.get(); }
    const uint8_t* data() const { return pinned_ ? pinned_ : fallback_.get(); }
    size_t size() const { return size_; }
    std::span<const uint8_t> view() const { return {data(), size_}; }

private:
    void reset() {
        if (pinned_ && device_) device_->releaseHost(pinned_);
        pinned_ = nullptr;
        fallback_.reset();
        capacity_ = size_ = 0;
    }
    Device* device_ = nullptr;
    uint8_t* pinned_ = nullptr;
    std::unique_ptr<uint8_t[]> fallback_;
    size_t capacity_ = 0;
    size_t size_ = 0;
};

}  // namespace kforge
