#pragma once
// Runs an optimization session: selects a node, asks a generator for a child,
// compiles children on the pool while the device measures the previous ones,
// and writes every step to the store as it happens.
//
//   engine thread:  select -> propose -> store (pending) -> compile pool
//   pool threads:   compile -> compiled queue
//   measure threads, one per runner endpoint (Evaluator::setRunners):
//                   compiled queue -> its runner (one measurement at a time) -> measured queue
//                   (a lost runner puts its candidate back at the queue's front
//                   for the others, and its thread ends)
//   engine thread:  measured queue -> fitness -> store (done) -> observer
//
// Back-pressure: at most maxInFlight nodes are between "proposed" and
// "measured", so the search never runs ahead of what it has learned by more
// than the pipeline needs to keep the device busy.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "eval/evaluator.h"
#include "llm/chat.h"
#include "store/agent_records.h"
#include "session/device_usage.h"
#include "session/generator.h"
#include "session/generator_registry.h"
#include "session/selection.h"
#include "session/stop_conditions.h"
#include "model/session_config.h"
#include "store/store.h"
#include "util/phrase.h"

namespace kforge {

class SessionTuningCache;

// One runner endpoint as this run uses it: the GUI shows each (a pool of
// GPUs, a remote host, a Slurm allocation) so that a lost one is seen.
struct RunnerProgress {
    // Busy: it took a candidate, which it measures or waits its turn on the
    // device for (runners of one device take turns).
    enum class State { Starting, Idle, Busy, Unusable };
    std::string name;  // "cuda:0", "ssh://box (cuda:1)"
    State state = State::Starting;
    std::optional<int64_t> node;  // Busy: the candidate it took
    int measured = 0;             // candidates measured this run
    int lost = 0;                 // times it went away under a candidate this run
    Phrase why;                   // Unusable: why; otherwise its last loss, if any
    bool operator==(const RunnerProgress&) const = default;
};

// "starting", "idle", "busy", "unusable": the name scripts read.
const char* runnerStateName(RunnerProgress::State state);

struct SessionProgress {
    int64_t sessionId = 0;
    int evaluations = 0;            // done, over the whole session
    std::optional<int> budget;
    int inFlight = 0;
    std::optional<int64_t> bestNode;
    double bestSpeedup = 0;
    double evaluationsPerMinute = 0;  // this run
    std::optional<double> etaSeconds;
    double activeSeconds = 0;       // the whole session's
    bool paused = false;
    int generating = 0;             // answers awaited from the LLM agent
    LlmUsageTotals llm;             // the whole session's
    std::map<Status, int> counts;
    std::vector<RunnerProgress> runners;  // in the order of the session's endpoints
};

// Where the wall time of a run went; the throughput benchmark reads it.
struct EngineStats {
    double wallSeconds = 0;
    double deviceBusySeconds = 0;        // the runner measuring
    double idleWhilePendingSeconds = 0;  // the device idle while proposed work waited (compiling)
    int evaluations = 0;                 // this run
    int compiled = 0;                    // compiles this run (cache hits included)
    // The runners' windows on their devices this run (session/device_usage.h).
    std::vector<DeviceMeasurement> deviceWindows;
};

// Called on the engine's thread; a GUI turns these into queued signals.
class SessionObserver {
public:
    virtual ~SessionObserver() = default;
    virtual void nodeChanged(const Node&) {}
    virtual void progress(const SessionProgress&) {}
    // Something the user should know (a resumed run, a lost runner, the
    // tuning cache); in English for a terminal, translatable for the GUI.
    virtual void message(const Phrase&) {}
    // An exchange with a model ended and was stored (engine thread).
    virtual void exchange(const LlmExchange&) {}
    // A model's answer as it streams in, for the node `parent` it is about.
    // Called on the agent's worker threads, not the engine's.
    virtual void llmText(int64_t /*parent*/, const ChatStreamEvent&) {}
};

class SessionEngine {
public:
    // `generators` builds the generators session configs name
    // (builtinGenerators() in core/agent/builtin_generators.h); it outlives the engine.
    SessionEngine(Evaluator& evaluator, Store& store, const GeneratorRegistry& generators);
    ~SessionEngine();
    SessionEngine(const SessionEngine&) = delete;
    SessionEngine& operator=(const SessionEngine&) = delete;

    // A new session: prepares the task, measures the baseline once and stores
    // the root (the task's template, or `root` when given) as a pending node.
    // Throws kforge::Error for bad input (an unknown generator, no device, a
    // baseline that fails). The task must outlive the engine.
    int64_t create(const Task& task, const std::string& taskRef, const SessionConfig& config, const std::string& name = {},
                   const std::optional<std::filesystem::path>& root = std::nullopt);
    // A stored session, to run again. Refuses when its task's files changed or
    // the device is another one than it was measured on.
    void open(int64_t sessionId, const Task& task);
    void setStopConditions(const StopConditions& stop);

    // Profiles a measured node with Nsight Compute on one workload (uuid; empty:
    // the one with the most tensor bytes) and keeps the profile with the node.
    // Not while run() is running. Throws kforge::Error for an unknown node or
    // one that did not pass; a profiler that cannot run is in the profile's error.
    NodeProfile profileNode(int64_t nodeId, const std::string& workload = {});

    // Measures a passed node again for longer (kRemeasureBudgetFactor times the
    // session's timing budget, up to kRemeasureAttempts timing runs), on fresh
    // inputs and with every check, as the answer to a noisy median. The node
    // takes the new evaluation, also when it now fails (a kernel that passes
    // only sometimes is broken), and the session's best is chosen again.
    // Returns the node as it was. Not while run() is running. Throws
    // kforge::Error for an unknown node or one that did not pass.
    static constexpr double kRemeasureBudgetFactor = 4;
    static constexpr int kRemeasureAttempts = 5;
    Node remeasureNode(int64_t nodeId);

