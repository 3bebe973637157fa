#include "model/eval_report.h"

#include <cmath>
#include <limits>

namespace kforge {

using Json = nlohmann::json;
namespace {

// NaN and infinities are not JSON: they travel as null and come back as NaN.
Json number(double v) { return std::isfinite(v) ? Json(v) : Json(nullptr); }
double numberOrNan(ObjectReader& r, const char* key) {
    const Json& j = r.field(key);
    return j.is_null() ? std::numeric_limits<double>::quiet_NaN() : readValue<double>(j, r.childPath(key));
}

void writeStats(Json& j, const SampleStats& s) {
    j["median_ms"] = s.median;
    j["min_ms"] = s.min;
    j["max_ms"] = s.max;
    j["mean_ms"] = s.mean;
    j["p20_ms"] = s.p20;
    j["p80_ms"] = s.p80;
    j["cv"] = s.cv;
    j["count"] = s.count;
}

SampleStats readStats(ObjectReader& r) {
    SampleStats s;
    s.median = r.required<double>("median_ms");
    s.min = r.required<double>("min_ms");
    s.p20 = r.required<double>("p20_ms");
    s.p80 = r.required<double>("p80_ms");
    s.cv = r.required<double>("cv");
    s.count = r.required<int>("count");
    // Schema 4 and before did not write these two.
    s.max = r.optionalOr<double>("max_ms", s.p80);
    s.mean = r.optionalOr<double>("mean_ms", s.median);
    return s;
}

}  // namespace

std::string WorkloadReport::label() const {
    std::string s;
    for (const auto& [name, value] : axes) s += (s.empty() ? "" : " ") + name + "=" + std::to_string(value);
    return s.empty() ? uuid : s;
}

const WorkloadReport* EvalReport::workload(const std::string& uuid) const {
    for (const auto& w : workloads)
        if (w.uuid == uuid) return &w;
    return nullptr;
}

Json toJson(const VerifyStats& v) {
    return {{"checked", v.checked},
            {"mismatches", v.mismatches},
            {"max_abs_error", number(v.maxAbsError)},
            {"max_rel_error", number(v.maxRelError)},
            {"first_bad_index", v.firstBadIndex},
            {"first_bad_output", v.firstBadOutput},
            {"first_bad_seed", v.firstBadSeed},
            {"expected", number(v.expected)},
            {"actual", number(v.actual)}};
}

VerifyStats verifyStatsFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    VerifyStats v;
    v.checked = r.required<uint64_t>("checked");
    v.mismatches = r.required<uint64_t>("mismatches");
    v.maxAbsError = numberOrNan(r, "max_abs_error");
    v.maxRelError = numberOrNan(r, "max_rel_error");
    v.firstBadIndex = r.required<int64_t>("first_bad_index");
    v.firstBadOutput = r.required<std::string>("first_bad_output");
    v.firstBadSeed = r.required<uint64_t>("first_bad_seed");
    v.expected = numberOrNan(r, "expected");
    v.actual = numberOrNan(r, "actual");
    r.finish();
    return v;
}

Json toJson(const PhaseSeconds& s) { return {{"setup", s.setup}, {"verify", s.verify}, {"timing", s.timing}}; }

PhaseSeconds phaseSecondsFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    PhaseSeconds s;
    s.setup = r.required<double>("setup");
    s.verify = r.required<double>("verify");
    s.timing = r.required<double>("timing");
    r.finish();
    return s;
}

Json toJson(const SampleStats& s) {
    Json j = Json::object();
    writeStats(j, s);
    return j;
}

SampleStats sampleStatsFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    SampleStats s = readStats(r);
    r.finish();
    return s;
}

Json toJson(const TimedCallChecks& c) {
    Json j = {{"timed_calls", c.timedCalls},
            {"verified_calls", c.verifiedCalls},
            {"input_sets", c.inputSets},
            {"patched", c.patched},
            {"patched_verified", c.patchedVerified},
            {"extra_input_bytes", c.extraInputBytes},
            {"attempts", c.attempts},
            {"noisy", c.noisy}};
    writePhrase(j, "limits", c.limits);
    return j;
}

TimedCallChecks timedCallChecksFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    TimedCallChecks c;
    c.timedCalls = r.required<int>("timed_calls");
    c.verifiedCalls = r.required<int>("verified_calls");
    c.inputSets = r.required<int>("input_sets");
    c.patched = r.required<bool>("patched");
    c.patchedVerified = r.required<int>("patched_verified");
    c.extraInputBytes = r.required<uint64_t>("extra_input_bytes");
    c.attempts = r.required<int>("attempts");
    c.noisy = r.required<bool>("noisy");
    c.limits = readPhrase(r, "limits");
    r.finish();
    return c;
}

