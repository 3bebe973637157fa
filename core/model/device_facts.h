#pragma once
// What a runner measured and read about its device when it started: the
// ceilings the physics floor uses, and the identity results are kept under.
// The runner writes it in its hello; sessions and reports keep it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "model/backend.h"
#include "model/json_reader.h"

namespace kforge {

struct CpuFacts {
    int cores = 0;
    uint64_t llcBytes = 0;
};

struct GpuFacts {
    int ordinal = 0;
    std::string computeCapability;  // "9.0"
    int ccMajor = 0;
    int ccMinor = 0;
    int smCount = 0;
    uint64_t l2Bytes = 0;
    int smClockKhz = 0;
    int memoryClockKhz = 0;
    int memoryBusBits = 0;
    int maxSharedPerBlockOptin = 0;
    int driverVersion = 0;
    double theoreticalBandwidthGbps = 0;
    double memcpyBandwidthGbps = 0;
    double kernelCopyBandwidthGbps = 0;
    std::string gcnArch;  // AMD: "gfx942"; empty on NVIDIA
};

struct DeviceFacts {
    Backend backend = Backend::Cpu;
    std::string name;
    uint64_t memoryBytes = 0;
    double copyBandwidthGbps = 0;             // measured: what the floor divides bytes by
    // Measured like the copy bandwidth over a working set that stays in the
    // last-level cache: the floor of a workload whose bytes fit there (a flush
    // cannot be trusted to evict everything; an honest kernel must never be
    // rejected because its data stayed cached). 0 when not measured.
    double cacheBandwidthGbps = 0;
    std::string cacheBandwidthSource;
    std::map<std::string, double> peakTflops; // by dtype name ("float32", "bfloat16", ..., "fp32_fma")
    std::string peakSource;
    std::string bandwidthSource;
    uint64_t flushBytes = 0;     // the cache flush the runner writes before every timed call
    int ceilingsRemeasured = 0;  // times the core asked for the ceilings again and kept the higher figures
    std::optional<CpuFacts> cpu;  // at most one of these two is set: the backend's own facts
    std::optional<GpuFacts> gpu;

    // The largest last-level cache: L2 on GPUs, LLC on CPUs.
    uint64_t lastLevelCacheBytes() const;
    bool known() const { return !name.empty(); }
};

// The JSON is flat (the runner's hello, reports, the store): one object with
// the common fields and the backend's own.
nlohmann::json toJson(const DeviceFacts& f);
DeviceFacts deviceFactsFromJson(const nlohmann::json& j, const std::string& path);

// One line: name, bandwidth, peak.
std::string describeDevice(const DeviceFacts& f);

// What timings compare within: the GPU's name ("NVIDIA H200"); the CPU's
// name and the threads its runner may use ("AMD EPYC 7B13 x 2 threads"), since
// a runner capped at fewer cores of the same processor times another device.
// Speedups over a baseline hold only for a device of the baseline's model.
std::string deviceModel(const DeviceFacts& f);

}  // namespace kforge
