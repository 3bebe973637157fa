#pragma once
// The physics check: the least time a workload can take on a device, from the
// bytes and flops the task declares and the device's measured ceilings.
#include <nlohmann/json.hpp>
#include <optional>

#include "task/task.h"

namespace kforge {

struct Floor {
    double bytesMs = 0;  // bytes / measured copy bandwidth
    double flopsMs = 0;  // flops / peak rate for the task's dtype
    double ms() const { return bytesMs > flopsMs ? bytesMs : flopsMs; }
    bool computeBound() const { return flopsMs > bytesMs; }
};

// A candidate faster than this fraction of the floor is SUSPICIOUS_SPEED.
inline constexpr double kSuspiciousFraction = 0.9;

std::optional<Floor> physicsFloor(const Task& task, const Workload& w, const nlohmann::json& facts);
double peakTflopsFor(const Task& task, const nlohmann::json& facts);
uint64_t deviceMemoryBytes(const nlohmann::json& facts);

}  // namespace kforge