Json toJson(const WorkloadReport& w) {
    Json axes = Json::object();
    for (const auto& [k, v] : w.axes) axes[k] = v;
    Json j = {{"uuid", w.uuid}, {"axes", axes}, {"status", statusName(w.status)}};
    writeMessage(j, w.message);
    j["verification"] = toJson(w.verify);
    j["runner_seconds"] = toJson(w.seconds);
    if (w.timed()) {
        writeStats(j, w.timing);
        j["samples_ms"] = w.samplesMs;
    }
    if (w.checks) j["timed_call_checks"] = toJson(*w.checks);
    if (w.baseline) j["baseline"] = toJson(*w.baseline);
    if (w.speedup > 0) j["speedup"] = w.speedup;
    Json baselines = Json::array();
    for (const auto& b : w.baselines) baselines.push_back(toJson(b));
    j["baselines"] = baselines;
    if (!w.bestBaseline.empty()) j["best_baseline"] = w.bestBaseline;
    if (w.speedupVsBest > 0) j["speedup_vs_best"] = w.speedupVsBest;
    if (w.bytes) j["bytes"] = *w.bytes;
    if (w.flops) j["flops"] = *w.flops;
    if (w.achievedGbps > 0) j["achieved_gbps"] = w.achievedGbps;
    if (w.achievedTflops > 0) j["achieved_tflops"] = w.achievedTflops;
    if (w.floor) {
        j["floor_ms"] = w.floor->ms();
        j["floor_bytes_ms"] = w.floor->bytesMs;
        j["floor_flops_ms"] = w.floor->flopsMs;
        j["bound"] = w.floor->computeBound() ? "compute" : "memory";
        j["floor_bandwidth_gbps"] = w.floor->bandwidthGbps;
        j["floor_cache_resident"] = w.floor->cacheResident;
        j["floor_peak_tflops"] = w.floor->peakTflops;
    }
    if (w.fractionOfFloor > 0) j["fraction_of_floor"] = w.fractionOfFloor;
    return j;
}

WorkloadReport workloadReportFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    WorkloadReport w;
    w.uuid = r.required<std::string>("uuid");
    // A JSON object: the axes come back in name order.
    for (const auto& [name, value] : r.required<std::map<std::string, int64_t>>("axes")) w.axes.emplace_back(name, value);
    w.status = r.required<Status>("status");
    w.message = readMessage(r);
    w.verify = verifyStatsFromJson(r.field("verification"), r.childPath("verification"));
    w.seconds = phaseSecondsFromJson(r.field("runner_seconds"), r.childPath("runner_seconds"));
    if (r.has("median_ms")) {
        w.timing = readStats(r);
        w.samplesMs = r.required<std::vector<double>>("samples_ms");
    }
    if (r.has("timed_call_checks"))
        w.checks = timedCallChecksFromJson(r.field("timed_call_checks"), r.childPath("timed_call_checks"));
    if (r.has("baseline")) w.baseline = sampleStatsFromJson(r.field("baseline"), r.childPath("baseline"));
    w.speedup = r.optionalOr<double>("speedup", 0.0);
    if (r.has("baselines"))  // schema 4 had none
        w.baselines = readArray<MeasuredBaseline>(r.array("baselines"), r.childPath("baselines"), measuredBaselineFromJson);
    w.bestBaseline = r.optionalOr<std::string>("best_baseline", "");
    w.speedupVsBest = r.optionalOr<double>("speedup_vs_best", 0.0);
    w.bytes = r.optional<double>("bytes");
    w.flops = r.optional<double>("flops");
    w.achievedGbps = r.optionalOr<double>("achieved_gbps", 0.0);
    w.achievedTflops = r.optionalOr<double>("achieved_tflops", 0.0);
    if (const auto floorMs = r.optional<double>("floor_ms")) {
        const std::string bound = r.required<std::string>("bound");
        if (bound != "compute" && bound != "memory") modelFail(r.childPath("bound"), phrase(QT_TRANSLATE_NOOP("Phrase", "expected 'compute' or 'memory'")));
        Floor f;
        // Schema 4 kept only the larger of the two.
        f.bytesMs = r.optionalOr<double>("floor_bytes_ms", bound == "memory" ? *floorMs : 0.0);
        f.flopsMs = r.optionalOr<double>("floor_flops_ms", bound == "compute" ? *floorMs : 0.0);
        // Schema 5 did not say which bandwidth it used (always DRAM's).
        f.bandwidthGbps = r.optionalOr<double>("floor_bandwidth_gbps", 0.0);
        f.cacheResident = r.optionalOr<bool>("floor_cache_resident", false);
        f.peakTflops = r.optionalOr<double>("floor_peak_tflops", 0.0);
        w.floor = f;
    }
    w.fractionOfFloor = r.optionalOr<double>("fraction_of_floor", 0.0);
    r.finish();
    return w;
}

