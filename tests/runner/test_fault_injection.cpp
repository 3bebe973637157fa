// Every way a candidate can go wrong gets its status, and the runner survives
// or is respawned: no test hangs, the next candidate is evaluated normally.
#include <QtTest>

#include <chrono>
#include <filesystem>

#include "eval/evaluator.h"

using namespace kforge;
namespace fs = std::filesystem;

class TestFaultInjection : public QObject {
    Q_OBJECT
    std::unique_ptr<Evaluator> evaluator_;
    std::optional<Task> task_;

    static fs::path testData() { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString(); }

    EvalOptions options(Backend b) const {
        EvalOptions o;
        o.backend = b;
        o.timing.warmupMs = 5;
        o.timing.budgetMs = 30;
        o.timing.minReps = 5;
        o.stepTimeout = std::chrono::seconds(b == Backend::Cpu ? 5 : 15);
        return o;
    }

    void addRows(const char* ext) {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("killsRunner");
        const QString e = ext;
        QTest::newRow("good") << "good" + e << "PASSED" << "" << false;
        QTest::newRow("out-of-bounds write") << "oob_write" + e << "FAULT" << "out-of-bounds write" << false;
        QTest::newRow("null dereference") << "null_deref" + e << "FAULT" << "" << true;
        QTest::newRow("abort") << "abort" + e << "FAULT" << "SIGABRT" << true;
        QTest::newRow("infinite loop") << "infinite_loop" + e << "TIMEOUT" << "no progress" << true;
        QTest::newRow("wrong answer") << "wrong_answer" + e << "INCORRECT_NUMERICAL" << "mismatches" << false;
        QTest::newRow("NaN output") << "nan_output" + e << "INCORRECT_NUMERICAL" << "got nan" << false;
        QTest::newRow("partly written output") << "partial_write" + e << "INCOMPLETE_WRITE" << "never written" << false;
        QTest::newRow("nondeterministic") << "nondeterministic" + e << "NONDETERMINISTIC" << "differ" << false;
        // Skips its work once its output holds its own answer: every timed call
        // is poisoned now, so it always computes, and passes as what it is.
        QTest::newRow("skips work on a written output") << "too_fast" + e << "PASSED" << "" << false;
        QTest::newRow("compile error") << "compile_error" + e << "COMPILE_ERROR" << "sum" << false;
        QTest::newRow("refuses to run") << "runtime_error" + e << "RUNTIME_ERROR" << "refuses" << false;
        QTest::newRow("no entry point") << "missing_entry" + e << "RUNTIME_ERROR" << "does not export kf_run" << false;
        QTest::newRow("good again") << "good" + e << "PASSED" << "" << false;
    }

    // One row: the candidate gets its status and message; a runner it killed is
    // replaced, proven by a good candidate evaluated right after.
    void checkRow(Backend backend, bool alwaysFollowWithGood) {
        if (backend == Backend::Cuda) {
            kforge::Phrase why;
            if (!evaluator_->runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why.english()).c_str());
        }
        QFETCH(QString, file);
        QFETCH(QString, status);
        QFETCH(QString, needle);
        QFETCH(bool, killsRunner);
        const fs::path dir = testData() / "faults" / (backend == Backend::Cpu ? "cpu" : "cuda");
        RunnerClient& runner = evaluator_->runner(backend);
        const int before = runner.restarts();
        const EvalReport r = evaluator_->evaluate(*task_, dir / file.toStdString(), options(backend));
        qInfo("%s -> %s: %s", qPrintable(file), statusName(r.status).data(), r.message.english().c_str());
        QCOMPARE(QString::fromStdString(std::string(statusName(r.status))), status);
        QVERIFY2(needle.isEmpty() || QString::fromStdString(r.message.english()).contains(needle, Qt::CaseInsensitive), r.message.english().c_str());
        if (status == "PASSED") QVERIFY(r.speedupGeomean > 0);
        if (killsRunner || alwaysFollowWithGood) {
            const std::string good = backend == Backend::Cpu ? "good.cpp" : "good.cu";
            const EvalReport after = evaluator_->evaluate(*task_, dir / good, options(backend));
            QCOMPARE(after.status, Status::Passed);
            if (killsRunner) QVERIFY(runner.restarts() > before);
        }
    }

private slots:
    void initTestCase() {
        evaluator_ = std::make_unique<Evaluator>(AppPaths::discover());
        task_ = loadTask(testData() / "data/fault_add_fp32");
    }

    void cpu_data() { addRows(".cpp"); }
    void cpu() { checkRow(Backend::Cpu, false); }

    void cuda_data() { addRows(".cu"); }
    void cuda() { checkRow(Backend::Cuda, false); }

    // Faults only a GPU has: a sticky illegal address, a device trap, a launch that never started.
    void cudaOnly_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("killsRunner");
        QTest::newRow("illegal address far away") << "oob_far.cu" << "FAULT" << "ILLEGAL_ADDRESS" << true;
        QTest::newRow("device trap") << "trap.cu" << "FAULT" << "" << true;
        QTest::newRow("unchecked bad launch") << "launch_error.cu" << "RUNTIME_ERROR" << "launch" << false;
    }
    void cudaOnly() { checkRow(Backend::Cuda, true); }

    // The floor still rejects a time it cannot believe: a task that claims a
    // hundred times the bytes an add moves makes an honest kernel "too fast".
    void floorRejectsTheImpossible_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("cpu") << "cpu";
        QTest::newRow("cuda") << "cuda";
    }
    void floorRejectsTheImpossible() {
        QFETCH(QString, backend);
        const Backend b = backend == "cpu" ? Backend::Cpu : Backend::Cuda;
        kforge::Phrase why;
        if (b == Backend::Cuda && !evaluator_->runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why.english()).c_str());
        const Task inflated = loadTask(testData() / "data/inflated_add_fp32");
        const fs::path good = testData() / "faults" / (b == Backend::Cpu ? "cpu/good.cpp" : "cuda/good.cu");
        const EvalReport r = evaluator_->evaluate(inflated, good, options(b));
        QCOMPARE(r.status, Status::SuspiciousSpeed);
        QVERIFY2(r.message.english().find("physical floor") != std::string::npos, r.message.english().c_str());
    }

    void cpuOnly_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("write past the guard page") << "oob_far.cpp";
    }
    void cpuOnly() {
        QFETCH(QString, file);
        const EvalReport r = evaluator_->evaluate(*task_, testData() / "faults/cpu" / file.toStdString(), options(Backend::Cpu));
        QCOMPARE(r.status, Status::Fault);
        QVERIFY2(r.message.english().find("SIGSEGV") != std::string::npos, r.message.english().c_str());
    }
};

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "test_fault_injection.moc"
