// The Workspace against a temporary database: list, load, rename, delete,
// export and import round trips through its queued signals, errors that name
// what they concern, and the sessions panel (delete asks first).

#include "store/store.h"
#include "support/stored_session.h"
#include "ui/session/session_list_model.h"
#include "ui/session/node_selection.h"
#include "ui/session/session_document.h"
#include "ui/session/sessions_panel.h"
#include "ui/session/workspace.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeView>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace kforge::ui;

namespace {

// A session with a root and two children, written straight through the core.
qint64 seedSession(const QString& db, const std::string& name) {
    kforge::Store store(db.toStdString());
    kforge::SessionRecord r = kforge::test::createStoredSession(store, name, "vector_add_fp32", 10);
    kforge::Node root;
    root.id = 1;
    root.generator = "template";
    root.sourceHash = store.putSource("// @tune BLOCK 64 128\nint x;\n");
    root.sourceExtension = ".cpp";
    root.config = {{"BLOCK", "64"}};
    root.createdAt = "2026-01-01T00:00:00Z";
    kforge::test::storeMeasuredNode(store, r.id, root, kforge::Status::Passed, 1.0);
    root.state = kforge::NodeState::Done;
    root.status = kforge::Status::Passed;
    root.fitness = 1.0;
    kforge::Node child = root;
    child.id = 2;
    child.parent = 1;
    child.generator = "tuner";
    child.config = {{"BLOCK", "128"}};
    child.fitness = 1.5;
    store.insertNode(r.id, child);
    r.evaluations = 2;
    r.bestNode = 2;
    r.bestSpeedup = 1.5;
    r.status = "finished";
    store.saveSession(r);
    return r.id;
}

template <typename Spy>
QList<QVariant> waitFor(Spy& spy) {
    if (spy.isEmpty() && !spy.wait(10000)) return {};
    return spy.takeFirst();
}

}  // namespace

class TestSessionWorkspace : public QObject {
    Q_OBJECT

private slots:
    void init();
    void listsAndLoadsOffTheUiThread();
    void renamesAndDeletes();
    void exportsAndImports();
    void exportsNodesFromItsOwnStore();
    void documentFollowsTheOpenSession();
    void errorsNameWhatTheyConcern();
    void panelListsOpensAndRenames();
    void panelDeleteAsksFirst();
    void panelImportsExportsAndShowsErrors();

private:
    QTemporaryDir dir_;
    QString db_;
    int counter_ = 0;
};

void TestSessionWorkspace::init() {
    QVERIFY(dir_.isValid());
    db_ = dir_.filePath(QStringLiteral("workspace-%1.db").arg(++counter_));
}

void TestSessionWorkspace::listsAndLoadsOffTheUiThread() {
    const qint64 id = seedSession(db_, "first");
    Workspace workspace(db_);
    QCOMPARE(workspace.databasePath(), db_);
    QSignalSpy listed(&workspace, &Workspace::sessionsListed);
    QSignalSpy loaded(&workspace, &Workspace::sessionLoaded);

    const quint64 request = workspace.listSessions();
    const QList<QVariant> answer = waitFor(listed);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(answer.at(0).toULongLong(), request);
    const auto sessions = answer.at(1).value<SessionRecordList>();
    QCOMPARE(sessions.size(), size_t(1));
    QCOMPARE(sessions.at(0).id, id);
    QCOMPARE(sessions.at(0).name, std::string("first"));

    const quint64 load = workspace.loadSession(id);
    QVERIFY(load != request);
    const QList<QVariant> tree = waitFor(loaded);
    QVERIFY(!tree.isEmpty());
    QCOMPARE(tree.at(0).toULongLong(), load);
    QCOMPARE(tree.at(1).value<kforge::SessionRecord>().bestNode.value_or(0), 2);
    const auto nodes = tree.at(2).value<SharedSessionTree>();
    QVERIFY(nodes != nullptr);
    QCOMPARE(nodes->nodes().size(), size_t(2));
    QVERIFY(nodes->hasSource(nodes->at(1).sourceHash));
}