Json toJson(const EvalReport& r, ReportScope scope) {
    Json workloads = Json::array();
    for (const auto& w : r.workloads) workloads.push_back(toJson(w));
    Json out = {{"status", statusName(r.status)},
                {"task", r.task},
                {"backend", backendName(r.backend)},
                {"config", toJson(r.config)},
                {"baseline", r.baselineName},
                {"workloads", workloads},
                {"seconds", r.seconds},
                {"runner_restarts", r.runnerRestarts}};
    if (scope == ReportScope::Full) {
        out["device"] = r.device.known() ? toJson(r.device) : Json::object();
        out["candidate"] = r.candidate;
        out["compile"] = toJson(r.compile, CompileScope::Report);
    }
    writeMessage(out, r.message);
    if (r.speedupGeomean > 0) out["speedup"] = r.speedupGeomean;
    if (r.speedupVsBestGeomean > 0) out["speedup_vs_best"] = r.speedupVsBestGeomean;
    out["torch"] = toJson(r.torch);
    out["sandbox"] = r.sandbox;
    if (!r.runner.empty()) out["runner"] = r.runner;
    if (!r.deviceModel.empty()) out["device_model"] = r.deviceModel;
    if (r.cpuThreads) out["cpu_threads"] = *r.cpuThreads;
    if (r.window)
        out["device_window"] = {{"runner_index", r.window->runnerIndex}, {"from", r.window->from}, {"to", r.window->to}};
    return out;
}

EvalReport evalReportFromJson(const Json& j, const std::string& path, ReportScope scope) {
    ObjectReader r(j, path);
    EvalReport e;
    e.status = r.required<Status>("status");
    e.message = readMessage(r);
    e.task = r.required<std::string>("task");
    e.backend = r.required<Backend>("backend");
    e.config = tuneConfigFromJson(r.field("config"), r.childPath("config"));
    e.baselineName = r.required<std::string>("baseline");
    e.workloads = readArray<WorkloadReport>(r.array("workloads"), r.childPath("workloads"), workloadReportFromJson);
    e.seconds = r.required<double>("seconds");
    e.runnerRestarts = r.required<int>("runner_restarts");
    e.speedupGeomean = r.optionalOr<double>("speedup", 0.0);
    e.speedupVsBestGeomean = r.optionalOr<double>("speedup_vs_best", 0.0);
    if (r.has("torch")) e.torch = torchSummaryFromJson(r.field("torch"), r.childPath("torch"));  // schema 4 had none
    e.sandbox = r.optionalOr<std::string>("sandbox", "");  // reports before the sandbox have none
    e.runner = r.optionalOr<std::string>("runner", "");    // and before runner endpoints
    e.deviceModel = r.optionalOr<std::string>("device_model", "");  // and before runners of several models
    if (r.has("cpu_threads")) {  // CPU reports before the thread limit have none
        e.cpuThreads = r.required<int>("cpu_threads");
        if (*e.cpuThreads < 1) modelFail(r.childPath("cpu_threads"), phrase(QT_TRANSLATE_NOOP("Phrase", "must be at least 1")));
    }
    if (r.has("device_window")) {  // and before device windows
        ObjectReader w(r.field("device_window"), r.childPath("device_window"));
        DeviceWindow d;
        d.runnerIndex = w.required<int>("runner_index");
        d.from = w.required<double>("from");
        d.to = w.required<double>("to");
        w.finish();
        if (d.runnerIndex < 0 || d.to < d.from) modelFail(r.childPath("device_window"), phrase(QT_TRANSLATE_NOOP("Phrase", "runner_index must be >= 0 and to >= from")));
        e.window = d;
    }
    if (scope == ReportScope::Full) {
        const Json& device = r.field("device");
        if (!(device.is_object() && device.empty())) e.device = deviceFactsFromJson(device, r.childPath("device"));
        e.candidate = r.required<std::string>("candidate");
        e.compile = compileResultFromJson(r.field("compile"), r.childPath("compile"));
    }
    r.finish();
    return e;
}

}  // namespace kforge
