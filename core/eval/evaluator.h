#pragma once
// From a task and a candidate source to a verdict and a timing: compile the
// reference, the baseline and the candidate in parallel, then let the runner
// verify and time baseline and candidate under the same conditions.
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "model/baselines.h"
#include "util/device_lock.h"
#include "eval/device_facts.h"
#include "eval/input_staging.h"
#include "model/eval_report.h"
#include "eval/paths.h"
#include "eval/runner_client.h"
#include "profile/ncu.h"
#include "profile/profile.h"
#include "runner/protocol.h"
#include "sandbox/sandbox.h"
#include "task/task.h"
#include "toolchain/compile_pool.h"
#include "torchref/torch_python.h"
#include "torchref/torch_run.h"
#include "util/stats.h"

namespace kforge {

struct EvalOptions {
    Backend backend = Backend::Cpu;
    int seeds = 3;
    TimingSpec timing;
    std::chrono::milliseconds stepTimeout{60000};
    TuneConfig defines;         // overrides of the candidate's @tune defaults
    bool compareBaseline = true;
    // PyTorch baselines measured beside the candidate (empty: none, and no Python is started).
    std::vector<std::string> torchBaselines{"eager", "compile", "vendor"};
    std::string python;                  // an interpreter to try before python3 (see findTorchPython)
    std::string compileMode = "default";  // torch.compile mode: "default" or "max-autotune-no-cudagraphs"
    std::chrono::milliseconds compileTimeout{std::chrono::minutes(15)};
    // Whose outputs verify candidates: "auto" (the native reference when the
    // task has one for the backend, else PyTorch's), "native" or "torch".
    std::string judge = "auto";
};

// A task made ready for candidates on one backend: its workloads checked
// against the device, its reference and baseline compiled. A session prepares
// once and then evaluates hundreds of candidates against it.
struct PreparedTask {
    const Task* task = nullptr;
    Backend backend = Backend::Cpu;
    std::vector<const Workload*> workloads;
    DeviceFacts device;
    std::string arch;
    std::vector<std::string> libraries;
    CompileResult reference;
    CompileResult baseline;
    std::string baselineName;  // "baseline", or "reference" when the task has none
    std::filesystem::path baselineSource;
    std::shared_ptr<const TorchRun> torch;  // set by Evaluator::measureTorch
};

class Evaluator {
public:
    explicit Evaluator(AppPaths paths);
    ~Evaluator();

    // Throws kforge::Error for input errors (no device, a broken task, a workload
    // that does not fit); a bad candidate is a verdict in the report, never a throw.
    EvalReport evaluate(const Task& task, const std::filesystem::path& candidate, const EvalOptions& options);

    // The stages of evaluate(), for callers that pipeline them (a session
    // compiles the next candidates while the device times this one).
    // prepare throws kforge::Error for input errors, like evaluate.
    PreparedTask prepare(const Task& task, Backend backend);
    // Resolves the candidate's configuration (its @tune defaults under
    // `defines`) into report.config; false with report.status INVALID_CONFIG
    // when it breaks a constraint or the declarations do not parse.
    bool resolveConfig(const std::filesystem::path& candidate, const TuneConfig& defines, EvalReport& report) const;
    // Compiles on the pool; `done` runs on a pool thread.
    void compileAsync(const PreparedTask& prepared, const std::filesystem::path& candidate, const TuneConfig& config,
                      std::function<void(CompileResult)> done, std::shared_ptr<const std::atomic<bool>> cancelled = nullptr);
    // compileAsync, waited for.
    CompileResult compile(const PreparedTask& prepared, const std::filesystem::path& candidate, const TuneConfig& config);
    // Runs the task's PyTorch reference in a child process on the runner's inputs
    // and times the PyTorch baselines (options.torchBaselines); keeps the
    // reference's outputs when they judge. Sets prepared.torch. Throws
    // kforge::Error only when the PyTorch reference must judge and cannot;
    // otherwise a missing PyTorch is a message in the summary.
    void measureTorch(PreparedTask& prepared, const EvalOptions& options);
    // Times the baseline on every workload on runner `runnerIndex` (throws
    // kforge::Error when it fails); for a task without a native reference,
    // that is PyTorch eager, measured on this machine's device (runner 0) only.
    BaselineTimes measureBaseline(const PreparedTask& prepared, const EvalOptions& options, size_t runnerIndex = 0);
    // Why runner `runnerIndex` (started) cannot run what `prepared` compiles,
    // or nothing: a GPU of another architecture than the compiles target, a
    // CPU of another model than the host compiler tuned for (-march=native).
    Phrase cannotRunBinaries(const PreparedTask& prepared, size_t runnerIndex);
    // Verifies and times a compiled candidate (report.compile.ok) on runner
    // `runnerIndex` and fills the report's verdict, workloads and speedups
    // against `baseline` (measured on that runner's device model; PyTorch's
    // baselines are attached only when it is prepared.device's). RunnerLost
    // when that runner went away under the candidate or cannot start (a
    // dropped connection, a killed or preempted runner): the report then says
    // so, but a caller with other runners measures the candidate again there
    // rather than believe it failed.
    enum class Measurement { Done, RunnerLost };
    Measurement measureCandidate(const PreparedTask& prepared, const BaselineTimes& baseline, const EvalOptions& options,
                                 EvalReport& report, size_t runnerIndex = 0);

