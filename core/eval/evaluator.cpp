#include "eval/evaluator.h"

#include <algorithm>
#include <cmath>
#include <future>

#include "torchref/torch_child.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/text.h"

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
    s.shape = t.shape;
    s.dtype = t.dtype;
    s.distribution = t.distribution;
    if (output) s.tolerance = task.toleranceFor(t);
    return s;
}

// SUSPICIOUS_SPEED explained: the median, the share of the floor it is below, and what bounds the floor.
Phrase belowFloorPhrase(double medianMs, double suspicious, const Floor& floor) {
    const std::string share = formatNumber("%.0f", suspicious * 100);
    if (floor.computeBound())
        return phrase(QT_TRANSLATE_NOOP("Phrase", "median %1 ms is below %2% of the physical floor %3 ms (compute-bound at %4 TFLOP/s): "
                                                  "not accepted"),
                      formatNumber("%.4g", medianMs), share, formatNumber("%.4g", floor.ms()), formatNumber("%.4g", floor.peakTflops));
    return phrase(QT_TRANSLATE_NOOP("Phrase", "median %1 ms is below %2% of the physical floor %3 ms (memory-bound at %4 GB/s, %5): "
                                              "not accepted"),
                  formatNumber("%.4g", medianMs), share, formatNumber("%.4g", floor.ms()), formatNumber("%.4g", floor.bandwidthGbps),
                  floor.cacheResident ? phrase(QT_TRANSLATE_NOOP("Phrase", "the last-level cache's, the bytes fit in it"))
                                      : phrase(QT_TRANSLATE_NOOP("Phrase", "DRAM copy")));
}

}  // namespace

Evaluator::Evaluator(AppPaths paths)
    : paths_(std::move(paths)),
      sandbox_(std::make_shared<Sandbox>(SandboxSettings::fromEnvironment())),
      runnerScratch_(std::make_shared<ScratchDir>("kforge-runner-")),
      staging_(std::make_unique<InputStaging>()) {
    cache_ = std::make_unique<CompileCache>(CompileCache::defaultDirectory());
    cache_->setSandbox(sandbox_);
    pool_ = std::make_unique<CompilePool>(*cache_);
}

Evaluator::~Evaluator() = default;

void Evaluator::setRunners(std::vector<RunnerEndpoint> endpoints) {
    std::lock_guard lock(mutex_);
    if (!runners_.empty()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the runners are chosen before the first one starts")));
    endpoints_ = std::move(endpoints);
}

RunnerClient& Evaluator::runner(Backend backend, size_t index) {
    std::lock_guard lock(mutex_);
    if (index >= std::max<size_t>(1, endpoints_.size())) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no runner %1"), index));
    auto& r = runners_[{backend, index}];
    if (!r) {
        // The runner reads compiled candidates from the cache and recorded
        // inputs from the staging directory (input_staging.h says why), and
        // writes inputs for PyTorch into its scratch directory; it sees
        // nothing else of ours.
        SandboxJob job;
        job.readOnly = {cache_->directory(), staging_->directory()};
        job.writable = {runnerScratch_->path()};
        // Threads count as processes: one per core for verification and for an
        // OpenMP candidate, the CUDA runtime's own, with room to spare.
        job.limits.processes = 4096;
        RunnerEndpoint endpoint;
        if (endpoints_.empty())
            endpoint.device = DeviceSlot{backend, 0};
        else
            endpoint = endpoints_[index];
        r = std::make_unique<RunnerClient>(paths_.runner, std::move(endpoint), backend, sandbox_, std::move(job));
    }
    return *r;
}

Backend Evaluator::pickBackend(const std::string& requested) {
    if (requested != "auto") {
        const auto b = parseBackend(requested);
        if (!b) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown backend '%1' (cpu, cuda, hip or auto)"), requested));
        return *b;
    }
    // The first in order of preference whose runner finds a device; the last (the CPU) regardless.
    const auto all = backends();
    for (const BackendInfo& info : all.first(all.size() - 1)) {
        Phrase why;
        if (runner(info.backend).available(why)) return info.backend;
    }
    return all.back().backend;
}

std::vector<std::string> Evaluator::backendChoices() {
    std::vector<std::string> choices = backendNames();
    choices.insert(choices.begin(), "auto");
    return choices;
}

DeviceLock& Evaluator::deviceLock(Backend backend, size_t index) {
    // Keyed by the device, not the runner: runners listed twice share it.
    const std::string device = runner(backend, index).name();
    std::lock_guard lock(mutex_);
    return deviceLocks_.try_emplace(device, device).first->second;
}

bool Evaluator::startRunner(Backend backend, size_t index, Phrase& why) {
    std::lock_guard deviceBusy(deviceLock(backend, index));
    return runner(backend, index).available(why);
}

const Toolchain& Evaluator::toolchain(Backend backend) {
    std::lock_guard lock(mutex_);
    auto& t = toolchains_[backend];
    if (!t) t = makeToolchain(backend, ToolchainPaths::fromEnvironment(paths_.abiInclude()));
    return *t;
}

std::string Evaluator::archFor(Backend backend) {
    // The host compiler targets the host (-march=native): no runner needs asking.
    if (!backendInfo(backend).gpu) return toolchain(backend).defaultArch();
    Phrase why;
    RunnerClient& r = runner(backend);
    return r.available(why) ? toolchain(backend).archFor(r.facts()) : toolchain(backend).defaultArch();
}

namespace {

// What the runner is asked to do with a library on these workloads.
EvaluateSpec specFor(const Task& task, const std::vector<const Workload*>& workloads, InputStaging& staging,
                     const std::string& library, const std::string& reference, const std::string& role,
                     const EvalOptions& options, const std::string& expectedDir = {}) {
    EvaluateSpec spec;
    spec.library = library;
    spec.reference = reference;
    spec.expectedDir = expectedDir;
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
            ws.files.push_back(in.kind == WorkloadInput::Kind::Safetensors ? staging.stage(in, t, ws.inputShapes.back())
                                                                              : std::string());
        }
        for (const auto& t : task.outputs) ws.outputShapes.push_back(task.shapeOf(t, *w));
        spec.workloads.push_back(std::move(ws));
    }
    // Seeds 1..n: fresh data per seed (the generator hashes them), the same for baseline and candidate.
    for (int i = 1; i <= options.seeds; ++i) spec.seeds.push_back(static_cast<uint64_t>(i));
    spec.timing = options.timing;
    return spec;
}

}  // namespace

