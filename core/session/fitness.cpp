#include "session/fitness.h"

#include <cmath>

namespace kforge {

double fitnessOf(const EvalReport& report, const std::map<std::string, double>& weights) {
    if (report.status != Status::Passed || report.workloads.empty()) return 0;
    double logSum = 0, weightSum = 0;
    for (const auto& w : report.workloads) {
        // Every workload must have passed and been timed against the baseline:
        // a speedup on a subset would flatter the candidate.
        if (w.status != Status::Passed || !(w.speedup > 0)) return 0;
        const auto it = weights.find(w.uuid);
        const double weight = it == weights.end() ? 1.0 : it->second;
        logSum += weight * std::log(w.speedup);
        weightSum += weight;
    }
    return weightSum > 0 ? std::exp(logSum / weightSum) : 0;
}

}  // namespace kforge
