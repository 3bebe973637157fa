#include "session/engine.h"

#include <algorithm>
#include <utility>

#include "eval/report.h"
#include "session/fitness.h"
#include "session/node_memory.h"
#include "session/session_generators.h"
#include "session/session_tuning_cache.h"
#include "session/tuner_generator.h"
#include "profile/profile.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/sha256.h"
#include "util/text.h"

namespace kforge {

using Clock = std::chrono::steady_clock;

namespace {

// The source's own @tune defaults; empty when it declares none or they do not parse
// (the evaluation then records INVALID_CONFIG with the parser's message).
TuneConfig defaultsOf(const std::string& source) {
    try {
        return parseTuneSpace(source, "source").defaults();
    } catch (const Error&) {
        return {};
    }
}

// What the evaluator is asked, from what the session was asked.
EvalOptions evalOptions(const SessionConfig& config) {
    EvalOptions o;
    o.backend = config.backend;
    o.seeds = config.seeds;
    o.timing = config.timing;
    o.stepTimeout = config.stepTimeout;
    o.torchBaselines = config.torchBaselines;
    o.compileMode = config.compileMode;
    return o;
}

}  // namespace

std::string taskFilesHash(const Task& task, std::string* definition, std::string* workloads) {
    const std::string d = readTextFile(task.definitionFile);
    const std::string w = readTextFile(task.workloadsFile);
    if (definition) *definition = d;
    if (workloads) *workloads = w;
    return sha256Hex(d + std::string(1, '\0') + w);
}

SessionEngine::SessionEngine(Evaluator& evaluator, Store& store, const GeneratorRegistry& generators)
    : evaluator_(evaluator), store_(store), registry_(generators), cancelCompiles_(std::make_shared<std::atomic<bool>>(false)) {
    sourcesDir_ = evaluator.cache().directory() / "sources";
}

SessionEngine::~SessionEngine() {
    // The agent's workers call poke(), which needs this engine's mutex: end them first.
    for (auto* a : agents_) a->cancelAll();
}

void SessionEngine::poke() {
    {
        std::lock_guard lock(mutex_);
        poked_ = true;
    }
    wake_.notify_all();
}

void SessionEngine::setUp(const Task& task, bool deferAgentErrors) {
    task_ = &task;
    agentUnavailable_ = {};
    const SessionConfig& c = record_.config;
    selection_ = makeSelectionPolicy(c.selection, c.exploration, c.beamWidth);
    for (auto* a : agents_) a->cancelAll();
    agents_.clear();
    generators_.clear();
    tuning_.reset();
    records_ = std::make_unique<AgentRecords>(store_.database());
    const GeneratorContext context{
        .task = task,
        .record = record_,
        .records = *records_,
        .knowledgeDirectory = evaluator_.paths().knowledgeDirectory(),
        .openTuningCache = [this]() -> ConfigPriors {
            if (!record_.config.tuningCache) return {};
            if (!tuning_)
                tuning_ = std::make_unique<SessionTuningCache>(
                    record_, [this] { return evaluator_.toolchain(record_.config.backend).version(); },
                    [this](const Phrase& m) {
                        if (auto* o = observer_.load()) o->message(m);
                    });
            return [this](const std::string& hash, const TuneConfig& root) { return tuning_->priors(hash, root); };
        },
        .wake = [this] { poke(); },
        .onStream = [this](int64_t parent, const ChatStreamEvent& e) {
            if (auto* o = observer_.load()) o->llmText(parent, e);
        },
        .profile = [this](const Node& n) { return evaluator_.profile(prepared_, sourceFile(n), n.config); },
    };
    for (const auto& name : c.generators) {
        const GeneratorRegistration& registration = registry_.at(name, "the session's generators");
        std::unique_ptr<Generator> g;
        try {
            g = registration.make(context);
        } catch (const GeneratorUnavailable& e) {
            if (!deferAgentErrors) throw;
            agentUnavailable_ = errorPhrase(e);
            continue;
        }
        if (!g) continue;  // proposes nothing itself (manual edits arrive through addManual())
        if (g->asynchronous()) agents_.push_back(g.get());
        generators_.push_back(std::move(g));
    }
    for (const Workload* w : task.workloadsFor(c.backend)) weights_[w->uuid] = w->weight;
}

int64_t SessionEngine::create(const Task& task, const std::string& taskRef, const SessionConfig& config, const std::string& name,
                              const std::optional<std::filesystem::path>& root) {
    record_ = SessionRecord{};
    record_.config = config;
    record_.task = task.name;
    record_.taskRef = taskRef;
    record_.taskHash = taskFilesHash(task, &record_.taskDefinition, &record_.taskWorkloads);
    setUp(task);

    prepared_ = evaluator_.prepare(task, config.backend);
    record_.device = prepared_.device;
    record_.baselineName = prepared_.baselineName;
    record_.baselineHash = store_.putSource(readTextFile(prepared_.baselineSource));
    evaluator_.measureTorch(prepared_, evalOptions(config));  // PyTorch baselines; the judge of a task without a native reference
    record_.baseline = evaluator_.measureBaseline(prepared_, evalOptions(config));
    if (prepared_.torch) record_.torchBaselines = prepared_.torch->baselines;
    chooseSpeedupBasis();
    record_.name = name.empty() ? task.name + " on " + (record_.device.name.empty() ? std::string(backendName(config.backend)) : record_.device.name) : name;

    const auto implIt = task.native.find(config.backend);
    if (implIt == task.native.end() && !root)
        throw Error(phrase(
            QT_TRANSLATE_NOOP("Phrase", "%1 has no native %2 sources to start from: give the first candidate with --from FILE"),
            task.name, std::string(backendName(config.backend))));
    const NativeImpl impl = implIt == task.native.end() ? NativeImpl{} : implIt->second;
    std::filesystem::path rootPath = root ? *root : (!impl.templ().empty() ? impl.templ() : prepared_.baselineSource);
    const std::string generator = root ? std::string(kManualGenerator) : (!impl.templ().empty() ? "template" : prepared_.baselineName);
    const std::string text = readTextFile(rootPath);  // before the session exists: an unreadable root leaves none
    store_.createSession(record_);

    // A starting node: the source at its own @tune defaults.
    const auto start = [this](int64_t id, std::optional<int64_t> parent, const std::string& madeBy,
                              const std::filesystem::path& path, const std::string& source) {
        Node n;
        n.id = id;
        n.parent = parent;
        n.generator = madeBy;
        n.input.file = path.string();
        n.sourceExtension = path.extension().string();
        n.config = defaultsOf(source);
        addNode(std::move(n), source);
    };
    start(1, std::nullopt, generator, rootPath, text);
    // The task's other templates (kernel shapes of their own, task.h) start
    // beside the first, as its children: the tuner then tunes each in its
    // own space, and each workload may end up served by another.
    if (!root)
        for (size_t i = 1; i < impl.templates.size(); ++i)
            start(static_cast<int64_t>(i) + 1, 1, "template", impl.templates[i].path, readTextFile(impl.templates[i].path));
    return record_.id;
}

void SessionEngine::open(int64_t sessionId, const Task& task) {
    record_ = store_.session(sessionId);
    tree_ = store_.loadTree(sessionId);
    if (taskFilesHash(task) != record_.taskHash)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase",
                                             "the files of task '%1' (%2) changed since session %3 started, so its measurements "
                                             "no longer compare: start a new session"),
                           record_.task, task.definitionFile.parent_path().string(), sessionId));
    setUp(task, /*deferAgentErrors=*/true);
    prepared_ = evaluator_.prepare(task, record_.config.backend);
    const std::string was = record_.device.name, now = prepared_.device.name;
    if (!task.native.count(record_.config.backend)) evaluator_.measureTorch(prepared_, evalOptions(record_.config));  // its judge
    useStoredTorchBaselines();
    if (was != now)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase",
                                             "session %1 was measured on %2, but this machine's %3 device is %4: its baseline "
                                             "does not hold here (inspect it with `kforge show`, or start a new session)"),
                           sessionId, was, std::string(backendName(record_.config.backend)), now));
    resumed_ = true;
    // Evaluations since the best: the plateau condition goes on counting where it stopped.
    const Node* best = tree_.best();
    sinceImprovement_ = 0;
    for (const auto& n : tree_.nodes())
        if (n.state == NodeState::Done && (!best || n.id > best->id)) ++sinceImprovement_;
}