Evaluator::Measured Evaluator::measure(const Task& task, const std::vector<const Workload*>& workloads,
                                       const std::string& library, const std::string& reference, const std::string& role,
                                       const EvalOptions& options, const std::string& expectedDir, size_t runnerIndex) {
    EvaluateSpec spec = specFor(task, workloads, *staging_, library, reference, role, options, expectedDir);
    Measured m;
    RunnerClient& client = runner(options.backend, runnerIndex);
    std::lock_guard deviceBusy(deviceLock(options.backend, runnerIndex));
    // A local CPU measurement has the machine to itself (compiles wait); a
    // runner on another host is that host's.
    std::unique_lock cpuAlone(cpuGate_, std::defer_lock);
    if (!backendInfo(options.backend).gpu && !client.endpoint().remote()) cpuAlone.lock();
    std::string why;
    const int restartsBefore = client.restarts();
    if (!client.ship(spec, why)) {
        m.kind = RunnerClient::Reply::Kind::Failed;
        m.result.status = Status::RuntimeError;
        m.result.message = verbatim(why);
        // Sending failed because the runner went away (it restarts now, or
        // cannot), not because of the files: nothing is known of the candidate.
        Phrase down;
        m.runnerLost = !client.available(down) || client.restarts() != restartsBefore;
        return m;
    }
    const auto reply = client.request({{"cmd", "evaluate"}, {"spec", toJson(spec)}}, options.stepTimeout);
    m.kind = reply.kind;
    m.runnerLost = reply.runnerLost;
    // The runner's progress line is its own (English) step name: shown as it is.
    auto during = [&](const Phrase& what) {
        return reply.lastProgress.empty() ? what : phrase(QT_TRANSLATE_NOOP("Phrase", "%1 during \"%2\""), what, reply.lastProgress);
    };
    switch (reply.kind) {
        case RunnerClient::Reply::Kind::Ok:
            try {
                m.result = evaluateResultFromJson(reply.body.contains("result") ? reply.body.at("result") : Json());
            } catch (const ModelError& e) {
                m.result.status = Status::RuntimeError;
                m.result.message = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner's answer does not read: %1"), e.what());
            }
            break;
        case RunnerClient::Reply::Kind::Failed:
            m.result.status = reply.body.value("fault", false) ? Status::Fault : Status::RuntimeError;
            m.result.message = reply.message;
            break;
        case RunnerClient::Reply::Kind::Timeout:
            m.result.status = Status::Timeout;
            m.result.message = during(reply.message);
            break;
        case RunnerClient::Reply::Kind::Crashed:
            m.result.status = Status::Fault;
            m.result.message = during(reply.message);
            break;
    }
    return m;
}

