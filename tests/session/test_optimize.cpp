// `kforge optimize` and the session commands end to end on the CPU backend:
// the tuner beats the naive baseline on built-in tasks, a killed run resumes
// without re-measuring anything stored, Ctrl-C leaves a consistent store, and
// show / best / add / session-export / session-import do what they say.
#include <QtTest>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "model/tuning_config.h"
#include "store/store.h"
#include "util/process.h"

using namespace kforge;
using Json = nlohmann::json;

class TestOptimize : public QObject {
    Q_OBJECT
    std::filesystem::path dir_;

    std::string db(const std::string& name) const { return (dir_ / name).string(); }
    static std::string cli() { return qEnvironmentVariable("KFORGE_CLI").toStdString(); }
    static ProcessResult kforge(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
        args.insert(args.begin(), cli());
        RunOptions o;
        o.timeout = std::chrono::minutes(8);
        o.extraEnv = std::move(env);
        return runProcess(args, o);
    }
    static Json parse(const ProcessResult& r) {
        const auto start = r.output.find_first_of("{[");
        return Json::parse(r.output.substr(start == std::string::npos ? 0 : start));
    }
    // Short timing budgets: these tests check behaviour, not numbers.
    // The tuner against the task's native baseline: PyTorch's baselines (and
    // their child process) are another test's subject (test_torch).
    static std::vector<std::string> quick() {
        return {"--backend", "cpu", "--budget-ms", "30", "--warmup-ms", "5", "--torch-baselines", "none", "--speedup-against", "native"};
    }

    static int doneNodes(const std::string& file) {
        if (!std::filesystem::exists(file)) return 0;
        try {
            Store store(file);
            return static_cast<int>(store.database().scalarInt("SELECT count(*) FROM nodes WHERE state = 'done'"));
        } catch (const std::exception&) {
            return 0;  // created but not yet migrated
        }
    }

    // Starts `kforge optimize`, waits until `atLeast` nodes are done, then signals it.
    void interrupt(const std::string& file, const std::vector<std::string>& extra, int atLeast, int signal, QProcess& p) {
        QStringList args{"optimize"};
        for (const auto& a : extra) args << QString::fromStdString(a);
        for (const auto& a : quick()) args << QString::fromStdString(a);
        args << "--db" << QString::fromStdString(file);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QString::fromStdString(cli()), args);
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (doneNodes(file) < atLeast && t.elapsed() < 240000 && p.state() == QProcess::Running) QTest::qWait(100);
        QVERIFY2(p.state() == QProcess::Running, p.readAll().constData());
        QVERIFY(doneNodes(file) >= atLeast);
        ::kill(static_cast<pid_t>(p.processId()), signal);
        QVERIFY(p.waitForFinished(120000));
    }

