// Red team: kernels that try to get a good time without computing the result,
// one or more per class of cheat, each with the verdict it must get; and
// honest kernels in the same suite, which must PASS at every workload (the
// cache-resident one included). On the CPU here, on CUDA where there is a GPU.
// The cheats are in tests/redteam/; each says in a comment what it tries.
#include <QtTest>

#include <sched.h>

#include <chrono>
#include <filesystem>

#include "eval/evaluator.h"
#include "eval/report.h"

using namespace kforge;
namespace fs = std::filesystem;

class TestRedTeam : public QObject {
    Q_OBJECT
    std::unique_ptr<Evaluator> evaluator_;
    std::optional<Task> task_;
    double honestCacheResidentMs_ = 0;

    static fs::path testData() { return qEnvironmentVariable("KFORGE_TEST_DATA").toStdString(); }

    static EvalOptions options(Backend b) {
        EvalOptions o;
        o.backend = b;
        o.timing.warmupMs = 5;
        o.timing.budgetMs = 40;
        o.timing.minReps = 8;
        o.timing.maxAttempts = 1;  // the verdicts, not the medians, are under test
        o.torchBaselines.clear();
        o.stepTimeout = std::chrono::seconds(b == Backend::Cpu ? 60 : 30);
        return o;
    }

    void rows(const char* ext, bool cuda) {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("needle");
        const QString e = ext;
        QTest::newRow("honest") << "honest" + e << "PASSED" << "";
        if (!cuda) QTest::newRow("honest, OpenMP pool") << "honest_openmp" + e << "PASSED" << "";
        QTest::newRow("cache keyed by sampled input values") << "sampled_cache" + e << "INCORRECT_NUMERICAL" << "patched";
        QTest::newRow("stale answer unless the poison is new, paced") << "poison_stale" + e << "INCORRECT_NUMERICAL" << "mismatches";
        QTest::newRow("honest only for the first calls, then stale") << "stale_after_checks" + e << "INCORRECT_NUMERICAL" << "timed call";
        QTest::newRow("partial computation") << "partial_rows" + e << "INCORRECT_NUMERICAL" << "timed call";
        QTest::newRow("input mutation") << "input_mutation" + e << "INPUT_MODIFIED" << "must not write its inputs";
        QTest::newRow("output re-pointed at its own buffer") << "output_alias" + e << "RUNTIME_ERROR" << "tensor descriptor";
        if (cuda) {
            QTest::newRow("work on a side stream") << "side_stream" + e << "WORK_AFTER_RETURN" << "";
            QTest::newRow("work on the legacy default stream") << "legacy_stream" + e << "WORK_AFTER_RETURN" << "";
        } else {
            QTest::newRow("precision downgrade") << "precision_downgrade" + e << "INCORRECT_NUMERICAL" << "mismatches";
            QTest::newRow("background thread finishing late") << "background_thread" + e << "WORK_AFTER_RETURN" << "after kf_run";
        }
        QTest::newRow("honest again") << "honest" + e << "PASSED" << "";
    }

    void check(Backend backend) {
        if (backend == Backend::Cuda) {
            kforge::Phrase why;
            if (!evaluator_->runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why.english()).c_str());
        }
        QFETCH(QString, file);
        QFETCH(QString, status);
        QFETCH(QString, needle);
        const fs::path dir = testData() / "redteam" / (backend == Backend::Cpu ? "cpu" : "cuda");
        const EvalReport r = evaluator_->evaluate(*task_, dir / file.toStdString(), options(backend));
        qInfo("%s -> %s: %s", qPrintable(file), statusName(r.status).data(), r.message.english().c_str());
        QCOMPARE(QString::fromStdString(std::string(statusName(r.status))), status);
        QVERIFY2(needle.isEmpty() || QString::fromStdString(r.message.english()).contains(needle, Qt::CaseInsensitive), r.message.english().c_str());
        if (status != "PASSED") return;
        QVERIFY(!r.workloads.empty());
        for (const auto& w : r.workloads) {
            QVERIFY2(w.status == Status::Passed, (w.uuid + ": " + w.message.english()).c_str());
            QVERIFY(w.checks);
            QVERIFY(w.checks->verifiedCalls >= 3);  // first, middle, last
            QVERIFY(w.checks->inputSets >= 2);
            QVERIFY(w.checks->patched);
            QVERIFY(w.checks->patchedVerified >= 1);
            if (w.uuid == "cache-resident") {
                QVERIFY(w.floor && w.floor->cacheResident);
                if (file.startsWith("honest.")) honestCacheResidentMs_ = w.timing.median;
            }
        }
    }