PreparedTask Evaluator::prepare(const Task& task, Backend backend) {
    PreparedTask p;
    p.task = &task;
    p.backend = backend;
    const std::string name(backendName(backend));
    const auto impl = task.native.find(backend);
    if (impl == task.native.end() && task.referencePython.empty())
        throw Error(located(task.definitionFile.string(),
                            phrase(QT_TRANSLATE_NOOP("Phrase",
                                                     "kforge.native has no '%1' entry and there is no PyTorch reference, "
                                                     "so %2 cannot run on %3"),
                                   name, task.name, name)));
    p.workloads = task.workloadsFor(backend);
    if (p.workloads.empty())
        throw Error(located(task.workloadsFile.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "no workload runs on %1"), name)));

    RunnerClient& runnerClient = runner(backend);
    Phrase why;
    if (!runnerClient.available(why)) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no %1 device: %2"), name, why));
    p.device = runnerClient.facts();

    const uint64_t memory = p.device.memoryBytes;
    for (const Workload* w : p.workloads) {
        const double need = static_cast<double>(task.totalTensorBytes(*w));
        if (memory > 0 && need > 0.9 * static_cast<double>(memory))
            throw Error(
                located(task.workloadsFile.string() + ":" + std::to_string(w->line),
                        phrase(QT_TRANSLATE_NOOP("Phrase", "workload %1 needs %2 for its tensors, but %3 has %4"), w->uuid,
                               gib(need), p.device.name.empty() ? name : p.device.name, gib(static_cast<double>(memory)))));
    }

    p.arch = archFor(backend);
    if (impl == task.native.end()) {
        // Judged by the PyTorch reference and measured against PyTorch eager (measureTorch).
        p.baselineName = "eager";
        p.baselineSource = task.definitionFile;
        return p;
    }
    p.libraries = impl->second.libraries;
    const bool hasBaseline = !impl->second.baseline.empty();
    p.baselineSource = hasBaseline ? impl->second.baseline : impl->second.reference;
    // Also the role the runner names in its messages: words the GUI translates.
    p.baselineName = hasBaseline ? QT_TRANSLATE_NOOP("Phrase", "baseline") : QT_TRANSLATE_NOOP("Phrase", "reference");
    // Task sources compile with their own @tune defaults, like any candidate.
    const Toolchain& tc = toolchain(backend);
    auto compile = [&](const std::filesystem::path& src) {
        return pool_->submit(tc, CompileRequest{src, parseTuneSpaceFile(src).defaults(), p.libraries, p.arch});
    };
    auto refFuture = compile(impl->second.reference);
    auto baseFuture = compile(p.baselineSource);
    p.reference = refFuture.get();
    p.baseline = baseFuture.get();
    if (!p.reference.ok)
        throw Error(located(impl->second.reference.string(),
                            phrase(QT_TRANSLATE_NOOP("Phrase", "the task's %1 does not compile: %2"),
                                   phrase(QT_TRANSLATE_NOOP("Phrase", "reference")), p.reference.firstError())));
    if (!p.baseline.ok)  // baselineName is one of the words marked above ("baseline", "reference")
        throw Error(located(p.baselineSource.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "the task's %1 does not compile: %2"),
                                                              phrase(p.baselineName.c_str()), p.baseline.firstError())));
    return p;
}

