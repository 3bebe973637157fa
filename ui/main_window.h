#pragma once

#include <QMainWindow>

#include <map>
#include <optional>

#include "ui/session/session_types.h"

class QAction;
class QCloseEvent;
class QDockWidget;
class QEvent;
class QShowEvent;
class QLabel;
class QMenu;
class QSplitter;
class QToolBar;

namespace kforge::ui {

class AboutDialog;
class AgentPanel;
class SettingsDialog;
class ChartsPanel;
class SessionDocument;
class NodeDetails;
class NodeSelection;
class NodeTableModel;
class NodesPanel;
class RunControls;
class SessionRun;
class SessionSummary;
class SessionWorkbench;
class SessionsPanel;
class WelcomePage;
class Workspace;

// KernelForge's main window: the workspace's sessions in a dock on the left,
// the open session's nodes in a dock at the bottom, the session itself in the
// central area (the welcome page until one is open), run control in a toolbar,
// a menu and the status bar. Its geometry and state persist in QSettings
// (organization and application "KernelForge") across runs.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // The workspace is Store::defaultPath() ($KFORGE_DB, else the user's data directory).
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const QString& databasePath, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows the About box window-modally and returns at once (QDialog::open),
    // so neither the event loop nor a test is blocked. One box is reused.
    void showAboutDialog();
    // Edit > Preferences…: opens the Settings dialog window-modally and
    // returns it at once (one at a time; it deletes itself when closed).
    SettingsDialog* showSettingsDialog();

    // Starts a new session on its own thread and opens it as soon as its
    // baseline is measured. `taskRef` is a built-in task's name or a task
    // directory. False (nothing started) while another run is under way.
    bool startSession(const QString& taskRef, const kforge::SessionConfig& config, const QString& name = {});
    // Opens the new-session wizard (window-modal, returns at once); accepting
    // it starts the session. Returns the wizard.
    QWidget* showNewSessionWizard();
    // Writes node `nodeId` of the open session as a standalone source (the
    // CLI's `best` form) to `file`, off the UI thread; nodeExported() follows.
    void exportNode(qint64 nodeId, const QString& file);
    // A demo: the best device found (detected off the UI thread; CUDA, then
    // HIP, then the CPU) optimizes `taskRef` with the tuner for `budget`
    // evaluations. What `kernelforge --demo` does.
    void startDemoSession(const QString& taskRef = QStringLiteral("softmax_fp32"), int budget = 40);
    // Loads a stored session through the workspace and shows it.
    void openSession(qint64 sessionId);
    // Runs the open session on (its own stop conditions, or `stop` when it sets one).
    bool continueOpenSession(const std::optional<kforge::StopConditions>& stop = std::nullopt);

    // 0 until a session is open.
    qint64 openSessionId() const;
    std::optional<kforge::SessionRecord> openSessionRecord() const;
    SessionDocument* document() const { return document_; }

    Workspace* workspace() const { return workspace_; }
    SessionRun* sessionRun() const { return run_; }
    NodeTableModel* nodeModel() const { return nodes_; }
    NodeSelection* nodeSelection() const { return selection_; }
    SessionsPanel* sessionsPanel() const { return sessionsPanel_; }
    NodesPanel* nodesPanel() const { return nodesPanel_; }
    RunControls* runControls() const { return runControls_; }
    // The central area once a session is open: the session's views sit side
    // by side in it (the summary first; the tree graph and diff editor join it).
    QSplitter* sessionArea() const { return sessionArea_; }
    SessionSummary* sessionSummary() const { return summary_; }
    SessionWorkbench* workbench() const { return workbench_; }
    NodeDetails* nodeDetails() const { return details_; }
    ChartsPanel* chartsPanel() const { return charts_; }
    AgentPanel* agentPanel() const { return agent_; }

signals:
    // A session was opened (loaded, or started by a run) with its tree as it
    // stands; while it runs, sessionRun()'s nodeChanged() carries the rest.
    void sessionOpened(const kforge::SessionRecord& session, const kforge::ui::SharedSessionTree& tree);
    // exportNode() finished: `error` is empty on success.
    void nodeExported(qint64 nodeId, const QString& file, const QString& error);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createSessionViews();
    void connectSessions();
    void retranslateUi();
    void restoreWindowSettings();
    void saveWindowSettings() const;
    // The document opened a session (or the same one again): the views and the window follow.
    void showSession(const kforge::SessionRecord& session, const SharedSessionTree& tree);
    void showNoSession();
    void updateTitle();
    // Brings a dock to the front of the tab group it shares, if it shares one.
    void raiseBesideItsTabs(QDockWidget* dock);
    void onStartRequested();
    void connectDocument();
    void exportCurrentNode();
    // Profiles a node of the open session (the Profile tab's button) when no run is under way.
    void profileNode(qint64 nodeId);
    void remeasureNode(qint64 nodeId);
    void evaluateAsChild(qint64 parent, const QString& source, const QString& extension,
                         const std::optional<kforge::TuneConfig>& config);

    QMenu* fileMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    QMenu* sessionMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* preferencesAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
    QLabel* versionLabel_ = nullptr;
    AboutDialog* aboutDialog_ = nullptr;  // created on first use, owned by the window

    Workspace* workspace_ = nullptr;
    SessionRun* run_ = nullptr;
    NodeTableModel* nodes_ = nullptr;
    SessionDocument* document_ = nullptr;  // the open session; every view follows it
    NodeSelection* selection_ = nullptr;   // the document's
    SessionsPanel* sessionsPanel_ = nullptr;
    NodesPanel* nodesPanel_ = nullptr;
    RunControls* runControls_ = nullptr;
    QDockWidget* sessionsDock_ = nullptr;
    QDockWidget* nodesDock_ = nullptr;
    QToolBar* runToolBar_ = nullptr;
    WelcomePage* welcome_ = nullptr;
    QSplitter* sessionArea_ = nullptr;
    SessionSummary* summary_ = nullptr;
    SessionWorkbench* workbench_ = nullptr;
    NodeDetails* details_ = nullptr;
    ChartsPanel* charts_ = nullptr;
    QDockWidget* detailsDock_ = nullptr;
    QDockWidget* summaryDock_ = nullptr;
    QDockWidget* chartsDock_ = nullptr;
    AgentPanel* agent_ = nullptr;
    QDockWidget* agentDock_ = nullptr;
    QAction* newSessionAction_ = nullptr;
    QAction* exportNodeAction_ = nullptr;
    // No saved layout: the docks get their first-run proportions when the
    // window is first shown, at its final size (set earlier, Qt scales them
    // with every resize before the show, and the bottom docks took half the height).
    bool firstRunLayout_ = false;
    bool nodeJob_ = false;  // a profile or re-measure run: its own signal reports it, not finished()
    bool toldUnsandboxed_ = false;  // the user hears once per window that candidates run without the sandbox
    QString baselineMessage_;  // shown while a new session measures its baseline; cleared when it starts
    quint64 pendingLoad_ = 0;
    std::map<quint64, qint64> pendingNodeExports_;  // the workspace's request -> the node it writes
};

}  // namespace kforge::ui