private slots:
    void initTestCase() {
        evaluator_ = std::make_unique<Evaluator>(AppPaths::discover());
        task_ = loadTask(testData() / "data/redteam_row_sum_fp32");
    }

    void cpu_data() { rows(".cpp", false); }
    void cpu() { check(Backend::Cpu); }

    void cuda_data() { rows(".cu", true); }
    void cuda() { check(Backend::Cuda); }

    // Issue 21's dtype class: int8, bool and float8_e4m3fn outputs and a
    // scalar-shaped input go through the native reference and the runner
    // (they crashed it once), and a wrong element in any of the three is
    // caught and named.
    void everyOutputDtypeIsVerified_data() {
        QTest::addColumn<QString>("wrong");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("output");
        QTest::newRow("right") << "0" << "PASSED" << "";
        QTest::newRow("int8 element off by one") << "1" << "INCORRECT_NUMERICAL" << "q";
        QTest::newRow("bool element flipped") << "2" << "INCORRECT_NUMERICAL" << "positive";
        QTest::newRow("float8 element doubled") << "3" << "INCORRECT_NUMERICAL" << "sign8";
    }
    void everyOutputDtypeIsVerified() {
        QFETCH(QString, wrong);
        QFETCH(QString, status);
        QFETCH(QString, output);
        const Task task = loadTask(testData() / "data/dtype_outputs");
        EvalOptions o = options(Backend::Cpu);
        o.defines = {{"WRONG", wrong.toStdString()}};
        const EvalReport r = evaluator_->evaluate(task, testData() / "data/dtype_outputs/cpu/candidate.cpp", o);
        QCOMPARE(QString::fromUtf8(statusName(r.status).data()), status);
        QCOMPARE(r.workloads.size(), size_t{2});
        if (status == "PASSED") return;
        bool named = false;
        for (const auto& w : r.workloads) named = named || w.verify.firstBadOutput == output.toStdString();
        QVERIFY2(named, r.message.english().c_str());
    }

    // A candidate asking OpenMP for more threads than the runner's cores runs
    // only as many as it may use (many_threads.cpp fails its call otherwise),
    // and the report says how many that was.
    void cpuCandidatesRunAtMostTheUsableCores() {
        const EvalReport r = evaluator_->evaluate(*task_, testData() / "redteam/cpu/many_threads.cpp", options(Backend::Cpu));
        QVERIFY2(r.status == Status::Passed, r.message.english().c_str());
        QVERIFY(r.cpuThreads);
        cpu_set_t set;
        CPU_ZERO(&set);
        QCOMPARE(sched_getaffinity(0, sizeof(set), &set), 0);
        QVERIFY(*r.cpuThreads >= 1 && *r.cpuThreads <= CPU_COUNT(&set));
        QVERIFY(reportTable(r).find("threads: at most " + std::to_string(*r.cpuThreads)) != std::string::npos);
    }

    // A cache keyed on every input byte pays an honest kernel's reads to look
    // up, and inputs that differ on every call never hit: it PASSES, no
    // faster than honest (its median is not allowed below half the honest one).
    void fullContentCacheNeverHits() {
        const EvalReport honest = evaluator_->evaluate(*task_, testData() / "redteam/cpu/honest.cpp", options(Backend::Cpu));
        const EvalReport cheat = evaluator_->evaluate(*task_, testData() / "redteam/cpu/full_cache.cpp", options(Backend::Cpu));
        QCOMPARE(honest.status, Status::Passed);
        QCOMPARE(cheat.status, Status::Passed);
        for (const auto& w : cheat.workloads) {
            const WorkloadReport* h = honest.workload(w.uuid);
            QVERIFY(h && h->timed() && w.timed());
            qInfo("%s: full-content cache %.4f ms, honest %.4f ms", w.uuid.c_str(), w.timing.median, h->timing.median);
            QVERIFY2(w.timing.median > 0.5 * h->timing.median, w.uuid.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestRedTeam)
#include "test_redteam.moc"