bool Evaluator::resolveConfig(const std::filesystem::path& candidate, const TuneConfig& defines, EvalReport& report) const {
    if (!std::filesystem::is_regular_file(candidate))
        throw Error(located(candidate.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot read the candidate source"))));
    report.sandbox = sandbox_->status().description;  // every candidate's report says how it was contained
    // The candidate's own @tune declarations give its default configuration.
    try {
        const TuneSpace space = parseTuneSpaceFile(candidate);
        report.config = withOverrides(space, defines);
        if (const auto broken = space.violation(report.config); !broken.empty()) {
            report.status = Status::InvalidConfig;
            report.message = phrase(QT_TRANSLATE_NOOP("Phrase", "configuration %1 breaks @constraint %2"), describeConfig(report.config), broken);
            return false;
        }
    } catch (const Error& e) {
        report.status = Status::InvalidConfig;
        report.message = errorPhrase(e);
        return false;
    }
    return true;
}

void Evaluator::compileAsync(const PreparedTask& prepared, const std::filesystem::path& candidate, const TuneConfig& config,
                             std::function<void(CompileResult)> done, std::shared_ptr<const std::atomic<bool>> cancelled) {
    const Toolchain& tc = toolchain(prepared.backend);
    const bool onDevice = !backendInfo(prepared.backend).gpu;
    pool_->post([this, &tc, onDevice, request = CompileRequest{candidate, config, prepared.libraries, prepared.arch},
                 done = std::move(done), cancelled = std::move(cancelled)] {
        if (cancelled && cancelled->load()) {
            CompileResult skipped;
            skipped.log = "cancelled before it started";
            done(std::move(skipped));
            return;
        }
        // On the CPU backend the compiler and the timed kernel share the cores:
        // compiles hold the gate shared, a CPU measurement holds it alone.
        std::shared_lock gate(cpuGate_, std::defer_lock);
        if (onDevice) gate.lock();
        CompileResult r = cache_->compile(tc, request);
        if (gate.owns_lock()) gate.unlock();
        done(std::move(r));
    });
}

CompileResult Evaluator::compile(const PreparedTask& prepared, const std::filesystem::path& candidate, const TuneConfig& config) {
    std::promise<CompileResult> compiled;
    compileAsync(prepared, candidate, config, [&compiled](CompileResult r) { compiled.set_value(std::move(r)); });
    return compiled.get_future().get();
}

void Evaluator::measureTorch(PreparedTask& p, const EvalOptions& options) {
    const Task& task = *p.task;
    auto run = std::make_shared<TorchRun>();
    const bool nativeJudge = task.native.count(p.backend) > 0;
    if (options.judge != "auto" && options.judge != "native" && options.judge != "torch")
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown reference '%1' (auto, native or torch)"), options.judge));
    if (options.judge == "native" && !nativeJudge)
        throw Error(located(
            task.definitionFile.string(),
            phrase(QT_TRANSLATE_NOOP("Phrase", "the task has no native reference for %1"), std::string(backendName(p.backend)))));
    const bool torchJudges = !nativeJudge || options.judge == "torch";
    std::vector<std::string> wanted = options.torchBaselines;
    if (!nativeJudge && std::find(wanted.begin(), wanted.end(), "eager") == wanted.end())
        wanted.insert(wanted.begin(), "eager");  // the baseline of a task without a native one
    if (!task.vendor) wanted.erase(std::remove(wanted.begin(), wanted.end(), "vendor"), wanted.end());  // none to time
    run->summary.judge = torchJudges ? "torch" : "native";
    // Every workload gets a line per baseline wanted, so a report says why one is missing.
    auto unavailable = [&](const Phrase& why) {
        run->summary.error = why.english();
        for (const Workload* w : p.workloads)
            for (const auto& name : wanted) {
                MeasuredBaseline b;
                b.name = name;
                b.message = why;
                run->baselines[w->uuid].push_back(b);
            }
        p.torch = run;
    };
    if (wanted.empty() && !torchJudges) {
        run->summary.error = "PyTorch baselines were not asked for";
        p.torch = run;
        return;
    }
    if (task.referencePython.empty())
        return unavailable(phrase(QT_TRANSLATE_NOOP("Phrase", "the definition has no PyTorch reference")));
    // PyTorch runs here on the inputs the runner writes here: not yet with a
    // runner on another host (its files would land there).
    if (const RunnerClient& first = runner(p.backend); first.endpoint().remote()) {
        const Phrase remote =
            phrase(QT_TRANSLATE_NOOP("Phrase", "PyTorch baselines are not measured with a runner on another host (%1) yet"),
                   first.name());
        if (torchJudges)
            throw Error(located(task.definitionFile.string(),
                                phrase(QT_TRANSLATE_NOOP("Phrase", "the PyTorch reference must judge, but %1"), remote)));
        return unavailable(remote);
    }
    std::optional<TorchPython> python;
    Phrase why;
    {
        std::lock_guard lock(mutex_);
        if (!pythonLooked_) {
            python_ = findTorchPython(options.python, pythonWhy_);
            pythonLooked_ = true;
        }
        python = python_;
        why = verbatim(pythonWhy_);
    }
    if (python && backendInfo(p.backend).gpu && !python->cuda) {
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: torch %2 sees no GPU (a CPU-only build?)"), python->executable,
                     python->torchVersion);
        python.reset();
    }
    if (!python) {
        if (torchJudges)
            throw Error(located(task.definitionFile.string(),
                                phrase(QT_TRANSLATE_NOOP("Phrase", "the PyTorch reference must judge on %1, but %2"),
                                       std::string(backendName(p.backend)), why)));
        return unavailable(why);
    }
    run->summary.python = python->executable;
    run->summary.version = python->torchVersion;

    run->scratch = std::make_shared<ScratchDir>("kforge-torch-", runnerScratch_->path());
    const auto inputsDir = run->scratch->path() / "inputs";
    if (torchJudges) run->expectedDir = run->scratch->path() / "expected";
    EvalOptions inputOptions = options;
    EvaluateSpec spec = specFor(task, p.workloads, *staging_, "", "", "PyTorch reference", inputOptions);
    const uint64_t timedSeed = spec.seeds.empty() ? 1 : spec.seeds.front();
    if (!torchJudges) spec.seeds = {timedSeed};

    std::lock_guard deviceBusy(deviceLock(p.backend));
    std::unique_lock cpuAlone(cpuGate_, std::defer_lock);
    if (!backendInfo(p.backend).gpu) cpuAlone.lock();
    const auto reply = runner(p.backend).request({{"cmd", "write-inputs"}, {"spec", toJson(spec)}, {"dir", inputsDir.string()}},
                                                 options.stepTimeout);
    if (reply.kind != RunnerClient::Reply::Kind::Ok) {
        const Phrase e = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner could not write the inputs: %1"),
                                reply.message.empty() ? verbatim(reply.body.value("error", "")) : reply.message);
        if (torchJudges) throw Error(e);
        return unavailable(e);
    }

    Json request = {{"reference", task.referencePython},
                    {"vendor", task.vendor ? Json{{"name", task.vendor->name}, {"run", task.vendor->python}} : Json(nullptr)},
                    {"device", std::string(backendInfo(p.backend).torchDevice)},
                    {"flush_bytes", p.device.flushBytes},
                    {"timing",
                     {{"warmup_ms", options.timing.warmupMs},
                      {"budget_ms", options.timing.budgetMs},
                      {"min_reps", options.timing.minReps},
                      {"max_reps", options.timing.maxReps}}},
                    {"baselines", wanted},
                    {"compile_mode", options.compileMode},
                    {"seeds", spec.seeds},
                    {"timed_seed", timedSeed},
                    {"inputs_dir", inputsDir.string()},
                    {"expected_dir", torchJudges ? Json(run->expectedDir.string()) : Json(nullptr)}};
    Json inputs = Json::array(), outputs = Json::array(), workloads = Json::array();
    for (const auto& t : task.inputs) inputs.push_back({{"name", t.name}, {"dtype", std::string(dtypeInfo(t.dtype).name)}});
    for (const auto& t : task.outputs) {
        const Tolerance tol = task.toleranceFor(t);
        outputs.push_back({{"name", t.name}, {"dtype", std::string(dtypeInfo(t.dtype).name)}, {"atol", tol.atol}, {"rtol", tol.rtol}});
    }
    for (const auto& w : spec.workloads) {
        Json scalars = Json::array();
        for (const auto& v : w.scalars) scalars.push_back(v ? Json(*v) : Json(nullptr));
        workloads.push_back({{"uuid", w.uuid}, {"input_shapes", w.inputShapes}, {"output_shapes", w.outputShapes}, {"scalars", scalars}});
    }
    request["inputs"] = inputs;
    request["outputs"] = outputs;
    request["workloads"] = workloads;
    TorchChildLimits limits;
    limits.stepTimeout = options.stepTimeout;
    limits.compileTimeout = options.compileTimeout;
    const TorchRunResult r = runTorchChild(*python, paths_.resources / "python", request, run->scratch->path() / "request.json", limits);
    run->summary.used = true;
    run->summary.device = r.device;
    run->summary.restarts = r.restarts;
    run->summary.error = r.error;
    if (!r.torchVersion.empty()) run->summary.version = r.torchVersion;
    for (const Workload* w : p.workloads) {
        auto& list = run->baselines[w->uuid];
        if (const auto it = r.baselines.find(w->uuid); it != r.baselines.end()) list = it->second;
        for (const auto& name : wanted) {  // whatever the child never reached
            bool have = false;
            for (const auto& b : list) have = have || b.name == name;
            if (have) continue;
            MeasuredBaseline b;
            b.name = name;
            b.message = r.error.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "not measured")) : verbatim(r.error);
            list.push_back(b);
        }
        if (torchJudges && !r.outputsWritten.count(w->uuid)) {
            Phrase reason = verbatim(r.error);
            for (const auto& b : list)
                if (b.name == "eager" && b.status != Status::Passed && !b.message.empty()) reason = b.message;
            if (reason.english().empty()) reason = phrase(QT_TRANSLATE_NOOP("Phrase", "it wrote no outputs"));
            throw Error(
                located(task.definitionFile.string(),
                        phrase(QT_TRANSLATE_NOOP("Phrase", "the PyTorch reference failed on workload %1: %2"), w->uuid, reason)));
        }
    }
    p.torch = run;
}

