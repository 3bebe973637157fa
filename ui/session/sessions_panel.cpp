#include "ui/session/sessions_panel.h"

#include <QAction>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/session/session_list_model.h"
#include "ui/session/workspace.h"

namespace kforge::ui {

namespace {

const QString kSessionFileSuffix = QStringLiteral("kfsession");

// Enter opens the selected session; the tree view would otherwise only move on.
class SessionTreeView : public QTreeView {
public:
    using QTreeView::QTreeView;
    std::function<void()> onActivate;

protected:
    void keyPressEvent(QKeyEvent* event) override {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && state() != EditingState && onActivate) {
            onActivate();
            return;
        }
        QTreeView::keyPressEvent(event);
    }
};

}  // namespace

SessionsPanel::SessionsPanel(Workspace* workspace, QWidget* parent)
    : QWidget(parent),
      workspace_(workspace),
      model_(new SessionListModel(this)),
      sorted_(new QSortFilterProxyModel(this)),
      view_(new SessionTreeView(this)),
      toolBar_(new QToolBar(this)),
      notice_(new QLabel(this)) {
    setObjectName(QStringLiteral("sessionsPanel"));
    sorted_->setSourceModel(model_);
    sorted_->setSortRole(SessionListModel::SortRole);
    sorted_->setDynamicSortFilter(true);

    view_->setObjectName(QStringLiteral("sessionList"));
    view_->setModel(sorted_);
    view_->setRootIsDecorated(false);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSortingEnabled(true);
    view_->sortByColumn(SessionListModel::UpdatedColumn, Qt::DescendingOrder);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    view_->header()->setStretchLastSection(false);
    view_->header()->setSectionResizeMode(SessionListModel::NameColumn, QHeaderView::Stretch);
    static_cast<SessionTreeView*>(view_)->onActivate = [this] { openSelected(); };

    notice_->setObjectName(QStringLiteral("sessionsNotice"));
    notice_->setWordWrap(true);
    notice_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notice_->hide();

    toolBar_->setObjectName(QStringLiteral("sessionsToolBar"));
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->setIconSize(QSize(16, 16));
    createActions();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(toolBar_);
    layout->addWidget(view_, 1);
    layout->addWidget(notice_);

    connect(view_, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        // A double-click on the name edits it (SelectedClicked); elsewhere it opens.
        if (index.column() != SessionListModel::NameColumn) openSelected();
    });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SessionsPanel::updateActions);
    connect(model_, &SessionListModel::renameRequested, workspace_, &Workspace::renameSession);

    connect(workspace_, &Workspace::sessionsListed, this, [this](quint64, const SessionRecordList& sessions) {
        model_->setSessions(sessions);
        if (runningSession_ != 0) model_->setLiveStatus(runningSession_, QStringLiteral("running"));
        updateActions();
    });
    connect(workspace_, &Workspace::sessionRenamed, this, [this](quint64, qint64 id, const QString& name) {
        model_->renameSession(id, name);
        showNotice({});
    });
    connect(workspace_, &Workspace::sessionDeleted, this, [this](quint64, qint64 id) {
        model_->removeSession(id);
        showNotice(tr("Deleted session %1.").arg(id));
        emit sessionDeleted(id);
    });
    connect(workspace_, &Workspace::sessionExported, this, [this](quint64, qint64 id, const QString& file, int nodes) {
        showNotice(tr("Exported session %1 (%n node(s)) to %2.", nullptr, nodes).arg(id).arg(file));
    });
    connect(workspace_, &Workspace::sessionImported, this, [this](quint64 request, qint64 id, const QString& file) {
        showNotice(tr("Imported %1 as session %2.").arg(file).arg(id));
        if (request == pendingImport_) pendingImport_ = 0;
        refresh();
        emit sessionImported(id);
    });
    connect(workspace_, &Workspace::failed, this, [this](const WorkspaceError& e) {
        // Loading a session is the window's request; it reports its own failures.
        if (e.operation == WorkspaceError::Operation::Load) return;
        showError(e.text());
        // An optimistic rename the store refused: show the stored name again.
        if (e.operation == WorkspaceError::Operation::Rename) refresh();
    });

    retranslateUi();
    updateActions();
}

void SessionsPanel::createActions() {
    openAction_ = new QAction(this);
    openAction_->setObjectName(QStringLiteral("openSessionAction"));
    connect(openAction_, &QAction::triggered, this, &SessionsPanel::openSelected);

    renameAction_ = new QAction(this);
    renameAction_->setObjectName(QStringLiteral("renameSessionAction"));
    renameAction_->setShortcut(QKeySequence(Qt::Key_F2));
    renameAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(renameAction_, &QAction::triggered, this, &SessionsPanel::renameSelected);

    deleteAction_ = new QAction(this);
    deleteAction_->setObjectName(QStringLiteral("deleteSessionAction"));
    deleteAction_->setShortcut(QKeySequence::Delete);
    deleteAction_->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(deleteAction_, &QAction::triggered, this, [this] { confirmDelete(selectedSessionId()); });

    importAction_ = new QAction(this);
    importAction_->setObjectName(QStringLiteral("importSessionAction"));
    importAction_->setShortcut(QKeySequence::Open);  // anywhere in the window: the panel is where sessions come in
    connect(importAction_, &QAction::triggered, this, &SessionsPanel::chooseImportFile);

    exportAction_ = new QAction(this);
    exportAction_->setObjectName(QStringLiteral("exportSessionAction"));
    connect(exportAction_, &QAction::triggered, this, &SessionsPanel::chooseExportFile);

    refreshAction_ = new QAction(this);
    refreshAction_->setObjectName(QStringLiteral("refreshSessionsAction"));
    connect(refreshAction_, &QAction::triggered, this, &SessionsPanel::refresh);

    for (QAction* a : {openAction_, renameAction_, deleteAction_, importAction_, exportAction_, refreshAction_}) {
        toolBar_->addAction(a);
        addAction(a);  // so its shortcut works while the panel has focus
    }
}

