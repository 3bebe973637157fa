// Real sessions on the CPU backend, driven from the test's event loop: the
// main window starts one and its models fill while the UI thread keeps
// ticking; a SessionRun is paused, resumed, stopped and destroyed mid-run,
// and the store stays consistent throughout.

#include "store/store.h"
#include "ui/main_window.h"
#include "ui/session/node_selection.h"
#include "ui/session/node_table_model.h"
#include "ui/session/node_table_view.h"
#include "ui/session/nodes_panel.h"
#include "ui/session/run_controls.h"
#include "ui/session/session_list_model.h"
#include "ui/session/session_run.h"
#include "ui/session/session_summary.h"
#include "ui/session/sessions_panel.h"
#include "ui/session/workspace.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <algorithm>

using namespace kforge::ui;

namespace {

constexpr int kRunTimeoutMs = 300000;

// Short timing budgets: these tests check behaviour, not numbers.
kforge::SessionConfig quickConfig(int budget) {
    kforge::SessionConfig c;
    c.backend = kforge::Backend::Cpu;
    c.generators = {"tuner"};
    c.tuner = "random";
    c.stop.evaluations = budget;
    c.timing.warmupMs = 5;
    c.timing.budgetMs = 20;
    c.timing.minReps = 3;
    return c;
}

// What the store holds agrees with itself: the counter is the number of
// evaluated nodes, the best node is the fittest passing one.
void checkStoreConsistent(const QString& db, qint64 sessionId) {
    kforge::Store store(db.toStdString());
    const kforge::SessionRecord r = store.session(sessionId);
    const std::vector<kforge::Node> nodes = store.nodes(sessionId);
    const auto done = std::count_if(nodes.begin(), nodes.end(), [](const auto& n) { return n.state == kforge::NodeState::Done; });
    QCOMPARE(r.evaluations, static_cast<int>(done));
    const kforge::Node* best = nullptr;
    for (const auto& n : nodes)
        if (n.passed() && (!best || n.fitness > best->fitness)) best = &n;
    if (best) {
        QVERIFY(r.bestNode.has_value());
        QCOMPARE(r.bestSpeedup, best->fitness);
    }
    for (const auto& n : nodes)
        if (n.parent) QVERIFY(std::any_of(nodes.begin(), nodes.end(), [&](const auto& p) { return p.id == *n.parent; }));
}

// With KFORGE_SCREENSHOT_DIR set, saves what the window looks like (for looking at it, not for asserting).
void saveScreenshot(QWidget& window, const QString& name) {
    const QString dir = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR");
    if (!dir.isEmpty()) window.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Counts evaluated nodes as the run reports them.
int doneIn(const QSignalSpy& spy) {
    int done = 0;
    for (const QList<QVariant>& args : spy)
        if (args.at(1).value<kforge::Node>().state == kforge::NodeState::Done) ++done;
    return done;
}

}  // namespace

class TestSessionRun : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void windowRunsASessionWithoutBlocking();
    void pauseResumeStopKeepTheStoreConsistent();
    void destroyingMidRunStopsCleanly();
    void aBadTaskFails();
    void runnersFromSettingsShareTheRun();
    void profilingACpuNodeSaysWhy();

private:
    QTemporaryDir dir_;
};

void TestSessionRun::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.path());
    QVERIFY2(qEnvironmentVariableIsSet("KFORGE_RUNNER"), "run through ctest, or set KFORGE_RUNNER and KFORGE_RESOURCES");
}

