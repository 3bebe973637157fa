// The session engine's parts that need no device: fitness, stop conditions,
// selection policies, the tuner generator, and the SQLite store (schema,
// round trips, export and import, deletion).
#include <QtTest>

#include <filesystem>
#include <set>

#include "session/config_header.h"
#include "session/fitness.h"
#include "session/selection.h"
#include "session/stop_conditions.h"
#include "session/tuner_generator.h"
#include "store/schema.h"
#include "store/store.h"
#include "util/error.h"
#include "util/sha256.h"

using namespace kforge;

namespace {

EvalReport passedReport(std::vector<std::pair<std::string, double>> speedups) {
    EvalReport r;
    r.status = Status::Passed;
    for (const auto& [uuid, s] : speedups) {
        WorkloadReport w;
        w.uuid = uuid;
        w.status = Status::Passed;
        w.speedup = s;
        r.workloads.push_back(w);
    }
    return r;
}

Node doneNode(int64_t id, std::optional<int64_t> parent, double fitness, const std::string& hash = "h") {
    Node n;
    n.id = id;
    n.parent = parent;
    n.generator = "tuner";
    n.sourceHash = hash;
    n.config = {{"X", std::to_string(id)}};
    n.state = NodeState::Done;
    n.status = fitness > 0 ? Status::Passed : Status::IncorrectNumerical;
    n.fitness = fitness;
    return n;
}

const char* kTunable =
    "// @tune A 1 2 3 4\n"
    "// @tune B 1 2 3\n"
    "// @constraint A * B <= 8\n"
    "int x;\n";

std::filesystem::path tempDb(const char* name) {
    const auto dir = std::filesystem::path(QDir::tempPath().toStdString()) / ("kforge-test-session-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto p = dir / name;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + suffix);
    return p;
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void configHeaderRoundTrips() {
        const TuneConfig config{{"BLOCK", "256"}, {"VEC", "4"}};
        const std::string source = "// a kernel\n__global__ void k() {}\n";
        const std::string text = withConfigHeader(config, source);
        QCOMPARE(text, std::string("// -D BLOCK=256\n// -D VEC=4\n") + source);
        const SplitSource back = splitConfigHeader(text);
        QVERIFY(back.hadHeader);
        QVERIFY(back.config == config);
        QCOMPARE(back.source, source);
        // No header: the text is the source; an edited value is read back.
        QVERIFY(!splitConfigHeader(source).hadHeader);
        QCOMPARE(splitConfigHeader(source).source, source);
        QCOMPARE(splitConfigHeader("// -D BLOCK=512\r\nint x;").config.at("BLOCK"), std::string("512"));
        QCOMPARE(withConfigHeader({}, source), source);
    }
    void configHeaderErrorsNameTheLine() {
        try {
            splitConfigHeader("// -D BLOCK=256\n// -D 9X=1\nint x;");
            QFAIL("a bad header line was accepted");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("line 2") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, splitConfigHeader("// -D BLOCK=\n"));
        QVERIFY_THROWS_EXCEPTION(Error, splitConfigHeader("// -D BLOCK\n"));
    }
    void fitnessIsTheWeightedGeometricMean() {
        const auto r = passedReport({{"a", 2.0}, {"b", 0.5}});
        QCOMPARE(fitnessOf(r, {}), 1.0);
        // Weight 3 on "a": exp((3 ln 2 + ln 0.5) / 4) = 2^(1/2)
        QVERIFY(std::abs(fitnessOf(r, {{"a", 3.0}}) - std::sqrt(2.0)) < 1e-12);
    }
    void fitnessIsZeroUnlessEverythingPassed() {
        auto r = passedReport({{"a", 2.0}, {"b", 3.0}});
        r.status = Status::IncorrectNumerical;
        QCOMPARE(fitnessOf(r, {}), 0.0);
        r = passedReport({{"a", 2.0}, {"b", 3.0}});
        r.workloads[1].speedup = 0;  // not timed against the baseline
        QCOMPARE(fitnessOf(r, {}), 0.0);
        QCOMPARE(fitnessOf(EvalReport{}, {}), 0.0);
    }

    void fitnessAgainstBestUsesThePyTorchSpeedups() {
        auto r = passedReport({{"a", 2.0}, {"b", 8.0}});  // 4x over the native baseline
        r.workloads[0].speedupVsBest = 0.5;               // but slower than torch.compile on "a"
        r.workloads[1].speedupVsBest = 2.0;
        QCOMPARE(fitnessOf(r, {}, SpeedupBasis::Native), 4.0);
        QCOMPARE(fitnessOf(r, {}, SpeedupBasis::Best), 1.0);
        r.workloads[1].speedupVsBest = 0;  // no PyTorch baseline on "b": not comparable
        QCOMPARE(fitnessOf(r, {}, SpeedupBasis::Best), 0.0);

        WorkloadBaselines baselines;
        MeasuredBaseline compile;
        compile.name = "compile";
        compile.status = Status::Passed;
        compile.samplesMs = {1.0};
        baselines["a"] = {compile};
        QVERIFY(!everyWorkloadHasBest(baselines, {"a", "b"}));
        MeasuredBaseline failed = compile;
        failed.status = Status::Timeout;
        baselines["b"] = {failed};
        QVERIFY(!everyWorkloadHasBest(baselines, {"a", "b"}));
        baselines["b"].push_back(compile);
        QVERIFY(everyWorkloadHasBest(baselines, {"a", "b"}));
        QVERIFY(!everyWorkloadHasBest(baselines, {}));
    }
    void speedupBasisOfAStoredConfiguration() {
        SessionConfig c;
        QCOMPARE(c.speedupAgainst, SpeedupBasis::Best);
        QCOMPARE(sessionConfigFromJson(toJson(c)).speedupAgainst, SpeedupBasis::Best);
        nlohmann::json old = toJson(c);
        old.erase("speedup_against");  // a session stored before PyTorch baselines
        QCOMPARE(sessionConfigFromJson(old).speedupAgainst, SpeedupBasis::Native);
        old["speedup_against"] = "fastest";
        QVERIFY_THROWS_EXCEPTION(Error, sessionConfigFromJson(old));
    }

    void stopConditionsCompose() {
        StopConditions s;
        QVERIFY(!stopReason(s, {1000, 1e6, 1000, 100}));  // nothing set: never by itself
        s.evaluations = 10;
        s.target = 2.0;
        QVERIFY(!stopReason(s, {9, 0, 0, 1.9}));
        QVERIFY(stopReason(s, {10, 0, 0, 1.0})->text.find("budget of 10") != std::string::npos);
        QCOMPARE(stopReason(s, {10, 0, 0, 1.0})->causes, std::vector<StopCause>{StopCause::Evaluations});
        QVERIFY(stopReason(s, {3, 0, 0, 2.5})->text.find("target speedup") != std::string::npos);
        s.requireAll = true;
        QVERIFY(!stopReason(s, {10, 0, 0, 1.0}));
        QVERIFY(!stopReason(s, {3, 0, 0, 2.5}));
        QCOMPARE(stopReason(s, {10, 0, 0, 2.5})->causes, (std::vector<StopCause>{StopCause::Evaluations, StopCause::Target}));
        QCOMPARE(stopReason(s, {10, 0, 0, 2.5})->text, std::string("budget of 10 evaluations reached; target speedup 2x reached (2.5x)"));
        StopConditions p;
        p.plateau = 5;
        p.seconds = 60;
        QVERIFY(!stopReason(p, {50, 59, 4, 1}));
        QVERIFY(stopReason(p, {50, 59, 5, 1})->text.find("no improvement") != std::string::npos);
        QVERIFY(stopReason(p, {50, 60, 0, 1})->text.find("time limit") != std::string::npos);
        for (StopCause c : {StopCause::Evaluations, StopCause::Time, StopCause::Plateau, StopCause::Target, StopCause::Tokens,
                            StopCause::Cost, StopCause::User, StopCause::EditsEvaluated, StopCause::NothingToTune,
                            StopCause::Exhausted})
            QCOMPARE(stopCauseFromName(stopCauseName(c)), std::optional<StopCause>(c));
        QVERIFY(!stopCauseFromName("budget"));
        const auto back = stopConditionsFromJson(toJson(s));
        QCOMPARE(back.evaluations, s.evaluations);
        QCOMPARE(back.target, s.target);
        QVERIFY(back.requireAll);
    }
    void durationsParse() {
        QCOMPARE(parseDuration("90s"), 90.0);
        QCOMPARE(parseDuration("10m"), 600.0);
        QCOMPARE(parseDuration("1.5h"), 5400.0);
        QCOMPARE(parseDuration("2h30m"), 9000.0);
        QCOMPARE(parseDuration("45"), 45.0);
        for (const char* bad : {"", "m", "10x", "-5s", "2h30", "0"}) {
            bool threw = false;
            try {
                parseDuration(bad);
            } catch (const Error& e) {
                threw = std::string(e.what()).find("duration") != std::string::npos;
            }
            QVERIFY2(threw, bad);
        }
        QCOMPARE(formatDuration(3723), std::string("1:02:03"));
        QCOMPARE(formatDuration(75), std::string("1:15"));
    }

    void selectionPolicies() {
        SessionTree tree;
        tree.put(doneNode(1, std::nullopt, 1.0));
        tree.put(doneNode(2, 1, 3.0));
        tree.put(doneNode(3, 1, 2.0));
        tree.put(doneNode(4, 2, 0.0));  // failed
        tree.put(doneNode(5, 2, 0.0));  // failed
        tree.put(doneNode(6, 3, 1.5));
        auto all = [](const Node&) { return true; };
        QCOMPARE(*makeSelectionPolicy("best", 1, 4)->select(tree, all), int64_t{2});
        // Beam of 2 (nodes 2 and 3): the one with fewer children goes next.
        QCOMPARE(*makeSelectionPolicy("beam", 1, 2)->select(tree, all), int64_t{3});
        // UCB without exploration: the best mean subtree value. Node 2's failed
        // children count against it (mean (1 + 0 + 0) / 3), node 3's do not
        // ((2/3 + 0.5) / 2), a leaf's is its own value.
        QCOMPARE(*makeSelectionPolicy("ucb", 0, 4)->select(tree, all), int64_t{3});
        // Only nodes the generators can expand compete.
        auto notThree = [](const Node& n) { return n.id != 3; };
        QCOMPARE(*makeSelectionPolicy("ucb", 0, 4)->select(tree, notThree), int64_t{6});
        // Strong exploration favours the small subtrees (the leaves).
        const auto explored = *makeSelectionPolicy("ucb", 100, 4)->select(tree, all);
        QVERIFY(tree.children(explored).empty());
        QVERIFY(!makeSelectionPolicy("best", 1, 4)->select(tree, [](const Node&) { return false; }));
        // Before anything passed: the earliest expandable node.
        SessionTree fresh;
        Node root = doneNode(1, std::nullopt, 0);
        root.state = NodeState::Pending;
        fresh.put(root);
        for (const auto& p : selectionPolicyNames()) QCOMPARE(*makeSelectionPolicy(p, 1, 4)->select(fresh, all), int64_t{1});
        QVERIFY_THROWS_EXCEPTION(Error, makeSelectionPolicy("nope", 1, 4));
        // The registry and the factory agree: every row builds the policy of its
        // name, the default is first, and the error lists every name.
        QCOMPARE(selectionPolicyNames().front(), std::string("ucb"));
        for (const SelectionPolicyInfo& p : kforge::selectionPolicies()) {
            QCOMPARE(makeSelectionPolicy(p.name, 1, 4)->name(), p.name);
            QVERIFY(p.title && *p.title);
        }
        try {
            makeSelectionPolicy("nope", 1, 4);
        } catch (const Error& e) {
            for (const auto& p : selectionPolicyNames()) QVERIFY2(std::string(e.what()).find(p) != std::string::npos, e.what());
        }
    }

    void tunerNeverProposesAConfigurationTwice() {
        for (const char* strategy : {"grid", "random", "anneal", "genetic", "bo"}) {
            SessionTree tree;
            const std::string hash = sha256Hex(kTunable);
            tree.putSource(hash, kTunable);
            Node root;
            root.id = 1;
            root.sourceHash = hash;
            root.sourceExtension = ".cpp";
            root.config = {{"A", "1"}, {"B", "1"}};
            root.state = NodeState::Done;
            root.status = Status::Passed;
            root.fitness = 1;
            tree.put(root);
            TunerGenerator tuner(strategy, 7);
            std::set<std::string> seen{configKey(root.config)};
            // 4 x 3 = 12 configurations, 2 of them break A * B <= 8 (3x3, 4x3): 10 valid, the root is one.
            for (int i = 0; i < 9; ++i) {
                QVERIFY2(tuner.canExpand(tree.at(1), tree), strategy);
                const auto p = tuner.propose(tree.at(1), tree);
                QVERIFY2(p, strategy);
                QVERIFY(std::stoi(p->config.at("A")) * std::stoi(p->config.at("B")) <= 8);
                QVERIFY2(seen.insert(configKey(p->config)).second, strategy);
                Node n;
                n.id = tree.nextId();
                n.parent = 1;
                n.sourceHash = hash;
                n.config = p->config;
                // Half stay pending: still never proposed again.
                n.state = i % 2 ? NodeState::Pending : NodeState::Done;
                n.status = i % 2 ? Status::NotRun : (i % 3 ? Status::Passed : Status::CompileError);
                n.fitness = n.status == Status::Passed ? 1.0 + i : 0;
                tree.put(n);
            }
            QVERIFY2(!tuner.canExpand(tree.at(1), tree), strategy);
            QVERIFY(!tuner.propose(tree.at(1), tree));
        }
        QVERIFY_THROWS_EXCEPTION(Error, TunerGenerator("nope", 1));
    }
    void tunerSkipsASourceWithoutParameters() {
        SessionTree tree;
        tree.putSource("plain", "int main() {}\n");
        Node n = doneNode(1, std::nullopt, 1.0, "plain");
        n.config.clear();
        tree.put(n);
        TunerGenerator tuner("bo", 1);
        QVERIFY(!tuner.canExpand(tree.at(1), tree));
        QVERIFY(!tuner.propose(tree.at(1), tree));
    }

    void storeRoundTripsASession() {
        const auto db = tempDb("roundtrip.db");
        int64_t id = 0;
        {
            Store store(db);
            QCOMPARE(store.schemaVersion(), latestSchemaVersion());
            SessionRecord r;
            r.name = "s";
            r.task = "t";
            r.taskRef = "t";
            r.taskHash = "abc";
            r.taskDefinition = "{}";
            r.taskWorkloads = "";
            r.device.name = "Test GPU";
            r.device.backend = Backend::Cuda;
            r.config.backend = Backend::Cuda;
            r.config.tuner = "anneal";
            r.config.stop.evaluations = 42;
            r.baselineName = "baseline";
            r.baselineHash = store.putSource("baseline source");
            SampleStats s;
            s.median = 1.5;
            s.count = 10;
            r.baseline["w1"] = s;
            store.createSession(r);
            id = r.id;
            QVERIFY(!r.uuid.empty());

            Node root;
            root.id = 1;
            root.generator = "template";
            root.sourceHash = store.putSource(kTunable);
            root.sourceExtension = ".cu";
            root.config = {{"A", "2"}, {"B", "1"}};
            root.createdAt = "2026-11-22T00:00:00Z";
            store.insertNode(id, root);
            root.state = NodeState::Done;
            root.status = Status::Passed;
            root.fitness = 1.25;
            root.evaluation = EvalReport{};
            root.evaluation->workloads.push_back(WorkloadReport{});
            root.evaluation->workloads.back().uuid = "w1";
            store.updateNode(id, root);
            Node child = root;
            child.id = 2;
            child.parent = 1;
            child.config = {{"A", "3"}, {"B", "1"}};
            child.state = NodeState::Pending;
            child.status = Status::NotRun;
            store.insertNode(id, child);
            // The same source and configuration twice is refused by the schema.
            QVERIFY_THROWS_EXCEPTION(Error, store.insertNode(id, [&] { Node d = child; d.id = 3; return d; }()));
            // A parent that does not exist is refused (foreign keys are on).
            QVERIFY_THROWS_EXCEPTION(Error, store.insertNode(id, [&] {
                Node d = child;
                d.id = 4;
                d.parent = 99;
                d.config = {{"A", "4"}};
                return d;
            }()));
        }
        Store store(db);  // a fresh connection reads what the first wrote
        const SessionRecord r = store.session(id);
        QCOMPARE(r.device.name, std::string("Test GPU"));
        QCOMPARE(r.config.backend, Backend::Cuda);
        QCOMPARE(r.config.tuner, std::string("anneal"));
        QCOMPARE(*r.config.stop.evaluations, 42);
        QCOMPARE(r.baseline.at("w1").median, 1.5);
        const SessionTree tree = store.loadTree(id);
        QCOMPARE(tree.nodes().size(), size_t{2});
        QCOMPARE(tree.at(1).fitness, 1.25);
        QCOMPARE(tree.at(1).config.at("A"), std::string("2"));
        QVERIFY(tree.at(2).state == NodeState::Pending);
        QCOMPARE(tree.source(tree.at(2).sourceHash), std::string(kTunable));
        QCOMPARE(tree.children(1), std::vector<int64_t>{2});
        QVERIFY_THROWS_EXCEPTION(Error, store.session(id + 100));

        // A summary leaves the evaluation out and says so; node() reads one in full.
        const SessionTree summary = store.loadTree(id, Store::NodeDetail::Summary);
        QCOMPARE(summary.nodes().size(), size_t{2});
        QVERIFY(!summary.at(1).detailed);
        QVERIFY(!summary.at(1).evaluation);
        QCOMPARE(summary.at(1).fitness, 1.25);
        QCOMPARE(summary.source(summary.at(2).sourceHash), std::string(kTunable));
        const Node full = store.node(id, 1);
        QVERIFY(full.detailed);
        QCOMPARE(toJson(*full.evaluation, ReportScope::Node), toJson(*tree.at(1).evaluation, ReportScope::Node));
        QVERIFY_THROWS_EXCEPTION(Error, store.node(id, 99));

        // Export, import into another workspace, compare; importing twice is refused.
        const auto doc = store.exportSession(id);
        const auto other = tempDb("imported.db");
        Store target(other);
        const int64_t imported = target.importSession(doc);
        const SessionRecord ri = target.session(imported);
        QCOMPARE(ri.uuid, r.uuid);
        QCOMPARE(ri.baseline.at("w1").median, 1.5);
        QCOMPARE(target.loadTree(imported).nodes().size(), size_t{2});
        QCOMPARE(target.source(r.baselineHash), std::string("baseline source"));
        bool refused = false;
        try {
            target.importSession(doc);
        } catch (const Error& e) {
            refused = std::string(e.what()).find("already in the workspace") != std::string::npos;
        }
        QVERIFY(refused);
        // A damaged file: a source whose text no longer matches its hash.
        auto damaged = doc;
        damaged["session"]["uuid"] = "another";
        damaged["sources"][r.baselineHash] = "tampered";
        QVERIFY_THROWS_EXCEPTION(Error, target.importSession(damaged));
        QCOMPARE(target.sessions().size(), size_t{1});  // the failed import left nothing behind
        QVERIFY_THROWS_EXCEPTION(Error, target.importSession(nlohmann::json{{"format", "something else"}}));

        // Deleting removes nodes and the sources no one else uses.
        store.renameSession(id, "renamed");
        QCOMPARE(store.session(id).name, std::string("renamed"));
        store.deleteSession(id);
        QCOMPARE(store.sessions().size(), size_t{0});
        QCOMPARE(store.database().scalarInt("SELECT count(*) FROM nodes"), int64_t{0});
        QCOMPARE(store.database().scalarInt("SELECT count(*) FROM sources"), int64_t{0});
    }
    void storeRefusesANewerSchema() {
        const auto db = tempDb("newer.db");
        {
            Database raw(db);
            raw.exec("PRAGMA user_version = 999");
        }
        bool refused = false;
        try {
            Store store(db);
        } catch (const Error& e) {
            refused = std::string(e.what()).find("newer KernelForge") != std::string::npos;
        }
        QVERIFY(refused);
    }
    void storeIsInWalMode() {
        Store store(tempDb("wal.db"));
        Statement s = store.database().prepare("PRAGMA journal_mode");
        QVERIFY(s.step());
        QCOMPARE(s.text(0), std::string("wal"));
        QCOMPARE(store.database().scalarInt("PRAGMA foreign_keys"), int64_t{1});
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