void SessionEngine::chooseSpeedupBasis() {
    basisNote_ = {};
    if (record_.config.speedupAgainst != SpeedupBasis::Best) return;
    std::vector<std::string> uuids;
    for (const Workload* w : prepared_.workloads) uuids.push_back(w->uuid);
    if (everyWorkloadHasBest(record_.torchBaselines, uuids)) return;
    // Fitness vs best on some workloads and vs the native kernel on others
    // would rank candidates by a mixture: the whole session falls back instead.
    record_.config.speedupAgainst = SpeedupBasis::Native;
    const Phrase why = prepared_.torch && !prepared_.torch->summary.error.empty()
                           ? verbatim(prepared_.torch->summary.error)
                           : phrase(QT_TRANSLATE_NOOP("Phrase", "not every workload has a measured PyTorch baseline"));
    // The baseline's name is one of the words the evaluator marked ("baseline", "reference").
    basisNote_ = phrase(QT_TRANSLATE_NOOP("Phrase", "speedups are against the task's %1, not PyTorch: %2"),
                        phrase(record_.baselineName.c_str()), why);
}

void SessionEngine::useStoredTorchBaselines() {
    // New nodes of a resumed session compare with the numbers its first nodes
    // did (the device is the same model: open() refuses another).
    if (record_.torchBaselines.empty()) return;
    auto run = prepared_.torch ? std::make_shared<TorchRun>(*prepared_.torch) : std::make_shared<TorchRun>();
    run->baselines = record_.torchBaselines;
    prepared_.torch = run;
}

