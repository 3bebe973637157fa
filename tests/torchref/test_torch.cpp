// PyTorch in the loop (issue 14) on the CPU: the PyTorch reference agrees with
// every built-in task's native reference, eval reports the eager baseline, a
// crashing or hanging Python child is classified and survived, and the baseline
// codec rejects what it does not know. Tests that need torch skip without it.
#include <QtTest>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "model/baselines.h"
#include "torchref/torch_python.h"
#include "util/error.h"
#include "util/process.h"

using namespace kforge;
using Json = nlohmann::json;

class TestTorch : public QObject {
    Q_OBJECT
    std::optional<TorchPython> python_;
    std::string why_;

    static ProcessResult kforge(std::vector<std::string> args, std::chrono::minutes timeout = std::chrono::minutes(10)) {
        args.insert(args.begin(), qEnvironmentVariable("KFORGE_CLI").toStdString());
        RunOptions o;
        o.timeout = timeout;
        return runProcess(args, o);
    }
    static std::string data(const std::string& rel) { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString() + "/" + rel; }
    static Json parse(const ProcessResult& r) {
        const auto start = r.output.find('{');
        return Json::parse(r.output.substr(start == std::string::npos ? 0 : start));
    }
    static const Json* baseline(const Json& workload, const std::string& name) {
        for (const auto& b : workload.at("baselines"))
            if (b.at("name") == name) return &b;
        return nullptr;
    }

private slots:
    void initTestCase() { python_ = findTorchPython({}, why_); }