void TestSessionRun::windowRunsASessionWithoutBlocking() {
    const QString db = dir_.filePath(QStringLiteral("window.db"));
    MainWindow window(db);
    QAbstractItemModelTester nodesTester(window.nodeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester sessionsTester(window.sessionsPanel()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.centralWidget() != window.sessionArea());  // the welcome page until a session is open

    // The UI thread's heartbeat: if it blocked on a compile or a measurement, a gap would show.
    QElapsedTimer clock;
    qint64 last = 0, longestGap = 0;
    int ticks = 0;
    QTimer heartbeat;
    heartbeat.setInterval(20);
    connect(&heartbeat, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        longestGap = std::max(longestGap, now - last);
        last = now;
        ++ticks;
    });
    clock.start();
    heartbeat.start();

    SessionRun* run = window.sessionRun();
    QSignalSpy started(run, &SessionRun::started);
    QSignalSpy nodes(run, &SessionRun::nodeChanged);
    QSignalSpy progress(run, &SessionRun::progressChanged);
    QSignalSpy finished(run, &SessionRun::finished);
    QSignalSpy failed(run, &SessionRun::failed);
    QVERIFY(window.startSession(QStringLiteral("vector_add_fp32"), quickConfig(6), QStringLiteral("from the window")));
    QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Measuring the baseline of")), qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(window.runControls()->stopAction()->isEnabled());
    QVERIFY(!window.runControls()->startAction()->isEnabled());

    QVERIFY(started.wait(kRunTimeoutMs) || !failed.isEmpty());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    // The baseline is measured once the run starts: its message does not stay.
    QVERIFY2(!window.statusBar()->currentMessage().startsWith(QStringLiteral("Measuring the baseline of")), qPrintable(window.statusBar()->currentMessage()));
    QVERIFY(!window.startSession(QStringLiteral("vector_add_fp32"), quickConfig(6)));  // one run at a time
    QCOMPARE(window.centralWidget(), window.sessionArea());
    const qint64 id = window.openSessionId();
    QVERIFY(id > 0);
    QVERIFY(window.runControls()->pauseAction()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(doneIn(nodes) >= 3 || !finished.isEmpty(), kRunTimeoutMs);
    saveScreenshot(window, QStringLiteral("session-mid-run"));
    QVERIFY(!finished.isEmpty() || finished.wait(kRunTimeoutMs) || !failed.isEmpty());
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    heartbeat.stop();

    const auto result = finished.first().first().value<kforge::SessionRecord>();
    QCOMPARE(result.id, id);
    QCOMPARE(result.status, std::string("finished"));
    QCOMPARE(result.evaluations, 6);
    QVERIFY(!progress.isEmpty());
    QVERIFY(doneIn(nodes) >= 6);

    // The models hold what the store holds.
    kforge::Store store(db.toStdString());
    const std::vector<kforge::Node> stored = store.nodes(id);
    NodeTableModel* model = window.nodeModel();
    QCOMPARE(model->sessionId(), id);
    QCOMPARE(model->rowCount(), static_cast<int>(stored.size()));
    for (const kforge::Node& n : stored) {
        const int row = model->rowOfNode(n.id);
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, 0).data(NodeTableModel::NodeStateRole).toInt(), static_cast<int>(n.state));
        QCOMPARE(model->index(row, 0).data(NodeTableModel::StatusRole).toInt(), static_cast<int>(n.status));
    }
    checkStoreConsistent(db, id);

    SessionListModel* sessions = window.sessionsPanel()->model();
    const int row = sessions->rowOfSession(id);
    QVERIFY(row >= 0);
    QCOMPARE(sessions->index(row, SessionListModel::StatusColumn).data(SessionListModel::StatusKeyRole).toString(),
             QStringLiteral("finished"));
    QCOMPARE(sessions->index(row, SessionListModel::EvaluationsColumn).data(SessionListModel::SortRole).toInt(), 6);
    QVERIFY(window.sessionSummary()->text().contains(QStringLiteral("from the window")));
    QVERIFY(window.windowTitle().contains(QStringLiteral("from the window")));
    QVERIFY(window.runControls()->startAction()->isEnabled());
    QVERIFY(!window.runControls()->stopAction()->isEnabled());

    qInfo("UI heartbeat: %d ticks, longest gap %lld ms", ticks, longestGap);
    QVERIFY(ticks > 0);
    // Compiles and measurements take seconds; the UI thread never waited for one.
    QVERIFY2(longestGap < 1500, qPrintable(QStringLiteral("the UI thread stalled for %1 ms").arg(longestGap)));

    // Selecting a node in the table selects it for every view.
    window.nodeSelection()->select(stored.back().id);
    QCOMPARE(window.nodesPanel()->view()->selectionModel()->selectedRows().size(), 1);
    saveScreenshot(window, QStringLiteral("session-after-run"));

    // Reopening it through the workspace shows the same tree.
    QSignalSpy opened(&window, &MainWindow::sessionOpened);
    window.openSession(id);
    QVERIFY(opened.wait(10000));
    QCOMPARE(model->rowCount(), static_cast<int>(stored.size()));
}

