// The session models and their views without a database or a device: the
// node table (insert, update, filter, sort, 10,000 nodes), the shared node
// selection and the table's two-way sync with it, the session list.
// Every model runs under QAbstractItemModelTester.

#include "ui/session/node_filter_model.h"
#include "ui/session/node_selection.h"
#include "ui/session/node_table_model.h"
#include "ui/session/node_table_view.h"
#include "ui/session/nodes_panel.h"
#include "ui/session/run_controls.h"
#include "ui/session/session_list_model.h"
#include "ui/session/session_run.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using kforge::Node;
using kforge::NodeState;
using kforge::Status;
using namespace kforge::ui;

namespace {

Node makeNode(qint64 id, std::optional<qint64> parent, const std::string& generator, NodeState state, Status status,
              double fitness, const std::string& block = "64") {
    Node n;
    n.id = id;
    n.parent = parent;
    n.generator = generator;
    n.sourceHash = "h";
    n.config = {{"BLOCK", block}};
    n.state = state;
    n.status = status;
    n.fitness = fitness;
    n.message = kforge::verbatim(status == Status::CompileError ? "error: expected ';' at line 12" : "");
    if (state == NodeState::Done) {
        n.compile = kforge::CompileResult{};
        n.compile->seconds = 0.5 + static_cast<double>(id);
        n.evaluation = kforge::EvalReport{};
        n.evaluation->seconds = 1.25;
    }
    n.createdAt = "2026-01-02T03:04:05Z";
    return n;
}

kforge::SessionTree sampleTree() {
    kforge::SessionTree tree;
    tree.put(makeNode(1, std::nullopt, "template", NodeState::Done, Status::Passed, 1.0));
    tree.put(makeNode(2, 1, "tuner", NodeState::Done, Status::Passed, 2.5, "128"));
    tree.put(makeNode(3, 1, "tuner", NodeState::Done, Status::CompileError, 0, "256"));
    tree.put(makeNode(10, 2, "tuner", NodeState::Done, Status::Passed, 10.0, "512"));
    tree.put(makeNode(11, 2, "manual", NodeState::Pending, Status::NotRun, 0, "1024"));
    return tree;
}

QList<qint64> columnIds(const QAbstractItemModel& model) {
    QList<qint64> ids;
    for (int r = 0; r < model.rowCount(); ++r) ids << model.index(r, 0).data(NodeTableModel::NodeIdRole).toLongLong();
    return ids;
}

kforge::SessionRecord sessionRecord(qint64 id, const std::string& name, int evaluations, double best) {
    kforge::SessionRecord r;
    r.id = id;
    r.name = name;
    r.task = "vector_add_fp32";
    r.device.name = "Test CPU";
    r.status = "finished";
    r.evaluations = evaluations;
    r.bestSpeedup = best;
    r.config.stop.evaluations = 50;
    r.updatedAt = "2026-01-0" + std::to_string(id) + "T00:00:00Z";
    return r;
}

}  // namespace

class TestSessionModels : public QObject {
    Q_OBJECT

private slots:
    void nodeTableShowsATree();
    void nodeTableUpdatesInPlaceAndInserts();
    void filterByStatusGeneratorAndText();
    void numericColumnsSortAsNumbers();
    void tenThousandNodesArriveQuickly();
    void selectionEmitsOnlyOnChange();
    void tableAndSelectionStayInStep();
    void nodesPanelCombosFilter();
    void sessionListMergesAndFollowsProgress();
    void sessionListRenameAsks();
    void progressWidgetShowsEverything();
};

