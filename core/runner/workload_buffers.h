#pragma once
// One workload's device buffers, with the kf_call that describes them to a
// candidate. Outputs carry canary bytes after their end; inputs are read-only
// while candidates run where the device can enforce it. The kf_call is kept
// pristine: a candidate may cast away its const and re-point an output (at an
// input, at its own cache), so it is restored before and checked after every
// call.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "runner/device.h"
#include "runner/host_buffer.h"
#include "runner/protocol.h"

extern "C" {
#include "kf_abi.h"
}

namespace kforge {

inline constexpr size_t kCanaryBytes = 4096;
inline constexpr uint8_t kCanary = 0x5A;

class WorkloadBuffers {
public:
    WorkloadBuffers(Device& device, const EvaluateSpec& spec, const WorkloadSpec& w);
    ~WorkloadBuffers();
    WorkloadBuffers(const WorkloadBuffers&) = delete;
    WorkloadBuffers& operator=(const WorkloadBuffers&) = delete;

    const std::vector<DeviceBuffer>& inputs() const { return inputs_; }
    const std::vector<DeviceBuffer>& outputs() const { return outputs_; }
    uint64_t inputBytes() const;

    // The call to pass to kf_run, restored to what the runner built (and its
    // error text cleared).
    const kf_call* freshCall();
    // Empty when the candidate left the call as it was given; else what it changed.
    std::string tampering() const;
    const char* errorText() const { return error_; }

    // Inputs from the host, or from a device-side snapshot.
    void upload(const std::vector<std::vector<uint8_t>>& host);
    void restore(const std::vector<DeviceBuffer>& snapshot);
    // Writes `bytes` at `offset` of input `index` (a patch, or putting one back).
    void writeInput(size_t index, size_t offset, const void* bytes, size_t count);
    void readInput(size_t index, size_t offset, void* bytes, size_t count);

    // Every output filled with `value`, its canary with kCanary.
    void poison(uint8_t value);
    // Into reusable host buffers, one per output.
    void download(std::vector<HostBuffer>& out);
    std::vector<std::vector<uint8_t>> download();
    // Index of the first output whose canary was overwritten (with the damaged byte count), or -1.
    int damagedCanary(size_t& damaged);

private:
    void releaseAll();

    Device& device_;
    std::vector<DeviceBuffer> inputs_, outputs_;
    std::vector<kf_tensor> inputTensors_, outputTensors_;
    std::vector<kf_tensor> pristineInputs_, pristineOutputs_;
    std::vector<const char*> axisNames_;
    std::vector<int64_t> axisValues_, pristineAxisValues_;
    char error_[1024] = {};
    kf_call call_{}, pristine_{};
};

}  // namespace kforge