BaselineTimes Evaluator::measureBaseline(const PreparedTask& p, const EvalOptions& options, size_t runnerIndex) {
    if (!p.task->native.count(p.backend)) {
        if (runnerIndex != 0)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the task's baseline is PyTorch eager, which runs on this machine's "
                                                           "device only")));
        if (!p.torch)
            throw Error(phrase(QT_TRANSLATE_NOOP(
                "Phrase", "internal: measureTorch must run before measureBaseline for a task judged by PyTorch")));
        BaselineTimes times;
        for (const auto& [uuid, list] : p.torch->baselines)
            for (const auto& b : list)
                if (b.name == "eager") {
                    if (!b.measured())
                        throw Error(
                            phrase(QT_TRANSLATE_NOOP("Phrase", "the task's PyTorch reference (eager) failed on %1 (%2): %3"),
                                   uuid, std::string(statusName(b.status)), b.message));
                    times[uuid] = b.timing();
                }
        return times;
    }
    const Measured m = measure(*p.task, p.workloads, p.baseline.library.string(), p.reference.library.string(), p.baselineName,
                               options, {}, runnerIndex);
    if (m.result.status != Status::Passed)  // with a native baseline, baselineName is a word prepare() marked
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the task's %1 failed on this device (%2): %3"),
                           phrase(p.baselineName.c_str()), std::string(statusName(m.result.status)), m.result.message));
    BaselineTimes times;
    for (const auto& o : m.result.workloads)
        if (!o.samplesMs.empty()) times[o.uuid] = summarize(o.samplesMs);
    return times;
}

