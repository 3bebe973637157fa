#include "session/session_config.h"

#include "util/error.h"

namespace kforge {

EvalOptions SessionConfig::evalOptions() const {
    EvalOptions o;
    o.backend = backend;
    o.seeds = seeds;
    o.timing = timing;
    o.stepTimeout = stepTimeout;
    o.torchBaselines = torchBaselines;
    o.compileMode = compileMode;
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
              {"max_reps", c.timing.maxReps},
              {"noise_threshold", c.timing.noiseThreshold},
              {"max_attempts", c.timing.maxAttempts}}},
            {"step_timeout_ms", c.stepTimeout.count()},
            {"max_in_flight", c.maxInFlight},
            {"speedup_against", speedupBasisName(c.speedupAgainst)},
            {"torch_baselines", c.torchBaselines},
            {"compile_mode", c.compileMode},
            {"tuning_cache", c.tuningCache}};
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
        if (!backend) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown backend %1"), j.at("backend").dump()));
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
            c.timing.noiseThreshold = t->value("noise_threshold", c.timing.noiseThreshold);
            c.timing.maxAttempts = t->value("max_attempts", c.timing.maxAttempts);
        }
        c.stepTimeout = std::chrono::milliseconds(j.value("step_timeout_ms", int64_t{60000}));
        c.maxInFlight = j.value("max_in_flight", 0);
        // Sessions stored before PyTorch baselines were measured against the native baseline.
        const std::string against = j.value("speedup_against", std::string("native"));
        const auto basis = parseSpeedupBasis(against);
        if (!basis)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session configuration: speedup_against: unknown basis '%1' "
                                                           "(best or native)"),
                               against));
        c.speedupAgainst = *basis;
        c.torchBaselines = j.value("torch_baselines", c.torchBaselines);
        c.compileMode = j.value("compile_mode", c.compileMode);
        c.tuningCache = j.value("tuning_cache", false);
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
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session configuration: %1"), e.what()));
    }
    return c;
}

nlohmann::json baselineTimesJson(const BaselineTimes& times) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [uuid, s] : times) j[uuid] = toJson(s);
    return j;
}

BaselineTimes baselineTimesFromJson(const nlohmann::json& j) {
    if (!j.is_object()) modelFail("baseline", phrase(QT_TRANSLATE_NOOP("Phrase", "expected an object, got %1"), jsonTypeName(j)));
    BaselineTimes times;
    for (auto it = j.begin(); it != j.end(); ++it) times[it.key()] = sampleStatsFromJson(it.value(), "baseline." + it.key());
    return times;
}

nlohmann::json stopCausesJson(const std::vector<StopCause>& causes) {
    nlohmann::json out = nlohmann::json::array();
    for (StopCause c : causes) out.push_back(std::string(stopCauseName(c)));
    return out;
}

std::vector<StopCause> stopCausesFromJson(const nlohmann::json& j, const std::string& path) {
    if (!j.is_array()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an array of stop causes, got %1"), jsonTypeName(j)));
    std::vector<StopCause> out;
    for (size_t i = 0; i < j.size(); ++i) {
        const auto cause = j[i].is_string() ? stopCauseFromName(j[i].get<std::string>()) : std::nullopt;
        if (!cause)
            modelFail(path + "[" + std::to_string(i) + "]",
                      phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is not a stop cause (evaluations, time, plateau, target, tokens, cost, user, "
                                                         "edits_evaluated, nothing_to_tune, exhausted)"),
                             j[i].dump()));
        out.push_back(*cause);
    }
    return out;
}

std::string speedupBasisText(const SessionRecord& r) {
    return r.config.speedupAgainst == SpeedupBasis::Best ? "the best PyTorch baseline" : "the task's " + r.baselineName;
}

nlohmann::json toJson(const SessionRecord& r) {
    return {{"uuid", r.uuid},
            {"name", r.name},
            {"task", r.task},
            {"task_ref", r.taskRef},
            {"task_hash", r.taskHash},
            {"task_definition", r.taskDefinition},
            {"task_workloads", r.taskWorkloads},
            {"device", r.device.known() ? toJson(r.device) : nlohmann::json::object()},
            {"config", toJson(r.config)},
            {"baseline_name", r.baselineName},
            {"baseline_hash", r.baselineHash},
            {"baseline", baselineTimesJson(r.baseline)},
            {"torch_baselines", toJson(r.torchBaselines)},
            {"status", r.status},
            {"stop_reason", r.stopReason},
            {"stop_causes", stopCausesJson(r.stopCauses)},
            {"created_at", r.createdAt},
            {"updated_at", r.updatedAt},
            {"active_seconds", r.activeSeconds},
            {"evaluations", r.evaluations},
            {"best_node", r.bestNode ? nlohmann::json(*r.bestNode) : nlohmann::json(nullptr)},
            {"best_speedup", r.bestSpeedup}};
}

SessionRecord sessionRecordFromJson(const nlohmann::json& j, const std::string& path) {
    ObjectReader in(j, path);
    SessionRecord r;
    r.uuid = in.required<std::string>("uuid");
    r.name = in.required<std::string>("name");
    r.task = in.required<std::string>("task");
    r.taskRef = in.required<std::string>("task_ref");
    r.taskHash = in.required<std::string>("task_hash");
    r.taskDefinition = in.required<std::string>("task_definition");
    r.taskWorkloads = in.required<std::string>("task_workloads");
    const nlohmann::json& device = in.field("device");
    if (!(device.is_object() && device.empty())) r.device = deviceFactsFromJson(device, in.childPath("device"));
    try {
        r.config = sessionConfigFromJson(in.field("config"));
    } catch (const Error& e) {
        modelFail(in.childPath("config"), e.phrase());
    }
    r.baselineName = in.required<std::string>("baseline_name");
    r.baselineHash = in.required<std::string>("baseline_hash");
    r.baseline = baselineTimesFromJson(in.field("baseline"));
    if (in.has("torch_baselines"))  // session files before PyTorch baselines have none
        r.torchBaselines = workloadBaselinesFromJson(in.field("torch_baselines"), in.childPath("torch_baselines"));
    r.status = in.required<std::string>("status");
    r.stopReason = in.required<std::string>("stop_reason");
    if (in.has("stop_causes"))  // session files before the causes were kept have none
        r.stopCauses = stopCausesFromJson(in.field("stop_causes"), in.childPath("stop_causes"));
    r.createdAt = in.required<std::string>("created_at");
    r.updatedAt = in.optionalOr<std::string>("updated_at", "");
    r.activeSeconds = in.required<double>("active_seconds");
    r.evaluations = in.required<int>("evaluations");
    r.bestNode = in.optional<int64_t>("best_node");
    r.bestSpeedup = in.required<double>("best_speedup");
    in.finish();
    return r;
}

}  // namespace kforge