NodeProfile SessionEngine::profileNode(int64_t nodeId, const std::string& workload) {
    const Node* known = tree_.find(nodeId);
    if (!known) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 has no node %2"), record_.id, nodeId));
    if (!known->passed())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "node %1 is %2: only a candidate that passed is profiled"), nodeId,
                           std::string(statusName(known->status))));
    NodeProfile profile = evaluator_.profile(prepared_, sourceFile(*known), known->config, workload);
    keepProfile(nodeId, profile, nullptr);
    return profile;
}

Node SessionEngine::remeasureNode(int64_t nodeId) {
    const Node* known = tree_.find(nodeId);
    if (!known) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 has no node %2"), record_.id, nodeId));
    if (!known->passed())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "node %1 is %2: only a candidate that passed is measured again"), nodeId,
                           std::string(statusName(known->status))));
    const Node before = *known;
    EvalOptions options = evalOptions(record_.config);
    options.timing.budgetMs *= kRemeasureBudgetFactor;
    options.timing.maxAttempts = std::max(options.timing.maxAttempts, kRemeasureAttempts);
    Work w;
    w.id = nodeId;
    w.report.task = task_->name;
    w.report.backend = record_.config.backend;
    w.report.candidate = sourceFile(before).string();
    w.report.config = before.config;
    w.report.compile = evaluator_.compile(prepared_, w.report.candidate, before.config);  // a cache hit
    if (w.report.compile.ok) {
        try {
            evaluator_.measureCandidate(prepared_, record_.baseline, options, w.report, 0);
        } catch (const std::exception& e) {
            w.report.status = Status::RuntimeError;
            w.report.message = errorPhrase(e);
        }
    }
    finish(std::move(w));
    // finish() only ever raises the best; this node may have been it and be slower now.
    const Node* best = tree_.best();
    record_.bestNode = best ? std::optional<int64_t>(best->id) : std::nullopt;
    record_.bestSpeedup = best ? best->fitness : 0;
    store_.saveSession(record_);
    return before;
}

void SessionEngine::keepProfile(int64_t nodeId, const NodeProfile& profile, SessionObserver* observer) {
    Node n = tree_.at(nodeId);
    n.profile = profile;
    store_.setNodeProfile(record_.id, n.id, profile);
    tree_.put(n);
    if (observer) observer->nodeChanged(tree_.at(nodeId));
}

void SessionEngine::setStopConditions(const StopConditions& stop) {
    record_.config.stop = stop;
    store_.saveSession(record_);
}

void SessionEngine::addManual(std::optional<int64_t> parent, const std::string& source, const std::string& extension,
                              const std::string& note, const std::optional<TuneConfig>& config) {
    if (!parent) {
        const Node* best = tree_.best();
        parent = best ? best->id : 1;
    }
    tree_.at(*parent);  // an unknown parent fails here, with its number
    Proposal p;
    p.parent = *parent;
    p.generator = kManualGenerator;
    p.input.note = note;
    p.source = source;
    p.extension = extension;
    p.config = config ? *config : defaultsOf(source);
    if (const auto same = tree_.nodeWith(sha256Hex(source), p.config))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "node %1 already has this source and configuration"), *same));
    manual_.push_back(std::move(p));
}

std::filesystem::path SessionEngine::sourceFile(const Node& node) const {
    return sourcesDir_ / (node.sourceHash.substr(0, 24) + node.sourceExtension);
}

void SessionEngine::addNode(Node node, const std::string& sourceText) {
    node.sourceHash = store_.putSource(sourceText);
    node.createdAt = isoNowUtc();
    node.state = NodeState::Pending;
    tree_.putSource(node.sourceHash, sourceText);
    // The compiler reads a file: write it once per content, atomically.
    const auto path = sourceFile(node);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::filesystem::create_directories(sourcesDir_, ec);
        writeTextFileAtomically(path, sourceText);
    }
    store_.insertNode(record_.id, node);
    tree_.put(node);
}

int SessionEngine::agentsBusy() const {
    int n = 0;
    for (const auto* a : agents_) n += a->busy();
    return n;
}

