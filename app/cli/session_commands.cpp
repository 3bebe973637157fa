#include "session_commands.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "agent/builtin_generators.h"
#include "agent/llm_generator.h"
#include "eval/report.h"
#include "export/export_format.h"
#include "export/stored_export.h"
#include "llm/api_key.h"
#include "llm/provider_config.h"
#include "profile/profile.h"
#include "sandbox_option.h"
#include "torch_options.h"
#include "search/searcher.h"
#include "session/engine.h"
#include "session/session_launch.h"
#include "session/selection.h"
#include "session/tuner_generator.h"
#include "session/standalone_source.h"
#include "session/workload_winners.h"
#include "store/session_file.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge::cli {

namespace {

// "a, b or c", for a help text's list of choices.
std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

using Json = nlohmann::json;

std::string fmt(const char* f, double v) { return formatNumber(f, v); }

// Ctrl-C: the first asks the session to stop cleanly, the second ends the process.
std::atomic<int> interrupts{0};
extern "C" void onInterrupt(int) {
    if (interrupts.fetch_add(1) >= 1) _exit(130);
}

struct StoreOption {
    std::string db;
    std::filesystem::path path() const { return db.empty() ? Store::defaultPath() : std::filesystem::path(db); }
};

void addDbOption(CLI::App* cmd, StoreOption& o) {
    cmd->add_option("--db", o.db, "the workspace database (default: $KFORGE_DB, else $XDG_DATA_HOME/kernelforge/workspace.db)");
}

std::string speedupText(double s) { return s > 0 ? fmt("%.3fx", s) : "-"; }

// The PyTorch baselines the session measured when it was created, a line per
// baseline: each workload's median, or why it has none.
void printTorchBaselines(const SessionRecord& r) {
    if (r.torchBaselines.empty()) {
        std::cout << "PyTorch baselines: none measured\n";
        return;
    }
    std::map<std::string, std::string> lines;  // baseline name -> its workloads
    for (const auto& [uuid, list] : r.torchBaselines)
        for (const auto& b : list)
            lines[b.name] += " " + uuid + " " + (b.measured() ? fmt("%.4g", b.timing().median) + " ms;" : std::string(statusName(b.status)) + ";");
    for (const auto& [name, text] : lines) std::cout << "PyTorch " << name << " medians:" << text << "\n";
}

std::string profileText(const NodeProfile& p) {
    std::string head = p.ok() ? "profile (" + p.tool + ", workload" : "profile";
    if (p.ok()) {
        for (const auto& [axis, value] : p.axes) head += " " + axis + "=" + std::to_string(value);
        head += ", " + fmt("%.1f", p.seconds) + " s):";
    } else {
        head += ":";
    }
    return head + "\n" + describeProfile(p);
}

std::string nodeLine(const Node& n) {
    std::string line = "node " + std::to_string(n.id) + "  " + std::string(statusName(n.status));
    if (n.passed()) line += "  " + speedupText(n.fitness);
    if (!n.config.empty()) line += "  " + describeConfig(n.config);
    line += "  (" + n.generator + (n.parent ? " from " + std::to_string(*n.parent) : "") + ")";
    if (!n.passed() && !n.message.empty()) line += ": " + n.message.english().substr(0, 160);
    return line;
}

// Live progress: one rewritten line on a terminal, a plain line per node otherwise.
class ProgressPrinter final : public SessionObserver {
public:
    ProgressPrinter(bool quiet, bool verbose) : tty_(::isatty(STDERR_FILENO) != 0), quiet_(quiet), verbose_(verbose) {}

    void exchange(const LlmExchange& e) override {
        if (tty_ && quiet_) return;
        clearLine();
        std::string line = "llm " + e.mode + " of node " + std::to_string(e.parentId) + ": ";
        if (e.nodeId) line += "node " + std::to_string(*e.nodeId);
        else line += e.refusal.empty() ? e.outcome + (e.error.empty() ? "" : " (" + e.error.substr(0, 160) + ")") : "refused: " + e.refusal.substr(0, 200);
        line += "  [" + fmt("%.1fs", e.seconds) + ", " + std::to_string(e.inputTokens) + "+" + std::to_string(e.outputTokens) +
                " tokens" + (e.tokensEstimated ? " (estimated)" : "") + (e.cost > 0 ? ", cost " + fmt("%.4f", e.cost) : "") + "]";
        std::fprintf(stderr, "%s\n", line.c_str());
    }

    // --verbose: the model's answers as they stream (from the agent's threads).
    void llmText(int64_t parent, const ChatStreamEvent& e) override {
        if (!verbose_) return;
        std::lock_guard lock(streamMutex_);
        if (e.kind == ChatStreamEvent::Kind::Retry) {
            std::fprintf(stderr, "\n[llm, node %lld: retrying: %.*s]\n", static_cast<long long>(parent), static_cast<int>(e.text.size()),
                         e.text.data());
        } else {
            std::fwrite(e.text.data(), 1, e.text.size(), stderr);
        }
        std::fflush(stderr);
    }

    void nodeChanged(const Node& n) override {
        if (n.state != NodeState::Done || (tty_ && quiet_)) return;
        clearLine();
        std::fprintf(stderr, "%s\n", nodeLine(n).c_str());
    }

