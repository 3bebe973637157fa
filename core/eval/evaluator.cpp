#include "eval/evaluator.h"

#include <algorithm>
#include <cmath>

#include "util/error.h"

namespace kforge {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

std::string gib(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f GiB", bytes / double(1ull << 30));
    return buf;
}

TensorSpec tensorSpec(const Task& task, const TensorDef& t, bool output) {
    TensorSpec s;
    s.name = t.name;
    s.dtype = t.dtype;
    s.distribution = t.distribution;
    if (output) s.tolerance = task.toleranceFor(t);
    return s;
}

}  // namespace

Evaluator::Evaluator(AppPaths paths) : paths_(std::move(paths)) {
    cache_ = std::make_unique<CompileCache>(CompileCache::defaultDirectory());
    pool_ = std::make_unique<CompilePool>(*cache_);
}

Evaluator::~Evaluator() = default;

RunnerClient& Evaluator::runner(Backend backend) {
    auto& r = runners_[backend];
    if (!r) r = std::make_unique<RunnerClient>(paths_.runner, backend);
    return *r;
}

const Toolchain& Evaluator::toolchain(Backend backend) {
    auto& t = toolchains_[backend];
    if (!t) t = makeToolchain(backend, ToolchainPaths::fromEnvironment(paths_.abiInclude()));
    return *t;
}

std::string Evaluator::archFor(Backend backend) {
    if (backend == Backend::Cpu) return "native";
    std::string why;
    RunnerClient& r = runner(backend);
    if (backend == Backend::Cuda && r.available(why)) {
        const auto& f = r.facts();
        return cudaArchFor(f.value("cc_major", 9), f.value("cc_minor", 0));
    }
    if (backend == Backend::Hip && r.available(why)) return r.facts().value("gcn_arch", toolchain(backend).defaultArch());
    return toolchain(backend).defaultArch();
}

Evaluator::Measured Evaluator::measure(const Task& task, const std::vector<const Workload*>& workloads,
                                       const std::string& library, const std::string& reference, const std::string& role,
                                       const EvalOptions& options) {
    EvaluateSpec spec;
    spec.library = library;
    spec.reference = reference;
    spec.role = role;
    for (const auto& a : task.axes) spec.axisNames.push_back(a.name);
    for (const auto& t : task.inputs) spec.inputs.push_back(tensorSpec(task, t, false));
    for (const auto& t : task.outputs) spec.outputs.push_back(tensorSpec(task, t, true));
    spec.bitwiseDeterministic = task.bitwiseDeterministic;
    for (const Workload* w : workloads) {
        WorkloadSpec ws;
        ws.uuid = w->uuid;
        for (const auto& [name, value] : task.axisValues(*w)) ws.axisValues.push_back(value);
        for (const auto& t : task.inputs) {
            ws.inputShapes.push_back(task.shapeOf(t, *w));
            const auto& in = w->inputs.at(t.name);
            ws.scalars.push_back(in.kind == WorkloadInput::Kind::Scalar ? std::optional<double>(in.scalar) : std::nullopt);
        }
        for (const auto& t : task.outputs) ws.outputShapes.push_back(task.shapeOf(t, *w));
        spec.workloads.push_back(std::move(ws));
    }
    // Seeds 1..n: fresh data per seed (the generator hashes them), the same for baseline and candidate.
    for (int i = 1; i <= options.seeds; ++i) spec.seeds.push_back(static_cast<uint64_t>(i));
    spec.timing = options.timing;

    Measured m;
    const auto reply = runner(options.backend).request({{"cmd", "evaluate"}, {"spec", toJson(spec)}}, options.stepTimeout);
    m.kind = reply.kind;
    const std::string during = reply.lastProgress.empty() ? "" : " during \"" + reply.lastProgress + "\"";
    switch (reply.kind) {
        case RunnerClient::Reply::Kind::Ok: m.result = evaluateResultFromJson(reply.body); break;
        case RunnerClient::Reply::Kind::Failed:
            m.result.status = reply.body.value("fault", false) ? Status::Fault : Status::RuntimeError;
            m.result.message = reply.message;
            break;
        case RunnerClient::Reply::Kind::Timeout:
            m.result.status = Status::Timeout;
            m.result.message = reply.message + during;
            break;
        case RunnerClient::Reply::Kind::Crashed:
            m.result.status = Status::Fault;
            m.result.message = reply.message + during;
            break;
    }
    return m;
}