    // Profiles a candidate (one that passed): compiles it (a cache hit once
    // measured) and runs it once under Nsight Compute on one workload, by uuid
    // or, when empty, the one with the most tensor bytes. Never throws for the
    // candidate or the tool: the profile's error says why there are no numbers.
    NodeProfile profile(const PreparedTask& prepared, const std::filesystem::path& candidate, const TuneConfig& config,
                        const std::string& workload = {});

    // "cpu", "cuda", "hip", or "auto": the first backend in order of preference
    // (backends(): CUDA, HIP, the CPU) whose runner finds a device.
    Backend pickBackend(const std::string& requested);
    // What pickBackend accepts: "auto", then every backend's name.
    static std::vector<std::string> backendChoices();

    // The runners a session spreads its candidates over (runner_endpoint.h);
    // by default one, this machine's device 0 of each backend. Call before
    // the first runner is used.
    void setRunners(std::vector<RunnerEndpoint> endpoints);
    size_t runnerCount() const { return endpoints_.empty() ? 1 : endpoints_.size(); }
    // Starts runner `index` if it is not running, holding its device's lock:
    // a runner's hello measures the device, which must not overlap another
    // runner's measurement there. False with `why` when it cannot start.
    bool startRunner(Backend backend, size_t index, Phrase& why);
    // Runner `index` for `backend` (index 0 prepares tasks and measures baselines).
    RunnerClient& runner(Backend backend, size_t index = 0);
    const Toolchain& toolchain(Backend backend);
    CompilePool& pool() { return *pool_; }
    const AppPaths& paths() const { return paths_; }
    const CompileCache& cache() const { return *cache_; }
    // Where candidates compile and run (KFORGE_NO_SANDBOX at construction turns it off).
    const Sandbox& sandbox() const { return *sandbox_; }
    // The one directory the runners may write (in the sandbox as outside).
    const std::filesystem::path& runnerScratch() const { return runnerScratch_->path(); }
    // The arch to compile for on this backend: the attached device's, else the toolchain default.
    std::string archFor(Backend backend);

private:
    DeviceLock& deviceLock(Backend backend, size_t index = 0);
    struct Measured {
        EvaluateResult result;
        RunnerClient::Reply::Kind kind;
        bool runnerLost = false;
    };
    Measured measure(const Task& task, const std::vector<const Workload*>& workloads, const std::string& library,
                     const std::string& reference, const std::string& role, const EvalOptions& options,
                     const std::string& expectedDir = {}, size_t runnerIndex = 0);

    AppPaths paths_;
    std::shared_ptr<const Sandbox> sandbox_;
    // The one directory a sandboxed runner may write (write-inputs) and the
    // PyTorch child's outputs live under: it must exist when the runner starts.
    std::shared_ptr<ScratchDir> runnerScratch_;
    std::unique_ptr<InputStaging> staging_;  // recorded inputs, read-only to the runner
    std::unique_ptr<CompileCache> cache_;
    std::unique_ptr<CompilePool> pool_;
    std::mutex mutex_;  // guards the lazily built toolchains and runners
    std::map<Backend, std::unique_ptr<Toolchain>> toolchains_;
    std::vector<RunnerEndpoint> endpoints_;  // empty: the backend's local device 0
    std::map<std::pair<Backend, size_t>, std::unique_ptr<RunnerClient>> runners_;
    // One measurement at a time per device (by its runner's name, "cuda:0",
    // "ssh://box (cuda:1)"), whichever session, runner or process asks: two
    // runners on one device take turns, so timings never overlap
    // (util/device_lock.h).
    std::map<std::string, DeviceLock> deviceLocks_;
    std::shared_mutex cpuGate_;  // compiles share it; a CPU measurement takes it alone
    // Nsight Compute, looked for once (guarded by mutex_).
    bool ncuLooked_ = false;
    std::optional<NcuTool> ncu_;
    std::string ncuWhy_;
    // The interpreter with PyTorch, looked for once (guarded by mutex_).
    bool pythonLooked_ = false;
    std::optional<TorchPython> python_;
    std::string pythonWhy_;
};

// The task at that path, else the built-in task of that name.
Task resolveTask(const std::string& nameOrPath, const AppPaths& paths);
// When resolveTask would take a directory that has a built-in task's name (a
// "gemm_bf16" in the current directory), the sentence that tells the user so;
// else empty. They may well have meant the built-in.
std::string shadowedBuiltinNotice(const std::string& nameOrPath, const AppPaths& paths);
std::vector<std::string> builtinTaskNames(const AppPaths& paths);

}  // namespace kforge
