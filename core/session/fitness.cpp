#include "session/fitness.h"

#include <cmath>

namespace kforge {

double fitnessOf(const EvalReport& report, const std::map<std::string, double>& weights, SpeedupBasis basis) {
    if (report.status != Status::Passed || report.workloads.empty()) return 0;
    double logSum = 0, weightSum = 0;
    for (const auto& w : report.workloads) {
        // Every workload must have passed and been timed against the basis:
        // a speedup on a subset would flatter the candidate.
        const double speedup = basis == SpeedupBasis::Best ? w.speedupVsBest : w.speedup;
        if (w.status != Status::Passed || !(speedup > 0)) return 0;
        const auto it = weights.find(w.uuid);
        const double weight = it == weights.end() ? 1.0 : it->second;
        logSum += weight * std::log(speedup);
        weightSum += weight;
    }
    return weightSum > 0 ? std::exp(logSum / weightSum) : 0;
}

bool everyWorkloadHasBest(const WorkloadBaselines& baselines, const std::vector<std::string>& workloads) {
    if (workloads.empty()) return false;
    for (const auto& uuid : workloads) {
        const auto it = baselines.find(uuid);
        if (it == baselines.end() || !bestBaseline(it->second)) return false;
    }
    return true;
}

}  // namespace kforge
