#pragma once
// The workspace's sessions, for a dock: open (double-click or Enter), rename
// (inline, F2), delete after a confirmation that names the session, import and
// export `.kfsession` files. Every store access goes through the Workspace;
// its errors are shown in the panel, naming the session or file they concern.
#include <QWidget>

class QAction;
class QEvent;
class QLabel;
class QModelIndex;
class QMessageBox;
class QSortFilterProxyModel;
class QToolBar;
class QTreeView;

namespace kforge::ui {

class SessionListModel;
class Workspace;
struct WorkspaceError;

class SessionsPanel : public QWidget {
    Q_OBJECT

public:
    explicit SessionsPanel(Workspace* workspace, QWidget* parent = nullptr);

    SessionListModel* model() const { return model_; }
    QTreeView* view() const { return view_; }

    qint64 selectedSessionId() const;  // 0 when none
    void selectSession(qint64 sessionId);
    // The session a run is writing to (0: none): it cannot be deleted meanwhile.
    void setRunningSession(qint64 sessionId);

    void refresh();
    void openSelected();
    void renameSelected();  // starts the inline editor
    // Asks first, window-modally and without blocking (the box is the panel's
    // child QMessageBox named "confirmDeleteSession"); deletes on "Delete".
    void confirmDelete(qint64 sessionId);
    void exportSessionTo(qint64 sessionId, const QString& file);
    void importFrom(const QString& file);
    // What went wrong last (empty after a success); also shown in the panel.
    QString errorText() const;

signals:
    void openRequested(qint64 sessionId);
    void sessionDeleted(qint64 sessionId);
    void sessionImported(qint64 sessionId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    void retranslateUi();
    void updateActions();
    void showError(const QString& text);
    void showNotice(const QString& text);
    void chooseExportFile();
    void chooseImportFile();

    Workspace* workspace_;
    SessionListModel* model_;
    QSortFilterProxyModel* sorted_;
    QTreeView* view_;
    QToolBar* toolBar_;
    QLabel* notice_;
    QMessageBox* confirm_ = nullptr;
    qint64 runningSession_ = 0;
    quint64 pendingImport_ = 0;
    QString error_;

    QAction* openAction_ = nullptr;
    QAction* renameAction_ = nullptr;
    QAction* deleteAction_ = nullptr;
    QAction* importAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* refreshAction_ = nullptr;
};

}  // namespace kforge::ui