void TestSessionModels::nodeTableShowsATree() {
    NodeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy generators(&model, &NodeTableModel::generatorsChanged);
    model.setTree(7, sampleTree());
    QCOMPARE(model.sessionId(), 7);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(NodeTableModel::ColumnCount));
    QCOMPARE(model.generators(), (QStringList{"manual", "template", "tuner"}));
    QVERIFY(generators.count() >= 1);

    const int r = model.rowOfNode(2);
    QCOMPARE(model.index(r, NodeTableModel::IdColumn).data().toLongLong(), 2);
    QCOMPARE(model.index(r, NodeTableModel::ParentColumn).data().toLongLong(), 1);
    QCOMPARE(model.index(r, NodeTableModel::GeneratorColumn).data().toString(), QStringLiteral("tuner"));
    QCOMPARE(model.index(r, NodeTableModel::StatusColumn).data().toString(), QStringLiteral("passed"));
    QCOMPARE(model.index(r, NodeTableModel::SpeedupColumn).data().toString(), QStringLiteral("2.500×"));
    QCOMPARE(model.index(r, NodeTableModel::ConfigurationColumn).data().toString(), QStringLiteral("BLOCK=128"));
    QCOMPARE(model.index(r, NodeTableModel::CompileSecondsColumn).data().toString(), QStringLiteral("2.50"));
    QCOMPARE(model.index(r, NodeTableModel::MeasureSecondsColumn).data().toString(), QStringLiteral("1.25"));
    QVERIFY(!model.index(r, NodeTableModel::CreatedColumn).data().toString().isEmpty());
    QCOMPARE(model.index(r, 3).data(NodeTableModel::NodeIdRole).toLongLong(), 2);
    QCOMPARE(model.index(r, 0).data(NodeTableModel::StatusRole).toInt(), int(Status::Passed));

    // The root has no parent; a pending node no speedup or timings; a failure explains itself.
    QCOMPARE(model.index(model.rowOfNode(1), NodeTableModel::ParentColumn).data().toString(), QString());
    const int pending = model.rowOfNode(11);
    QCOMPARE(model.index(pending, NodeTableModel::StatusColumn).data().toString(), QStringLiteral("pending"));
    QCOMPARE(model.index(pending, NodeTableModel::SpeedupColumn).data().toString(), QString());
    QCOMPARE(model.index(pending, NodeTableModel::CompileSecondsColumn).data().toString(), QString());
    QCOMPARE(model.index(model.rowOfNode(3), NodeTableModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("error: expected ';' at line 12"));
    QCOMPARE(model.indexOfNode(99), QModelIndex());

    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.sessionId(), 0);
}

void TestSessionModels::nodeTableUpdatesInPlaceAndInserts() {
    NodeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(1, sampleTree());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy generators(&model, &NodeTableModel::generatorsChanged);

    // The pending node finishes: its row changes, nothing is inserted.
    model.updateNode(makeNode(11, 2, "manual", NodeState::Done, Status::Passed, 3.0, "1024"));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const int row = model.rowOfNode(11);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), row);
    QCOMPARE(model.index(row, NodeTableModel::StatusColumn).data().toString(), QStringLiteral("passed"));
    QCOMPARE(model.index(row, NodeTableModel::SpeedupColumn).data().toString(), QStringLiteral("3.000×"));

    // A new node is a new row at the end; a new generator is announced.
    model.updateNode(makeNode(12, 11, "llm", NodeState::Pending, Status::NotRun, 0, "2048"));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.rowOfNode(12), 5);
    QCOMPARE(generators.count(), 1);
    QVERIFY(model.generators().contains(QStringLiteral("llm")));
    QCOMPARE(reset.count(), 0);
}

void TestSessionModels::filterByStatusGeneratorAndText() {
    NodeTableModel model;
    NodeFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(1, sampleTree());
    filter.sort(NodeTableModel::IdColumn);
    QCOMPARE(columnIds(filter), (QList<qint64>{1, 2, 3, 10, 11}));

    filter.setStatusFilter(StatusFilter::exactly(Status::Passed));
    QCOMPARE(columnIds(filter), (QList<qint64>{1, 2, 10}));
    filter.setStatusFilter(StatusFilter::failed());
    QCOMPARE(columnIds(filter), (QList<qint64>{3}));
    filter.setStatusFilter(StatusFilter::pending());
    QCOMPARE(columnIds(filter), (QList<qint64>{11}));
    filter.setStatusFilter(StatusFilter::any());

    filter.setGeneratorFilter(QStringLiteral("tuner"));
    QCOMPARE(columnIds(filter), (QList<qint64>{2, 3, 10}));
    filter.setText(QStringLiteral("block=512"));
    QCOMPARE(columnIds(filter), (QList<qint64>{10}));
    filter.setGeneratorFilter(QString());
    // Words must all match; the message is searched too.
    filter.setText(QStringLiteral("expected  compile"));
    QCOMPARE(columnIds(filter), (QList<qint64>{3}));
    filter.setText(QString());

    // A node arriving during a run lands in the filtered, sorted view.
    filter.setStatusFilter(StatusFilter::exactly(Status::Passed));
    model.updateNode(makeNode(4, 1, "tuner", NodeState::Done, Status::Passed, 1.5, "32"));
    model.updateNode(makeNode(5, 1, "tuner", NodeState::Done, Status::Timeout, 0, "16"));
    QCOMPARE(columnIds(filter), (QList<qint64>{1, 2, 4, 10}));
    QVERIFY(filter.indexOfNode(4).isValid());
    QVERIFY(!filter.indexOfNode(5).isValid());
    QCOMPARE(filter.nodeIdAt(2), 4);
}

