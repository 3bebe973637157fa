#pragma once
// Nsight Compute (ncu) as KernelForge's profiler: where to find it, how to run
// a candidate under it, and how to read what it prints. The candidate runs in
// a one-shot runner (kforge-runner --profile) that opens the profiled range
// only around the candidate's own launch, so the runner's set-up kernels and
// the reference are never counted.
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "profile/profile.h"

namespace kforge {

struct NcuTool {
    std::filesystem::path executable;
    std::string version;  // "2025.3.1.0", from ncu --version
};

// $KFORGE_NCU, then ncu on PATH, $CUDA_HOME/bin, /usr/local/cuda/bin and
// /opt/nvidia/nsight-compute/*/. nullopt with `why` when none runs.
std::optional<NcuTool> findNcu(std::string& why);

// ncu's command line around `target`, collecting `metrics` (ncu names) as CSV
// into `logFile`.
std::vector<std::string> ncuCommand(const NcuTool& ncu, const std::vector<std::string>& metrics,
                                    const std::filesystem::path& logFile, const std::vector<std::string>& target);

struct NcuCsv {
    std::vector<KernelProfile> kernels;  // metrics keyed by ProfileMetric::key, in base units
    std::string error;                   // the text is not ncu's raw CSV
};
// Reads `ncu --csv --page raw` output (tool messages around it are skipped):
// one row per profiled kernel, numbers with or without thousands separators,
// scaled to base units (ns, bytes) by the units row.
NcuCsv parseNcuCsv(std::string_view text);

// The ncu metric names ncu said it does not know (an older or newer ncu than
// the catalogue was written for): they are dropped and the run repeated.
std::vector<std::string> unknownNcuMetrics(std::string_view output, const std::vector<std::string>& asked);
// Why ncu cannot profile on this machine at all (no counter permission, no
// profiler library), or empty when the output shows no such failure.
std::string ncuToolFailure(std::string_view output);

// One candidate run under ncu: the one-shot runner (`runner --profile`) on the
// evaluate spec's first workload. Metrics this ncu does not know are dropped
// and the run repeated; a machine where ncu cannot read counters gives a
// profile with toolUnavailable set.
struct NcuRunRequest {
    std::filesystem::path runner;
    std::string backend = "cuda";
    int ordinal = 0;
    nlohmann::json spec;  // toJson(EvaluateSpec)
    std::chrono::milliseconds timeout{std::chrono::minutes(3)};
};
NodeProfile runUnderNcu(const NcuTool& ncu, const NcuRunRequest& request);

}  // namespace kforge