void TestSessionWorkspace::renamesAndDeletes() {
    const qint64 a = seedSession(db_, "a");
    const qint64 b = seedSession(db_, "b");
    Workspace workspace(db_);
    QSignalSpy renamed(&workspace, &Workspace::sessionRenamed);
    QSignalSpy deleted(&workspace, &Workspace::sessionDeleted);
    QSignalSpy listed(&workspace, &Workspace::sessionsListed);

    const quint64 rename = workspace.renameSession(a, QStringLiteral("alpha"));
    QList<QVariant> answer = waitFor(renamed);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(answer.at(0).toULongLong(), rename);
    QCOMPARE(answer.at(1).toLongLong(), a);
    QCOMPARE(answer.at(2).toString(), QStringLiteral("alpha"));

    const quint64 remove = workspace.deleteSession(b);
    answer = waitFor(deleted);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(answer.at(0).toULongLong(), remove);
    QCOMPARE(answer.at(1).toLongLong(), b);

    workspace.listSessions();
    answer = waitFor(listed);
    QVERIFY(!answer.isEmpty());
    const auto sessions = answer.at(1).value<SessionRecordList>();
    QCOMPARE(sessions.size(), size_t(1));
    QCOMPARE(sessions.at(0).name, std::string("alpha"));
}

void TestSessionWorkspace::exportsAndImports() {
    const qint64 id = seedSession(db_, "travelling");
    const QString file = dir_.filePath(QStringLiteral("travelling.kfsession"));
    {
        Workspace workspace(db_);
        QSignalSpy exported(&workspace, &Workspace::sessionExported);
        workspace.exportSession(id, file);
        const QList<QVariant> answer = waitFor(exported);
        QVERIFY(!answer.isEmpty());
        QCOMPARE(answer.at(1).toLongLong(), id);
        QCOMPARE(answer.at(2).toString(), file);
        QCOMPARE(answer.at(3).toInt(), 2);
    }
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const auto doc = nlohmann::json::parse(written.readAll().toStdString());
    QCOMPARE(doc.at("format").get<std::string>(), std::string("kernelforge-session"));

    // Into another workspace, as on another machine.
    const QString other = dir_.filePath(QStringLiteral("other-%1.db").arg(counter_));
    Workspace workspace(other);
    QSignalSpy imported(&workspace, &Workspace::sessionImported);
    QSignalSpy loaded(&workspace, &Workspace::sessionLoaded);
    const quint64 request = workspace.importSession(file);
    const QList<QVariant> answer = waitFor(imported);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(answer.at(0).toULongLong(), request);
    QCOMPARE(answer.at(2).toString(), file);
    workspace.loadSession(answer.at(1).toLongLong());
    const QList<QVariant> tree = waitFor(loaded);
    QVERIFY(!tree.isEmpty());
    QCOMPARE(tree.at(1).value<kforge::SessionRecord>().name, std::string("travelling"));
    QCOMPARE(tree.at(2).value<SharedSessionTree>()->nodes().size(), size_t(2));
}

