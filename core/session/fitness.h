#pragma once
// A candidate's fitness: the geometric mean over workloads of its speedup,
// weighted per workload; zero unless it PASSED everywhere. The speedup is over
// the strongest PyTorch baseline of each workload (eager, torch.compile or the
// vendor op: what the engineer would otherwise run) or, for sessions that have
// none, over the task's native baseline.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "eval/evaluator.h"

namespace kforge {

enum class SpeedupBasis {
    Best,    // the fastest measured PyTorch baseline of each workload ("vs best")
    Native,  // the task's own native baseline (a sanity floor, not a yardstick)
};

std::string_view speedupBasisName(SpeedupBasis b);  // "best", "native"
std::optional<SpeedupBasis> parseSpeedupBasis(std::string_view name);

// weights: per workload uuid (a missing uuid weighs 1).
double fitnessOf(const EvalReport& report, const std::map<std::string, double>& weights,
                 SpeedupBasis basis = SpeedupBasis::Native);

// Whether every workload has a measured PyTorch baseline to compare against:
// the condition for a session's fitness to be "vs best".
bool everyWorkloadHasBest(const WorkloadBaselines& baselines, const std::vector<std::string>& workloads);

}  // namespace kforge
