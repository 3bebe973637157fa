#pragma once
// A candidate's fitness: the geometric mean over workloads of its speedup,
// weighted per workload; zero unless it PASSED everywhere. The speedup is over
// the strongest PyTorch baseline of each workload (eager, torch.compile or the
// vendor op: what the engineer would otherwise run) or, for sessions that have
// none, over the task's native baseline.
#include <map>
#include <string>

#include "eval/evaluator.h"
#include "model/speedup_basis.h"

namespace kforge {

// weights: per workload uuid (a missing uuid weighs 1).
double fitnessOf(const EvalReport& report, const std::map<std::string, double>& weights,
                 SpeedupBasis basis = SpeedupBasis::Native);

// Whether every workload has a measured PyTorch baseline to compare against:
// the condition for a session's fitness to be "vs best".
bool everyWorkloadHasBest(const WorkloadBaselines& baselines, const std::vector<std::string>& workloads);

}  // namespace kforge