// The export dialog's previews and the main window's node export go through
// the workspace's store, on its thread, like every other read.
void TestSessionWorkspace::exportsNodesFromItsOwnStore() {
    const qint64 id = seedSession(db_, "exported");
    const kforge::SessionRecord record = kforge::Store(db_.toStdString()).session(id);
    Workspace workspace(db_);
    QSignalSpy previewed(&workspace, &Workspace::exportPreviewed);
    QSignalSpy written(&workspace, &Workspace::nodeSourceExported);
    QSignalSpy failed(&workspace, &Workspace::failed);

    // The seeded nodes carry no workload measurements, so the core refuses the
    // export; the refusal is the preview's answer, not a failed request.
    // (test_workbench previews and writes a real session through the dialog.)
    const quint64 preview = workspace.previewExport({record, 1, "standalone"});
    QList<QVariant> answer = waitFor(previewed);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(answer.at(0).toULongLong(), preview);
    auto made = answer.at(1).value<ExportPreview>();
    QVERIFY(made.files.empty());
    QVERIFY2(made.error.contains(QStringLiteral("no stored measurements")), qPrintable(made.error));

    // Nor does an unknown format fail the request.
    workspace.previewExport({record, 2, "tarball"});
    answer = waitFor(previewed);
    QVERIFY(!answer.isEmpty());
    made = answer.at(1).value<ExportPreview>();
    QVERIFY(made.files.empty());
    QVERIFY2(made.error.contains(QStringLiteral("tarball")), qPrintable(made.error));

    const QString file = dir_.filePath(QStringLiteral("node2.cpp"));
    const quint64 write = workspace.exportNodeSource(record, 2, file);
    answer = waitFor(written);
    QVERIFY(!answer.isEmpty());
    QCOMPARE(answer.at(0).toULongLong(), write);
    QCOMPARE(answer.at(1).toLongLong(), qint64(2));
    QFile source(file);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QVERIFY(source.readAll().contains("int x;"));

    const QString nowhere = dir_.filePath(QStringLiteral("missing/dir/node2.cpp"));
    const quint64 bad = workspace.exportNodeSource(record, 2, nowhere);
    answer = waitFor(failed);
    QVERIFY(!answer.isEmpty());
    const auto error = answer.at(0).value<WorkspaceError>();
    QCOMPARE(error.request, bad);
    QCOMPARE(error.operation, WorkspaceError::Operation::ExportNode);
    QCOMPARE(error.file, nowhere);
    QVERIFY2(error.text().contains(nowhere), qPrintable(error.text()));
    QVERIFY(written.isEmpty());
    QCOMPARE(failed.size(), 0);  // the previews above answered through exportPreviewed
}

// The open session as one object: what is open, the current node in full
// (fetched through the workspace), a run's nodes and record for the open
// session only, and closing.
void TestSessionWorkspace::documentFollowsTheOpenSession() {
    const qint64 id = seedSession(db_, "open");
    Workspace workspace(db_);
    QSignalSpy loaded(&workspace, &Workspace::sessionLoaded);
    workspace.loadSession(id);
    const QList<QVariant> tree = waitFor(loaded);
    QVERIFY(!tree.isEmpty());
    const auto record = tree.at(1).value<kforge::SessionRecord>();
    const auto nodes = tree.at(2).value<SharedSessionTree>();

    SessionDocument document(&workspace);
    QSignalSpy opened(&document, &SessionDocument::opened);
    QSignalSpy closed(&document, &SessionDocument::closed);
    QSignalSpy changed(&document, &SessionDocument::nodeChanged);
    QSignalSpy recordChanged(&document, &SessionDocument::recordChanged);
    QSignalSpy pending(&document, &SessionDocument::currentNodePending);
    QSignalSpy ready(&document, &SessionDocument::currentNodeReady);
    QVERIFY(!document.isOpen());
    QCOMPARE(document.sessionId(), qint64(0));

    document.open(record, nodes);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(2).toBool(), false);  // another session than before
    QCOMPARE(document.sessionId(), id);
    QVERIFY(document.tree() == nodes);

    // A loaded tree holds summaries: the current node is fetched in full.
    pending.clear();
    document.selection()->setCurrent(2);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.at(0).at(0).toLongLong(), qint64(2));
    QVERIFY(ready.wait(10000));
    QCOMPARE(ready.takeFirst().at(0).value<kforge::Node>().id, qint64(2));
    QVERIFY(document.detailedNode(2) != nullptr);

    // The same session again keeps the selection; the current node is at hand.
    document.open(record, nodes);
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).at(2).toBool(), true);
    QCOMPARE(document.selection()->current(), qint64(2));
    QCOMPARE(ready.size(), 1);

    // A run's node: for another session ignored, for this one passed on (and
    // as the current node, in full).
    kforge::Node node = *document.detailedNode(2);
    node.fitness = 3.0;
    ready.clear();
    document.updateNode(id + 1, node);
    QCOMPARE(changed.size(), 0);
    document.updateNode(id, node);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(ready.size(), 1);
    QCOMPARE(ready.at(0).at(0).value<kforge::Node>().fitness, 3.0);

    kforge::SessionRecord other = record;
    other.id = id + 1;
    document.updateRecord(other);
    QCOMPARE(recordChanged.size(), 0);
    kforge::SessionRecord finished = record;
    finished.status = "finished";
    finished.bestSpeedup = 3.0;
    document.updateRecord(finished);
    QCOMPARE(recordChanged.size(), 1);
    QCOMPARE(document.record()->bestSpeedup, 3.0);

    document.close();
    QCOMPARE(closed.size(), 1);
    QVERIFY(!document.isOpen());
    QCOMPARE(document.selection()->current(), NodeSelection::kNone);
    QVERIFY(document.detailedNode(2) == nullptr);
    document.close();  // nothing open: nothing to say
    QCOMPARE(closed.size(), 1);
}

