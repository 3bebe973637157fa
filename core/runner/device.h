#pragma once
// What the runner needs from an accelerator: memory, a stream, a timer, a way
// to flush its last-level cache, and a verdict after each candidate ran.
// Implementations: the CPU (host memory with guard pages) and CUDA (the driver
// API, loaded at run time so one binary runs where there is no GPU).
#include <cstdint>
#include <functional>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>

#include "model/device_facts.h"
#include <stdexcept>
#include <string>

namespace kforge {

struct DeviceBuffer {
    void* data = nullptr;  // what the candidate sees
    size_t bytes = 0;
    size_t slack = 0;      // canary bytes right after `bytes`
    void* base = nullptr;  // allocation (implementation-defined)
    size_t baseBytes = 0;
};

// The device context is unusable (a sticky CUDA error): the runner answers and exits.
class DeviceFault : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One timed call as the device saw it.
struct TimedCall {
    double ms = 0;  // the call, on the stream passed in (device events on GPUs)
    // How long the device still worked after that stream was done: work a
    // candidate queued on another stream (or the legacy default stream) that
    // the stream's timing never saw. ~0 for an honest call.
    double lingerMs = 0;
    int rc = 0;
};

class Device {
public:
    virtual ~Device() = default;
    virtual std::string backend() const = 0;
    // The tool intercepting this device's work (runner/instrumentation.h), read
    // once when the device opened, before any candidate was loaded; empty when none.
    virtual std::string instrumentedBy() const { return {}; }
    // Facts, including figures measured once at start (copy bandwidth, peak rates).
    virtual DeviceFacts facts() = 0;
    // Measures the ceilings again; they only ever go up (a busy machine measures low).
    virtual void remeasure() = 0;
    // Memory allocate() can still hand out, in bytes (on the CPU, the host's
    // available memory); 0 when the device cannot say.
    virtual uint64_t freeMemoryBytes() = 0;
    virtual DeviceBuffer allocate(size_t bytes, size_t slack) = 0;
    virtual void release(DeviceBuffer& buffer) = 0;
    virtual void upload(const DeviceBuffer& dst, const void* src, size_t bytes) = 0;
    virtual void download(void* dst, const DeviceBuffer& src, size_t offset, size_t bytes) = 0;
    // Host memory that download() fills at full link speed (page-locked on GPUs,
    // where a pageable destination costs an extra staging copy in the driver).
    // nullptr when none can be had; the caller then uses ordinary memory.
    virtual void* allocateHost(size_t bytes) { return ::operator new(bytes, std::nothrow); }
    virtual void releaseHost(void* p) { ::operator delete(p); }
    virtual void fill(const DeviceBuffer& dst, uint8_t value, size_t offset, size_t bytes) = 0;
    // Copies within the device (at device bandwidth, no host round trip).
    virtual void copy(const DeviceBuffer& dst, const DeviceBuffer& src, size_t bytes) = 0;
    // Inputs are read-only while candidates run, where the device can enforce it (the CPU).
    virtual void setReadOnly(const DeviceBuffer& buffer, bool readOnly) { (void)buffer, (void)readOnly; }
    virtual void* stream() = 0;  // passed to candidates; NULL on the CPU
    // Waits for the work queued on stream(); throws DeviceFault when the context died.
    virtual void synchronizeStream() = 0;
    // Waits for all work anywhere on the device (every stream), and on the
    // CPU gives threads a candidate left behind a moment to show themselves.
    virtual void synchronize() = 0;
    // Whether two buffers hold the same first `bytes` bytes (compared on the device).
    virtual bool sameBytes(const DeviceBuffer& a, const DeviceBuffer& b, size_t bytes) = 0;
    // Evicts the last-level cache, outside any timed region.
    virtual void flushCache() = 0;
    // Runs `call` once and times it; returns when all device work is done.
    virtual TimedCall timeCall(const std::function<int()>& call) = 0;
    // Opens (true) or closes the range an attached profiler collects, so that
    // it sees the candidate's launches and nothing of the runner's own.
    virtual void profiledRange(bool open) { (void)open; }
    // An error the candidate's launches left in the CUDA/HIP runtime it linked, if any.
    virtual std::string launchError(void* libraryHandle) { (void)libraryHandle; return {}; }
};

// The host's available memory (MemAvailable), in bytes.
uint64_t availableHostMemoryBytes();

// nullptr with `why` set when the backend has no usable device here.
std::unique_ptr<Device> openCpuDevice(std::string& why);
std::unique_ptr<Device> openCudaDevice(int ordinal, std::string& why);

}  // namespace kforge