Phrase Evaluator::cannotRunBinaries(const PreparedTask& p, size_t runnerIndex) {
    const DeviceFacts& facts = runner(p.backend, runnerIndex).facts();
    if (backendInfo(p.backend).gpu) {
        const std::string arch = toolchain(p.backend).archFor(facts);
        if (arch != p.arch)
            return phrase(QT_TRANSLATE_NOOP("Phrase", "its %1 needs code for %2, and the session compiles for %3"), facts.name,
                          arch, p.arch);
    } else if (facts.name != p.device.name) {
        return phrase(QT_TRANSLATE_NOOP("Phrase", "its CPU is a %1, and the session compiles for this host's %2 (-march=native)"),
                      facts.name, p.device.name);
    }
    return {};
}

Evaluator::Measurement Evaluator::measureCandidate(const PreparedTask& p, const BaselineTimes& baseline,
                                                   const EvalOptions& options, EvalReport& report, size_t runnerIndex) {
    const auto start = Clock::now();
    const Task& task = *p.task;
    RunnerClient& runnerClient = runner(p.backend, runnerIndex);
    report.runner = runnerClient.name();
    report.task = task.name;
    report.backend = p.backend;
    // The runner's own device: its ceilings judge the floor, its model which
    // baselines compare (runners of several models: SessionRecord::deviceBaselines).
    report.device = runnerIndex == 0 || !runnerClient.facts().known() ? p.device : runnerClient.facts();
    report.deviceModel = deviceModel(report.device);
    const bool torchDevice = report.deviceModel == deviceModel(p.device);
    report.baselineName = p.baselineName;
    report.sandbox = sandbox_->status().description;
    if (const DeviceFacts& facts = runnerClient.facts(); facts.cpu && facts.cpu->cores > 0) report.cpuThreads = facts.cpu->cores;
    const std::string expectedDir = p.torch ? p.torch->expectedDir.string() : std::string();
    const Measured cand = measure(task, p.workloads, report.compile.library.string(), p.reference.library.string(),
                                  QT_TRANSLATE_NOOP("Phrase", "candidate"), options, expectedDir, runnerIndex);
    if (p.torch) report.torch = p.torch->summary;
    report.status = cand.result.status;
    report.message = cand.result.message;
    if (cand.result.finishedAt > 0)
        report.window = DeviceWindow{static_cast<int>(runnerIndex), cand.result.startedAt, cand.result.finishedAt};

    // A result faster than physics allows is a measurement problem until shown
    // otherwise: before flagging one, measure the ceilings again (a busy machine
    // measures them low) and judge against the higher figures.
    auto belowFloor = [&] {
        for (const Workload* w : p.workloads)
            for (const auto& o : cand.result.workloads) {
                if (o.uuid != w->uuid || o.samplesMs.empty()) continue;
                const auto floor = physicsFloor(task, *w, report.device);
                if (floor && summarize(o.samplesMs).median < suspiciousFraction(p.backend) * floor->ms()) return true;
            }
        return false;
    };
    if (belowFloor()) {
        std::lock_guard deviceBusy(deviceLock(p.backend, runnerIndex));
        runnerClient.remeasure(options.stepTimeout);
        report.device = runnerClient.facts();
    }

    double logSum = 0, bestLogSum = 0;
    int passed = 0, againstBest = 0;
    report.workloads.clear();
    for (const Workload* w : p.workloads) {
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
                wr.seconds = o.seconds;
                wr.checks = o.checks;
            }
        if (const auto b = baseline.find(w->uuid); b != baseline.end()) wr.baseline = b->second;
        if (wr.status == Status::Passed && !wr.samplesMs.empty()) {
            wr.timing = summarize(wr.samplesMs);
            const double seconds = wr.timing.median * 1e-3;
            if (wr.bytes) wr.achievedGbps = *wr.bytes / seconds / 1e9;
            if (wr.flops) wr.achievedTflops = *wr.flops / seconds / 1e12;
            if (wr.floor && wr.floor->ms() > 0) {
                wr.fractionOfFloor = wr.floor->ms() / wr.timing.median;
                const double suspicious = suspiciousFraction(report.backend);
                if (wr.timing.median < suspicious * wr.floor->ms()) {
                    wr.status = Status::SuspiciousSpeed;
                    wr.message = belowFloorPhrase(wr.timing.median, suspicious, *wr.floor);
                    if (report.status == Status::Passed) {
                        report.status = Status::SuspiciousSpeed;
                        report.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1: %2"), wr.uuid, wr.message);
                    }
                }
            }
            if (wr.baseline && wr.timing.median > 0) {
                wr.speedup = wr.baseline->median / wr.timing.median;
                logSum += std::log(wr.speedup);
                ++passed;
            }
        }
        if (p.torch && torchDevice)
            if (const auto it = p.torch->baselines.find(w->uuid); it != p.torch->baselines.end()) wr.baselines = it->second;
        const bool timed = (wr.status == Status::Passed || wr.status == Status::SuspiciousSpeed) && wr.timing.median > 0;
        for (auto& b : wr.baselines)
            if (timed && b.measured()) b.speedup = b.timing().median / wr.timing.median;
        if (const MeasuredBaseline* best = bestBaseline(wr.baselines)) {
            wr.bestBaseline = best->name;
            if (wr.status == Status::Passed && timed) {
                wr.speedupVsBest = best->speedup;
                bestLogSum += std::log(wr.speedupVsBest);
                ++againstBest;
            }
        }
        report.workloads.push_back(std::move(wr));
    }
    if (report.status == Status::Passed && passed > 0) report.speedupGeomean = std::exp(logSum / passed);
    if (report.status == Status::Passed && againstBest > 0) report.speedupVsBestGeomean = std::exp(bestLogSum / againstBest);
    report.runnerRestarts = runnerClient.restarts();
    report.seconds += std::chrono::duration<double>(Clock::now() - start).count();
    return cand.runnerLost ? Measurement::RunnerLost : Measurement::Done;
}

