#include "model/timing_spec.h"

#include "model/json_reader.h"

namespace kforge {

nlohmann::json toJson(const TimingSpec& t) {
    return {{"warmup_ms", t.warmupMs},     {"budget_ms", t.budgetMs},
            {"min_reps", t.minReps},       {"max_reps", t.maxReps},
            {"noise_threshold", t.noiseThreshold}, {"max_attempts", t.maxAttempts}};
}

TimingSpec timingSpecFromJson(const nlohmann::json& j, const std::string& path) {
    ObjectReader in(j, path);
    TimingSpec t;
    t.warmupMs = in.required<double>("warmup_ms");
    t.budgetMs = in.required<double>("budget_ms");
    t.minReps = in.required<int>("min_reps");
    t.maxReps = in.required<int>("max_reps");
    t.noiseThreshold = in.optionalOr<double>("noise_threshold", t.noiseThreshold);
    t.maxAttempts = in.optionalOr<int>("max_attempts", t.maxAttempts);
    in.finish();
    return t;
}

}  // namespace kforge
