// The open session's central views on a real CPU session run from the main
// window: the tree graph and the diff follow the shared selection both ways,
// two selected nodes are diffed (configuration header included), a single
// node is diffed against its parent or the baseline, and an edit evaluated
// as a child becomes a new manual node compiled with the edited values.

#include "store/store.h"
#include "ui/diff/diff_editor.h"
#include "ui/diff/diff_pane.h"
#include "ui/main_window.h"
#include "ui/session/node_selection.h"
#include "ui/session/session_run.h"
#include "ui/session/session_workbench.h"
#include "ui/tree/tree_graph_view.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kforge::ui;

namespace {

constexpr int kRunTimeoutMs = 300000;

kforge::SessionConfig quickConfig(int budget) {
    kforge::SessionConfig c;
    c.backend = kforge::Backend::Cpu;
    c.generators = {"tuner"};
    c.tuner = "grid";
    c.stop.evaluations = budget;
    c.timing.warmupMs = 5;
    c.timing.budgetMs = 20;
    c.timing.minReps = 3;
    return c;
}

}  // namespace

class TestWorkbench : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void selectionDiffAndEvaluateAsChild() {
        MainWindow window(dir_.filePath(QStringLiteral("workspace.db")));
        window.resize(1400, 900);
        window.show();
        SessionRun* run = window.sessionRun();
        QSignalSpy finished(run, &SessionRun::finished);
        QSignalSpy failed(run, &SessionRun::failed);
        QVERIFY(window.startSession(QStringLiteral("vector_add_fp32"), quickConfig(4), QStringLiteral("workbench")));
        QVERIFY2(finished.wait(kRunTimeoutMs), failed.isEmpty() ? "no finish" : qPrintable(failed.first().first().toString()));

        SessionWorkbench* bench = window.workbench();
        TreeGraphView* graph = bench->treeView();
        DiffEditor* diff = bench->diffEditor();
        QTRY_COMPARE(graph->nodeCount(), 4);

        // Two tuner siblings: same source, other values; the header shows the difference.
        window.nodeSelection()->setSelected({2, 3});
        QCOMPARE(graph->selectedIds(), (QList<qint64>{2, 3}));
        QTRY_VERIFY(bench->leftNode() == 2 && bench->rightNode() == 3);
        QVERIFY(diff->changeCount() > 0);
        if (const QString shots = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/workbench-two-nodes.png")));
        QVERIFY(diff->leftText().startsWith(QStringLiteral("// -D ")));
        QVERIFY(diff->leftText() != diff->rightText());

        // A click in the graph is a selection everywhere.
        graph->setSelectedIds({4});
        QCOMPARE(window.nodeSelection()->selected(), (QList<qint64>{4}));
        window.nodeSelection()->setCurrent(4);
        kforge::Store store(dir_.filePath(QStringLiteral("workspace.db")).toStdString());
        const qint64 parentOf4 = store.loadTree(window.openSessionId()).at(4).parent.value_or(-1);
        QTRY_VERIFY(bench->rightNode() == 4 && bench->leftNode() == parentOf4);  // against its parent
        bench->setCompare(SessionWorkbench::Compare::Baseline);
        QTRY_VERIFY(bench->rightNode() == 4 && bench->leftNode() == 0);
        QVERIFY(!diff->leftText().startsWith(QStringLiteral("// -D ")));  // the baseline has no configuration
        bench->setCompare(SessionWorkbench::Compare::Parent);
        QTRY_VERIFY(bench->leftNode() == parentOf4);

        // Edit the right side: a new value in the header and a comment in the source.
        DiffPane* right = diff->pane(DiffEditor::Side::Right);
        QString text = diff->rightText();
        const int eol = static_cast<int>(text.indexOf(QLatin1Char('\n')));
        const QString firstLine = text.left(eol);  // "// -D NAME=VALUE"
        const QString name = firstLine.mid(6, firstLine.indexOf(QLatin1Char('=')) - 6);
        text = firstLine + QStringLiteral("\n") + text.mid(eol + 1) + QStringLiteral("\n// edited by hand\n");
        right->setText(text);
        auto* evaluate = diff->findChild<QPushButton*>(QStringLiteral("evaluateAsChildButton"));
        QVERIFY(evaluate);
        QTRY_VERIFY(evaluate->isEnabled());
        // The edit survives a click elsewhere.
        window.nodeSelection()->select(2);
        QCOMPARE(bench->rightNode(), qint64{4});
        QCOMPARE(diff->rightText(), text);

        const qsizetype before = finished.size();
        evaluate->click();
        QVERIFY(finished.size() > before || finished.wait(kRunTimeoutMs));
        QTRY_COMPARE(graph->nodeCount(), 5);
        // What the store holds: a manual child of node 4 compiled with the header's values.
        bool found = false;
        for (const kforge::Node& n : store.nodes(window.openSessionId())) {
            if (n.generator != "manual") continue;
            found = true;
            QCOMPARE(n.parent.value_or(0), int64_t{4});
            QCOMPARE(n.state, kforge::NodeState::Done);
            QVERIFY2(n.config.count(name.toStdString()) == 1, qPrintable(name));
            QVERIFY(store.source(n.sourceHash).find("// edited by hand") != std::string::npos);
            QVERIFY(store.source(n.sourceHash).rfind("// -D ", 0) == std::string::npos);  // the header is not in the source
        }
        QVERIFY(found);
    }

private:
    QTemporaryDir dir_;
};

QTEST_MAIN(TestWorkbench)
#include "test_workbench.moc"
