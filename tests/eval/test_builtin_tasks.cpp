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

    // The baseline and every template (a task may ship several variants), each
    // at its default configuration.
    void rows(Backend backend) {
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("which");
        for (const auto& name : builtinTaskNames(paths_)) {
            QTest::newRow((name + " baseline").c_str()) << QString::fromStdString(name) << "baseline";
            const Task t = loadTask(paths_.tasksDirectory() / name);
            if (const auto it = t.native.find(backend); it != t.native.end())
                for (const auto& v : it->second.templates)
                    QTest::newRow((name + " template:" + v.name).c_str()) << QString::fromStdString(name) << QString::fromStdString(v.name);
        }
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
        const TemplateVariant* variant = which == "baseline" ? nullptr : impl.findTemplate(which.toStdString());
        QVERIFY2(which == "baseline" || variant, qPrintable(which));
        const EvalReport r = evaluator_->evaluate(t, variant ? variant->path : impl.baseline, o);
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
    void cpu_data() { rows(Backend::Cpu); }
    void cpu() { check(Backend::Cpu); }
    void cuda_data() { rows(Backend::Cuda); }
    void cuda() {
        kforge::Phrase why;
        if (!evaluator_->runner(Backend::Cuda).available(why)) QSKIP(("no CUDA device: " + why.english()).c_str());
        check(Backend::Cuda);
    }
};

QTEST_GUILESS_MAIN(TestBuiltinTasks)
#include "test_builtin_tasks.moc"
