#pragma once
// What a profiler measured inside a candidate's kernels on one workload: per
// kernel, the hardware counters by key (the catalogue of keys is in
// profile/profile.h). Kept with the node, shown in the GUI and the CLI, and
// given to the agent.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/json_reader.h"

namespace kforge {

struct KernelProfile {
    std::string name;   // as the profiler prints it (demangled)
    std::string grid;   // "(x, y, z)"
    std::string block;
    std::map<std::string, double> metrics;  // by ProfileMetric::key; absent when not reported
    std::optional<double> metric(const std::string& key) const;
};

struct NodeProfile {
    std::string tool;         // "Nsight Compute 2025.3.1"
    std::string workload;     // uuid of the workload the candidate ran
    std::vector<std::pair<std::string, int64_t>> axes;  // its axis values, in the definition's order
    std::vector<KernelProfile> kernels;
    std::string error;        // why nothing was measured; empty when kernels hold the result
    // The profiler cannot run here at all (missing, no counter access): asking
    // again for another candidate would fail the same way.
    bool toolUnavailable = false;
    double seconds = 0;       // wall time of the profiling run
    std::string collectedAt;  // ISO 8601, UTC

    bool ok() const { return error.empty(); }
};

nlohmann::json toJson(const NodeProfile& p);
NodeProfile nodeProfileFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