void TestSessionRun::pauseResumeStopKeepTheStoreConsistent() {
    const QString db = dir_.filePath(QStringLiteral("control.db"));
    SessionRun run(db);
    QSignalSpy started(&run, &SessionRun::started);
    QSignalSpy nodes(&run, &SessionRun::nodeChanged);
    QSignalSpy messages(&run, &SessionRun::messageReceived);
    QSignalSpy finished(&run, &SessionRun::finished);
    QSignalSpy failed(&run, &SessionRun::failed);
    QVERIFY(run.startNew(QStringLiteral("row_sum_fp32"), quickConfig(200)));
    QCOMPARE(run.state(), SessionRun::State::Starting);
    QVERIFY(!run.startNew(QStringLiteral("row_sum_fp32"), quickConfig(200)));
    QVERIFY(started.wait(kRunTimeoutMs));
    QCOMPARE(run.state(), SessionRun::State::Running);
    const qint64 id = run.sessionId();
    QVERIFY(id > 0);

    // Two evaluations, then pause: the engine lets what is in flight finish and waits.
    QTRY_VERIFY_WITH_TIMEOUT(doneIn(nodes) >= 2, kRunTimeoutMs);
    run.pause();
    QCOMPARE(run.state(), SessionRun::State::Paused);
    QTRY_VERIFY_WITH_TIMEOUT(messages.contains(QList<QVariant>{QStringLiteral("paused")}), kRunTimeoutMs);
    const int atPause = doneIn(nodes);
    QTest::qWait(1500);
    QCOMPARE(doneIn(nodes), atPause);  // nothing is evaluated while paused
    {
        kforge::Store store(db.toStdString());
        QCOMPARE(store.session(id).status, std::string("paused"));
    }
    checkStoreConsistent(db, id);

    run.resume();
    QCOMPARE(run.state(), SessionRun::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(doneIn(nodes) > atPause, kRunTimeoutMs);
    run.stop();
    QCOMPARE(run.state(), SessionRun::State::Stopping);
    QVERIFY(finished.wait(kRunTimeoutMs));
    QVERIFY(failed.isEmpty());
    QCOMPARE(run.state(), SessionRun::State::Stopped);  // not "Finished": the user stopped it
    const auto result = finished.first().first().value<kforge::SessionRecord>();
    QCOMPARE(result.status, std::string("stopped"));
    QVERIFY(result.evaluations < 200);
    checkStoreConsistent(db, id);
    {
        kforge::Store store(db.toStdString());
        QCOMPARE(store.session(id).status, std::string("stopped"));
    }

    // Continued, it goes on from where it stopped, pending nodes first.
    QSignalSpy restarted(&run, &SessionRun::started);
    kforge::StopConditions more;
    more.evaluations = result.evaluations + 2;
    QVERIFY(run.continueSession(id, more));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(restarted.count(), 1);
    QCOMPARE(restarted.first().at(1).value<SharedSessionTree>()->done(), result.evaluations);
    const auto second = finished.last().first().value<kforge::SessionRecord>();
    QCOMPARE(second.status, std::string("finished"));
    QCOMPARE(second.evaluations, result.evaluations + 2);
    checkStoreConsistent(db, id);
}

void TestSessionRun::destroyingMidRunStopsCleanly() {
    const QString db = dir_.filePath(QStringLiteral("destroy.db"));
    qint64 id = 0;
    {
        SessionRun run(db);
        QSignalSpy started(&run, &SessionRun::started);
        QSignalSpy nodes(&run, &SessionRun::nodeChanged);
        QVERIFY(run.startNew(QStringLiteral("vector_add_fp32"), quickConfig(200)));
        QVERIFY(started.wait(kRunTimeoutMs));
        id = run.sessionId();
        QTRY_VERIFY_WITH_TIMEOUT(doneIn(nodes) >= 1, kRunTimeoutMs);
    }  // cancels, waits for the measurement in flight, joins
    kforge::Store store(db.toStdString());
    QCOMPARE(store.session(id).status, std::string("stopped"));
    checkStoreConsistent(db, id);

    // Stopped before the baseline was even measured: the run ends as soon as it can.
    SessionRun run(db);
    QSignalSpy finished(&run, &SessionRun::finished);
    QSignalSpy failed(&run, &SessionRun::failed);
    QVERIFY(run.startNew(QStringLiteral("vector_add_fp32"), quickConfig(200)));
    run.stop();
    QVERIFY(finished.wait(kRunTimeoutMs));
    const auto result = finished.first().first().value<kforge::SessionRecord>();
    QCOMPARE(result.status, std::string("stopped"));
    QCOMPARE(run.state(), SessionRun::State::Stopped);
    QVERIFY(result.evaluations < 200);
    checkStoreConsistent(db, result.id);
}

void TestSessionRun::aBadTaskFails() {
    SessionRun run(dir_.filePath(QStringLiteral("bad.db")));
    QSignalSpy failed(&run, &SessionRun::failed);
    QVERIFY(run.startNew(QStringLiteral("no_such_task_anywhere"), quickConfig(3)));
    QVERIFY(failed.wait(60000));
    QCOMPARE(run.state(), SessionRun::State::Failed);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("no_such_task_anywhere")),
             qPrintable(failed.first().first().toString()));
    QVERIFY(!run.isActive());
}