SessionEngine::Next SessionEngine::nextProposal(Proposal& out) {
    if (!manual_.empty()) {
        out = std::move(manual_.front());
        manual_.pop_front();
        return Next::Proposed;
    }
    if (generators_.empty()) return Next::Nothing;
    auto free = [](const Generator& g) { return !g.asynchronous() || g.busy() < g.capacity(); };
    // A synchronous generator's child, unless its source and configuration were tried.
    auto proposeNew = [&](Generator& g, const Node& parent) {
        auto p = g.propose(parent, tree_);
        if (p && tree_.tried(sha256Hex(p->source), p->config)) p.reset();
        return p;
    };
    // A generator's own first choice before the policy picks anew: the agent
    // repairs its broken code, the tuner measures each variant's seeds.
    for (auto& g : generators_) {
        if (!free(*g)) continue;
        const auto p = g->preferredParent(tree_);
        if (!p) continue;
        if (g->asynchronous()) {
            if (g->start(tree_.at(*p), tree_)) return Next::Started;
        } else if (auto proposal = proposeNew(*g, tree_.at(*p))) {
            out = std::move(*proposal);
            return Next::Proposed;
        }
    }
    auto expandable = [&](const Node& n) {
        for (auto& g : generators_)
            if (free(*g) && g->canExpand(n, tree_)) return true;
        return false;
    };
    // A generator may decline a node it said it could expand (its search found
    // nothing new there); try a bounded number of times before calling it done.
    for (int attempt = 0; attempt < 8; ++attempt) {
        const auto parent = selection_->select(tree_, expandable);
        if (!parent) return Next::Nothing;
        const Node& node = tree_.at(*parent);
        for (size_t k = 0; k < generators_.size(); ++k) {
            Generator& g = *generators_[(nextGenerator_ + k) % generators_.size()];
            if (!free(g) || !g.canExpand(node, tree_)) continue;
            if (g.asynchronous()) {
                if (!g.start(node, tree_)) continue;
                nextGenerator_ = (nextGenerator_ + k + 1) % generators_.size();
                return Next::Started;
            }
            if (auto p = proposeNew(g, node)) {
                nextGenerator_ = (nextGenerator_ + k + 1) % generators_.size();
                out = std::move(*p);
                return Next::Proposed;
            }
        }
    }
    return Next::Nothing;
}

void SessionEngine::adopt(GeneratedChild child, SessionObserver* observer) {
    LlmExchange& e = child.exchange;
    e.sessionId = record_.id;
    if (child.parentProfile && tree_.find(e.parentId)) keepProfile(e.parentId, *child.parentProfile, observer);
    if (child.proposal) {
        Proposal& p = *child.proposal;
        // Checked with the configuration the node will have: the store refuses a second
        // node of the same source and configuration.
        if (p.config.empty()) p.config = defaultsOf(p.source);
        if (const auto same = tree_.nodeWith(sha256Hex(p.source), p.config)) {
            e.refusal = "the same source as node " + std::to_string(*same);
        } else {
            Node n;
            n.id = tree_.nextId();
            n.parent = p.parent;
            n.generator = p.generator;
            n.input = p.input;
            n.sourceExtension = p.extension;
            n.config = p.config;
            addNode(n, p.source);
            e.nodeId = n.id;
            startEvaluation(tree_.at(n.id));
            if (observer) observer->nodeChanged(tree_.at(n.id));
        }
    }
    records_->insertExchange(e);
    ++llmUsage_.exchanges;
    llmUsage_.inputTokens += e.inputTokens;
    llmUsage_.outputTokens += e.outputTokens;
    llmUsage_.cost += e.cost;
    if (observer) observer->exchange(e);
}

void SessionEngine::stopAgents(SessionObserver* observer) {
    for (auto* a : agents_) {
        a->cancelAll();
        for (auto& c : a->collect()) adopt(std::move(c), observer);
    }
}

void SessionEngine::startEvaluation(const Node& node) {
    Work w;
    w.id = node.id;
    w.report.task = task_->name;
    w.report.backend = record_.config.backend;
    w.report.candidate = sourceFile(node);
    if (!evaluator_.resolveConfig(w.report.candidate, node.config, w.report)) {
        std::lock_guard lock(mutex_);
        compiled_.push_back(std::move(w));  // INVALID_CONFIG: a verdict without a compile
        wake_.notify_all();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        account();
        ++compiling_;
    }
    const std::filesystem::path file = w.report.candidate;
    const TuneConfig config = w.report.config;
    evaluator_.compileAsync(
        prepared_, file, config,
        [this, w = std::move(w)](CompileResult r) mutable {
            w.report.compile = std::move(r);
            std::lock_guard lock(mutex_);
            account();
            --compiling_;
            ++stats_.compiled;
            compiled_.push_back(std::move(w));
            wake_.notify_all();
        },
        cancelCompiles_);
}

void SessionEngine::account() {
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - lastAccount_).count();
    lastAccount_ = now;
    if (measuring_)
        stats_.deviceBusySeconds += dt;
    else if (compiling_ > 0 || !toMeasure_.empty())
        stats_.idleWhilePendingSeconds += dt;
}

