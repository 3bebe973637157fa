// The main window end to end on a real CPU session: created through the
// wizard and run to its budget; the charts hold a point per candidate and
// bars per workload; a node exports as a standalone source; the tree graph
// and the diff follow the shared selection both ways,
// two selected nodes are diffed (configuration header included), a single
// node is diffed against its parent or the baseline, and an edit evaluated
// as a child becomes a new manual node compiled with the edited values.

#include "store/store.h"
#include "ui/diff/diff_editor.h"
#include "ui/export/export_dialog.h"
#include "ui/diff/diff_pane.h"
#include "ui/charts/charts_panel.h"
#include "ui/charts/trajectory_chart.h"
#include "ui/charts/workload_chart.h"
#include "ui/main_window.h"
#include "ui/session/node_selection.h"
#include "ui/session/session_run.h"
#include "ui/session/session_workbench.h"
#include "ui/tree/tree_graph_view.h"
#include "ui/wizard/new_session_wizard.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kforge::ui;

namespace {

constexpr int kRunTimeoutMs = 300000;

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

        // Through the wizard: a task, the CPU, the tuner with a grid, four evaluations.
        auto* wizard = qobject_cast<NewSessionWizard*>(window.showNewSessionWizard());
        QVERIFY(wizard);
        QTRY_VERIFY_WITH_TIMEOUT(!wizard->isLoadingTasks() && !wizard->isDetectingDevices(), 60000);
        auto* tasks = wizard->findChild<QTreeWidget*>(QStringLiteral("taskList"));
        const auto matches = tasks->findItems(QStringLiteral("vector_add_fp32"), Qt::MatchExactly, 0);
        QCOMPARE(matches.size(), 1);
        tasks->setCurrentItem(matches.first());
        wizard->next();
        auto* devices = wizard->findChild<QTreeWidget*>(QStringLiteral("deviceList"));
        const auto cpu = devices->findItems(QStringLiteral("CPU"), Qt::MatchContains | Qt::MatchRecursive, 0);
        if (!cpu.isEmpty()) devices->setCurrentItem(cpu.first());
        wizard->next();
        auto* strategy = wizard->findChild<QComboBox*>(QStringLiteral("tunerStrategy"));
        strategy->setCurrentIndex(strategy->findData(QStringLiteral("grid")));
        wizard->next();
        wizard->findChild<QSpinBox*>(QStringLiteral("budget"))->setValue(4);
        wizard->findChild<QLineEdit*>(QStringLiteral("sessionName"))->setText(QStringLiteral("workbench"));
        QCOMPARE(wizard->config().backend, kforge::Backend::Cpu);
        wizard->button(QWizard::FinishButton)->click();
        QVERIFY2(finished.wait(kRunTimeoutMs), failed.isEmpty() ? "no finish" : qPrintable(failed.first().first().toString()));
        QCOMPARE(window.openSessionRecord()->name, std::string("workbench"));

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

        // The charts: four evaluated candidates on the trajectory; the two selected
        // nodes and the baseline as bars for every workload, and the PyTorch
        // baselines measured (eager, where this machine has torch).
        ChartsPanel* charts = window.chartsPanel();
        QCOMPARE(charts->trajectory()->pointCount() + charts->trajectory()->failureCount(), 4);
        const int workloads = static_cast<int>(window.workbench()->node(2)->evaluation->workloads.size());
        QVERIFY(workloads > 0);
        int torchBars = 0;
        for (const auto& w : window.workbench()->node(2)->evaluation->workloads)
            for (const auto& b : w.baselines) torchBars += b.measured() ? 1 : 0;
        QTRY_COMPARE(charts->workloads()->barCount(), 3 * workloads + torchBars);

        // Export: the chosen node as a standalone source, written off the UI thread.
        QSignalSpy exported(&window, &MainWindow::nodeExported);
        const QString file = dir_.filePath(QStringLiteral("exported.cpp"));
        window.exportNode(3, file);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(2).toString(), QString());
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString exportedText = QString::fromUtf8(written.readAll());
        QVERIFY(exportedText.startsWith(QStringLiteral("// KernelForge: session ")));
        QVERIFY(exportedText.contains(QStringLiteral("node 3")));
        QVERIFY(exportedText.contains(QStringLiteral("kf_run")));

        // The export dialog: the files of each format made in memory and listed
        // with their contents, then exactly those written, all at once.
        {
            ExportDialog dialog(*window.workspace(), *window.openSessionRecord(), 3);
            dialog.show();
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewing(), 60000);
            QVERIFY2(dialog.previewError().isEmpty(), qPrintable(dialog.previewError()));
            dialog.setFormat(QStringLiteral("torch"));
            QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewing(), 60000);
            const QStringList files = dialog.previewFiles();
            QVERIFY2(files.contains(QStringLiteral("setup.py")) && files.contains(QStringLiteral("pyproject.toml")),
                     qPrintable(files.join(QStringLiteral(", "))));
            auto* content = dialog.findChild<QPlainTextEdit*>(QStringLiteral("exportFileContent"));
            auto* list = dialog.findChild<QListWidget*>(QStringLiteral("exportFiles"));
            list->setCurrentRow(static_cast<int>(files.indexOf(QStringLiteral("setup.py"))));
            QVERIFY(content->toPlainText().contains(QStringLiteral("BuildExtension")));
            if (const QString shots = qEnvironmentVariable("KFORGE_SCREENSHOT_DIR"); !shots.isEmpty())
                QVERIFY(dialog.grab().save(shots + QStringLiteral("/export-dialog.png")));
            QSignalSpy done(&dialog, &ExportDialog::exported);
            const QString out = dir_.filePath(QStringLiteral("torch-export"));
            dialog.setDirectory(out);
            dialog.exportNow();
            QVERIFY(done.wait(20000));
            QCOMPARE(done.first().at(1).toInt(), static_cast<int>(files.size()));
            for (const QString& f : files) QVERIFY2(QFile::exists(out + QLatin1Char('/') + f), qPrintable(f));
        }
        {
            // Into a directory that is not empty: refused, named, and nothing written.
            ExportDialog again(*window.workspace(), *window.openSessionRecord(), 3);
            QTRY_VERIFY_WITH_TIMEOUT(!again.isPreviewing(), 60000);
            again.setDirectory(dir_.filePath(QStringLiteral("torch-export")));
            again.exportNow();
            QTRY_VERIFY_WITH_TIMEOUT(!again.problem().isEmpty(), 20000);
            QVERIFY2(again.problem().contains(QStringLiteral("not an empty directory")), qPrintable(again.problem()));
        }

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
