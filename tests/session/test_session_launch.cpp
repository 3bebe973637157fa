// SessionLaunch: what `kforge optimize`, `kforge add` and the desktop
// application share when they make a session ready to run. The parts that
// need no device; real runs are in test_optimize and the GUI's test_session_run.
#include <QtTest>

#include <filesystem>

#include "agent/builtin_generators.h"
#include "session/session_launch.h"
#include "util/error.h"

using namespace kforge;

class TestSessionLaunch : public QObject {
    Q_OBJECT
private slots:
    void aRunWithoutStopConditionsEndsByItself() {
        QCOMPARE(stopOrDefault({}).evaluations.value_or(0), kDefaultEvaluationBudget);
        StopConditions plateau;
        plateau.plateau = 5;
        const StopConditions kept = stopOrDefault(plateau);
        QVERIFY(!kept.evaluations);
        QCOMPARE(kept.plateau.value_or(0), 5);
    }

    void taskReferencesLoadFromAnywhere() {
        QCOMPARE(canonicalTaskRef("softmax_fp32"), std::string("softmax_fp32"));  // a built-in name stays a name
        const auto dir = std::filesystem::temp_directory_path() / ("kforge-launch-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir / "task");
        const auto cwd = std::filesystem::current_path();
        std::filesystem::current_path(dir);
        const std::string ref = canonicalTaskRef("task");
        std::filesystem::current_path(cwd);
        QVERIFY(std::filesystem::path(ref).is_absolute());
        QCOMPARE(std::filesystem::path(ref), dir / "task");
        std::filesystem::remove_all(dir);
    }

    void openChecksTheTaskAndCreateNeedsOne() {
        const auto db = std::filesystem::temp_directory_path() / ("kforge-launch-" + std::to_string(::getpid()) + ".db");
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db.string() + suffix);
        Store store(db);
        SessionRecord r;
        r.name = "s";
        r.task = "vector_add_fp32";
        r.taskRef = "vector_add_fp32";
        r.baselineHash = store.putSource("// baseline\n");
        store.createSession(r);

        const AppPaths paths = AppPaths::discover();
        Evaluator evaluator(paths);
        SessionLaunch launch(evaluator, store, paths, builtinGenerators());
        QVERIFY_THROWS_EXCEPTION(Error, launch.task());
        try {
            launch.open(r.id, std::nullopt, "softmax_fp32");
            QFAIL("opened a session under another task's name");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("optimizes vector_add_fp32, not softmax_fp32") != std::string::npos, e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, launch.open(r.id + 1));  // no such session
        QVERIFY_THROWS_EXCEPTION(Error, launch.create("", SessionConfig{}));
        QVERIFY_THROWS_EXCEPTION(Error, launch.create("no_such_task_anywhere", SessionConfig{}));
        QVERIFY_THROWS_EXCEPTION(Error, launch.task());
    }
};

QTEST_MAIN(TestSessionLaunch)
#include "test_session_launch.moc"
