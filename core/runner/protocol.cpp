#include "runner/protocol.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include "util/text.h"

namespace kforge {
namespace {

using Json = nlohmann::json;

Json tensorJson(const TensorSpec& t) {
    return {{"name", t.name},
            {"shape", t.shape},
            {"dtype", static_cast<int>(t.dtype)},
            {"dist", {static_cast<int>(t.distribution.kind), t.distribution.a, t.distribution.b}},
            {"tol", {t.tolerance.atol, t.tolerance.rtol}}};
}

// A value in a request with its path, for errors that name the field.
class Field {
public:
    Field(const Json& j, std::string path) : j_(j), path_(std::move(path)) {}
    [[noreturn]] void fail(const std::string& what) const { throw RequestError(path_ + ": " + what); }
    const Json& json() const { return j_; }
    const std::string& path() const { return path_; }

    Field at(const char* key) const {
        object();
        const auto it = j_.find(key);
        if (it == j_.end()) Field(j_, path_ + "." + key).fail("missing");
        return Field(*it, path_ + "." + key);
    }
    bool has(const char* key) const { return object().contains(key); }
    Field operator[](size_t i) const { return Field(j_[i], path_ + "[" + std::to_string(i) + "]"); }

    const Json& object() const {
        if (!j_.is_object()) fail(std::string("must be an object, not ") + j_.type_name());
        return j_;
    }
    size_t array(size_t minSize, size_t maxSize) const {
        if (!j_.is_array()) fail(std::string("must be an array, not ") + j_.type_name());
        if (j_.size() < minSize) fail("has " + std::to_string(j_.size()) + " entries, at least " + std::to_string(minSize) + " are needed");
        if (j_.size() > maxSize) fail("has " + std::to_string(j_.size()) + " entries, more than the limit of " + std::to_string(maxSize));
        return j_.size();
    }
    std::string text(bool allowEmpty = false) const {
        if (!j_.is_string()) fail(std::string("must be a string, not ") + j_.type_name());
        const auto& s = j_.get_ref<const std::string&>();
        if (!allowEmpty && s.empty()) fail("must not be empty");
        if (s.size() > RequestLimits::maxTextBytes) fail("longer than " + std::to_string(RequestLimits::maxTextBytes) + " bytes");
        if (s.find('\0') != std::string::npos) fail("holds a NUL character");
        return s;
    }
    int64_t integer(int64_t lo, int64_t hi) const {
        if (!j_.is_number_integer()) fail(std::string("must be an integer, not ") + j_.type_name());
        if (j_.is_number_unsigned() && j_.get<uint64_t>() > static_cast<uint64_t>(hi)) outOfRange(lo, hi);
        const auto v = j_.get<int64_t>();
        if (v < lo || v > hi) outOfRange(lo, hi);
        return v;
    }
    uint64_t unsignedInteger() const {
        if (!j_.is_number_unsigned()) fail(std::string("must be a non-negative integer, not ") + j_.dump(-1, ' ', false, Json::error_handler_t::replace).substr(0, 40));
        return j_.get<uint64_t>();
    }
    double number(double lo, double hi) const {
        if (!j_.is_number()) fail(std::string("must be a number, not ") + j_.type_name());
        const double v = j_.get<double>();
        if (!std::isfinite(v) || v < lo || v > hi) fail("must lie in [" + shortNumber(lo) + ", " + shortNumber(hi) + "], not " + shortNumber(v));
        return v;
    }
    bool boolean() const {
        if (!j_.is_boolean()) fail(std::string("must be true or false, not ") + j_.type_name());
        return j_.get<bool>();
    }

private:
    static std::string shortNumber(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    [[noreturn]] void outOfRange(int64_t lo, int64_t hi) const {
        fail("must lie in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], not " +
             j_.dump(-1, ' ', false, Json::error_handler_t::replace).substr(0, 40));
    }
    const Json& j_;
    std::string path_;
};

constexpr double kHuge = 1e300;

TensorSpec tensorFromJson(const Field& f, bool output) {
    TensorSpec t;
    t.name = f.at("name").text();
    const Field shape = f.at("shape");
    const size_t dims = shape.array(0, RequestLimits::maxDims);
    for (size_t i = 0; i < dims; ++i) t.shape.push_back(shape[i].text());
    t.dtype = static_cast<DType>(f.at("dtype").integer(0, static_cast<int64_t>(DType::Bool)));
    const Field dist = f.at("dist");
    dist.array(3, 3);
    t.distribution.kind = static_cast<Distribution::Kind>(dist[0].integer(0, 1));
    t.distribution.a = dist[1].number(-kHuge, kHuge);
    t.distribution.b = dist[2].number(-kHuge, kHuge);
    if (!output) {
        if (t.distribution.kind == Distribution::Kind::Uniform && !(t.distribution.a < t.distribution.b))
            dist.fail("a uniform distribution needs low < high");
        if (t.distribution.kind == Distribution::Kind::Normal && !(t.distribution.b > 0))
            dist.fail("a normal distribution needs a positive standard deviation");
    }
    const Field tol = f.at("tol");
    tol.array(2, 2);
    t.tolerance.atol = tol[0].number(0, kHuge);
    t.tolerance.rtol = tol[1].number(0, kHuge);
    return t;
}

bool checkedBytes(const std::vector<int64_t>& shape, DType dtype, uint64_t& bytes) {
    uint64_t n = 1;
    for (int64_t d : shape)
        if (d < 0 || __builtin_mul_overflow(n, static_cast<uint64_t>(d), &n)) return false;
    return !__builtin_mul_overflow(n, static_cast<uint64_t>(dtypeInfo(dtype).bytes), &bytes);
}

}  // namespace

Json toJson(const EvaluateSpec& s) {
    Json inputs = Json::array(), outputs = Json::array(), workloads = Json::array();
    for (const auto& t : s.inputs) inputs.push_back(tensorJson(t));
    for (const auto& t : s.outputs) outputs.push_back(tensorJson(t));
    for (const auto& w : s.workloads) {
        Json scalars = Json::array();
        for (const auto& v : w.scalars) scalars.push_back(v ? Json(*v) : Json(nullptr));
        Json workload = {{"uuid", w.uuid}, {"axes", w.axisValues}, {"in", w.inputShapes}, {"out", w.outputShapes}, {"scalars", scalars}};
        bool anyFile = false;
        for (const auto& f : w.files) anyFile = anyFile || !f.empty();
        if (anyFile) {
            Json files = Json::array();
            for (const auto& f : w.files) files.push_back(f.empty() ? Json(nullptr) : Json(f));
            workload["files"] = files;
        }
        workloads.push_back(std::move(workload));
    }
    Json j = {{"library", s.library},
            {"reference", s.reference},
            {"role", s.role},
            {"axis_names", s.axisNames},
            {"inputs", inputs},
            {"outputs", outputs},
            {"bitwise", s.bitwiseDeterministic},
            {"workloads", workloads},
            {"seeds", s.seeds},
            {"time", s.time},
            {"timing", toJson(s.timing)}};
    // Only when the PyTorch reference judges: an empty directory is no directory.
    if (!s.expectedDir.empty()) j["expected_dir"] = s.expectedDir;
    return j;
}

EvaluateSpec evaluateSpecFromJson(const Json& j, const std::string& what, bool withLibraries) {
    const Field root(j, what);
    root.object();
    EvaluateSpec s;
    s.library = root.at("library").text(!withLibraries);
    if (root.has("expected_dir")) s.expectedDir = root.at("expected_dir").text();
    // With the PyTorch reference's outputs to judge by, a task needs no native reference.
    s.reference = root.at("reference").text(!withLibraries || !s.expectedDir.empty());
    if (root.has("role")) s.role = root.at("role").text();
    const Field axes = root.at("axis_names");
    const size_t numAxes = axes.array(0, RequestLimits::maxAxes);
    for (size_t i = 0; i < numAxes; ++i) {
        s.axisNames.push_back(axes[i].text());
        for (size_t k = 0; k < i; ++k)
            if (s.axisNames[k] == s.axisNames[i]) axes[i].fail("axis '" + printable(s.axisNames[i]) + "' is named twice");
    }
    auto tensors = [&](const char* key, std::vector<TensorSpec>& out, size_t minCount, bool outputs) {
        const Field list = root.at(key);
        const size_t n = list.array(minCount, RequestLimits::maxTensors);
        for (size_t i = 0; i < n; ++i) {
            const Field f = list[i];
            out.push_back(tensorFromJson(f, outputs));
            for (const auto& axis : out.back().shape) {
                bool known = false;
                for (const auto& a : s.axisNames) known = known || a == axis;
                if (!known) f.at("shape").fail("axis '" + printable(axis) + "' is not in axis_names");
            }
            for (const auto* other : {&s.inputs, &s.outputs})
                for (size_t k = 0; k < other->size(); ++k)
                    if (&(*other)[k] != &out.back() && (*other)[k].name == out.back().name)
                        f.at("name").fail("'" + printable(out.back().name) + "' names two tensors");
        }
    };
    tensors("inputs", s.inputs, 0, false);
    tensors("outputs", s.outputs, 1, true);
    if (root.has("bitwise")) s.bitwiseDeterministic = root.at("bitwise").boolean();

    const Field workloads = root.at("workloads");
    const size_t numWorkloads = workloads.array(1, RequestLimits::maxWorkloads);
    for (size_t wi = 0; wi < numWorkloads; ++wi) {
        const Field w = workloads[wi];
        WorkloadSpec ws;
        ws.uuid = w.at("uuid").text();
        const Field values = w.at("axes");
        const size_t nv = values.array(0, RequestLimits::maxAxes);
        if (nv != s.axisNames.size())
            values.fail(std::to_string(nv) + " values, but axis_names has " + std::to_string(s.axisNames.size()));
        for (size_t i = 0; i < nv; ++i) ws.axisValues.push_back(values[i].integer(1, int64_t{1} << 50));
        auto axisValue = [&](const std::string& name) {
            for (size_t i = 0; i < s.axisNames.size(); ++i)
                if (s.axisNames[i] == name) return ws.axisValues[i];
            return int64_t{-1};
        };
        auto shapes = [&](const char* key, const std::vector<TensorSpec>& specs, std::vector<std::vector<int64_t>>& out,
                          const char* kind) {
            const Field list = w.at(key);
            const size_t n = list.array(0, RequestLimits::maxTensors);
            if (n != specs.size())
                list.fail(std::to_string(n) + " shapes, but the spec has " + std::to_string(specs.size()) + " " + kind + "s");
            for (size_t i = 0; i < n; ++i) {
                const Field shape = list[i];
                const size_t dims = shape.array(0, RequestLimits::maxDims);
                const TensorSpec& t = specs[i];
                if (dims != t.shape.size())
                    shape.fail(std::to_string(dims) + " dimensions, the spec's " + kind + " '" + printable(t.name) + "' has " +
                               std::to_string(t.shape.size()));
                std::vector<int64_t> extents;
                for (size_t d = 0; d < dims; ++d) {
                    const int64_t e = shape[d].integer(1, int64_t{1} << 50);
                    if (e != axisValue(t.shape[d]))
                        shape[d].fail("extent " + std::to_string(e) + ", but axis '" + printable(t.shape[d]) + "' is " +
                                      std::to_string(axisValue(t.shape[d])));
                    extents.push_back(e);
                }
                uint64_t bytes = 0;
                if (!checkedBytes(extents, t.dtype, bytes) || bytes > RequestLimits::maxTensorBytes)
                    shape.fail(std::string("the ") + kind + " '" + printable(t.name) + "' would be larger than " +
                               std::to_string(RequestLimits::maxTensorBytes) + " bytes");
                out.push_back(std::move(extents));
            }
        };
        shapes("in", s.inputs, ws.inputShapes, "input");
        shapes("out", s.outputs, ws.outputShapes, "output");
        const Field scalars = w.at("scalars");
        const size_t ns = scalars.array(0, RequestLimits::maxTensors);
        if (ns != s.inputs.size())
            scalars.fail(std::to_string(ns) + " entries, but the spec has " + std::to_string(s.inputs.size()) + " inputs");
        for (size_t i = 0; i < ns; ++i)
            ws.scalars.push_back(scalars[i].json().is_null() ? std::nullopt
                                                              : std::optional<double>(scalars[i].number(-kHuge, kHuge)));
        ws.files.assign(s.inputs.size(), {});
        if (w.has("files")) {
            const Field files = w.at("files");
            const size_t nf = files.array(0, RequestLimits::maxTensors);
            if (nf != s.inputs.size())
                files.fail(std::to_string(nf) + " entries, but the spec has " + std::to_string(s.inputs.size()) + " inputs");
            for (size_t i = 0; i < nf; ++i) {
                if (files[i].json().is_null()) continue;
                ws.files[i] = files[i].text();
                if (ws.scalars[i]) files[i].fail("input '" + printable(s.inputs[i].name) + "' has a scalar value and a file");
            }
        }
        for (const auto& other : s.workloads)
            if (other.uuid == ws.uuid) w.at("uuid").fail("'" + printable(ws.uuid) + "' appears twice");
        s.workloads.push_back(std::move(ws));
    }
    const Field seeds = root.at("seeds");
    const size_t numSeeds = seeds.array(1, RequestLimits::maxSeeds);
    for (size_t i = 0; i < numSeeds; ++i) s.seeds.push_back(seeds[i].unsignedInteger());
    if (root.has("time")) s.time = root.at("time").boolean();
    const Field t = root.at("timing");
    s.timing.warmupMs = t.at("warmup_ms").number(0, RequestLimits::maxWarmupMs);
    s.timing.budgetMs = t.at("budget_ms").number(0, RequestLimits::maxBudgetMs);
    s.timing.minReps = static_cast<int>(t.at("min_reps").integer(1, RequestLimits::maxMinReps));
    s.timing.maxReps = static_cast<int>(t.at("max_reps").integer(s.timing.minReps, RequestLimits::maxMaxReps));
    s.timing.noiseThreshold = t.at("noise_threshold").number(0, 10);
    s.timing.maxAttempts = static_cast<int>(t.at("max_attempts").integer(1, RequestLimits::maxAttempts));
    return s;
}

uint64_t workloadInputBytes(const EvaluateSpec& s, const WorkloadSpec& w) {
    uint64_t total = 0, bytes = 0;
    for (size_t i = 0; i < s.inputs.size() && i < w.inputShapes.size(); ++i)
        if (checkedBytes(w.inputShapes[i], s.inputs[i].dtype, bytes)) total += bytes;
    return total;
}

uint64_t workloadOutputBytes(const EvaluateSpec& s, const WorkloadSpec& w) {
    uint64_t total = 0, bytes = 0;
    for (size_t i = 0; i < s.outputs.size() && i < w.outputShapes.size(); ++i)
        if (checkedBytes(w.outputShapes[i], s.outputs[i].dtype, bytes)) total += bytes;
    return total;
}

Json toJson(const EvaluateResult& r) {
    Json workloads = Json::array();
    for (const auto& w : r.workloads)
        workloads.push_back({{"uuid", w.uuid},
                             {"status", statusName(w.status)},
                             {"message", toJson(w.message)},
                             {"verify", toJson(w.verify)},
                             {"samples_ms", w.samplesMs},
                             {"seconds", toJson(w.seconds)},
                             {"checks", w.checks ? toJson(*w.checks) : Json(nullptr)}});
    return {{"status", statusName(r.status)},
            {"message", toJson(r.message)},
            {"workloads", workloads},
            {"must_restart", r.runnerMustRestart},
            {"started_at", r.startedAt},
            {"finished_at", r.finishedAt}};
}

EvaluateResult evaluateResultFromJson(const Json& j) {
    ObjectReader r(j, "result");
    EvaluateResult e;
    e.status = r.required<Status>("status");
    e.message = phraseFromJson(r.field("message"), r.childPath("message"));
    e.runnerMustRestart = r.required<bool>("must_restart");
    e.startedAt = r.required<double>("started_at");
    e.finishedAt = r.required<double>("finished_at");
    e.workloads = readArray<WorkloadOutcome>(r.array("workloads"), r.childPath("workloads"), [](const Json& w, const std::string& at) {
        ObjectReader wr(w, at);
        WorkloadOutcome o;
        o.uuid = wr.required<std::string>("uuid");
        o.status = wr.required<Status>("status");
        o.message = phraseFromJson(wr.field("message"), wr.childPath("message"));
        o.verify = verifyStatsFromJson(wr.field("verify"), wr.childPath("verify"));
        o.samplesMs = wr.required<std::vector<double>>("samples_ms");
        o.seconds = phaseSecondsFromJson(wr.field("seconds"), wr.childPath("seconds"));
        if (const Json& c = wr.field("checks"); !c.is_null()) o.checks = timedCallChecksFromJson(c, wr.childPath("checks"));
        wr.finish();
        return o;
    });
    r.finish();
    return e;
}

Json toJson(const RunnerGreeting& g) {
    Json j = {{"protocol", g.protocol}, {"abi", g.abi}, {"build", g.build}, {"backend", g.backend}, {"available", g.available}};
    if (!g.available) j["why"] = g.why;
    return j;
}

RunnerGreeting runnerGreetingFromJson(const Json& j) {
    if (!j.is_object() || !j.contains("protocol") || !j["protocol"].is_number_integer())
        throw ModelError("greeting: not a runner's greeting (no protocol version)");
    RunnerGreeting g;
    g.protocol = j["protocol"].get<int>();
    auto text = [&](const char* key) { return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string(); };
    g.build = text("build");
    g.backend = text("backend");
    g.why = text("why");
    if (j.contains("abi") && j["abi"].is_number_integer()) g.abi = j["abi"].get<int>();
    g.available = j.contains("available") && j["available"].is_boolean() && j["available"].get<bool>();
    return g;
}

}  // namespace kforge