void TestSessionModels::numericColumnsSortAsNumbers() {
    NodeTableModel model;
    NodeFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(1, sampleTree());

    // As text "10" < "2" and "10.000×" < "2.500×"; as numbers they are not.
    filter.sort(NodeTableModel::IdColumn, Qt::DescendingOrder);
    QCOMPARE(columnIds(filter), (QList<qint64>{11, 10, 3, 2, 1}));
    filter.sort(NodeTableModel::SpeedupColumn, Qt::DescendingOrder);
    QCOMPARE(columnIds(filter).mid(0, 3), (QList<qint64>{10, 2, 1}));
    filter.sort(NodeTableModel::CompileSecondsColumn, Qt::AscendingOrder);
    QCOMPARE(columnIds(filter).last(), 10);
    // Live: a faster node moves to the top of a speedup-sorted view.
    filter.sort(NodeTableModel::SpeedupColumn, Qt::DescendingOrder);
    model.updateNode(makeNode(11, 2, "manual", NodeState::Done, Status::Passed, 12.0, "1024"));
    QCOMPARE(columnIds(filter).first(), 11);
}

void TestSessionModels::tenThousandNodesArriveQuickly() {
    NodeTableModel model;
    NodeFilterModel filter;
    filter.setSourceModel(&model);
    NodeSelection selection;
    NodeTableView view;
    view.setNodeModel(&filter);
    view.bindSelection(&selection);
    view.resize(800, 400);
    filter.sort(NodeTableModel::SpeedupColumn, Qt::DescendingOrder);
    filter.setStatusFilter(StatusFilter::exactly(Status::Passed));
    model.setTree(1, kforge::SessionTree{});
    selection.select(1);

    constexpr int kNodes = 10000;
    QElapsedTimer timer;
    timer.start();
    for (int i = 1; i <= kNodes; ++i) {
        const bool passed = i % 5 != 0;
        // Each node arrives pending, then its result: an insert and an update, as in a run.
        model.updateNode(makeNode(i, i > 1 ? std::optional<qint64>(i / 2) : std::nullopt, "tuner", NodeState::Pending, Status::NotRun, 0,
                                  std::to_string(i)));
        model.updateNode(makeNode(i, i > 1 ? std::optional<qint64>(i / 2) : std::nullopt, "tuner", NodeState::Done,
                                  passed ? Status::Passed : Status::RuntimeError, passed ? 1.0 + (i % 97) / 10.0 : 0, std::to_string(i)));
    }
    const qint64 ms = timer.elapsed();
    qInfo("10,000 nodes inserted and updated in %lld ms (model, sorted and filtered proxy, view)", ms);
    QCOMPARE(model.rowCount(), kNodes);
    QCOMPARE(filter.rowCount(), kNodes - kNodes / 5);
    QCOMPARE(selection.selected(), QList<qint64>{1});
    // Generous for a loaded debug build; a reset per node would take far longer.
    QVERIFY2(ms < 3000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    // The proxy's order is right after all that.
    QCOMPARE(filter.index(0, NodeTableModel::SpeedupColumn).data(NodeTableModel::SortRole).toDouble(), 1.0 + 96 / 10.0);

    // The same under the model tester, on a smaller scale (it checks every change).
    NodeTableModel checked;
    NodeFilterModel checkedFilter;
    checkedFilter.setSourceModel(&checked);
    QAbstractItemModelTester t1(&checked, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&checkedFilter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    checkedFilter.sort(NodeTableModel::SpeedupColumn, Qt::DescendingOrder);
    for (int i = 1; i <= 300; ++i)
        checked.updateNode(makeNode(i, std::nullopt, "tuner", NodeState::Done, Status::Passed, (i * 37) % 101, std::to_string(i)));
    QCOMPARE(checkedFilter.rowCount(), 300);
}

void TestSessionModels::selectionEmitsOnlyOnChange() {
    NodeSelection selection;
    QSignalSpy selected(&selection, &NodeSelection::selectionChanged);
    QSignalSpy current(&selection, &NodeSelection::currentChanged);
    selection.setSelected({3, 1, 3, 0});
    QCOMPARE(selection.selected(), (QList<qint64>{3, 1}));
    QCOMPARE(selected.count(), 1);
    selection.setSelected({3, 1});
    QCOMPARE(selected.count(), 1);
    selection.setCurrent(1);
    selection.setCurrent(1);
    QCOMPARE(current.count(), 1);
    selection.select(5);
    QCOMPARE(selection.selected(), QList<qint64>{5});
    QCOMPARE(selection.current(), 5);
    QCOMPARE(selected.count(), 2);
    QCOMPARE(current.count(), 2);
    selection.clear();
    QVERIFY(selection.selected().isEmpty());
    QCOMPARE(selection.current(), NodeSelection::kNone);
    QCOMPARE(selected.count(), 3);
    QCOMPARE(current.count(), 3);
}

void TestSessionModels::tableAndSelectionStayInStep() {
    NodeTableModel model;
    NodeFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    NodeSelection selection;
    NodeTableView view;
    view.setNodeModel(&filter);
    view.bindSelection(&selection);
    model.setTree(1, sampleTree());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    // In the view, as a user would: click node 10, then ctrl-click node 2.
    auto rowRect = [&](qint64 id) { return view.visualRect(filter.indexOfNode(id, NodeTableModel::GeneratorColumn)); };
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, rowRect(10).center());
    QCOMPARE(selection.selected(), QList<qint64>{10});
    QCOMPARE(selection.current(), 10);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, Qt::ControlModifier, rowRect(2).center());
    QCOMPARE(selection.selected(), (QList<qint64>{10, 2}));  // in the order picked
    QCOMPARE(selection.current(), 2);

    // Elsewhere (the tree graph, the diff): the view follows.
    selection.setSelected({3, 11});
    selection.setCurrent(11);
    QList<qint64> inView;
    for (const QModelIndex& i : view.selectionModel()->selectedRows()) inView << i.data(NodeTableModel::NodeIdRole).toLongLong();
    std::sort(inView.begin(), inView.end());
    QCOMPARE(inView, (QList<qint64>{3, 11}));
    QCOMPARE(view.selectionModel()->currentIndex().data(NodeTableModel::NodeIdRole).toLongLong(), 11);

    // Hiding a selected row with the filter does not unselect it; showing it again selects it again.
    filter.setStatusFilter(StatusFilter::pending());
    QCOMPARE(selection.selected(), (QList<qint64>{3, 11}));
    filter.setStatusFilter(StatusFilter::any());
    QCOMPARE(view.selectionModel()->selectedRows().size(), 2);
    QCOMPARE(selection.selected(), (QList<qint64>{3, 11}));

    // Nodes arriving during a run keep the selection.
    model.updateNode(makeNode(20, 3, "tuner", NodeState::Pending, Status::NotRun, 0, "8"));
    QCOMPARE(selection.selected(), (QList<qint64>{3, 11}));
    QCOMPARE(view.selectionModel()->selectedRows().size(), 2);
}