std::optional<BaselineTimes> SessionEngine::baselineOnModel(const DeviceFacts& facts, size_t runnerIndex,
                                                            const EvalOptions& options, Phrase& why) {
    const std::string model = deviceModel(facts);
    // PyTorch's baselines were timed on this machine's device: a speedup over
    // them means nothing for a candidate timed on another model.
    if (record_.config.speedupAgainst == SpeedupBasis::Best) {
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "its device is a %1 and the session's a %2, where the PyTorch baselines its "
                                                 "speedups are over were measured (a session with --speedup-against native "
                                                 "spreads over device models)"),
                     model, deviceModel(prepared_.device));
        return std::nullopt;
    }
    // One measurement per model, also when several of its runners come at once.
    std::lock_guard measuring(baselineMutex_);
    {
        std::lock_guard lock(mutex_);
        if (const DeviceBaseline* known = baselineOn(deviceBaselines_, model)) return known->times;
        if (stopMeasuring_) return std::nullopt;  // the run is over: nothing to compare
    }
    const std::string runnerName = evaluator_.runner(record_.config.backend, runnerIndex).name();
    try {
        DeviceBaseline measured{facts, evaluator_.measureBaseline(prepared_, options, runnerIndex)};
        std::lock_guard lock(mutex_);
        deviceBaselines_.push_back(measured);
        lostNotes_.push_back(phrase(QT_TRANSLATE_NOOP("Phrase", "%1 has a %2, not the session's %3: the task's %4 was measured "
                                                                "there, and its candidates' speedups are over that"),
                                    runnerName, model, deviceModel(prepared_.device), phrase(record_.baselineName.c_str())));
        wake_.notify_all();
        return measured.times;
    } catch (const std::exception& e) {
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "its device is a %1, and the task's %2 could not be measured there: %3"), model,
                     phrase(record_.baselineName.c_str()), errorPhrase(e));
        return std::nullopt;
    }
}