private slots:
    void initTestCase() {
        dir_ = std::filesystem::path(QDir::tempPath().toStdString()) / ("kforge-test-optimize-" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void cleanupTestCase() { std::filesystem::remove_all(dir_); }

    void tunerBeatsTheNaiveBaseline_data() {
        QTest::addColumn<QString>("task");
        QTest::newRow("gelu_bf16") << "gelu_bf16";
        QTest::newRow("softmax_fp32") << "softmax_fp32";
        QTest::newRow("row_sum_fp32") << "row_sum_fp32";
    }
    void tunerBeatsTheNaiveBaseline() {
        QFETCH(QString, task);
        std::vector<std::string> args{"optimize", task.toStdString(), "--tuner", "bo", "--budget", "8", "--json", "--db", db("tuned.db")};
        for (const auto& a : quick()) args.push_back(a);
        const auto r = kforge(args);
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QCOMPARE(j.at("status").get<std::string>(), std::string("finished"));
        QCOMPARE(j.at("evaluations").get<int>(), 8);
        QVERIFY2(j.at("best_speedup").get<double>() > 1.0, r.output.c_str());
        QVERIFY(j.at("counts").value("PASSED", 0) >= 1);
        // The best node really is PASSED, and every node is a distinct configuration.
        Store store(db("tuned.db"));
        const auto tree = store.loadTree(j.at("session").get<int64_t>());
        const Node& best = tree.at(j.at("best_node").get<int64_t>());
        QVERIFY(best.passed());
        QCOMPARE(best.fitness, j.at("best_speedup").get<double>());
        std::set<std::string> configs;
        for (const auto& n : tree.nodes()) {
            QVERIFY(n.state == NodeState::Done);
            QVERIFY(configs.insert(n.sourceHash + configKey(n.config)).second);
        }
        QCOMPARE(configs.size(), size_t{8});
    }

    void killedRunResumesWithoutRemeasuring() {
        const std::string file = db("killed.db");
        QProcess p;
        interrupt(file, {"row_sum_fp32", "--budget", "12"}, 3, SIGKILL, p);
        QVERIFY(p.exitStatus() == QProcess::CrashExit);
        std::map<int64_t, std::string> before;  // node -> evaluated_at of what was stored
        int64_t session = 0;
        {
            Store store(file);
            Statement check = store.database().prepare("PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.text(0), std::string("ok"));
            const auto sessions = store.sessions();
            QCOMPARE(sessions.size(), size_t{1});
            session = sessions[0].id;
            QCOMPARE(sessions[0].status, std::string("running"));  // it never got to say otherwise
            for (const auto& n : store.nodes(session))
                if (n.state == NodeState::Done) before[n.id] = n.evaluatedAt + toJson(*n.evaluation, ReportScope::Node).dump();
        }
        QVERIFY(before.size() >= 3 && before.size() < 12);

        const auto r = kforge({"optimize", "--resume", std::to_string(session), "--json", "--db", file});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QCOMPARE(j.at("evaluations").get<int>(), 12);
        QCOMPARE(j.at("run").at("evaluations").get<int>(), 12 - static_cast<int>(before.size()));
        Store store(file);
        const auto nodes = store.nodes(session);
        QCOMPARE(nodes.size(), size_t{12});
        std::set<std::string> configs;
        for (const auto& n : nodes) {
            QVERIFY(n.state == NodeState::Done);
            QVERIFY(configs.insert(configKey(n.config)).second);  // nothing measured twice
            if (before.count(n.id)) QCOMPARE(n.evaluatedAt + toJson(*n.evaluation, ReportScope::Node).dump(), before[n.id]);  // untouched
        }
    }

    void interruptStopsCleanly() {
        const std::string file = db("interrupted.db");
        QProcess p;
        interrupt(file, {"softmax_fp32", "--budget", "40"}, 2, SIGINT, p);
        QVERIFY(p.exitStatus() == QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
        Store store(file);
        const auto s = store.sessions().at(0);
        QCOMPARE(s.status, std::string("stopped"));
        QCOMPARE(s.stopReason, std::string("stopped by the user"));
        // Whatever was stopped in flight is pending, to be redone by a resume; the rest is done.
        int done = 0;
        for (const auto& n : store.nodes(s.id)) done += n.state == NodeState::Done;
        QCOMPARE(done, s.evaluations);
        QVERIFY(done < 40);
    }

    // A second session of the same task on the same machine starts from the
    // configurations the first one found fastest, and says so; --no-tuning-cache
    // neither reads nor writes the cache.
    void secondSessionStartsFromTheTuningCache() {
        // A tuning cache of its own (no other test's entries); the compile cache stays shared and warm.
        const std::map<std::string, std::string> env{{"KFORGE_TUNING_CACHE", (dir_ / "tuning.cache.db").string()}};
        const std::string file = db("tuning.db");
        auto run = [&](const std::string& budget, std::vector<std::string> extra = {}) {
            std::vector<std::string> args{"optimize", "row_sum_fp32", "--tuner", "grid", "--budget", budget, "--json", "--db", file};
            for (const auto& a : quick()) args.push_back(a);
            for (const auto& a : extra) args.push_back(a);
            return kforge(args, env);
        };
        // 14 evaluations reach grid's first two-thread configuration: its first
        // three are single-threaded neighbours of the defaults, and with four the
        // defaults (the root) often won every workload, leaving the cache nothing
        // the second session had not already tried as its root.
        const auto first = run("14");
        QVERIFY2(first.ok(), first.output.c_str());
        QVERIFY2(first.output.find("tuning cache: the tuner starts") == std::string::npos, first.output.c_str());
        const auto listed = kforge({"cache", "list", "--json"}, env);
        QVERIFY2(listed.ok(), listed.output.c_str());
        const Json entries = parse(listed);
        QVERIFY2(!entries.empty(), listed.output.c_str());
        std::set<std::string> cached;
        for (const auto& e : entries) {
            QCOMPARE(e.at("task").get<std::string>(), std::string("row_sum_fp32"));
            QCOMPARE(e.at("session").get<std::string>(), parse(first).at("uuid").get<std::string>());
            cached.insert(configKey(tuneConfigFromJson(e.at("config"), "config")));
        }

        const auto second = run("2");
        QVERIFY2(second.ok(), second.output.c_str());
        Store store(file);
        const auto tree = store.loadTree(parse(second).at("session").get<int64_t>());
        const Node& child = tree.at(2);  // the first the tuner proposed
        cached.erase(configKey(tree.at(1).config));  // the root's defaults: measured anyway, not offered
        const bool said = second.output.find("tuning cache: the tuner starts from") != std::string::npos;
        if (cached.empty()) {
            // Noise let the defaults win every workload: nothing new to start from, and nothing said.
            QVERIFY2(!said, second.output.c_str());
            QCOMPARE(child.input.strategy, std::string("grid"));
        } else {
            const std::string count = "starts from " + std::to_string(cached.size()) + " configuration";
            QVERIFY2(second.output.find(count) != std::string::npos, second.output.c_str());
            QCOMPARE(child.input.strategy, std::string("cache"));
            QVERIFY2(cached.count(configKey(child.config)), configKey(child.config).c_str());
        }

        const auto off = run("2", {"--no-tuning-cache"});
        QVERIFY2(off.ok(), off.output.c_str());
        QVERIFY2(off.output.find("tuning cache") == std::string::npos, off.output.c_str());
        QCOMPARE(store.loadTree(parse(off).at("session").get<int64_t>()).at(2).input.strategy, std::string("grid"));

        const auto show = kforge({"cache", "show", std::to_string(entries[0].at("id").get<int64_t>())}, env);
        QVERIFY2(show.ok() && show.output.find("row_sum_fp32") != std::string::npos, show.output.c_str());
        const auto missing = kforge({"cache", "show", "99999"}, env);
        QVERIFY2(missing.status.code == 2 && missing.output.find("no entry 99999") != std::string::npos, missing.output.c_str());
        const auto cleared = kforge({"cache", "clear", "--task", "row_sum_fp32"}, env);
        QVERIFY2(cleared.ok() && cleared.output.find("removed " + std::to_string(entries.size()) + " entr") != std::string::npos,
                 cleared.output.c_str());
        QCOMPARE(parse(kforge({"cache", "list", "--json"}, env)).size(), size_t{0});
    }

    // remeasure: a passed node measured again takes the new evaluation (one
    // more evaluation in the session, the best chosen again); nodes that do
    // not exist or did not pass are refused with a located error.
    void remeasureReplacesTheMeasurement() {
        const std::string file = db("remeasure.db");
        std::vector<std::string> args{"optimize", "vector_add_fp32", "--budget", "3", "--json", "--db", file};
        for (const auto& a : quick()) args.push_back(a);
        const auto r = kforge(args);
        QVERIFY2(r.ok(), r.output.c_str());
        const std::string id = std::to_string(parse(r).at("session").get<int64_t>());
        const Json shown = parse(kforge({"show", id, "--json", "--db", file}));
        const int64_t evaluations = shown.at("session").at("evaluations").get<int64_t>();
        const std::string best = std::to_string(shown.at("session").at("best_node").get<int64_t>());

        const auto again = kforge({"remeasure", id, best, "--json", "--db", file});
        QVERIFY2(again.ok(), again.output.c_str());
        const Json j = parse(again);
        QCOMPARE(j.at("before").at("id"), j.at("after").at("id"));
        QCOMPARE(j.at("after").at("status").get<std::string>(), std::string("PASSED"));
        QVERIFY(j.at("after").at("fitness").get<double>() > 0);
        const Json after = parse(kforge({"show", id, "--json", "--db", file}));
        QCOMPARE(after.at("session").at("evaluations").get<int64_t>(), evaluations + 1);
        QVERIFY(after.at("session").contains("best_node"));
        const auto text = kforge({"remeasure", id, best, "--db", file});
        QVERIFY2(text.ok(), text.output.c_str());
        QVERIFY2(text.output.find("median") != std::string::npos && text.output.find("best: node") != std::string::npos,
                 text.output.c_str());

        const auto unknown = kforge({"remeasure", id, "999", "--db", file});
        QCOMPARE(unknown.status.code, 2);
        QVERIFY2(unknown.output.find("has no node 999") != std::string::npos, unknown.output.c_str());
    }

    void sessionCommands() {
        const std::string file = db("commands.db");
        std::vector<std::string> args{"optimize", "rmsnorm_bf16", "--budget", "4", "--strategy", "beam", "--json", "--db", file};
        for (const auto& a : quick()) args.push_back(a);
        const auto r = kforge(args);
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        const std::string id = std::to_string(j.at("session").get<int64_t>());

        const auto list = kforge({"sessions", "--json", "--db", file});
        QVERIFY2(list.ok(), list.output.c_str());
        QCOMPARE(parse(list).size(), size_t{1});
        const auto text = kforge({"sessions", "--db", file});
        QVERIFY(text.output.find("rmsnorm_bf16") != std::string::npos);

        const auto show = kforge({"show", id, "--db", file});
        QVERIFY2(show.ok(), show.output.c_str());
        QVERIFY(show.output.find("node 1") != std::string::npos);
        QVERIFY(show.output.find("* node") != std::string::npos);  // the best is marked
        const auto node = kforge({"show", id, "1", "--db", file});
        QVERIFY2(node.ok(), node.output.c_str());
        QVERIFY(node.output.find("kf_run") != std::string::npos);  // the source
        QVERIFY(node.output.find("median ms") != std::string::npos);

        // best --out: a header, the configuration fixed, and a file kforge eval accepts as it is.
        const std::string out = (dir_ / "best.cpp").string();
        const auto best = kforge({"best", id, "--out", out, "--db", file});
        QVERIFY2(best.ok(), best.output.c_str());
        std::ifstream in(out);
        std::stringstream written;
        written << in.rdbuf();
        QVERIFY(written.str().find("// task:    rmsnorm_bf16") != std::string::npos);
        QVERIFY(written.str().find("#define THREADS") != std::string::npos);
        const auto eval = kforge({"eval", "rmsnorm_bf16", out, "--backend", "cpu", "--json", "--budget-ms", "20"});
        QVERIFY2(eval.ok(), eval.output.c_str());
        QCOMPARE(parse(eval).at("status").get<std::string>(), std::string("PASSED"));

        // add: an edit of the best becomes its child; the same edit again is refused.
        const auto added = kforge({"add", id, out, "--note", "exported and re-added", "--json", "--db", file});
        QVERIFY2(added.ok(), added.output.c_str());
        QCOMPARE(parse(added).at("status").get<std::string>(), std::string("PASSED"));
        const auto again = kforge({"add", id, out, "--db", file});
        QCOMPARE(again.status.code, 2);
        QVERIFY(again.output.find("already has this source") != std::string::npos);

        // export, import into another workspace: the same tree.
        const std::string exported = (dir_ / "s.kfsession").string();
        QVERIFY(kforge({"session-export", id, "--out", exported, "--db", file}).ok());
        const auto imported = kforge({"session-import", exported, "--json", "--db", db("laptop.db")});
        QVERIFY2(imported.ok(), imported.output.c_str());
        const auto id2 = std::to_string(parse(imported).at("session").get<int64_t>());
        const auto a = parse(kforge({"show", id, "--json", "--db", file}));
        const auto b = parse(kforge({"show", id2, "--json", "--db", db("laptop.db")}));
        QCOMPARE(a.at("nodes").dump(), b.at("nodes").dump());
        const auto twice = kforge({"session-import", exported, "--db", db("laptop.db")});
        QCOMPARE(twice.status.code, 2);

        // Bad input: one located line, exit code 2.
        const auto unknown = kforge({"show", "999", "--db", file});
        QCOMPARE(unknown.status.code, 2);
        QVERIFY(unknown.output.find("no session 999") != std::string::npos);
        std::ofstream(dir_ / "broken.kfsession") << "{\"format\": \"kernelforge-session\", ";
        const auto broken = kforge({"session-import", (dir_ / "broken.kfsession").string(), "--db", file});
        QCOMPARE(broken.status.code, 2);
        QVERIFY(broken.output.find("broken.kfsession") != std::string::npos);
        const auto badTime = kforge({"optimize", "gelu_bf16", "--time", "soon", "--db", file});
        QCOMPARE(badTime.status.code, 2);
        QVERIFY(badTime.output.find("not a duration") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestOptimize)
#include "test_optimize.moc"