    void progress(const SessionProgress& p) override {
        if (!tty_) return;
        std::string line = "evals " + std::to_string(p.evaluations) + (p.budget ? "/" + std::to_string(*p.budget) : "");
        line += "  best " + speedupText(p.bestSpeedup) + (p.bestNode ? " (node " + std::to_string(*p.bestNode) + ")" : "");
        line += "  " + fmt("%.1f", p.evaluationsPerMinute) + "/min";
        if (p.etaSeconds) line += "  ETA " + formatDuration(*p.etaSeconds);
        line += "  in flight " + std::to_string(p.inFlight);
        if (p.generating > 0) line += "  asking llm " + std::to_string(p.generating);
        if (p.llm.exchanges > 0) line += "  tokens " + std::to_string(p.llm.tokens()) + (p.llm.cost > 0 ? " cost " + fmt("%.3f", p.llm.cost) : "");
        if (p.paused) line += "  [paused]";
        std::fprintf(stderr, "\r\033[K%s", line.c_str());
        std::fflush(stderr);
        drawn_ = true;
    }

    void message(const kforge::Phrase& m) override {
        clearLine();
        std::fprintf(stderr, "%s\n", m.english().c_str());
    }

    void clearLine() {
        if (drawn_) std::fprintf(stderr, "\r\033[K");
        drawn_ = false;
    }

private:
    bool tty_;
    bool quiet_;
    bool verbose_;
    bool drawn_ = false;
    std::mutex streamMutex_;
};

std::string bestTable(const SessionTree& tree, size_t rows) {
    std::vector<const Node*> passed;
    for (const auto& n : tree.nodes())
        if (n.passed()) passed.push_back(&n);
    std::stable_sort(passed.begin(), passed.end(), [](const Node* a, const Node* b) { return a->fitness > b->fitness; });
    if (passed.size() > rows) passed.resize(rows);
    std::ostringstream out;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%6s %7s %-10s %9s  %s\n", "node", "parent", "generator", "speedup", "configuration");
    out << buf;
    for (const Node* n : passed) {
        std::snprintf(buf, sizeof buf, "%6lld %7s %-10s %9s  %s\n", static_cast<long long>(n->id),
                      n->parent ? std::to_string(*n->parent).c_str() : "-", n->generator.c_str(), speedupText(n->fitness).c_str(),
                      describeConfig(n->config).c_str());
        out << buf;
    }
    if (passed.empty()) out << "  (no candidate passed)\n";
    return out.str();
}

Json countsJson(const SessionTree& tree) {
    Json counts = Json::object();
    for (const auto& [status, n] : tree.countsByStatus()) counts[std::string(statusName(status))] = n;
    return counts;
}

Json sessionSummary(const SessionRecord& r, const SessionTree& tree) {
    return {{"session", r.id},
            {"uuid", r.uuid},
            {"name", r.name},
            {"task", r.task},
            {"backend", backendName(r.config.backend)},
            {"device", r.device.name},
            {"status", r.status},
            {"stop_reason", r.stopReason},
            {"evaluations", r.evaluations},
            {"best_node", r.bestNode ? Json(*r.bestNode) : Json(nullptr)},
            {"best_speedup", r.bestSpeedup},
            {"speedup_against", speedupBasisName(r.config.speedupAgainst)},
            {"counts", countsJson(tree)},
            {"active_seconds", r.activeSeconds},
            {"created_at", r.createdAt},
            {"updated_at", r.updatedAt}};
}

// ---- optimize -------------------------------------------------------------

struct OptimizeOptions {
    StoreOption store;
    std::string task, backend = "auto", strategy = "ucb", generators = "tuner", tuner = "bo", time, name, from;
    std::string llmProvider, llmModel, providers;
    std::optional<int> budget, plateau, resume, llmAttempts;
    std::optional<double> target, maxCost;
    std::optional<int64_t> maxTokens;
    bool all = false, json = false, quiet = false, verbose = false, noProfile = false, noTuningCache = false;
    std::string speedupAgainst = "best";
    std::string runners;
    TorchOptions torch;
    SessionConfig config;
};

int optimize(const OptimizeOptions& o) {
    const AppPaths paths = AppPaths::discover();
    Store store(o.store.path());
    Evaluator evaluator(paths);
    if (!o.runners.empty()) evaluator.setRunners(parseRunnerEndpoints(o.runners));
    announceSandbox(evaluator);
    SessionLaunch launch(evaluator, store, paths, builtinGenerators());
    SessionEngine& engine = launch.engine();

    StopConditions stop;
    stop.evaluations = o.budget;
    stop.plateau = o.plateau;
    stop.target = o.target;
    if (!o.time.empty()) stop.seconds = parseDuration(o.time);
    stop.tokens = o.maxTokens;
    stop.cost = o.maxCost;
    stop.requireAll = o.all;

    if (o.resume) {
        launch.open(*o.resume, stop, o.task);
    } else {
        if (o.task.empty()) throw Error("name a task to optimize (see `kforge tasks`), or --resume a session");
        SessionConfig config = o.config;
        config.backend = evaluator.pickBackend(o.backend);
        config.selection = o.strategy;
        config.tuner = o.tuner;
        config.generators.clear();
        std::stringstream list(o.generators);
        for (std::string g; std::getline(list, g, ',');)
            if (!g.empty()) config.generators.push_back(g);
        // The first named generator that needs a provider; an unknown name fails here, before the baseline is measured.
        std::string wantsLlm;
        for (const auto& g : config.generators)
            if (builtinGenerators().at(g, "--generators").needsLlmSettings && wantsLlm.empty()) wantsLlm = g;
        if (!o.llmProvider.empty()) {
            // Naming a provider asks for the agent.
            if (wantsLlm.empty()) config.generators.push_back(std::string(kLlmGenerator));
            const auto file = o.providers.empty() ? defaultProvidersPath() : std::filesystem::path(o.providers);
            LlmSettings llm;
            llm.provider = findProvider(loadProviders(file), o.llmProvider, file);
            if (!o.llmModel.empty()) llm.provider.model = o.llmModel;
            if (o.llmAttempts) llm.attemptsPerParent = *o.llmAttempts;
            llm.profile = !o.noProfile;
            config.llm = llm;
        } else if (!wantsLlm.empty()) {
            throw Error("--generators includes " + wantsLlm + ": name its provider with --llm-provider (see `kforge llm providers` and docs/llm.md)");
        }
        config.stop = stop;
        config.speedupAgainst = *parseSpeedupBasis(o.speedupAgainst);
        config.torchBaselines = o.torch.baselineList();
        config.compileMode = o.torch.compileMode;
        config.tuningCache = !o.noTuningCache;
        std::optional<std::filesystem::path> root;
        if (!o.from.empty()) root = o.from;
        if (const std::string notice = shadowedBuiltinNotice(o.task, AppPaths::discover()); !notice.empty())
            std::cerr << "kforge: note: " << notice << "\n";
        if (!o.json) std::fprintf(stderr, "measuring the %s of %s...\n", "baseline", o.task.c_str());
        launch.create(o.task, config, o.name, root);
    }
    const SessionRecord& rec = engine.record();
    if (!o.json || ::isatty(STDERR_FILENO))
        std::fprintf(stderr, "session %lld: %s on %s, %s selection, generators %s\n", static_cast<long long>(rec.id), rec.task.c_str(),
                     (rec.device.name.empty() ? "?" : rec.device.name).c_str(), rec.config.selection.c_str(),
                     [&] {
                         std::string g;
                         for (const auto& x : rec.config.generators) g += (g.empty() ? "" : ",") + x + (x == kTunerGenerator ? "(" + rec.config.tuner + ")" : "");
                         return g;
                     }()
                         .c_str());

    struct sigaction sa {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    std::atomic<bool> done{false};
    std::thread watcher([&] {
        while (!done.load()) {
            if (interrupts.load() > 0) {
                engine.cancel();
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });
    ProgressPrinter printer(o.quiet || o.json, o.verbose);
    SessionRecord result;
    try {
        result = engine.run(&printer);
    } catch (...) {
        done = true;
        watcher.join();
        printer.clearLine();
        throw;
    }
    done = true;
    watcher.join();
    printer.clearLine();

    const EngineStats stats = engine.stats();
    const double wall = stats.wallSeconds;
    if (o.json) {
        Json j = sessionSummary(result, engine.tree());
        j["run"] = {{"evaluations", stats.evaluations},
                    {"wall_seconds", wall},
                    {"evaluations_per_minute", wall > 0 ? 60.0 * stats.evaluations / wall : 0},
                    {"device_busy_fraction", wall > 0 ? stats.deviceBusySeconds / wall : 0},
                    {"device_idle_while_pending_fraction", wall > 0 ? stats.idleWhilePendingSeconds / wall : 0},
                    {"compiles", stats.compiled}};
        Json devices = Json::array();
        for (const auto& u : deviceUsage(stats.deviceWindows))
            devices.push_back({{"device", u.device},
                               {"runners", u.runners},
                               {"measurements", u.measurements},
                               {"busy_seconds", u.busySeconds},
                               {"idle_fraction", u.idleFraction(wall)},
                               {"overlapping_requests", u.overlaps},
                               {"overlap_seconds", u.overlapSeconds}});
        j["run"]["devices"] = devices;
        Json runners = Json::array();
        for (const auto& r : engine.runners()) {
            Json one = {{"name", r.name}, {"state", runnerStateName(r.state)}, {"measured", r.measured}, {"lost", r.lost}};
            if (!r.why.empty()) one["why"] = r.why.english();
            runners.push_back(std::move(one));
        }
        j["run"]["runners"] = runners;
        j["db"] = o.store.path().string();
        std::cout << j.dump(2) << "\n";
    } else {
        std::cout << "\n" << bestTable(engine.tree(), 5);
        // Per device, from the runners' windows, when they share one or spread
        // over several; otherwise the engine's own account of its one runner.
        const auto devices = deviceUsage(stats.deviceWindows);
        const bool perDevice = devices.size() > 1 || (devices.size() == 1 && devices.front().runners.size() > 1);
        std::cout << "\nsession " << result.id << " " << result.status << ": " << result.stopReason << "\n"
                  << result.evaluations << " evaluations (" << stats.evaluations << " in this run, " << formatDuration(wall) << ", "
                  << fmt("%.1f", wall > 0 ? 60.0 * stats.evaluations / wall : 0) << "/min"
                  << (perDevice ? "" : "; device busy " + fmt("%.0f%%", wall > 0 ? 100 * stats.deviceBusySeconds / wall : 0))
                  << ")\n";
        if (perDevice)
            for (const auto& u : devices) std::cout << "  " << describeDeviceUsage(u, wall) << "\n";
        if (result.bestNode)
            std::cout << "best: node " << *result.bestNode << ", " << speedupText(result.bestSpeedup) << " over "
                      << speedupBasisText(result) << (result.bestSpeedup < 1 ? " (SLOWER)" : "") << "  ->  kforge best "
                      << result.id << " --out FILE\n";
        else
            std::cout << "no candidate passed: see kforge show " << result.id << "\n";
    }
    return interrupts.load() > 0 ? 130 : 0;
}

// ---- add (the manual generator) -------------------------------------------

struct AddOptions {
    StoreOption store;
    int64_t session = 0;
    std::string file, note;
    std::optional<int64_t> parent;
    bool json = false;
};

int addManual(const AddOptions& o) {
    const AppPaths paths = AppPaths::discover();
    Store store(o.store.path());
    Evaluator evaluator(paths);
    announceSandbox(evaluator);
    SessionLaunch launch(evaluator, store, paths, builtinGenerators());
    SessionEngine& engine = launch.engine();
    launch.open(o.session);
    engine.addManual(o.parent, readTextFile(o.file), std::filesystem::path(o.file).extension().string(), o.note);
    const int64_t id = engine.tree().nextId();
    engine.run(nullptr, SessionEngine::Mode::ManualOnly);
    const Node& n = engine.tree().at(id);
    if (o.json)
        std::cout << Json{{"session", o.session}, {"node", n.id}, {"status", statusName(n.status)}, {"speedup", n.fitness}}.dump(2) << "\n";
    else
        std::cout << nodeLine(n) << "\n";
    return 0;
}

// ---- sessions, show, best, export, import ---------------------------------

int listSessions(const StoreOption& so, bool json) {
    Store store(so.path());
    const auto all = store.sessions();
    if (json) {
        Json list = Json::array();
        for (const auto& r : all) list.push_back(sessionSummary(r, store.loadTree(r.id)));
        std::cout << list.dump(2) << "\n";
        return 0;
    }
    if (all.empty()) {
        std::cout << "no sessions in " << so.path().string() << " (start one with kforge optimize TASK)\n";
        return 0;
    }
    std::printf("%4s  %-26s %-5s %-24s %-9s %6s %9s  %s\n", "id", "task", "on", "device", "status", "evals", "best", "updated");
    for (const auto& r : all)
        std::printf("%4lld  %-26s %-5s %-24s %-9s %6d %9s  %s\n", static_cast<long long>(r.id), r.task.substr(0, 26).c_str(),
                    std::string(backendName(r.config.backend)).c_str(), (r.device.name.empty() ? std::string("?") : r.device.name).substr(0, 24).c_str(),
                    r.status.c_str(), r.evaluations, speedupText(r.bestSpeedup).c_str(), r.updatedAt.c_str());
    return 0;
}

void printTree(const SessionTree& tree, std::optional<int64_t> best, int64_t id, const std::string& prefix, bool last, bool root,
               std::ostream& out) {
    const Node& n = tree.at(id);
    out << prefix << (root ? "" : (last ? "└─ " : "├─ ")) << (best && *best == id ? "* " : "") << nodeLine(n) << "\n";
    const auto& kids = tree.children(id);
    for (size_t i = 0; i < kids.size(); ++i)
        printTree(tree, best, kids[i], root ? "" : prefix + (last ? "   " : "│  "), i + 1 == kids.size(), false, out);
}

// The fastest candidate per workload, when they are not all the session's best.
void printWorkloadWinners(const SessionTree& tree) {
    const auto winners = workloadWinners(tree);
    const Node* best = tree.best();
    const bool oneKernel = std::all_of(winners.begin(), winners.end(), [&](const WorkloadWinner& w) { return best && w.nodeId == best->id; });
    if (winners.empty() || oneKernel) return;
    std::cout << "fastest per workload (what a shape-dispatching export ships):\n";
    for (const auto& w : winners)
        std::cout << "  " << w.label << ": node " << w.nodeId << (w.templateName.empty() ? "" : " (" + w.templateName + ")") << " "
                  << (w.config.empty() ? "" : describeConfig(w.config) + " ") << fmt("%.4g", w.medianMs) << " ms"
                  << (w.speedupVsBest > 0 ? ", " + speedupText(w.speedupVsBest) + " over " + w.bestBaseline : std::string()) << "\n";
}

int showSession(const StoreOption& so, int64_t sessionId, std::optional<int64_t> nodeId, bool json, bool noSource) {
    Store store(so.path());
    const SessionRecord r = store.session(sessionId);
    const SessionTree tree = store.loadTree(sessionId);
    if (!nodeId) {
        if (json) {
            Json j = store.exportSession(sessionId);
            j.erase("sources");
            std::cout << j.dump(2) << "\n";
            return 0;
        }
        std::cout << "session " << r.id << " \"" << r.name << "\": " << r.task << " on " << describeDevice(r.device) << "\n"
                  << r.status << (r.stopReason.empty() ? "" : " (" + r.stopReason + ")") << "; " << r.evaluations << " evaluations in "
                  << formatDuration(r.activeSeconds) << "; selection " << r.config.selection << ", tuner " << r.config.tuner
                  << "; best " << speedupText(r.bestSpeedup) << " over " << speedupBasisText(r)
                  << (r.bestNode && r.bestSpeedup < 1 ? " (SLOWER)" : "") << "\n";
        auto printMedians = [&](const BaselineTimes& times, const std::string& on) {
            std::cout << r.baselineName << " medians" << on << ":";
            for (const auto& [uuid, s] : times) std::cout << " " << uuid << " " << fmt("%.4g", s.median) << " ms;";
            std::cout << "\n";
        };
        printMedians(r.baseline, "");
        // Runners of other device models: their candidates' speedups are over these.
        for (const auto& b : r.deviceBaselines) printMedians(b.times, " on " + deviceModel(b.device));
        printTorchBaselines(r);
        printWorkloadWinners(tree);
        std::cout << "\n";
        for (const auto& n : tree.nodes())
            if (!n.parent) printTree(tree, r.bestNode, n.id, "", true, true, std::cout);
        return 0;
    }
    const Node& n = tree.at(*nodeId);
    if (json) {
        // The node's own codec, with the session and the source beside it.
        Json j = toJson(n);
        j["session"] = r.id;
        j["node"] = n.id;
        j["speedup"] = n.fitness;
        j["source"] = tree.source(n.sourceHash);
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << "session " << r.id << " node " << n.id << ": " << statusName(n.status) << (n.passed() ? ", " + speedupText(n.fitness) + " over the " + r.baselineName : "")
              << "\n  generator " << n.generator << (n.parent ? " from node " + std::to_string(*n.parent) : "") << " " << toJson(n.input).dump()
              << "\n  configuration " << (n.config.empty() ? "(none)" : describeConfig(n.config)) << "\n  created " << n.createdAt
              << ", evaluated " << (n.evaluatedAt.empty() ? "(pending)" : n.evaluatedAt) << " in " << fmt("%.2f", n.seconds) << " s\n";
    if (!n.message.empty()) std::cout << "  " << n.message.english() << "\n";
    if (n.compile) {
        for (const auto& k : n.compile->kernels)
            std::cout << "  kernel " << k.kernel << ": " << k.registers << " registers, " << k.sharedBytes << " B shared, "
                      << k.spillStoreBytes << " B spill stores, " << k.stackBytes << " B stack\n";
        for (const auto& d : n.compile->diagnostics)
            if (d.severity != "note")
                std::cout << "  line " << d.line << ":" << d.column << ": " << d.severity << ": " << d.message << "\n";
    }
    if (n.evaluation && !n.evaluation->workloads.empty())
        std::cout << "\n" << workloadTable(n.evaluation->workloads, r.baselineName)
                  << floorFootnote(n.evaluation->workloads, r.config.backend);
    if (n.profile) std::cout << "\n" << profileText(*n.profile);
    if (!noSource) std::cout << "\n" << tree.source(n.sourceHash);
    return 0;
}

// ---- profile ----------------------------------------------------------------

struct ProfileOptions {
    StoreOption store;
    int64_t session = 0;
    std::optional<int64_t> node;
    std::string workload;
    bool json = false;
};

int profileNode(const ProfileOptions& o) {
    const AppPaths paths = AppPaths::discover();
    Store store(o.store.path());
    Evaluator evaluator(paths);
    announceSandbox(evaluator);
    SessionLaunch launch(evaluator, store, paths, builtinGenerators());
    launch.open(o.session);
    SessionEngine& engine = launch.engine();
    const int64_t id = o.node ? *o.node : engine.record().bestNode.value_or(0);
    if (!id) throw Error("session " + std::to_string(o.session) + " has no passing candidate to profile yet");
    if (!o.json) std::fprintf(stderr, "profiling node %lld with Nsight Compute...\n", static_cast<long long>(id));
    const NodeProfile profile = engine.profileNode(id, o.workload);
    if (o.json) std::cout << toJson(profile).dump(2) << "\n";
    else std::cout << "session " << o.session << " node " << id << "\n" << profileText(profile);
    return profile.ok() ? 0 : 1;
}

// ---- remeasure --------------------------------------------------------------

struct RemeasureOptions {
    StoreOption store;
    int64_t session = 0;
    int64_t node = 0;
    bool json = false;
};

int remeasureNode(const RemeasureOptions& o) {
    const AppPaths paths = AppPaths::discover();
    Store store(o.store.path());
    Evaluator evaluator(paths);
    announceSandbox(evaluator);
    SessionLaunch launch(evaluator, store, paths, builtinGenerators());
    launch.open(o.session);
    SessionEngine& engine = launch.engine();
    if (!o.json)
        std::fprintf(stderr, "measuring node %lld again (%gx the timing budget, up to %d timing runs)...\n",
                     static_cast<long long>(o.node), SessionEngine::kRemeasureBudgetFactor, SessionEngine::kRemeasureAttempts);
    const Node before = engine.remeasureNode(o.node);
    const Node& after = engine.tree().at(o.node);
    if (o.json) {
        std::cout << nlohmann::json{{"before", toJson(before)}, {"after", toJson(after)}}.dump(2) << "\n";
        return after.passed() ? 0 : 1;
    }
    std::cout << "session " << o.session << " node " << o.node << ": " << statusName(after.status) << ", "
              << speedupText(before.fitness) << " -> " << speedupText(after.fitness) << "\n";
    if (!after.passed()) std::cout << "  " << after.message.english() << "\n";
    if (before.evaluation && after.evaluation)
        for (const auto& w : after.evaluation->workloads) {
            const WorkloadReport* was = before.evaluation->workload(w.uuid);
            if (!was || !was->timed() || !w.timed()) continue;
            std::cout << "  " << w.uuid << ": median " << fmt("%.4f", was->timing.median) << " -> " << fmt("%.4f", w.timing.median)
                      << " ms, spread " << fmt("%.1f", was->timing.cv * 100) << "% -> " << fmt("%.1f", w.timing.cv * 100) << "%"
                      << (w.checks && w.checks->noisy ? " (still noisy)" : "") << "\n";
        }
    const auto& best = engine.record().bestNode;
    std::cout << "best: " << (best ? "node " + std::to_string(*best) + " " + speedupText(engine.record().bestSpeedup) : "none") << "\n";
    return after.passed() ? 0 : 1;
}

int bestOf(const StoreOption& so, int64_t sessionId, std::optional<int64_t> nodeId, const std::string& outFile) {
    Store store(so.path());
    const SessionRecord r = store.session(sessionId);
    const SessionTree tree = store.loadTree(sessionId);
    if (!nodeId) nodeId = r.bestNode;
    if (!nodeId) throw Error("session " + std::to_string(sessionId) + " has no passing candidate yet");
    const std::string text = standaloneSource(r, tree, tree.at(*nodeId));
    if (outFile.empty() || outFile == "-") {
        std::cout << text;
    } else {
        writeTextFileAtomically(outFile, text);
        std::cerr << "wrote node " << *nodeId << " (" << speedupText(tree.at(*nodeId).fitness) << ") to " << outFile << "\n";
    }
    return 0;
}

int exportNode(const StoreOption& so, std::optional<int64_t> sessionId, std::optional<int64_t> nodeId, const std::string& format,
               const std::string& outDir, bool listFormats) {
    if (listFormats) {
        for (const auto* f : exportFormats()) std::printf("%-15s %s\n", f->name().c_str(), f->description().english().c_str());
        return 0;
    }
    if (!sessionId) throw Error("export: give the session (kforge export SESSION [NODE] --format F --out DIR)");
    if (format.empty()) throw Error("export: give --format (" + exportFormatNames() + ")");
    if (outDir.empty()) throw Error("export: give --out DIR (a new or empty directory)");
    const ExportFormat& f = exportFormat(format);  // an unknown format fails before anything is read
    const AppPaths paths = AppPaths::discover();
    Store store(so.path());
    const SessionRecord r = store.session(*sessionId);
    const ExportPlan plan = planStoredExport(store, r, nodeId, paths);
    const auto files = exportFiles(f, plan);
    writeExport(files, outDir);
    std::cerr << "exported session " << *sessionId << " node " << plan.nodeId << " (" << speedupText(plan.primary().fitness) << ") as "
              << f.name() << " to " << outDir << ": " << files.size() << " files";
    if (plan.dispatches()) std::cerr << ", " << plan.variants.size() << " variants dispatched by shape";
    std::cerr << "\n";
    for (const auto& n : plan.notes) std::cerr << n.english() << "\n";
    return 0;
}

int exportSession(const StoreOption& so, int64_t sessionId, const std::string& outFile) {
    Store store(so.path());
    const Json doc = store.exportSession(sessionId);
    const std::string out = outFile.empty() ? "session-" + std::to_string(sessionId) + ".kfsession" : outFile;
    writeTextFileAtomically(out, doc.dump(1));
    std::cerr << "exported session " << sessionId << " (" << doc["nodes"].size() << " nodes) to " << out << "\n";
    return 0;
}

int importSession(const StoreOption& so, const std::string& file, bool json) {
    // Read and checked whole (store/session_file.h) before the workspace is opened.
    const SessionFile session = readSessionFile(
        readTextFile(file, SessionFileLimits::maxBytes, phrase(QT_TRANSLATE_NOOP("Phrase", "a session file"))), file);
    Store store(so.path());
    int64_t id = 0;
    try {
        id = store.importSession(session);
    } catch (const Error& e) {
        throw Error(file + ": " + e.what());
    }
    if (json)
        std::cout << Json{{"session", id}}.dump() << "\n";
    else
        std::cout << "imported " << file << " as session " << id << "\n";
    return 0;
}

// One line per registered generator, so that a new one is listed where it is registered.
std::string generatorsHelp() {
    std::string help = "comma-separated: ";
    for (const auto& g : builtinGenerators().all())
        help += (&g == &builtinGenerators().all().front() ? "" : "; ") + g.name + ": " + g.description;
    return help;
}

}  // namespace

SessionCommands::SessionCommands(CLI::App& app) {
    auto o = std::make_shared<OptimizeOptions>();
    auto* opt = app.add_subcommand("optimize", "Grow a tree of candidates for a task until a stop condition holds");
    opt->add_option("TASK", o->task, "a built-in task name or a task directory (optional with --resume)");
    opt->add_option("--backend", o->backend, "cpu, cuda, hip, or auto")->check(CLI::IsMember(Evaluator::backendChoices()));
    opt->add_option("--runners", o->runners,
                    "measure on these runner endpoints, comma-separated: cpu, cuda:N, ssh://[user@]host[:port][?device=..&runner=..], "
                    "slurm://PARTITION[?gres=..&time=..] (docs/runners.md); candidates are spread over them");
    opt->add_option("--strategy", o->strategy, "node selection: " + joinNames(selectionPolicyNames()))->check(CLI::IsMember(selectionPolicyNames()));
    opt->add_option("--generators", o->generators, generatorsHelp());
    opt->add_option("--llm-provider", o->llmProvider, "the LLM provider (from providers.json) the agent asks; adds llm to the generators");
    opt->add_option("--llm-model", o->llmModel, "another model than the provider's");
    opt->add_option("--llm-attempts", o->llmAttempts, "answers asked about one node (default 3)")->check(CLI::PositiveNumber);
    opt->add_flag("--no-profile", o->noProfile, "do not profile nodes with Nsight Compute before asking the agent to optimize them");
    opt->add_option("--providers", o->providers, "the providers file (default: $KFORGE_PROVIDERS, else ~/.config/kernelforge/providers.json)");
    opt->add_option("--max-tokens", o->maxTokens, "stop once the agent spent this many tokens (input + output)")->check(CLI::PositiveNumber);
    opt->add_option("--max-cost", o->maxCost, "stop once the agent spent this much money, in the providers' price unit")
        ->check(CLI::PositiveNumber);
    opt->add_flag("-v,--verbose", o->verbose, "show the model's answers as they stream in");
    opt->add_option("--tuner", o->tuner, "search strategy: " + joinNames(searcherNames()))->check(CLI::IsMember(searcherNames()));
    opt->add_option("--budget", o->budget, "stop after this many evaluations (default 100 when no condition is given)")
        ->check(CLI::PositiveNumber);
    opt->add_option("--time", o->time, "stop after this much active time: 90s, 10m, 1.5h");
    opt->add_option("--plateau", o->plateau, "stop after this many evaluations without a new best")->check(CLI::PositiveNumber);
    opt->add_option("--target", o->target, "stop once the best speedup reaches this")->check(CLI::PositiveNumber);
    opt->add_flag("--all", o->all, "stop only when all the given conditions hold (default: any)");
    opt->add_option("--resume", o->resume, "continue a stored session (new stop conditions replace its own)");
    opt->add_option("--name", o->name, "a name for the new session");
    opt->add_option("--from", o->from, "start the tree from this source instead of the task's template");
    opt->add_option("--seed", o->config.seed, "seed of the search strategies");
    opt->add_option("--exploration", o->config.exploration, "UCB's exploration constant")->check(CLI::NonNegativeNumber);
    opt->add_option("--beam-width", o->config.beamWidth, "nodes in the beam")->check(CLI::PositiveNumber);
    opt->add_option("--seeds", o->config.seeds, "fresh random inputs per verification (at least 3)")->check(CLI::Range(3, 100));
    opt->add_option("--warmup-ms", o->config.timing.warmupMs, "warm-up per workload");
    opt->add_option("--budget-ms", o->config.timing.budgetMs, "timing budget per workload");
    opt->add_option("--min-reps", o->config.timing.minReps, "fewest timed repetitions")->check(CLI::Range(1, 1000000));
    opt->add_option("--speedup-against", o->speedupAgainst,
                    "what fitness is a speedup over: best (the fastest PyTorch baseline per workload; the task's native "
                    "baseline when PyTorch is missing) or native")
        ->check(CLI::IsMember({"best", "native"}));
    addTorchOptions(opt, o->torch);
    opt->add_flag("--no-tuning-cache", o->noTuningCache,
                  "neither start from the tuning cache's configurations nor add this session's (see `kforge cache`)");
    opt->add_option("--max-in-flight", o->config.maxInFlight, "bound on proposed-but-unmeasured candidates (0: half the cores + 2)");
    opt->add_flag("--json", o->json, "print one JSON summary at the end (progress goes to stderr on a terminal)");
    opt->add_flag("-q,--quiet", o->quiet, "only the progress line on a terminal, no line per candidate");
    addDbOption(opt, o->store);
    addNoSandboxFlag(opt);
    commands_.emplace_back(opt, [o] { return optimize(*o); });

    auto a = std::make_shared<AddOptions>();
    auto* add = app.add_subcommand("add", "Evaluate a source you wrote as a child node of a session (the manual generator)");
    add->add_option("SESSION", a->session, "the session id")->required();
    add->add_option("FILE", a->file, "the source")->required()->check(CLI::ExistingFile);
    add->add_option("--parent", a->parent, "the parent node (default: the best)");
    add->add_option("--note", a->note, "what you changed, kept with the node");
    add->add_flag("--json", a->json, "print one JSON object");
    addDbOption(add, a->store);
    addNoSandboxFlag(add);
    commands_.emplace_back(add, [a] { return addManual(*a); });

    struct Common {
        StoreOption store;
        int64_t session = 0;
        std::optional<int64_t> node;
        bool json = false, noSource = false;
        std::string out, file;
    };
    auto c = std::make_shared<Common>();
    auto* sessions = app.add_subcommand("sessions", "The sessions in the workspace");
    sessions->add_flag("--json", c->json, "one JSON array");
    addDbOption(sessions, c->store);
    commands_.emplace_back(sessions, [c] { return listSessions(c->store, c->json); });

    auto* show = app.add_subcommand("show", "A session's tree, or one node's measurements and source");
    show->add_option("SESSION", c->session, "the session id")->required();
    show->add_option("NODE", c->node, "a node of it");
    show->add_flag("--json", c->json, "JSON instead of text");
    show->add_flag("--no-source", c->noSource, "leave the node's source out");
    addDbOption(show, c->store);
    commands_.emplace_back(show, [c] { return showSession(c->store, c->session, c->node, c->json, c->noSource); });

    auto p = std::make_shared<ProfileOptions>();
    auto* prof = app.add_subcommand("profile", "Profile a node with Nsight Compute (CUDA) and keep the counters with it");
    prof->add_option("SESSION", p->session, "the session id")->required();
    prof->add_option("NODE", p->node, "the node (default: the best)");
    prof->add_option("--workload", p->workload, "the workload's uuid (default: the one with the most tensor bytes)");
    prof->add_flag("--json", p->json, "print the profile as JSON");
    addDbOption(prof, p->store);
    addNoSandboxFlag(prof);
    commands_.emplace_back(prof, [p] { return profileNode(*p); });

    auto rm = std::make_shared<RemeasureOptions>();
    auto* remeasure = app.add_subcommand(
        "remeasure", "Measure a passed node again, longer, on fresh inputs (for a noisy median); the node keeps the new result");
    remeasure->add_option("SESSION", rm->session, "the session id")->required();
    remeasure->add_option("NODE", rm->node, "the node")->required();
    remeasure->add_flag("--json", rm->json, "the node before and after, as JSON");
    addDbOption(remeasure, rm->store);
    addNoSandboxFlag(remeasure);
    commands_.emplace_back(remeasure, [rm] { return remeasureNode(*rm); });

    auto* best = app.add_subcommand("best", "Write a session's best kernel (or --node N) as a standalone source");
    best->add_option("SESSION", c->session, "the session id")->required();
    best->add_option("--node", c->node, "another node than the best");
    best->add_option("-o,--out", c->out, "the file to write (default: standard output)");
    addDbOption(best, c->store);
    commands_.emplace_back(best, [c] { return bestOf(c->store, c->session, c->node, c->out); });

    struct ExportOptions {
        StoreOption store;
        std::optional<int64_t> session, node;
        std::string format, out;
        bool list = false;
    };
    auto e = std::make_shared<ExportOptions>();
    auto* ex = app.add_subcommand("export", "Export a node (default: the best PASSED; per-shape bests when they differ) into the ecosystem");
    ex->add_option("SESSION", e->session, "the session id");
    ex->add_option("NODE", e->node, "a PASSED node of it (default: the best, with shape dispatch)");
    ex->add_option("-f,--format", e->format, "one of: " + exportFormatNames());
    ex->add_option("-o,--out", e->out, "the directory to write (must not exist, or be empty)");
    ex->add_flag("--formats", e->list, "list the formats and exit");
    addDbOption(ex, e->store);
    commands_.emplace_back(ex, [e] { return exportNode(e->store, e->session, e->node, e->format, e->out, e->list); });

    auto* exp = app.add_subcommand("session-export", "Write a session to one portable file");
    exp->add_option("SESSION", c->session, "the session id")->required();
    exp->add_option("-o,--out", c->out, "the file (default: session-ID.kfsession)");
    addDbOption(exp, c->store);
    commands_.emplace_back(exp, [c] { return exportSession(c->store, c->session, c->out); });

    auto* imp = app.add_subcommand("session-import", "Add an exported session to this workspace");
    imp->add_option("FILE", c->file, "a .kfsession file")->required()->check(CLI::ExistingFile);
    imp->add_flag("--json", c->json, "print the new id as JSON");
    addDbOption(imp, c->store);
    commands_.emplace_back(imp, [c] { return importSession(c->store, c->file, c->json); });
}

std::optional<int> SessionCommands::run() {
    for (auto& [cmd, action] : commands_)
        if (cmd->parsed()) return action();
    return std::nullopt;
}

}  // namespace kforge::cli