EvalReport Evaluator::evaluate(const Task& task, const std::filesystem::path& candidate, const EvalOptions& options) {
    const auto start = Clock::now();
    EvalReport report;
    report.task = task.name;
    report.backend = options.backend;
    report.candidate = candidate;
    const std::string backend(backendName(options.backend));

    const auto impl = task.native.find(options.backend);
    if (impl == task.native.end())
        throw Error(task.definitionFile.string() + ": kforge.native has no '" + backend + "' entry, so " + task.name +
                    " cannot run on " + backend);
    const auto workloads = task.workloadsFor(options.backend);
    if (workloads.empty()) throw Error(task.workloadsFile.string() + ": no workload runs on " + backend);

    RunnerClient& runnerClient = runner(options.backend);
    std::string why;
    if (!runnerClient.available(why)) throw Error("no " + backend + " device: " + why);
    report.device = runnerClient.facts();

    const uint64_t memory = deviceMemoryBytes(report.device);
    for (const Workload* w : workloads) {
        const double need = static_cast<double>(task.totalTensorBytes(*w));
        if (memory > 0 && need > 0.9 * static_cast<double>(memory))
            throw Error(task.workloadsFile.string() + ":" + std::to_string(w->line) + ": workload " + w->uuid + " needs " +
                        gib(need) + " for its tensors, but " + report.device.value("name", backend) + " has " +
                        gib(static_cast<double>(memory)));
    }

    // The candidate's own @tune declarations give its default configuration.
    if (!std::filesystem::is_regular_file(candidate)) throw Error(candidate.string() + ": cannot read the candidate source");
    try {
        const TuneSpace space = parseTuneSpaceFile(candidate);
        report.config = withOverrides(space, options.defines);
        if (const auto broken = space.violation(report.config); !broken.empty()) {
            report.status = Status::InvalidConfig;
            report.message = "configuration " + describeConfig(report.config) + " breaks @constraint " + broken;
            return report;
        }
    } catch (const Error& e) {
        report.status = Status::InvalidConfig;
        report.message = e.what();
        return report;
    }

    const std::string arch = archFor(options.backend);
    const Toolchain& tc = toolchain(options.backend);
    auto request = [&](const std::filesystem::path& src, TuneConfig defines) {
        return CompileRequest{src, std::move(defines), impl->second.libraries, arch};
    };
    // Task sources compile with their own @tune defaults, like any candidate.
    auto defaultsOf = [](const std::filesystem::path& p) { return parseTuneSpaceFile(p).defaults(); };
    const bool hasBaseline = !impl->second.baseline.empty();
    const auto baselineSource = hasBaseline ? impl->second.baseline : impl->second.reference;
    report.baselineName = hasBaseline ? "baseline" : "reference";
    auto refFuture = pool_->submit(tc, request(impl->second.reference, defaultsOf(impl->second.reference)));
    auto baseFuture = pool_->submit(tc, request(baselineSource, defaultsOf(baselineSource)));
    auto candFuture = pool_->submit(tc, request(candidate, report.config));
    const CompileResult ref = refFuture.get();
    const CompileResult base = baseFuture.get();
    report.compile = candFuture.get();
    if (!ref.ok) throw Error(impl->second.reference.string() + ": the task's reference does not compile: " + ref.firstError());
    if (!base.ok) throw Error(baselineSource.string() + ": the task's " + report.baselineName + " does not compile: " + base.firstError());
    if (!report.compile.ok) {
        report.status = Status::CompileError;
        report.message = report.compile.firstError();
        report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        return report;
    }

    std::optional<Measured> baseline;
    if (options.compareBaseline) {
        baseline = measure(task, workloads, base.library.string(), ref.library.string(), report.baselineName, options);
        if (baseline->result.status != Status::Passed)
            throw Error("the task's " + report.baselineName + " failed on this device (" +
                        std::string(statusName(baseline->result.status)) + "): " + baseline->result.message);
    }
    const Measured cand = measure(task, workloads, report.compile.library.string(), ref.library.string(), "candidate", options);
    report.status = cand.result.status;
    report.message = cand.result.message;

    // A result faster than physics allows is a measurement problem until shown
    // otherwise: before flagging one, measure the ceilings again (a busy machine
    // measures them low) and judge against the higher figures.
    auto belowFloor = [&] {
        for (const Workload* w : workloads)
            for (const auto& o : cand.result.workloads) {
                if (o.uuid != w->uuid || o.samplesMs.empty()) continue;
                const auto floor = physicsFloor(task, *w, report.device);
                if (floor && summarize(o.samplesMs).median < kSuspiciousFraction * floor->ms()) return true;
            }
        return false;
    };
    if (belowFloor()) {
        runnerClient.remeasure(options.stepTimeout);
        report.device = runnerClient.facts();
    }

    double logSum = 0;
    int passed = 0;
    for (const Workload* w : workloads) {
        WorkloadReport wr;
        wr.uuid = w->uuid;
        wr.axes = task.axisValues(*w);
        wr.bytes = task.bytesMoved(*w);
        wr.flops = task.flopCount(*w);
        wr.floor = physicsFloor(task, *w, report.device);
        for (const auto& o : cand.result.workloads)
            if (o.uuid == w->uuid) {
                wr.status = o.status;
                wr.message = o.message;
                wr.verify = o.verify;
                wr.samplesMs = o.samplesMs;
            }
        if (baseline)
            for (const auto& o : baseline->result.workloads)
                if (o.uuid == w->uuid && !o.samplesMs.empty()) wr.baseline = summarize(o.samplesMs);
        if (wr.status == Status::Passed && !wr.samplesMs.empty()) {
            wr.timing = summarize(wr.samplesMs);
            const double seconds = wr.timing.median * 1e-3;
            if (wr.bytes) wr.achievedGbps = *wr.bytes / seconds / 1e9;
            if (wr.flops) wr.achievedTflops = *wr.flops / seconds / 1e12;
            if (wr.floor && wr.floor->ms() > 0) {
                wr.fractionOfFloor = wr.floor->ms() / wr.timing.median;
                if (wr.timing.median < kSuspiciousFraction * wr.floor->ms()) {
                    wr.status = Status::SuspiciousSpeed;
                    char buf[256];
                    std::snprintf(buf, sizeof buf,
                                  "median %.4g ms is below %.0f%% of the physical floor %.4g ms (%s-bound): not accepted",
                                  wr.timing.median, kSuspiciousFraction * 100, wr.floor->ms(),
                                  wr.floor->computeBound() ? "compute" : "memory");
                    wr.message = buf;
                    if (report.status == Status::Passed) {
                        report.status = Status::SuspiciousSpeed;
                        report.message = wr.uuid + ": " + wr.message;
                    }
                }
            }
            if (wr.baseline && wr.timing.median > 0) {
                wr.speedup = wr.baseline->median / wr.timing.median;
                logSum += std::log(wr.speedup);
                ++passed;
            }
        }
        report.workloads.push_back(std::move(wr));
    }
    if (report.status == Status::Passed && passed > 0) report.speedupGeomean = std::exp(logSum / passed);
    report.runnerRestarts = runnerClient.restarts();
    report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return report;
}

Task resolveTask(const std::string& nameOrPath, const AppPaths& paths) {
    std::error_code ec;
    if (std::filesystem::exists(nameOrPath, ec)) return loadTask(nameOrPath);
    const auto builtin = paths.tasksDirectory() / nameOrPath;
    if (nameOrPath.find('/') == std::string::npos && std::filesystem::is_directory(builtin, ec)) return loadTask(builtin);
    throw Error("unknown task '" + nameOrPath + "': neither a built-in task (see `kforge tasks`) nor an existing path");
}

std::vector<std::string> builtinTaskNames(const AppPaths& paths) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(paths.tasksDirectory(), ec))
        if (e.is_directory() && std::filesystem::exists(e.path() / "definition.json")) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace kforge