void TestSessionModels::nodesPanelCombosFilter() {
    NodeTableModel model;
    NodeSelection selection;
    NodesPanel panel(&model, &selection);
    QAbstractItemModelTester tester(panel.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTree(1, sampleTree());
    QComboBox* generators = panel.generatorCombo();
    QCOMPARE(generators->count(), 4);  // all, manual, template, tuner
    generators->setCurrentIndex(generators->findData(QStringLiteral("tuner")));
    QCOMPARE(panel.filterModel()->rowCount(), 3);
    QComboBox* statuses = panel.statusCombo();
    statuses->setCurrentIndex(statuses->findText(QStringLiteral("compile error")));
    QCOMPARE(panel.filterModel()->rowCount(), 1);
    panel.filterEdit()->setText(QStringLiteral("no such thing"));
    QCOMPARE(panel.filterModel()->rowCount(), 0);
    panel.filterEdit()->clear();
    statuses->setCurrentIndex(0);
    // Another session without that generator: the filter lets everything through again.
    kforge::SessionTree other;
    other.put(makeNode(1, std::nullopt, "template", NodeState::Done, Status::Passed, 1.0));
    model.setTree(2, other);
    QCOMPARE(generators->currentIndex(), 0);
    QCOMPARE(panel.filterModel()->rowCount(), 1);
}

void TestSessionModels::sessionListMergesAndFollowsProgress() {
    SessionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSessions({sessionRecord(1, "first", 10, 1.5), sessionRecord(2, "second", 50, 0)});
    QCOMPARE(model.rowCount(), 2);
    const int r = model.rowOfSession(1);
    QCOMPARE(model.index(r, SessionListModel::NameColumn).data().toString(), QStringLiteral("first"));
    QCOMPARE(model.index(r, SessionListModel::TaskColumn).data().toString(), QStringLiteral("vector_add_fp32"));
    QCOMPARE(model.index(r, SessionListModel::DeviceColumn).data().toString(), QStringLiteral("Test CPU (cpu)"));
    QCOMPARE(model.index(r, SessionListModel::StatusColumn).data().toString(), QStringLiteral("finished"));
    QCOMPARE(model.index(r, SessionListModel::EvaluationsColumn).data().toString(), QStringLiteral("10 of 50"));
    QCOMPARE(model.index(r, SessionListModel::BestSpeedupColumn).data().toString(), QStringLiteral("1.500×"));
    QCOMPARE(model.index(model.rowOfSession(2), SessionListModel::BestSpeedupColumn).data().toString(), QString());

    // A new listing: 1 gone, 2 changed, 3 new; no reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setSessions({sessionRecord(2, "second, renamed", 50, 2.0), sessionRecord(3, "third", 0, 0)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfSession(1), -1);
    QCOMPARE(model.sessionName(2), QStringLiteral("second, renamed"));
    QCOMPARE(model.sessionIdAt(model.rowOfSession(3)), 3);

    // A run's progress shows live.
    kforge::SessionProgress p;
    p.sessionId = 3;
    p.evaluations = 4;
    p.budget = 6;
    p.bestSpeedup = 1.25;
    model.applyProgress(p);
    const int r3 = model.rowOfSession(3);
    QCOMPARE(model.index(r3, SessionListModel::EvaluationsColumn).data().toString(), QStringLiteral("4 of 6"));
    QCOMPARE(model.index(r3, SessionListModel::StatusColumn).data().toString(), QStringLiteral("running"));
    QCOMPARE(model.index(r3, SessionListModel::BestSpeedupColumn).data(SessionListModel::SortRole).toDouble(), 1.25);
    model.removeSession(3);
    QCOMPARE(model.rowCount(), 1);
}

void TestSessionModels::sessionListRenameAsks() {
    SessionListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSessions({sessionRecord(4, "old", 1, 0)});
    QSignalSpy asked(&model, &SessionListModel::renameRequested);
    const QModelIndex name = model.index(0, SessionListModel::NameColumn);
    QVERIFY(model.flags(name) & Qt::ItemIsEditable);
    QVERIFY(!(model.flags(model.index(0, SessionListModel::TaskColumn)) & Qt::ItemIsEditable));
    QVERIFY(model.setData(name, QStringLiteral("  new name ")));
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.at(0).at(0).toLongLong(), 4);
    QCOMPARE(asked.at(0).at(1).toString(), QStringLiteral("new name"));
    QVERIFY(!model.setData(name, QStringLiteral("   ")));  // an empty name is refused
    QCOMPARE(asked.count(), 1);
}

