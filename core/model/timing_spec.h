#pragma once
// How a candidate is timed: warm-up, the time budget per workload, the
// repetition bounds and when a noisy workload is timed again. A session keeps
// it in its configuration; the runner protocol sends it with each request
// (and checks it against its own limits there, runner/protocol.cpp).
#include <nlohmann/json.hpp>
#include <string>

namespace kforge {

struct TimingSpec {
    double warmupMs = 20;
    double budgetMs = 200;  // per workload, after warm-up
    int minReps = 10;
    int maxReps = 2000;
    // A workload whose samples spread more than this (robust cv, see
    // SampleStats::robustCv) is timed again, up to maxAttempts in all; the
    // calmest attempt is kept and one that stays above is reported noisy.
    double noiseThreshold = 0.05;
    int maxAttempts = 3;
};

// {warmup_ms, budget_ms, min_reps, max_reps, noise_threshold, max_attempts}.
nlohmann::json toJson(const TimingSpec& t);
// Throws ModelError naming the field under `path` when one is missing, of the
// wrong type or unknown. noise_threshold and max_attempts came later (a
// configuration stored before them reads with today's values: they decide
// when a noisy workload is timed again, not what is measured).
TimingSpec timingSpecFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