EvalReport Evaluator::evaluate(const Task& task, const std::filesystem::path& candidate, const EvalOptions& options) {
    const auto start = Clock::now();
    EvalReport report;
    report.task = task.name;
    report.backend = options.backend;
    report.candidate = candidate;
    PreparedTask prepared = prepare(task, options.backend);
    measureTorch(prepared, options);
    report.device = prepared.device;
    report.baselineName = prepared.baselineName;
    if (!resolveConfig(candidate, options.defines, report)) return report;

    report.compile = compile(prepared, candidate, report.config);
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    if (!report.compile.ok) {
        report.status = Status::CompileError;
        report.message = verbatim(report.compile.firstError());
        report.seconds = elapsed();
        return report;
    }
    const BaselineTimes baseline = options.compareBaseline ? measureBaseline(prepared, options) : BaselineTimes{};
    measureCandidate(prepared, baseline, options, report);
    report.seconds = elapsed();
    return report;
}

NodeProfile Evaluator::profile(const PreparedTask& prepared, const std::filesystem::path& candidate, const TuneConfig& config,
                               const std::string& workload) {
    const Task& task = *prepared.task;
    NodeProfile profile;
    profile.collectedAt = isoNowUtc();
    if (!backendInfo(prepared.backend).profilable) {
        profile.error = "profiling uses Nsight Compute, which needs the CUDA backend (this runs on " +
                        std::string(backendName(prepared.backend)) + ")";
        profile.toolUnavailable = true;
        return profile;
    }
    std::optional<NcuTool> ncu;
    {
        std::lock_guard lock(mutex_);
        if (!ncuLooked_) {
            ncu_ = findNcu(ncuWhy_);
            ncuLooked_ = true;
        }
        ncu = ncu_;
        profile.error = ncu ? "" : ncuWhy_;
    }
    if (!ncu) {
        profile.toolUnavailable = true;
        return profile;
    }
    const Workload* chosen = nullptr;
    for (const Workload* w : prepared.workloads)
        if (workload.empty() ? !chosen || task.totalTensorBytes(*w) > task.totalTensorBytes(*chosen) : w->uuid == workload) chosen = w;
    if (!chosen) {
        profile.error = "the task has no workload " + workload + " on this backend";
        return profile;
    }
    profile.workload = chosen->uuid;
    profile.axes = task.axisValues(*chosen);

    const CompileResult library = compile(prepared, candidate, config);
    if (!library.ok) {
        profile.error = "it does not compile: " + library.firstError();
        return profile;
    }
    EvalOptions options;
    options.backend = prepared.backend;
    options.seeds = 1;
    NcuRunRequest request;
    request.runner = paths_.runner;
    request.spec = toJson(specFor(task, {chosen}, *staging_, library.library.string(), prepared.reference.library.string(), "candidate", options));
    // The device is the profiler's alone while it runs: no measurement overlaps it.
    std::lock_guard deviceBusy(deviceLock(prepared.backend));
    NodeProfile measured = runUnderNcu(*ncu, request);
    measured.workload = profile.workload;
    measured.axes = profile.axes;
    return measured;
}