void TestSessionModels::progressWidgetShowsEverything() {
    RunProgressWidget widget;
    kforge::SessionProgress p;
    p.sessionId = 1;
    p.evaluations = 3;
    p.budget = 6;
    p.bestSpeedup = 1.75;
    p.evaluationsPerMinute = 12.5;
    p.etaSeconds = 15;
    widget.showState(SessionRun::State::Running);
    widget.showProgress(p);
    const QString text = widget.text();
    QVERIFY2(text.contains(QStringLiteral("Running")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("3 of 6 evaluations")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("best 1.750×")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("12.5 per minute")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("ETA 0:15")), qPrintable(text));
    // Over: no estimate of the time left, and a stopped run says so.
    widget.showState(SessionRun::State::Finished);
    QVERIFY2(widget.text().contains(QStringLiteral("Finished")) && !widget.text().contains(QStringLiteral("ETA")),
             qPrintable(widget.text()));
    widget.showState(SessionRun::State::Stopped);
    QVERIFY2(widget.text().contains(QStringLiteral("Stopped")) && !widget.text().contains(QStringLiteral("ETA")),
             qPrintable(widget.text()));
    QVERIFY2(widget.text().contains(QStringLiteral("3 of 6 evaluations")), qPrintable(widget.text()));
    widget.clear();
    QVERIFY(widget.text().isEmpty());
}

QTEST_MAIN(TestSessionModels)
#include "test_session_models.moc"
