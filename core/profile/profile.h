#pragma once
// What a profiler measured inside a candidate's kernels on one workload: per
// kernel, the hardware counters that say where its time goes (throughput
// against the device's peaks, occupancy, cache hit rates, warp stalls). Kept
// with the node, shown in the GUI and the CLI, and given to the agent.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/node_profile.h"

namespace kforge {

// One counter we ask for: our key, the profiler's metric name, how to show it.
struct ProfileMetric {
    const char* key;
    const char* ncuName;
    const char* label;
    const char* unit;  // "%", "ns", "B", "" (a count), "warps" (stalled per issued instruction)
};
// Every metric collected, in the order they are shown.
std::span<const ProfileMetric> profileMetrics();
const ProfileMetric* profileMetric(std::string_view key);

// A counter's value in its unit, as the CLI, the GUI and the prompt show it
// ("66.8%", "58.91 us", "134.2 MB", "53.50 warps per issued instruction").
std::string formatProfileValue(double value, std::string_view unit);
// The profile's kernels, the longest first.
std::vector<const KernelProfile*> kernelsByTime(const NodeProfile& p);

// What the numbers say, in short sentences a person or a model can act on:
// which limit the kernel is near, under-filled grids, low occupancy, bank
// conflicts, uncoalesced accesses, the dominant warp stalls.
std::vector<std::string> profileObservations(const KernelProfile& k);
// "memory", "compute", "occupancy" or "latency" from the counters of the
// kernel that takes the most time; empty when there is nothing to go by.
std::string profileBottleneck(const NodeProfile& p);
// The profile as text: one block per kernel (the longest first, at most
// `maxKernels`), its key counters and observations.
std::string describeProfile(const NodeProfile& p, size_t maxKernels = 4);

}  // namespace kforge