// The runners of Settings > Devices reach the run: two CPU runners take the
// candidates between them, and the progress the session panel shows lists
// both. A list that does not parse fails the run saying where.
void TestSessionRun::runnersFromSettingsShareTheRun() {
    SessionRun run(dir_.filePath(QStringLiteral("runners.db")));
    QSignalSpy progress(&run, &SessionRun::progressChanged);
    QSignalSpy finished(&run, &SessionRun::finished);
    QSignalSpy failed(&run, &SessionRun::failed);
    run.setRunners(QStringLiteral("cpu,cpu"));
    QVERIFY(run.startNew(QStringLiteral("vector_add_fp32"), quickConfig(6)));
    QVERIFY(finished.wait(kRunTimeoutMs));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QVERIFY(!progress.isEmpty());
    const auto last = progress.last().first().value<kforge::SessionProgress>();
    QCOMPARE(last.runners.size(), size_t{2});
    int measured = 0;
    for (const auto& r : last.runners) {
        QCOMPARE(r.name, std::string("cpu"));
        QVERIFY(r.state != kforge::RunnerProgress::State::Unusable);
        measured += r.measured;
    }
    QVERIFY2(measured >= 1, qPrintable(QString::number(measured)));
    QVERIFY2(!runnersText(last.runners).isEmpty(), "two runners are listed in the session panel");

    SessionRun bad(dir_.filePath(QStringLiteral("runners-bad.db")));
    QSignalSpy badFailed(&bad, &SessionRun::failed);
    bad.setRunners(QStringLiteral("cpu,gpu:0"));
    QVERIFY(bad.startNew(QStringLiteral("vector_add_fp32"), quickConfig(1)));
    QVERIFY(badFailed.wait(60000));
    const QString why = badFailed.first().first().toString();
    QVERIFY2(why.contains(QStringLiteral("gpu:0")) && why.contains(QStringLiteral("column")), qPrintable(why));
}

// Profiling runs on the session's thread and changes nothing but the node's
// profile; on the CPU it ends with the reason there are no counters.
void TestSessionRun::profilingACpuNodeSaysWhy() {
    const QString db = dir_.filePath(QStringLiteral("profile.db"));
    SessionRun run(db);
    QSignalSpy finished(&run, &SessionRun::finished);
    // A deliberately slow root: it passes on any machine, and only a passed node is profiled.
    const QString slow = qEnvironmentVariable("KFORGE_TEST_DATA") + QStringLiteral("/data/llm/slow_add.cpp");
    QVERIFY(run.startNew(QStringLiteral("vector_add_fp32"), quickConfig(1), QStringLiteral("profile"), slow));
    QVERIFY(finished.wait(kRunTimeoutMs));
    const auto before = finished.first().first().value<kforge::SessionRecord>();
    QSignalSpy profiled(&run, &SessionRun::nodeProfiled);
    QVERIFY(run.profileNode(before.id, 1));
    QVERIFY(!run.profileNode(before.id, 1));  // one run at a time
    QVERIFY(profiled.wait(kRunTimeoutMs));
    QVERIFY(finished.wait(kRunTimeoutMs) || finished.size() == 2);
    QVERIFY2(profiled.first().at(2).toString().contains(QStringLiteral("needs the CUDA backend")),
             qPrintable(profiled.first().at(2).toString()));
    const auto node = profiled.first().at(1).value<kforge::Node>();
    QVERIFY(node.profile && !node.profile->ok());
    kforge::Store store(db.toStdString());
    const kforge::SessionRecord after = store.session(before.id);
    QCOMPARE(after.status, before.status);
    QCOMPARE(after.stopReason, before.stopReason);
    QCOMPARE(after.evaluations, before.evaluations);
    QVERIFY(store.node(before.id, 1).profile && !store.node(before.id, 1).profile->ok());
}

QTEST_MAIN(TestSessionRun)
#include "test_session_run.moc"
