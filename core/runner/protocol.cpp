#include "runner/protocol.h"

#include <array>
#include <cmath>
#include <limits>

namespace kforge {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::pair<Status, std::string_view>, 13> kStatusNames = {{
    {Status::Passed, "PASSED"},
    {Status::IncorrectShape, "INCORRECT_SHAPE"},
    {Status::IncorrectNumerical, "INCORRECT_NUMERICAL"},
    {Status::IncorrectDtype, "INCORRECT_DTYPE"},
    {Status::RuntimeError, "RUNTIME_ERROR"},
    {Status::CompileError, "COMPILE_ERROR"},
    {Status::Timeout, "TIMEOUT"},
    {Status::Fault, "FAULT"},
    {Status::Nondeterministic, "NONDETERMINISTIC"},
    {Status::IncompleteWrite, "INCOMPLETE_WRITE"},
    {Status::SuspiciousSpeed, "SUSPICIOUS_SPEED"},
    {Status::InvalidConfig, "INVALID_CONFIG"},
    {Status::NotRun, "NOT_RUN"},
}};

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

std::string_view statusName(Status s) {
    for (const auto& [k, v] : kStatusNames)
        if (k == s) return v;
    return "UNKNOWN";
}

std::optional<Status> parseStatus(std::string_view name) {
    for (const auto& [k, v] : kStatusNames)
        if (v == name) return k;
    return std::nullopt;
}

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

Json toJson(const VerifyStats& v) {
    return {{"checked", v.checked},           {"mismatches", v.mismatches},   {"max_abs_error", v.maxAbsError},
            {"max_rel_error", v.maxRelError}, {"first_bad_index", v.firstBadIndex}, {"first_bad_output", v.firstBadOutput},
            {"first_bad_seed", v.firstBadSeed}, {"expected", v.expected},       {"actual", v.actual}};
}

Json toJson(const PhaseSeconds& s) { return {{"setup", s.setup}, {"verify", s.verify}, {"timing", s.timing}}; }

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
    EvaluateResult r;
    r.status = parseStatus(j.at("status").get<std::string>()).value_or(Status::RuntimeError);
    r.message = j.value("message", "");
    r.runnerMustRestart = j.value("must_restart", false);
    for (const auto& w : j.at("workloads")) {
        WorkloadOutcome o;
        o.uuid = w.at("uuid");
        o.status = parseStatus(w.at("status").get<std::string>()).value_or(Status::RuntimeError);
        o.message = w.value("message", "");
        const auto& v = w.at("verify");
        o.verify.checked = v.at("checked");
        o.verify.mismatches = v.at("mismatches");
        // NaN errors travel as null in JSON.
        o.verify.maxAbsError = v.at("max_abs_error").is_number() ? v.at("max_abs_error").get<double>() : std::numeric_limits<double>::quiet_NaN();
        o.verify.maxRelError = v.at("max_rel_error").is_number() ? v.at("max_rel_error").get<double>() : std::numeric_limits<double>::quiet_NaN();
        o.verify.firstBadIndex = v.at("first_bad_index");
        o.verify.firstBadOutput = v.at("first_bad_output");
        o.verify.firstBadSeed = v.at("first_bad_seed");
        o.verify.expected = v.at("expected").is_number() ? v.at("expected").get<double>() : std::numeric_limits<double>::quiet_NaN();
        o.verify.actual = v.at("actual").is_number() ? v.at("actual").get<double>() : std::numeric_limits<double>::quiet_NaN();
        o.samplesMs = w.at("samples_ms").get<std::vector<double>>();
        if (const auto s = w.find("seconds"); s != w.end()) {
            o.seconds.setup = s->value("setup", 0.0);
            o.seconds.verify = s->value("verify", 0.0);
            o.seconds.timing = s->value("timing", 0.0);
        }
        r.workloads.push_back(std::move(o));
    }
    return r;
}

}  // namespace kforge