    // Queues a source the engineer wrote as a child of `parent` (the best node
    // when nullopt), compiled with `config` (the source's @tune defaults when
    // nullopt: an edit of a tuned node keeps that node's values by passing
    // them). Throws when the parent is unknown or the tree has it already.
    // Engine thread only: call it before run().
    void addManual(std::optional<int64_t> parent, const std::string& source, const std::string& extension,
                   const std::string& note = {}, const std::optional<TuneConfig>& config = std::nullopt);

    enum class Mode { Search, ManualOnly };
    // Runs until a stop condition holds, nothing is left to try, or cancel().
    SessionRecord run(SessionObserver* observer = nullptr, Mode mode = Mode::Search);
    // Thread-safe, from anywhere, at any moment.
    void pause();
    void resume();
    void cancel();

    const SessionTree& tree() const { return tree_; }
    const SessionRecord& record() const { return record_; }
    EngineStats stats() const;
    // Each runner of the last (or current) run, as progress reports them.
    std::vector<RunnerProgress> runners() const;

private:
    struct Work {
        int64_t id = 0;
        EvalReport report;
        int lostRunners = 0;  // runners that went away under it
    };
    void setUp(const Task& task, bool deferAgentErrors = false);
    // At create: falls back from "vs best" to the native baseline when PyTorch
    // baselines are missing, and keeps the reason for the first run's observer.
    void chooseSpeedupBasis();
    // At open: the PyTorch baselines measured at create stand for the session.
    void useStoredTorchBaselines();
    // Stores `profile` with node `nodeId` (tree and workspace) and tells `observer`.
    void keepProfile(int64_t nodeId, const NodeProfile& profile, SessionObserver* observer);
    std::filesystem::path sourceFile(const Node& node) const;
    void addNode(Node node, const std::string& sourceText);
    bool fill(Mode mode);
    enum class Next { Proposed, Started, Nothing };
    // A synchronous proposal in `out`, or asynchronous work started, or nothing.
    Next nextProposal(Proposal& out);
    int agentsBusy() const;
    void adopt(GeneratedChild child, SessionObserver* observer);
    void stopAgents(SessionObserver* observer);
    void remember(const Node& node);
    void poke();
    void startEvaluation(const Node& node);
    void finish(Work work);
    void measureLoop(size_t runnerIndex);
    // The native baseline on a runner's device model other than the session's:
    // the one measured before, or measured now; nothing, with `why`, when its
    // candidates cannot be compared there, or without, when the run is over.
    std::optional<BaselineTimes> baselineOnModel(const DeviceFacts& facts, size_t runnerIndex, const EvalOptions& options,
                                                 Phrase& why);
    void account();  // under mutex_: charge the time since the last change
    SessionProgress progress() const;
    double activeSeconds() const;  // the session's, paused time excluded

    Evaluator& evaluator_;
    Store& store_;
    const GeneratorRegistry& registry_;
    const Task* task_ = nullptr;
    PreparedTask prepared_;
    SessionRecord record_;
    SessionTree tree_;
    std::map<std::string, double> weights_;
    std::vector<std::unique_ptr<Generator>> generators_;
    std::vector<Generator*> agents_;  // the asynchronous ones among generators_
    std::unique_ptr<AgentRecords> records_;
    LlmUsageTotals llmUsage_;
    std::atomic<SessionObserver*> observer_{nullptr};
    std::unique_ptr<SelectionPolicy> selection_;
    std::unique_ptr<SessionTuningCache> tuning_;  // set when the config uses the tuning cache
    size_t nextGenerator_ = 0;
    std::deque<Proposal> manual_;
    int sinceImprovement_ = 0;
    bool resumed_ = false;
    Phrase basisNote_;       // why fitness is not vs best, told to the first run's observer
    // Why the stored session's agent cannot run here (its key is missing): opening
    // it for `kforge add`, `kforge profile` or the GUI still works; run() refuses.
    Phrase agentUnavailable_;
    std::filesystem::path sourcesDir_;

    // Shared with the pool and measure threads.
    mutable std::mutex mutex_;
    std::condition_variable wake_;         // the engine thread waits on it
    std::condition_variable measureWake_;  // the measure thread waits on it
    std::deque<Work> compiled_, toMeasure_, measured_;
    int compiling_ = 0;
    int measuring_ = 0;      // runners measuring now
    int liveRunners_ = 0;    // measure threads whose runner is not lost
    size_t lastLost_ = 0;    // the runner lost last (its runnerStates_ entry says why)
    std::vector<RunnerProgress> runnerStates_;  // one per measure thread
    std::vector<Phrase> lostNotes_;  // for the observer: work measured again after a lost runner
    DeviceBaselines deviceBaselines_;  // record_.deviceBaselines and those measured this run
    std::mutex baselineMutex_;         // held while a runner measures its model's baseline
    bool stopMeasuring_ = false;
    bool paused_ = false;
    bool cancelled_ = false;
    bool poked_ = false;
    std::shared_ptr<std::atomic<bool>> cancelCompiles_;
    EngineStats stats_;
    std::chrono::steady_clock::time_point lastAccount_;
    std::chrono::steady_clock::time_point runStart_;
    double activeAtStart_ = 0;
    double pausedSeconds_ = 0;
    int evaluationsAtStart_ = 0;
};

// SHA-256 of a task's definition and workloads files as they are now.
std::string taskFilesHash(const Task& task, std::string* definition = nullptr, std::string* workloads = nullptr);

}  // namespace kforge
