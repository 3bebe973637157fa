#include "runner/protocol.h"

#include <array>
#include <cmath>
#include <limits>

namespace kforge {
namespace {

using Json = nlohmann::json;

Json tensorJson(const TensorSpec& t) {
    return {{"name", t.name},
            {"dtype", static_cast<int>(t.dtype)},
            {"dist", {static_cast<int>(t.distribution.kind), t.distribution.a, t.distribution.b}},
            {"tol", {t.tolerance.atol, t.tolerance.rtol}}};
}

TensorSpec tensorFromJson(const Json& j) {
    TensorSpec t;
    t.name = j.at("name");
    t.dtype = static_cast<DType>(j.at("dtype").get<int>());
    t.distribution.kind = static_cast<Distribution::Kind>(j.at("dist")[0].get<int>());
    t.distribution.a = j.at("dist")[1];
    t.distribution.b = j.at("dist")[2];
    t.tolerance.atol = j.at("tol")[0];
    t.tolerance.rtol = j.at("tol")[1];
    return t;
}

}  // namespace

Json toJson(const EvaluateSpec& s) {
    Json inputs = Json::array(), outputs = Json::array(), workloads = Json::array();
    for (const auto& t : s.inputs) inputs.push_back(tensorJson(t));
    for (const auto& t : s.outputs) outputs.push_back(tensorJson(t));
    for (const auto& w : s.workloads) {
        Json scalars = Json::array();
        for (const auto& v : w.scalars) scalars.push_back(v ? Json(*v) : Json(nullptr));
        workloads.push_back({{"uuid", w.uuid},
                             {"axes", w.axisValues},
                             {"in", w.inputShapes},
                             {"out", w.outputShapes},
                             {"scalars", scalars}});
    }
    return {{"library", s.library},
            {"reference", s.reference},
            {"expected_dir", s.expectedDir},
            {"role", s.role},
            {"axis_names", s.axisNames},
            {"inputs", inputs},
            {"outputs", outputs},
            {"bitwise", s.bitwiseDeterministic},
            {"workloads", workloads},
            {"seeds", s.seeds},
            {"time", s.time},
            {"timing",
             {{"warmup_ms", s.timing.warmupMs},
              {"budget_ms", s.timing.budgetMs},
              {"min_reps", s.timing.minReps},
              {"max_reps", s.timing.maxReps}}}};
}

EvaluateSpec evaluateSpecFromJson(const Json& j) {
    EvaluateSpec s;
    s.library = j.at("library");
    s.reference = j.at("reference");
    s.expectedDir = j.value("expected_dir", "");
    s.role = j.value("role", "candidate");
    s.axisNames = j.at("axis_names").get<std::vector<std::string>>();
    for (const auto& t : j.at("inputs")) s.inputs.push_back(tensorFromJson(t));
    for (const auto& t : j.at("outputs")) s.outputs.push_back(tensorFromJson(t));
    s.bitwiseDeterministic = j.value("bitwise", false);
    for (const auto& w : j.at("workloads")) {
        WorkloadSpec ws;
        ws.uuid = w.at("uuid");
        ws.axisValues = w.at("axes").get<std::vector<int64_t>>();
        ws.inputShapes = w.at("in").get<std::vector<std::vector<int64_t>>>();
        ws.outputShapes = w.at("out").get<std::vector<std::vector<int64_t>>>();
        for (const auto& v : w.at("scalars"))
            ws.scalars.push_back(v.is_null() ? std::nullopt : std::optional<double>(v.get<double>()));
        s.workloads.push_back(std::move(ws));
    }
    s.seeds = j.at("seeds").get<std::vector<uint64_t>>();
    s.time = j.value("time", true);
    const auto& t = j.at("timing");
    s.timing.warmupMs = t.at("warmup_ms");
    s.timing.budgetMs = t.at("budget_ms");
    s.timing.minReps = t.at("min_reps");
    s.timing.maxReps = t.at("max_reps");
    return s;
}

Json toJson(const EvaluateResult& r) {
    Json workloads = Json::array();
    for (const auto& w : r.workloads)
        workloads.push_back({{"uuid", w.uuid},
                             {"status", statusName(w.status)},
                             {"message", w.message},
                             {"verify", toJson(w.verify)},
                             {"samples_ms", w.samplesMs},
                             {"seconds", toJson(w.seconds)}});
    return {{"status", statusName(r.status)},
            {"message", r.message},
            {"workloads", workloads},
            {"must_restart", r.runnerMustRestart}};
}

EvaluateResult evaluateResultFromJson(const Json& j) {
    ObjectReader r(j, "result");
    EvaluateResult e;
    e.status = r.required<Status>("status");
    e.message = r.required<std::string>("message");
    e.runnerMustRestart = r.required<bool>("must_restart");
    e.workloads = readArray<WorkloadOutcome>(r.array("workloads"), r.childPath("workloads"), [](const Json& w, const std::string& at) {
        ObjectReader wr(w, at);
        WorkloadOutcome o;
        o.uuid = wr.required<std::string>("uuid");
        o.status = wr.required<Status>("status");
        o.message = wr.required<std::string>("message");
        o.verify = verifyStatsFromJson(wr.field("verify"), wr.childPath("verify"));
        o.samplesMs = wr.required<std::vector<double>>("samples_ms");
        o.seconds = phaseSecondsFromJson(wr.field("seconds"), wr.childPath("seconds"));
        wr.finish();
        return o;
    });
    r.finish();
    return e;
}

}  // namespace kforge