void SessionEngine::measureLoop(size_t runnerIndex) {
    // A candidate whose runner went away this often is measured no more: the
    // runner's death is then most likely its own doing (reported as it came).
    constexpr int kMaxLostRunners = 2;
    const EvalOptions options = evalOptions(record_.config);
    // The baseline its candidates are compared with: the session's, or the
    // one measured on its device model when that is another.
    BaselineTimes baseline = record_.baseline;
    if (runnerIndex > 0) {
        bool stopped = false;
        const Phrase reason = [&] {  // why it is not used; empty when it is
            Phrase why;  // the runner's own reason when it cannot start
            if (!evaluator_.startRunner(record_.config.backend, runnerIndex, why)) return why;
            if (Phrase cannot = evaluator_.cannotRunBinaries(prepared_, runnerIndex); !cannot.empty()) return cannot;
            const DeviceFacts& facts = evaluator_.runner(record_.config.backend, runnerIndex).facts();
            if (deviceModel(facts) != deviceModel(prepared_.device)) {
                auto own = baselineOnModel(facts, runnerIndex, options, why);
                if (!own && why.empty()) stopped = true;
                if (own) baseline = std::move(*own);
            }
            return why;
        }();
        if (stopped) return;  // the run ended while it started: it measures nothing
        if (!reason.empty()) {
            RunnerClient& r = evaluator_.runner(record_.config.backend, runnerIndex);
            std::lock_guard lock(mutex_);
            lostNotes_.push_back(phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is not used: %2"), r.name(), reason));
            lastLost_ = runnerIndex;
            runnerStates_[runnerIndex].state = RunnerProgress::State::Unusable;
            runnerStates_[runnerIndex].why = reason;
            --liveRunners_;
            wake_.notify_all();
            return;
        }
    }
    for (;;) {
        Work w;
        {
            std::unique_lock lock(mutex_);
            runnerStates_[runnerIndex].state = RunnerProgress::State::Idle;
            runnerStates_[runnerIndex].node.reset();
            measureWake_.wait(lock, [&] { return stopMeasuring_ || !toMeasure_.empty(); });
            if (toMeasure_.empty()) return;
            account();
            w = std::move(toMeasure_.front());
            toMeasure_.pop_front();
            ++measuring_;
            runnerStates_[runnerIndex].state = RunnerProgress::State::Busy;
            runnerStates_[runnerIndex].node = w.id;
        }
        Evaluator::Measurement m = Evaluator::Measurement::Done;
        try {
            m = evaluator_.measureCandidate(prepared_, baseline, options, w.report, runnerIndex);
        } catch (const std::exception& e) {
            w.report.status = Status::RuntimeError;
            w.report.message = errorPhrase(e);
        }
        const bool lost = m == Evaluator::Measurement::RunnerLost && w.lostRunners < kMaxLostRunners;
        // Whether the runner comes back (a restart: ssh, the device's facts)
        // is asked outside the lock, which the engine thread needs meanwhile.
        Phrase down;
        const bool gone = lost && !evaluator_.runner(record_.config.backend, runnerIndex).available(down);
        std::lock_guard lock(mutex_);
        account();
        --measuring_;
        RunnerProgress& state = runnerStates_[runnerIndex];
        if (lost) {
            // Nothing about the candidate is known: it goes back, first in line.
            ++w.lostRunners;
            ++state.lost;
            state.why = gone ? down : w.report.message;
            const std::string runnerName = evaluator_.runner(record_.config.backend, runnerIndex).name();
            lostNotes_.push_back(
                gone ? phrase(QT_TRANSLATE_NOOP("Phrase", "node %1: %2 was lost (%3); measured again elsewhere; the runner cannot start again: %4"),
                              w.id, runnerName, w.report.message, down)
                     : phrase(QT_TRANSLATE_NOOP("Phrase", "node %1: %2 was lost (%3); measured again"), w.id, runnerName, w.report.message));
            EvalReport fresh;
            fresh.task = w.report.task;
            fresh.backend = w.report.backend;
            fresh.candidate = w.report.candidate;
            fresh.config = w.report.config;
            fresh.compile = std::move(w.report.compile);
            w.report = std::move(fresh);
            toMeasure_.push_front(std::move(w));
            measureWake_.notify_all();
            wake_.notify_all();
            if (gone) {
                lastLost_ = runnerIndex;  // state.why says why
                state.state = RunnerProgress::State::Unusable;
                --liveRunners_;
                return;
            }
            continue;
        }
        ++state.measured;
        measured_.push_back(std::move(w));
        wake_.notify_all();
    }
}

void SessionEngine::finish(Work w) {
    Node n = tree_.at(w.id);
    EvalReport& r = w.report;
    if (r.status == Status::NotRun && !r.compile.ok) {
        r.status = Status::CompileError;
        r.message = verbatim(r.compile.firstError());
    }
    n.state = NodeState::Done;
    n.status = r.status;
    n.message = r.message;
    n.config = r.config.empty() ? n.config : r.config;
    if (r.compile.empty()) {
        n.compile.reset();
    } else {
        n.compile = r.compile;
        n.compile->log.clear();  // the node keeps the parsed diagnostics; the raw log stays in the compile cache
    }
    // The session keeps the device and the node its source and compile
    // result once; the node's evaluation need not repeat them (ReportScope::Node).
    n.evaluation = r;
    n.evaluation->device = {};
    n.evaluation->candidate.clear();
    n.evaluation->compile = {};
    n.fitness = fitnessOf(r, weights_, record_.config.speedupAgainst);
    n.seconds = r.compile.seconds + r.seconds;
    n.evaluatedAt = isoNowUtc();

    ++record_.evaluations;
    if (n.fitness > 0 && n.fitness > record_.bestSpeedup) {
        record_.bestSpeedup = n.fitness;
        record_.bestNode = n.id;
        sinceImprovement_ = 0;
    } else {
        ++sinceImprovement_;
    }
    record_.activeSeconds = activeSeconds();
    {
        // The node, the session and the node's memory land together or not at all.
        Transaction t(store_.database());
        store_.updateNode(record_.id, n);
        store_.saveSession(record_);
        remember(n);
        t.commit();
    }
    if (tuning_) tuning_->feed(n, r);
    tree_.put(n);
    ++stats_.evaluations;
    if (r.window) stats_.deviceWindows.push_back({r.runner, *r.window});
}

bool SessionEngine::fill(Mode mode) {
    const auto& stop = record_.config.stop;
    // Half the cores compile: the runner's verification (input generation,
    // copies, comparisons over gigabytes) needs the rest to keep the device fed.
    const int capacity = record_.config.maxInFlight > 0 ? record_.config.maxInFlight
                                                        : std::max(1, static_cast<int>(evaluator_.pool().workers()) / 2) + 2;
    for (;;) {
        // Answers the agent awaits become nodes: they count as in flight.
        const int generating = agentsBusy();
        if (tree_.pending() + generating >= capacity) return true;
        if (mode == Mode::ManualOnly && manual_.empty()) return false;
        // Never propose past the evaluation budget: what is proposed gets measured.
        if (manual_.empty() && stop.evaluations && !stop.requireAll &&
            record_.evaluations + tree_.pending() + generating >= *stop.evaluations)
            return true;
        Proposal proposal;
        const Next next = nextProposal(proposal);
        if (next == Next::Started) continue;
        if (next == Next::Nothing) return generating > 0;  // not exhausted while answers are on their way
        auto p = &proposal;
        Node n;
        n.id = tree_.nextId();
        n.parent = p->parent;
        n.generator = p->generator;
        n.input = p->input;
        n.sourceExtension = p->extension;
        n.config = p->config;
        addNode(n, p->source);
        startEvaluation(tree_.at(n.id));
    }
}

void SessionEngine::remember(const Node& n) {
    if (!n.parent) return;
    MemoryEntry m = memoryOf(n, tree_.at(*n.parent), record_, task_->opType);
    records_->insertMemory(m);
}

double SessionEngine::activeSeconds() const { return activeAtStart_ + secondsSince(runStart_) - pausedSeconds_; }

std::vector<RunnerProgress> SessionEngine::runners() const {
    std::lock_guard lock(mutex_);
    return runnerStates_;
}

const char* runnerStateName(RunnerProgress::State state) {
    switch (state) {
        case RunnerProgress::State::Starting: return "starting";
        case RunnerProgress::State::Idle: return "idle";
        case RunnerProgress::State::Busy: return "busy";
        case RunnerProgress::State::Unusable: return "unusable";
    }
    return "unknown";
}

SessionProgress SessionEngine::progress() const {
    SessionProgress p;
    p.sessionId = record_.id;
    p.evaluations = record_.evaluations;
    p.budget = record_.config.stop.evaluations;
    p.inFlight = tree_.pending();
    p.bestNode = record_.bestNode;
    p.bestSpeedup = record_.bestSpeedup;
    const double elapsed = secondsSince(runStart_);
    const int thisRun = record_.evaluations - evaluationsAtStart_;
    p.evaluationsPerMinute = elapsed > 0 ? 60.0 * thisRun / elapsed : 0;
    p.activeSeconds = activeSeconds();
    if (p.budget && thisRun > 0) p.etaSeconds = std::max(0, *p.budget - p.evaluations) * elapsed / thisRun;
    if (record_.config.stop.seconds) {
        const double left = std::max(0.0, *record_.config.stop.seconds - p.activeSeconds);
        p.etaSeconds = p.etaSeconds ? std::min(*p.etaSeconds, left) : left;
    }
    {
        std::lock_guard lock(mutex_);
        p.paused = paused_;
        p.runners = runnerStates_;
    }
    p.counts = tree_.countsByStatus();
    p.generating = agentsBusy();
    p.llm = llmUsage_;
    return p;
}

SessionRecord SessionEngine::run(SessionObserver* observer, Mode mode) {
    if (!task_) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the engine has no session: create() or open() one first")));
    if (mode == Mode::Search && !agentUnavailable_.empty())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: the session's LLM agent cannot run"), agentUnavailable_));
    runStart_ = Clock::now();
    pausedSeconds_ = 0;
    activeAtStart_ = record_.activeSeconds;
    evaluationsAtStart_ = record_.evaluations;
    {
        std::lock_guard lock(mutex_);
        stats_ = EngineStats{};
        lastAccount_ = runStart_;
        cancelled_ = false;
        stopMeasuring_ = false;
        cancelCompiles_->store(false);
    }
    record_.status = "running";
    record_.stopReason.clear();
    record_.stopCauses.clear();
    store_.saveSession(record_);
    observer_ = observer;
    llmUsage_ = records_->usage(record_.id);
    auto say = [&](const Phrase& m) {
        if (observer) observer->message(m);
    };

    std::vector<std::thread> measurers;
    {
        std::lock_guard lock(mutex_);
        liveRunners_ = static_cast<int>(evaluator_.runnerCount());
        deviceBaselines_ = record_.deviceBaselines;
        runnerStates_.assign(evaluator_.runnerCount(), RunnerProgress{});
        for (size_t i = 0; i < runnerStates_.size(); ++i)
            runnerStates_[i].name = evaluator_.runner(record_.config.backend, i).name();
    }
    for (size_t i = 0; i < evaluator_.runnerCount(); ++i) measurers.emplace_back([this, i] { measureLoop(i); });
    auto joinMeasurers = [&] {
        for (auto& t : measurers) t.join();
    };
    std::optional<StopReason> reason;
    bool cancelled = false;
    try {
        // Nodes a killed or cancelled run left pending go first, as they were.
        for (const auto& n : tree_.nodes())
            if (n.state == NodeState::Pending) startEvaluation(n);
        if (resumed_ && tree_.pending() > 0) say(phrase(QT_TRANSLATE_NOOP("Phrase", "resuming %1 evaluations left in flight"), tree_.pending()));
        if (!basisNote_.empty()) say(std::exchange(basisNote_, {}));

        bool stopping = false, exhausted = false;
        for (;;) {
            std::deque<Work> compiled, measured;
            std::vector<Phrase> lostNotes;
            bool newBaseline = false;  // a runner of another device model measured its own
            bool paused;
            {
                std::unique_lock lock(mutex_);
                wake_.wait_for(lock, std::chrono::milliseconds(250),
                               [&] { return !compiled_.empty() || !measured_.empty() || poked_; });
                poked_ = false;
                compiled.swap(compiled_);
                measured.swap(measured_);
                lostNotes.swap(lostNotes_);
                if (deviceBaselines_.size() != record_.deviceBaselines.size()) {
                    record_.deviceBaselines = deviceBaselines_;
                    newBaseline = true;
                }
                // Pending nodes stay pending in the store: a resume measures them.
                if (liveRunners_ == 0)
                    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "every runner was lost (the last: %1)"),
                                       runnerStates_[lastLost_].why));
                paused = paused_;
                cancelled = cancelled_;
                if (cancelled) {
                    // Compiled but unmeasured work stays pending in the store: a resume redoes it.
                    toMeasure_.clear();
                    cancelCompiles_->store(true);
                }
            }
            if (newBaseline) store_.saveSession(record_);  // before any node compared with it
            for (const auto& note : lostNotes) say(note);
            for (auto& w : compiled) {
                if (cancelled) continue;
                if (w.report.status != Status::NotRun || !w.report.compile.ok) {
                    const int64_t id = w.id;
                    finish(std::move(w));
                    if (observer) observer->nodeChanged(tree_.at(id));
                } else {
                    std::lock_guard lock(mutex_);
                    account();
                    toMeasure_.push_back(std::move(w));
                    measureWake_.notify_one();
                }
            }
            for (auto& w : measured) {
                const int64_t id = w.id;
                finish(std::move(w));
                if (observer) observer->nodeChanged(tree_.at(id));
            }
            for (auto* a : agents_)
                for (auto& c : a->collect()) {
                    if (cancelled) c.proposal.reset();  // answered after the stop: kept, not evaluated
                    adopt(std::move(c), observer);
                }

            if (cancelled && !reason) reason = StopReason{{StopCause::User}, "stopped by the user"};
            if (!reason && mode == Mode::Search) {
                StopProgress sp{record_.evaluations, activeSeconds(), sinceImprovement_,
                                record_.bestSpeedup, llmUsage_.tokens(), llmUsage_.cost};
                reason = stopReason(record_.config.stop, sp);
            }
            stopping = reason.has_value();
            // Answers still on their way would be spent on a session that is over.
            if (stopping && agentsBusy() > 0) stopAgents(observer);
            if (!stopping && !paused) exhausted = !fill(mode);

            int inFlight;
            {
                std::lock_guard lock(mutex_);
                inFlight = compiling_ + static_cast<int>(toMeasure_.size()) + measuring_;
            }
            if (observer) observer->progress(progress());
            if (inFlight == 0 && agentsBusy() == 0 && (stopping || (exhausted && tree_.pending() == 0))) break;
            if (inFlight == 0 && cancelled) break;
            if (paused && inFlight == 0) {
                record_.status = "paused";
                store_.saveSession(record_);
                say(phrase(QT_TRANSLATE_NOOP("Phrase", "paused")));
                const auto t0 = Clock::now();
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [&] { return !paused_ || cancelled_; });
                pausedSeconds_ += secondsSince(t0);
                lock.unlock();
                record_.status = "running";
                store_.saveSession(record_);
                say(phrase(QT_TRANSLATE_NOOP("Phrase", "resumed")));
            }
        }
        if (!reason && mode == Mode::ManualOnly) reason = StopReason{{StopCause::EditsEvaluated}, "the edits were evaluated"};
        if (!reason) {
            // A source without @tune gives the tuner nothing to search: say
            // so, rather than "every candidate was evaluated" after one.
            bool tunable = false;
            for (const auto& n : tree_.nodes()) tunable = tunable || !n.config.empty();
            const bool tunerOnly = generators_.size() == 1 && generators_.front()->name() == kTunerGenerator;
            if (!tunable && tunerOnly)
                reason = StopReason{{StopCause::NothingToTune},
                                    "nothing to tune: no source in the session declares @tune parameters (the task has no "
                                    "tunable template for " + std::string(backendName(record_.config.backend)) +
                                        "); add one (docs/tasks.md, \"Tunable parameters\") or let the LLM agent write "
                                        "candidates (--generators tuner,llm)"};
            else
                reason = StopReason{{StopCause::Exhausted}, "every candidate the generators could propose was evaluated"};
        }
        record_.activeSeconds = activeSeconds();
    } catch (...) {
        for (auto* a : agents_) a->cancelAll();
        {
            std::lock_guard lock(mutex_);
            stopMeasuring_ = true;
            toMeasure_.clear();
            cancelCompiles_->store(true);
        }
        measureWake_.notify_all();
        joinMeasurers();
        // Callbacks of queued compiles refer to this engine: let them drain.
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return compiling_ == 0; });
        lock.unlock();
        record_.status = "failed";
        store_.saveSession(record_);
        throw;
    }
    {
        std::lock_guard lock(mutex_);
        stopMeasuring_ = true;
    }
    measureWake_.notify_all();
    joinMeasurers();
    std::vector<Phrase> lastNotes;  // what the runners said after the loop's last look
    {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return compiling_ == 0; });
        account();
        stats_.wallSeconds = secondsSince(runStart_);
        lastNotes.swap(lostNotes_);
        record_.deviceBaselines = deviceBaselines_;  // a resume reuses one measured late
    }
    for (const auto& note : lastNotes) say(note);
    observer_ = nullptr;
    record_.status = cancelled ? "stopped" : "finished";
    record_.stopReason = reason->text;
    record_.stopCauses = reason->causes;
    store_.saveSession(record_);
    // The GUI words the stop from record_.stopCauses; this is the terminal's line.
    say(verbatim(record_.stopReason));
    return record_;
}

void SessionEngine::pause() {
    std::lock_guard lock(mutex_);
    paused_ = true;
    poked_ = true;
    wake_.notify_all();
}

void SessionEngine::resume() {
    std::lock_guard lock(mutex_);
    paused_ = false;
    poked_ = true;
    wake_.notify_all();
}

void SessionEngine::cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    poked_ = true;
    wake_.notify_all();
}

EngineStats SessionEngine::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace kforge
