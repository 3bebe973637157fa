#include "session/session_config.h"

#include "util/error.h"

namespace kforge {

EvalOptions SessionConfig::evalOptions() const {
    EvalOptions o;
    o.backend = backend;
    o.seeds = seeds;
    o.timing = timing;
    o.stepTimeout = stepTimeout;
    return o;
}

nlohmann::json toJson(const SessionConfig& c) {
    nlohmann::json j = {{"backend", backendName(c.backend)},
            {"selection", c.selection},
            {"exploration", c.exploration},
            {"beam_width", c.beamWidth},
            {"generators", c.generators},
            {"tuner", c.tuner},
            {"seed", c.seed},
            {"stop", toJson(c.stop)},
            {"seeds", c.seeds},
            {"timing",
             {{"warmup_ms", c.timing.warmupMs},
              {"budget_ms", c.timing.budgetMs},
              {"min_reps", c.timing.minReps},
              {"max_reps", c.timing.maxReps}}},
            {"step_timeout_ms", c.stepTimeout.count()},
            {"max_in_flight", c.maxInFlight}};
    if (c.llm)
        j["llm"] = {{"provider", toJson(c.llm->provider)},
                    {"attempts_per_parent", c.llm->attemptsPerParent},
                    {"max_fix_depth", c.llm->maxFixDepth},
                    {"knowledge_sections", c.llm->knowledgeSections},
                    {"profile", c.llm->profile}};
    return j;
}

SessionConfig sessionConfigFromJson(const nlohmann::json& j) {
    SessionConfig c;
    try {
        const auto backend = parseBackend(j.at("backend").get<std::string>());
        if (!backend) throw Error("unknown backend " + j.at("backend").dump());
        c.backend = *backend;
        c.selection = j.value("selection", c.selection);
        c.exploration = j.value("exploration", c.exploration);
        c.beamWidth = j.value("beam_width", c.beamWidth);
        c.generators = j.value("generators", c.generators);
        c.tuner = j.value("tuner", c.tuner);
        c.seed = j.value("seed", c.seed);
        if (j.contains("stop")) c.stop = stopConditionsFromJson(j["stop"]);
        c.seeds = j.value("seeds", c.seeds);
        if (const auto t = j.find("timing"); t != j.end()) {
            c.timing.warmupMs = t->value("warmup_ms", c.timing.warmupMs);
            c.timing.budgetMs = t->value("budget_ms", c.timing.budgetMs);
            c.timing.minReps = t->value("min_reps", c.timing.minReps);
            c.timing.maxReps = t->value("max_reps", c.timing.maxReps);
        }
        c.stepTimeout = std::chrono::milliseconds(j.value("step_timeout_ms", int64_t{60000}));
        c.maxInFlight = j.value("max_in_flight", 0);
        if (const auto l = j.find("llm"); l != j.end() && !l->is_null()) {
            LlmSettings s;
            s.provider = providerFromJson(l->at("provider"), "session configuration: llm.provider");
            s.attemptsPerParent = l->value("attempts_per_parent", s.attemptsPerParent);
            s.maxFixDepth = l->value("max_fix_depth", s.maxFixDepth);
            s.knowledgeSections = l->value("knowledge_sections", s.knowledgeSections);
            s.profile = l->value("profile", s.profile);
            c.llm = s;
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("session configuration: ") + e.what());
    }
    return c;
}

nlohmann::json baselineTimesJson(const BaselineTimes& times) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [uuid, s] : times)
        j[uuid] = {{"count", s.count}, {"median_ms", s.median}, {"min_ms", s.min}, {"max_ms", s.max},
                   {"p20_ms", s.p20},  {"p80_ms", s.p80},       {"mean_ms", s.mean}, {"cv", s.cv}};
    return j;
}

BaselineTimes baselineTimesFromJson(const nlohmann::json& j) {
    BaselineTimes times;
    for (const auto& [uuid, v] : j.items()) {
        SampleStats s;
        s.count = v.value("count", 0);
        s.median = v.value("median_ms", 0.0);
        s.min = v.value("min_ms", 0.0);
        s.max = v.value("max_ms", 0.0);
        s.p20 = v.value("p20_ms", 0.0);
        s.p80 = v.value("p80_ms", 0.0);
        s.mean = v.value("mean_ms", 0.0);
        s.cv = v.value("cv", 0.0);
        times[uuid] = s;
    }
    return times;
}

}  // namespace kforge
