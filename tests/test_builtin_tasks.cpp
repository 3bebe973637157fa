// Every built-in task's baseline and tunable template pass on the CPU (and on
// CUDA where a GPU is attached): the library is usable out of the box.
#include <QtTest>

#include "eval/evaluator.h"
#include "eval/report.h"

using namespace kforge;

class TestBuiltinTasks : public QObject {
    Q_OBJECT
    std::unique_ptr<Evaluator> evaluator_;
    AppPaths paths_ = AppPaths::discover();

    void rows() {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("which");
        for (const auto& name : builtinTaskNames(paths_))
            for (const char* which : {"baseline", "template"})
                QTest::newRow((name + " " + which).c_str()) << QString::fromStdString(name) << which;
    }

    void check(Backend backend) {
        QFETCH(QString, task);
        QFETCH(QString, which);
        const Task t = loadTask(paths_.tasksDirectory() / task.toStdString());
        const NativeImpl& impl = t.native.at(backend);
        EvalOptions o;
        o.backend = backend;
        o.timing.warmupMs = 5;
        o.timing.budgetMs = backend == Backend::Cpu ? 20 : 50;
        o.timing.minReps = 5;
        const EvalReport r = evaluator_->evaluate(t, which == "baseline" ? impl.baseline : impl.templ(), o);
        if (r.status != Status::Passed) qWarning("%s", reportTable(r).c_str());
        QCOMPARE(std::string(statusName(r.status)), std::string("PASSED"));
        for (const auto& w : r.workloads) {
            QVERIFY(w.timing.count >= 5);
            QVERIFY(w.fractionOfFloor > 0);
            QVERIFY2(w.fractionOfFloor <= 1.0 / suspiciousFraction(backend), w.uuid.c_str());
        }
        qInfo("%s %s on %s: speedup %.3f", qPrintable(task), qPrintable(which), backendName(backend).data(), r.speedupGeomean);
    }

private slots:
    void initTestCase() { evaluator_ = std::make_unique<Evaluator>(paths_); }
    void cpu_data() { rows(); }
    void cpu() { check(Backend::Cpu); }
    void cuda_data() { rows(); }
    void cuda() {
        std::string why;
        if (!evaluator_->runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why).c_str());
        check(Backend::Cuda);
    }
};

QTEST_GUILESS_MAIN(TestBuiltinTasks)
#include "test_builtin_tasks.moc"