Task resolveTask(const std::string& nameOrPath, const AppPaths& paths) {
    std::error_code ec;
    if (std::filesystem::exists(nameOrPath, ec)) return loadTask(nameOrPath);
    const auto builtin = paths.tasksDirectory() / nameOrPath;
    if (nameOrPath.find('/') == std::string::npos && std::filesystem::is_directory(builtin, ec)) return loadTask(builtin);
    throw Error(phrase(
        QT_TRANSLATE_NOOP("Phrase", "unknown task '%1': neither a built-in task (see `kforge tasks`) nor an existing path"),
        nameOrPath));
}

std::string shadowedBuiltinNotice(const std::string& nameOrPath, const AppPaths& paths) {
    std::error_code ec;
    if (nameOrPath.empty() || nameOrPath.find('/') != std::string::npos || nameOrPath == "." || nameOrPath == "..") return {};
    const auto builtin = paths.tasksDirectory() / nameOrPath;
    if (!std::filesystem::exists(nameOrPath, ec) || !std::filesystem::is_directory(builtin, ec)) return {};
    if (std::filesystem::equivalent(nameOrPath, builtin, ec)) return {};
    return "task '" + nameOrPath + "': using " + std::filesystem::absolute(nameOrPath).string() +
           " in the current directory, not the built-in task of that name (" + builtin.string() +
           "); give the built-in's path to use it";
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
