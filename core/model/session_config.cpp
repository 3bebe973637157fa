#include "model/session_config.h"

#include "model/json_reader.h"
#include "util/error.h"

namespace kforge {

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
            {"timing", toJson(c.timing)},
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

SessionConfig sessionConfigFromJson(const nlohmann::json& j, const std::string& path) {
    ObjectReader in(j, path);
    SessionConfig c;
    const std::string backend = in.required<std::string>("backend");
    const auto parsed = parseBackend(backend);
    if (!parsed) modelFail(in.childPath("backend"), phrase(QT_TRANSLATE_NOOP("Phrase", "unknown backend %1"), nlohmann::json(backend).dump()));
    c.backend = *parsed;
    c.selection = in.required<std::string>("selection");
    c.exploration = in.required<double>("exploration");
    c.beamWidth = in.required<int>("beam_width");
    c.generators = in.required<std::vector<std::string>>("generators");
    c.tuner = in.required<std::string>("tuner");
    c.seed = in.required<uint64_t>("seed");
    c.stop = stopConditionsFromJson(in.field("stop"), in.childPath("stop"));
    c.seeds = in.required<int>("seeds");
    c.timing = timingSpecFromJson(in.field("timing"), in.childPath("timing"));
    c.stepTimeout = std::chrono::milliseconds(in.required<int64_t>("step_timeout_ms"));
    c.maxInFlight = in.required<int>("max_in_flight");
    // The fields below came later; a configuration stored before them reads
    // as those versions ran: against the native baseline (before PyTorch
    // baselines), without the tuning cache (before it existed).
    const std::string against = in.optionalOr<std::string>("speedup_against", "native");
    const auto basis = parseSpeedupBasis(against);
    if (!basis)
        modelFail(in.childPath("speedup_against"),
                  phrase(QT_TRANSLATE_NOOP("Phrase", "unknown basis '%1' (best or native)"), against));
    c.speedupAgainst = *basis;
    c.torchBaselines = in.optionalOr<std::vector<std::string>>("torch_baselines", c.torchBaselines);
    c.compileMode = in.optionalOr<std::string>("compile_mode", c.compileMode);
    c.tuningCache = in.optionalOr<bool>("tuning_cache", false);
    if (in.has("llm")) {
        ObjectReader l(in.field("llm"), in.childPath("llm"));
        LlmSettings s;
        s.provider = providerFromJson(l.field("provider"), l.childPath("provider"));
        s.attemptsPerParent = l.required<int>("attempts_per_parent");
        s.maxFixDepth = l.required<int>("max_fix_depth");
        s.knowledgeSections = l.required<int>("knowledge_sections");
        s.profile = l.optionalOr<bool>("profile", s.profile);  // kept since 2026-12-03; profiling was on before
        l.finish();
        c.llm = s;
    }
    in.finish();
    return c;
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
            {"device_baselines", toJson(r.deviceBaselines)},
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
    r.config = sessionConfigFromJson(in.field("config"), in.childPath("config"));
    r.baselineName = in.required<std::string>("baseline_name");
    r.baselineHash = in.required<std::string>("baseline_hash");
    r.baseline = baselineTimesFromJson(in.field("baseline"), in.childPath("baseline"));
    if (in.has("torch_baselines"))  // session files before PyTorch baselines have none
        r.torchBaselines = workloadBaselinesFromJson(in.field("torch_baselines"), in.childPath("torch_baselines"));
    if (in.has("device_baselines"))  // nor before runners of several device models
        r.deviceBaselines = deviceBaselinesFromJson(in.field("device_baselines"), in.childPath("device_baselines"));
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