    void codecRoundTripsAndRejects() {
        MeasuredBaseline b;
        b.name = "eager";
        b.status = Status::Passed;
        b.samplesMs = {1.0, 2.0, 3.0};
        b.setupSeconds = 0.5;
        b.speedup = 2;
        const Json j = toJson(b);
        QCOMPARE(j.at("median_ms").get<double>(), 2.0);
        const MeasuredBaseline back = measuredBaselineFromJson(j, "b");
        QCOMPARE(back.samplesMs.size(), size_t{3});
        QCOMPARE(back.setupSeconds, 0.5);
        QCOMPARE(back.speedup, 2.0);
        QVERIFY(back.status == Status::Passed);
        auto fails = [](Json bad, const std::string& expected) {
            try {
                measuredBaselineFromJson(bad, "workloads[1].baselines[0]");
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(expected) != std::string::npos, e.what());
                return;
            }
            QFAIL(("accepted " + bad.dump()).c_str());
        };
        Json unknown = j;
        unknown["colour"] = "red";
        fails(unknown, "workloads[1].baselines[0].colour: unknown field");
        Json missing = j;
        missing.erase("setup_seconds");
        fails(missing, "workloads[1].baselines[0].setup_seconds: missing");
        Json status = j;
        status["status"] = "GREAT";
        fails(status, ".status: unknown status 'GREAT'");
        Json sample = j;
        sample["samples_ms"][1] = "fast";
        fails(sample, ".samples_ms[1]: expected a number");
    }

    void bestIsTheLeastMedian() {
        std::vector<MeasuredBaseline> list(3);
        list[0].name = "eager", list[0].status = Status::Passed, list[0].samplesMs = {3, 3, 3};
        list[1].name = "compile", list[1].status = Status::NotRun;
        list[2].name = "vendor", list[2].status = Status::Passed, list[2].samplesMs = {2, 2, 2};
        QCOMPARE(bestBaseline(list)->name, std::string("vendor"));
        list[2].status = Status::IncorrectNumerical;  // a wrong answer is never the yardstick
        QCOMPARE(bestBaseline(list)->name, std::string("eager"));
    }

    void evalJsonReportsEager() {
        if (!python_) QSKIP(why_.c_str());
        const auto r = kforge({"eval", "vector_add_fp32", "template", "--backend", "cpu", "--json", "--budget-ms", "20"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QCOMPARE(j.at("status").get<std::string>(), std::string("PASSED"));
        QVERIFY(j.at("torch").at("used").get<bool>());
        QCOMPARE(j.at("torch").at("judge").get<std::string>(), std::string("native"));
        QVERIFY(j.at("speedup_vs_best").get<double>() > 0);
        for (const auto& w : j.at("workloads")) {
            const Json* eager = baseline(w, "eager");
            QVERIFY2(eager, w.dump().c_str());
            QCOMPARE(eager->at("status").get<std::string>(), std::string("PASSED"));
            QVERIFY(eager->at("samples_ms").size() >= 10);  // min_reps, as for the candidate
            QVERIFY(eager->at("median_ms").get<double>() > 0);
            QVERIFY(eager->at("speedup").get<double>() > 0);
            QCOMPARE(w.at("best_baseline").get<std::string>(), std::string(python_->hasCompile ? w.at("best_baseline").get<std::string>() : "eager"));
            QVERIFY(w.at("speedup_vs_best").get<double>() > 0);
            const Json* compile = baseline(w, "compile");
            QVERIFY(compile);
            if (!python_->hasCompile) {
                QCOMPARE(compile->at("status").get<std::string>(), std::string("NOT_RUN"));
                QVERIFY2(compile->at("message").get<std::string>().find("torch.compile needs PyTorch 2.0") != std::string::npos,
                         compile->dump().c_str());
            }
            QVERIFY(!baseline(w, "vendor"));  // vector_add names no vendor op
        }
        const auto table = kforge({"eval", "vector_add_fp32", "template", "--backend", "cpu", "--budget-ms", "20"});
        QVERIFY(table.output.find("torch eager") != std::string::npos);
        QVERIFY(table.output.find("vs the best PyTorch baseline") != std::string::npos);
    }

    void noTorchIsAMessageNotAFailure() {
        const auto r = runProcess({"env", "KFORGE_PYTHON=none", qEnvironmentVariable("KFORGE_CLI").toStdString(), "eval",
                                   "vector_add_fp32", "template", "--backend", "cpu", "--json", "--budget-ms", "10"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QCOMPARE(j.at("status").get<std::string>(), std::string("PASSED"));
        QVERIFY(!j.at("torch").at("used").get<bool>());
        QVERIFY(j.at("torch").at("error").get<std::string>().find("KFORGE_PYTHON=none") != std::string::npos);
        QCOMPARE(baseline(j.at("workloads")[0], "eager")->at("status").get<std::string>(), std::string("NOT_RUN"));
    }

    // The native reference, evaluated as a candidate against the PyTorch
    // reference's outputs, passes on every built-in task.
    void torchReferenceAgreesWithNative_data() {
        QTest::addColumn<QString>("task");
        const auto r = kforge({"tasks", "--json"});
        QVERIFY2(r.ok(), r.output.c_str());
        for (const auto& t : Json::parse(r.output.substr(r.output.find('['))))
            QTest::newRow(t.at("name").get<std::string>().c_str()) << QString::fromStdString(t.at("name").get<std::string>());
    }
    void torchReferenceAgreesWithNative() {
        if (!python_) QSKIP(why_.c_str());
        QFETCH(QString, task);
        const auto r = kforge({"eval", task.toStdString(), "reference", "--backend", "cpu", "--reference", "torch", "--torch-baselines",
                               "none", "--json", "--budget-ms", "1", "--warmup-ms", "1", "--min-reps", "1"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QCOMPARE(j.at("torch").at("judge").get<std::string>(), std::string("torch"));
        QVERIFY2(j.at("status").get<std::string>() == "PASSED", (j.at("status").get<std::string>() + ": " + j.value("message", "")).c_str());
    }

    void crashingChildIsSurvived() {
        if (!python_) QSKIP(why_.c_str());
        const auto r = kforge({"eval", data("data/torch/crash_add_fp32"), "reference", "--backend", "cpu", "--json", "--budget-ms", "5"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QCOMPARE(j.at("status").get<std::string>(), std::string("PASSED"));  // the candidate is not to blame
        const auto& w = j.at("workloads");
        QCOMPARE(baseline(w[0], "eager")->at("status").get<std::string>(), std::string("PASSED"));
        const Json& crashed = *baseline(w[1], "eager");
        QCOMPARE(crashed.at("status").get<std::string>(), std::string("FAULT"));
        QVERIFY2(crashed.at("message").get<std::string>().find("SIGSEGV") != std::string::npos, crashed.dump().c_str());
        QVERIFY(j.at("torch").at("restarts").get<int>() >= 1);
    }

    void hangingChildIsKilled() {
        if (!python_) QSKIP(why_.c_str());
        const auto r = kforge({"eval", data("data/torch/hang_add_fp32"), "reference", "--backend", "cpu", "--json", "--budget-ms", "5",
                               "--timeout", "5"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        const Json& hung = *baseline(j.at("workloads")[1], "eager");
        QCOMPARE(hung.at("status").get<std::string>(), std::string("TIMEOUT"));
        QVERIFY2(hung.at("message").get<std::string>().find("no progress for 5 s") != std::string::npos, hung.dump().c_str());
    }

    // KernelBench problems become tasks judged by their PyTorch reference, which
    // evaluate and optimize like built-in ones.
    void kernelbenchImportsEvaluatesAndOptimizes_data() {
        QTest::addColumn<QString>("problem");
        QTest::newRow("linear_relu") << "linear_relu";
        QTest::newRow("softmax") << "softmax";
    }
    void kernelbenchImportsEvaluatesAndOptimizes() {
        if (!python_) QSKIP(why_.c_str());
        QFETCH(QString, problem);
        const std::string name = problem.toStdString();
        const std::string dir = QDir::tempPath().toStdString() + "/kforge-test-kb-" + std::to_string(::getpid()) + "-" + name;
        const auto imported = kforge({"import", "kernelbench", data("data/kernelbench/" + name + ".py"), "--out", dir});
        QVERIFY2(imported.ok(), imported.output.c_str());
        const auto r = kforge({"eval", dir, data("data/kernelbench/" + name + "_cpu.cpp"), "--backend", "cpu", "--json", "--budget-ms", "20"});
        QVERIFY2(r.ok(), r.output.c_str());
        const Json j = parse(r);
        QVERIFY2(j.at("status").get<std::string>() == "PASSED", (j.at("status").get<std::string>() + ": " + j.value("message", "")).c_str());
        QCOMPARE(j.at("torch").at("judge").get<std::string>(), std::string("torch"));
        QCOMPARE(j.at("baseline").get<std::string>(), std::string("eager"));
        QVERIFY(j.at("speedup_vs_best").get<double>() > 0);
        const auto wrong = kforge({"eval", dir, data("data/kernelbench/softmax_cpu.cpp"), "--backend", "cpu", "--json"});
        if (name == "linear_relu") QVERIFY2(parse(wrong).at("status").get<std::string>() != "PASSED", wrong.output.c_str());
        const std::string db = dir + ".db";
        const auto opt = kforge({"optimize", dir, "--from", data("data/kernelbench/" + name + "_cpu.cpp"), "--backend", "cpu", "--budget", "3",
                                 "--json", "--db", db});
        QVERIFY2(opt.ok(), opt.output.c_str());
        QVERIFY(parse(opt).at("best_speedup").get<double>() > 0);
        std::filesystem::remove_all(dir);
        std::filesystem::remove(db);
    }

    // A session's fitness is its speedup over the fastest PyTorch baseline of
    // each workload, measured once at create and kept for a resumed session;
    // without PyTorch baselines it falls back to the native one and says so.
    void sessionFitnessIsVsBest() {
        if (!python_) QSKIP(why_.c_str());
        const std::string db = QDir::tempPath().toStdString() + "/kforge-test-vsbest-" + std::to_string(::getpid()) + ".db";
        std::filesystem::remove(db);
        const auto opt = kforge({"optimize", "vector_add_fp32", "--backend", "cpu", "--budget", "2", "--budget-ms", "20", "--json", "--db", db});
        QVERIFY2(opt.ok(), opt.output.c_str());
        const Json summary = parse(opt);
        QCOMPARE(summary.at("speedup_against").get<std::string>(), std::string("best"));
        const std::string id = std::to_string(summary.at("session").get<int64_t>());
        auto show = [&] {
            const auto r = kforge({"show", id, "--json", "--db", db});
            if (!r.ok()) throw std::runtime_error(r.output);
            return parse(r);
        };
        Json doc = show();
        const Json torch = doc.at("session").at("torch_baselines");
        QVERIFY2(!torch.empty(), doc.at("session").dump().c_str());
        for (const auto& [uuid, list] : torch.items()) QVERIFY2(baseline({{"baselines", list}}, "eager"), uuid.c_str());
        // The best node's fitness is its geometric mean speedup over the best baseline, not over the native kernel.
        double best = 0;
        for (const auto& n : doc.at("nodes")) {
            if (n.at("status") != "PASSED") continue;
            const Json& e = n.at("evaluation");
            QVERIFY(std::abs(n.at("fitness").get<double>() - e.at("speedup_vs_best").get<double>()) < 1e-9);
            QVERIFY(std::abs(n.at("fitness").get<double>() - e.at("speedup").get<double>()) > 1e-9);
            best = std::max(best, n.at("fitness").get<double>());
        }
        QVERIFY(best > 0);
        QCOMPARE(summary.at("best_speedup").get<double>(), best);
        // Resumed, new nodes compare with the same stored baselines.
        const auto resumed = kforge({"optimize", "--resume", id, "--budget", "3", "--budget-ms", "20", "--json", "--db", db});
        QVERIFY2(resumed.ok(), resumed.output.c_str());
        doc = show();
        QCOMPARE(doc.at("session").at("torch_baselines"), torch);
        const Json& last = doc.at("nodes").back();
        if (last.at("status") == "PASSED") QVERIFY(last.at("fitness").get<double>() > 0);
        // Without PyTorch baselines the session is vs the native baseline, and says why.
        const auto native = kforge({"optimize", "vector_add_fp32", "--backend", "cpu", "--budget", "1", "--budget-ms", "20",
                                    "--torch-baselines", "none", "--json", "--db", db});
        QVERIFY2(native.ok(), native.output.c_str());
        QCOMPARE(parse(native).at("speedup_against").get<std::string>(), std::string("native"));
        QVERIFY2(native.output.find("not PyTorch") != std::string::npos, native.output.c_str());
        std::filesystem::remove(db);
    }

    void badProblemFilesGiveLocatedErrors_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << "broken_syntax.py" << "broken_syntax.py:6: syntax error";
        QTest::newRow("missing") << "no_get_inputs.py" << "no_get_inputs.py: defines no get_inputs";
        QTest::newRow("raises") << "raises_in_init.py" << "raises_in_init.py:9: ValueError: this module cannot be built";
        QTest::newRow("absent") << "nowhere.py" << "nowhere.py: cannot be read";
    }
    void badProblemFilesGiveLocatedErrors() {
        if (!python_) QSKIP(why_.c_str());
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const auto r = kforge({"import", "kernelbench", data("data/kernelbench/" + file.toStdString()), "--out",
                               QDir::tempPath().toStdString() + "/kforge-test-kb-bad"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("kforge: error: ") != std::string::npos && r.output.find(expected.toStdString()) != std::string::npos,
                 r.output.c_str());
    }

    void badVendorFieldIsLocated() {
        const std::string dir = QDir::tempPath().toStdString() + "/kforge-test-vendor-" + std::to_string(::getpid());
        std::filesystem::create_directories(dir);
        Json def = Json::parse(std::ifstream(data("data/torch/crash_add_fp32/definition.json")));
        def["kforge"].erase("native");
        def["kforge"]["vendor"] = {{"name", "x"}, {"run", "def run(a, b):\n    return a + b\n"}, {"lib", "y"}};
        std::ofstream(dir + "/definition.json") << def.dump();
        std::filesystem::copy_file(data("data/torch/crash_add_fp32/workloads.jsonl"), dir + "/workloads.jsonl");
        const auto r = kforge({"eval", dir, "reference", "--backend", "cpu"});
        QCOMPARE(r.status.code, 2);
        QVERIFY2(r.output.find("kforge.vendor.lib: unknown field") != std::string::npos, r.output.c_str());
        std::filesystem::remove_all(dir);
    }
};

QTEST_GUILESS_MAIN(TestTorch)
#include "test_torch.moc"