void SessionsPanel::retranslateUi() {
    openAction_->setText(tr("Open"));
    openAction_->setStatusTip(tr("Open the selected session: its tree and nodes"));
    renameAction_->setText(tr("Rename"));
    renameAction_->setStatusTip(tr("Rename the selected session"));
    deleteAction_->setText(tr("Delete"));
    deleteAction_->setStatusTip(tr("Delete the selected session and everything it measured"));
    importAction_->setText(tr("Import…"));
    importAction_->setStatusTip(tr("Add a session file (.kfsession) to this workspace"));
    exportAction_->setText(tr("Export…"));
    exportAction_->setStatusTip(tr("Write the selected session to a session file (.kfsession)"));
    refreshAction_->setText(tr("Refresh"));
    refreshAction_->setStatusTip(tr("Read the sessions from the workspace again"));
    updateActions();
}

void SessionsPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

qint64 SessionsPanel::selectedSessionId() const {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SessionListModel::SessionIdRole).toLongLong();
}

void SessionsPanel::selectSession(qint64 sessionId) {
    const int row = model_->rowOfSession(sessionId);
    if (row < 0) return;
    const QModelIndex index = sorted_->mapFromSource(model_->index(row, 0));
    view_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->scrollTo(index);
}

void SessionsPanel::setRunningSession(qint64 sessionId) {
    runningSession_ = sessionId;
    updateActions();
}

void SessionsPanel::updateActions() {
    const qint64 id = selectedSessionId();
    openAction_->setEnabled(id != 0);
    renameAction_->setEnabled(id != 0);
    exportAction_->setEnabled(id != 0);
    const bool running = id != 0 && id == runningSession_;
    deleteAction_->setEnabled(id != 0 && !running);
    deleteAction_->setToolTip(running ? tr("A running session cannot be deleted: stop it first") : deleteAction_->text());
}

void SessionsPanel::refresh() { workspace_->listSessions(); }

void SessionsPanel::openSelected() {
    if (const qint64 id = selectedSessionId()) emit openRequested(id);
}

void SessionsPanel::renameSelected() {
    const QModelIndexList rows = view_->selectionModel()->selectedRows(SessionListModel::NameColumn);
    if (!rows.isEmpty()) view_->edit(rows.first());
}

void SessionsPanel::confirmDelete(qint64 sessionId) {
    if (sessionId == 0) return;
    if (sessionId == runningSession_) {
        showError(tr("Session %1 is running: stop it before deleting it.").arg(sessionId));
        return;
    }
    const int row = model_->rowOfSession(sessionId);
    const QString name = model_->sessionName(sessionId);
    const int evaluations =
        row < 0 ? 0 : model_->index(row, SessionListModel::EvaluationsColumn).data(SessionListModel::SortRole).toInt();
    delete confirm_;
    confirm_ = new QMessageBox(QMessageBox::Warning, tr("Delete Session"),
                               tr("Delete the session “%1” (session %2)?").arg(name).arg(sessionId), QMessageBox::NoButton, this);
    confirm_->setObjectName(QStringLiteral("confirmDeleteSession"));
    confirm_->setInformativeText(
        tr("Its %n evaluated candidate(s), their sources and measurements are removed from the workspace. "
           "This cannot be undone.",
           nullptr, evaluations));
    QPushButton* remove = confirm_->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    confirm_->addButton(QMessageBox::Cancel);
    confirm_->setDefaultButton(QMessageBox::Cancel);
    connect(confirm_, &QMessageBox::finished, this, [this, sessionId, remove] {
        if (confirm_->clickedButton() == remove) workspace_->deleteSession(sessionId);
        confirm_->deleteLater();
        confirm_ = nullptr;
    });
    confirm_->open();
}

void SessionsPanel::exportSessionTo(qint64 sessionId, const QString& file) {
    if (sessionId != 0 && !file.isEmpty()) workspace_->exportSession(sessionId, file);
}

void SessionsPanel::importFrom(const QString& file) {
    if (!file.isEmpty()) pendingImport_ = workspace_->importSession(file);
}

QString SessionsPanel::errorText() const { return error_; }

void SessionsPanel::showError(const QString& text) {
    error_ = text;
    notice_->setText(text);
    notice_->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    notice_->setVisible(!text.isEmpty());
}

void SessionsPanel::showNotice(const QString& text) {
    error_.clear();
    notice_->setText(text);
    notice_->setStyleSheet(QString());
    notice_->setVisible(!text.isEmpty());
}

void SessionsPanel::chooseExportFile() {
    const qint64 id = selectedSessionId();
    if (id == 0) return;
    const QString suggested = QStringLiteral("session-%1.%2").arg(id).arg(kSessionFileSuffix);
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Session"), suggested,
                                                      tr("KernelForge sessions (*.%1)").arg(kSessionFileSuffix));
    exportSessionTo(id, file);
}

void SessionsPanel::chooseImportFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Import Session"), QString(),
                                                      tr("KernelForge sessions (*.%1);;All files (*)").arg(kSessionFileSuffix));
    importFrom(file);
}

}  // namespace kforge::ui