void TestSessionWorkspace::errorsNameWhatTheyConcern() {
    const qint64 id = seedSession(db_, "s");
    Workspace workspace(db_);
    QSignalSpy failed(&workspace, &Workspace::failed);

    const quint64 load = workspace.loadSession(id + 100);
    QList<QVariant> answer = waitFor(failed);
    QVERIFY(!answer.isEmpty());
    auto e = answer.at(0).value<WorkspaceError>();
    QCOMPARE(e.request, load);
    QCOMPARE(e.operation, WorkspaceError::Operation::Load);
    QCOMPARE(e.sessionId, id + 100);
    QVERIFY2(e.text().contains(QString::number(id + 100)), qPrintable(e.text()));

    const QString broken = dir_.filePath(QStringLiteral("broken.kfsession"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"kernelforge-session\", ");
    f.close();
    const quint64 import = workspace.importSession(broken);
    answer = waitFor(failed);
    QVERIFY(!answer.isEmpty());
    e = answer.at(0).value<WorkspaceError>();
    QCOMPARE(e.request, import);
    QCOMPARE(e.operation, WorkspaceError::Operation::Import);
    QCOMPARE(e.file, broken);
    QVERIFY2(e.text().contains(broken) && e.text().contains(QStringLiteral("JSON")), qPrintable(e.text()));

    // A well-formed file that is not a session: the store names what is wrong.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"format\": \"something-else\"}");
    f.close();
    workspace.importSession(broken);
    answer = waitFor(failed);
    QVERIFY(!answer.isEmpty());
    e = answer.at(0).value<WorkspaceError>();
    QVERIFY2(e.message.contains(QStringLiteral("format")), qPrintable(e.message));

    // A database that cannot be opened: every request says so, naming the file.
    Workspace nowhere(dir_.path());  // a directory, not a database
    QSignalSpy openFailed(&nowhere, &Workspace::failed);
    nowhere.listSessions();
    answer = waitFor(openFailed);
    QVERIFY(!answer.isEmpty());
    e = answer.at(0).value<WorkspaceError>();
    QCOMPARE(e.operation, WorkspaceError::Operation::Open);
    QCOMPARE(e.file, dir_.path());
}

void TestSessionWorkspace::panelListsOpensAndRenames() {
    const qint64 id = seedSession(db_, "listed");
    Workspace workspace(db_);
    SessionsPanel panel(&workspace);
    QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    panel.show();
    panel.refresh();
    QTRY_COMPARE(panel.model()->rowCount(), 1);
    panel.selectSession(id);
    QCOMPARE(panel.selectedSessionId(), id);

    QSignalSpy open(&panel, &SessionsPanel::openRequested);
    panel.view()->setFocus();
    QTest::keyClick(panel.view(), Qt::Key_Return);
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toLongLong(), id);

    // An inline edit renames in the store.
    QSignalSpy renamed(&workspace, &Workspace::sessionRenamed);
    panel.model()->setData(panel.model()->index(0, SessionListModel::NameColumn), QStringLiteral("renamed"));
    QVERIFY(!waitFor(renamed).isEmpty());
    QCOMPARE(kforge::Store(db_.toStdString()).session(id).name, std::string("renamed"));
}

