#pragma once
// A candidate's fitness: the geometric mean over workloads of its speedup over
// the task's baseline, weighted per workload; zero unless it PASSED everywhere.
#include <map>
#include <string>

#include "eval/evaluator.h"

namespace kforge {

// weights: per workload uuid (a missing uuid weighs 1).
double fitnessOf(const EvalReport& report, const std::map<std::string, double>& weights);

}  // namespace kforge