void TestSessionWorkspace::panelDeleteAsksFirst() {
    const qint64 id = seedSession(db_, "doomed");
    Workspace workspace(db_);
    SessionsPanel panel(&workspace);
    panel.show();
    panel.refresh();
    QTRY_COMPARE(panel.model()->rowCount(), 1);

    // "Cancel" keeps it.
    panel.confirmDelete(id);
    auto* box = panel.findChild<QMessageBox*>(QStringLiteral("confirmDeleteSession"));
    QVERIFY(box != nullptr);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("doomed")), qPrintable(box->text()));  // names the session
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(100);
    QCOMPARE(panel.model()->rowCount(), 1);

    // A running session cannot be deleted at all.
    panel.setRunningSession(id);
    panel.confirmDelete(id);
    QVERIFY(panel.findChild<QMessageBox*>(QStringLiteral("confirmDeleteSession")) == nullptr);
    QVERIFY(panel.errorText().contains(QString::number(id)));
    panel.setRunningSession(0);

    // "Delete" deletes.
    QSignalSpy deleted(&panel, &SessionsPanel::sessionDeleted);
    panel.confirmDelete(id);
    box = panel.findChild<QMessageBox*>(QStringLiteral("confirmDeleteSession"));
    QVERIFY(box != nullptr);
    QTRY_VERIFY(box->isVisible());
    box->findChild<QPushButton*>(QStringLiteral("confirmDeleteButton"))->click();
    QVERIFY(!waitFor(deleted).isEmpty());
    QCOMPARE(panel.model()->rowCount(), 0);
    QVERIFY(kforge::Store(db_.toStdString()).sessions().empty());
}

void TestSessionWorkspace::panelImportsExportsAndShowsErrors() {
    const qint64 id = seedSession(db_, "shared");
    Workspace workspace(db_);
    SessionsPanel panel(&workspace);
    panel.refresh();
    QTRY_COMPARE(panel.model()->rowCount(), 1);

    const QString file = dir_.filePath(QStringLiteral("shared-%1.kfsession").arg(counter_));
    QSignalSpy exported(&workspace, &Workspace::sessionExported);
    panel.exportSessionTo(id, file);
    QVERIFY(!waitFor(exported).isEmpty());
    QVERIFY(QFile::exists(file));

    // The same file again is refused (the session is here already), and the panel says which file.
    panel.importFrom(file);
    QTRY_VERIFY(!panel.errorText().isEmpty());
    QVERIFY2(panel.errorText().contains(file), qPrintable(panel.errorText()));

    // Into a fresh workspace it arrives and is listed.
    Workspace other(dir_.filePath(QStringLiteral("fresh-%1.db").arg(counter_)));
    SessionsPanel otherPanel(&other);
    QSignalSpy imported(&otherPanel, &SessionsPanel::sessionImported);
    otherPanel.importFrom(file);
    QVERIFY(!waitFor(imported).isEmpty());
    QTRY_COMPARE(otherPanel.model()->rowCount(), 1);
    QCOMPARE(otherPanel.model()->sessionName(otherPanel.model()->sessionIdAt(0)), QStringLiteral("shared"));
    QVERIFY(otherPanel.errorText().isEmpty());
}

QTEST_MAIN(TestSessionWorkspace)
#include "test_session_workspace.moc"
