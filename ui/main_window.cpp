#include "ui/main_window.h"

#include "ui/about_dialog.h"
#include "ui/application_info.h"
#include "ui/background_call.h"
#include "ui/export/export_dialog.h"
#include "ui/agent/agent_panel.h"
#include "ui/charts/charts_panel.h"
#include "ui/charts/roofline_chart.h"
#include "ui/details/node_details.h"
#include "ui/session/session_document.h"
#include "ui/session/node_selection.h"
#include "ui/session/node_table_model.h"
#include "ui/session/nodes_panel.h"
#include "ui/session/run_controls.h"
#include "ui/session/session_list_model.h"
#include "ui/session/session_run.h"
#include "ui/session/session_summary.h"
#include "ui/session/session_workbench.h"
#include "ui/session/sessions_panel.h"
#include "ui/session/stop_reason_text.h"
#include "ui/session/workspace.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/settings_dialog.h"
#include "ui/tree/tree_graph_view.h"
#include "ui/welcome_page.h"
#include "ui/wizard/device_detection.h"
#include "ui/wizard/new_session_wizard.h"
#include "ui/phrase_text.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QScrollArea>
#include <QEvent>
#include <QFileDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>
#include <utility>

namespace kforge::ui {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");
const QString kSessionAreaKey = QStringLiteral("MainWindow/sessionArea");
const QString kWorkbenchKey = QStringLiteral("MainWindow/workbenchSplitter");

// Explicit names rather than QCoreApplication's, so the window reads and
// writes the same settings whoever constructs it.
QSettings windowSettings() {
    return QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge"));
}

// Puts `content` in `dock` inside a frameless scroll area that grows it to the
// dock's size and scrolls when the dock is smaller than it.
QScrollArea* scrollingInDock(QDockWidget* dock, QWidget* content, const QString& name) {
    auto* scroll = new QScrollArea(dock);
    scroll->setObjectName(name);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    dock->setWidget(scroll);
    return scroll;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(QString(), parent) {}

MainWindow::MainWindow(const QString& databasePath, QWidget* parent)
    : QMainWindow(parent),
      workspace_(new Workspace(databasePath, this)),
      run_(new SessionRun(workspace_->databasePath(), this)),
      nodes_(new NodeTableModel(this)),
      document_(new SessionDocument(workspace_, this)),
      selection_(document_->selection()) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(applicationName());
    setWindowIcon(applicationIcon());
    welcome_ = new WelcomePage(this);
    setCentralWidget(welcome_);

    createActions();
    createSessionViews();
    createMenus();
    connectDocument();
    connectSessions();

    versionLabel_ = new QLabel(this);
    versionLabel_->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(runControls_->progressWidget());
    statusBar()->addPermanentWidget(versionLabel_);

    retranslateUi();
    restoreWindowSettings();
    sessionsPanel_->refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::showAboutDialog() {
    if (aboutDialog_ == nullptr) {
        aboutDialog_ = new AboutDialog(this);
    }
    aboutDialog_->open();
    aboutDialog_->raise();
    aboutDialog_->activateWindow();
}

SettingsDialog* MainWindow::showSettingsDialog() {
    if (auto* open = findChild<SettingsDialog*>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto* dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveWindowSettings();
    // A run in progress stops cleanly: what it measured stays in the store
    // and the session can be continued later.
    run_->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::createSessionViews() {
    sessionsPanel_ = new SessionsPanel(workspace_, this);
    sessionsDock_ = new QDockWidget(this);
    sessionsDock_->setObjectName(QStringLiteral("sessionsDock"));
    sessionsDock_->setWidget(sessionsPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, sessionsDock_);

    nodesPanel_ = new NodesPanel(nodes_, selection_, this);
    nodesDock_ = new QDockWidget(this);
    nodesDock_->setObjectName(QStringLiteral("nodesDock"));
    nodesDock_->setWidget(nodesPanel_);
    addDockWidget(Qt::BottomDockWidgetArea, nodesDock_);

    // Shown in place of the welcome page once a session is open.
    sessionArea_ = new QSplitter(Qt::Horizontal, this);
    sessionArea_->setObjectName(QStringLiteral("sessionArea"));
    sessionArea_->setChildrenCollapsible(false);
    workbench_ = new SessionWorkbench(workspace_, selection_, sessionArea_);
    sessionArea_->addWidget(workbench_);

    // The open session's summary in a tab beside the sessions list, so the
    // centre is left to the graph and the diff. Stacked, the two shared a
    // column whose height at the first-run size left the summary three lines.
    summary_ = new SessionSummary(this);
    summaryDock_ = new QDockWidget(this);
    summaryDock_->setObjectName(QStringLiteral("summaryDock"));
    // Scrolls rather than clips: in a short dock the wrapped values (the
    // generators, the PyTorch baselines) need more lines than there is room for.
    auto* summaryScroll = scrollingInDock(summaryDock_, summary_, QStringLiteral("summaryScroll"));
    summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    addDockWidget(Qt::LeftDockWidgetArea, summaryDock_);
    tabifyDockWidget(sessionsDock_, summaryDock_);
    sessionsDock_->raise();
    sessionArea_->hide();

    details_ = new NodeDetails(this);
    details_->setObjectName(QStringLiteral("nodeDetails"));
    detailsDock_ = new QDockWidget(this);
    detailsDock_->setObjectName(QStringLiteral("detailsDock"));
    // Scrolls when short rather than holding the bottom docks (it shares their
    // tab group) at its full height: at the first-run size that height was
    // taken from the Session panel above.
    scrollingInDock(detailsDock_, details_, QStringLiteral("detailsScroll"));
    addDockWidget(Qt::BottomDockWidgetArea, detailsDock_);

    charts_ = new ChartsPanel(this);
    charts_->setObjectName(QStringLiteral("chartsPanel"));
    chartsDock_ = new QDockWidget(this);
    chartsDock_->setObjectName(QStringLiteral("chartsDock"));
    chartsDock_->setWidget(charts_);
    addDockWidget(Qt::BottomDockWidgetArea, chartsDock_);
    splitDockWidget(nodesDock_, chartsDock_, Qt::Horizontal);
    tabifyDockWidget(chartsDock_, detailsDock_);

    agent_ = new AgentPanel(workspace_, run_, selection_, this);
    agentDock_ = new QDockWidget(this);
    agentDock_->setObjectName(QStringLiteral("agentDock"));
    agentDock_->setWidget(agent_);
    addDockWidget(Qt::BottomDockWidgetArea, agentDock_);
    tabifyDockWidget(detailsDock_, agentDock_);
    chartsDock_->raise();

    runControls_ = new RunControls(run_, this);
    runToolBar_ = addToolBar(QString());
    runToolBar_->setObjectName(QStringLiteral("runToolBar"));
    runToolBar_->addAction(newSessionAction_);
    runToolBar_->addSeparator();
    runToolBar_->addActions(runControls_->actions());
}

void MainWindow::connectSessions() {
    connect(sessionsPanel_, &SessionsPanel::openRequested, this, &MainWindow::openSession);
    connect(sessionsPanel_, &SessionsPanel::sessionDeleted, this, [this](qint64 id) {
        if (openSessionId() == id) document_->close();  // the open session is gone
    });
    connect(workspace_, &Workspace::sessionLoaded, this,
            [this](quint64 request, const kforge::SessionRecord& session, const SharedSessionTree& tree) {
                if (request != pendingLoad_) return;  // an older request, overtaken by a later one
                pendingLoad_ = 0;
                document_->open(session, tree);
            });
    connect(workspace_, &Workspace::nodeSourceExported, this, [this](quint64 request, qint64 nodeId, const QString& file) {
        if (pendingNodeExports_.erase(request) > 0) emit nodeExported(nodeId, file, QString());
    });
    connect(workspace_, &Workspace::failed, this, [this](const WorkspaceError& e) {
        if (const auto it = pendingNodeExports_.find(e.request); it != pendingNodeExports_.end()) {
            const qint64 nodeId = it->second;
            pendingNodeExports_.erase(it);
            emit nodeExported(nodeId, e.file, e.message);
            return;
        }
        if (e.operation != WorkspaceError::Operation::Load || e.request != pendingLoad_) return;
        pendingLoad_ = 0;
        statusBar()->showMessage(e.text());
        QMessageBox* box = new QMessageBox(QMessageBox::Warning, tr("Open Session"), e.text(), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("openSessionFailedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    connect(runControls_, &RunControls::startRequested, this, &MainWindow::onStartRequested);
    connect(run_, &SessionRun::started, this, [this](const kforge::SessionRecord& session, const SharedSessionTree& tree) {
        sessionsPanel_->model()->updateSession(session);
        sessionsPanel_->setRunningSession(session.id);
        sessionsPanel_->selectSession(session.id);
        pendingLoad_ = 0;  // the run's own tree is newer than any load in flight
        // The baseline is measured: its message goes, unless something newer replaced it.
        if (statusBar()->currentMessage() == std::exchange(baselineMessage_, {})) statusBar()->clearMessage();
        document_->open(session, tree);
    });
    connect(run_, &SessionRun::nodeChanged, document_, &SessionDocument::updateNode);
    connect(workbench_, &SessionWorkbench::evaluateAsChildRequested, this, &MainWindow::evaluateAsChild);
    // Double-click (or Enter) on a node in the graph: its details come to the front.
    connect(workbench_->treeView(), &TreeGraphView::activated, this, [this] {
        detailsDock_->show();
        detailsDock_->raise();
    });
    connect(charts_, &ChartsPanel::nodeClicked, selection_, &NodeSelection::select);
    connect(details_, &NodeDetails::profileRequested, this, &MainWindow::profileNode);
    connect(run_, &SessionRun::nodeProfiled, this, [this](qint64, const kforge::Node& node, const QString& error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Profiled node #%1 with Nsight Compute.").arg(node.id)
                                                 : tr("Node #%1 was not profiled: %2").arg(node.id).arg(error),
                                 20000);
    });
    connect(details_, &NodeDetails::remeasureRequested, this, &MainWindow::remeasureNode);
    connect(run_, &SessionRun::nodeRemeasured, this, [this](qint64, const kforge::Node& before, const kforge::Node& after) {
        const QLocale locale;
        statusBar()->showMessage(
            after.passed() ? tr("Measured node #%1 again: %2× → %3× its speedup.")
                                 .arg(after.id)
                                 .arg(locale.toString(before.fitness, 'f', 3), locale.toString(after.fitness, 'f', 3))
                           : tr("Node #%1 failed when measured again (%2): %3")
                                 .arg(after.id)
                                 .arg(QString::fromUtf8(kforge::statusName(after.status).data()), phraseText(after.message)),
            20000);
    });
    connect(details_, &NodeDetails::jumpToLine, this, [this](int line, int column) {
        workbench_->jumpToSourceLine(selection_->current(), line, column);
    });
    connect(charts_, &ChartsPanel::chartSaved, this, [this](const QString& path, bool ok, const QString& error) {
        statusBar()->showMessage(ok ? tr("Saved the chart to %1").arg(path) : tr("Could not save the chart to %1: %2").arg(path, error),
                                 10000);
    });
    connect(this, &MainWindow::nodeExported, this, [this](qint64 nodeId, const QString& file, const QString& error) {
        statusBar()->showMessage(error.isEmpty() ? tr("Exported node #%1 to %2").arg(nodeId).arg(file)
                                                 : tr("Could not export node #%1 to %2: %3").arg(nodeId).arg(file, error),
                                 15000);
    });
    connect(run_, &SessionRun::progressChanged, this, [this](const kforge::SessionProgress& p) {
        sessionsPanel_->model()->applyProgress(p);
        summary_->showProgress(p);
    });
    connect(run_, &SessionRun::messageReceived, this, [this](const QString& m) { statusBar()->showMessage(m, 10000); });
    connect(run_, &SessionRun::unsandboxed, this, [this](const QString& warning) {
        if (std::exchange(toldUnsandboxed_, true)) return;
        // The core's sentence names the cause (the setting, a missing or refused bubblewrap).
        auto* box = new QMessageBox(QMessageBox::Warning, tr("No Sandbox"),
                                    tr("Candidates are compiled and run without a sandbox.") + QStringLiteral("\n\n") + warning,
                                    QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("unsandboxedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(run_, &SessionRun::finished, this, [this](const kforge::SessionRecord& session) {
        sessionsPanel_->setRunningSession(0);
        sessionsPanel_->model()->updateSession(session);
        document_->updateRecord(session);
        if (std::exchange(nodeJob_, false)) return;  // nodeProfiled() said how it went
        statusBar()->showMessage(tr("Session %1 %2: %3")
                                     .arg(session.id)
                                     .arg(SessionListModel::statusText(QString::fromStdString(session.status)),
                                          stopReasonText(session)));
        updateTitle();
    });
    connect(run_, &SessionRun::failed, this, [this](const QString& message) {
        nodeJob_ = false;
        sessionsPanel_->setRunningSession(0);
        sessionsPanel_->refresh();
        statusBar()->showMessage(tr("The run failed: %1").arg(message));
        QMessageBox* box = new QMessageBox(QMessageBox::Warning, tr("Run Failed"), message, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("runFailedBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

bool MainWindow::startSession(const QString& taskRef, const kforge::SessionConfig& config, const QString& name) {
    run_->setRunners(AppSettings().runners());
    if (!run_->startNew(taskRef, config, name)) {
        statusBar()->showMessage(tr("A session is already running: stop it first."), 10000);
        return false;
    }
    baselineMessage_ = tr("Measuring the baseline of %1…").arg(taskRef);
    statusBar()->showMessage(baselineMessage_);
    return true;
}

void MainWindow::openSession(qint64 sessionId) {
    if (sessionId == 0) return;
    pendingLoad_ = workspace_->loadSession(sessionId);
}

bool MainWindow::continueOpenSession(const std::optional<kforge::StopConditions>& stop) {
    if (!document_->isOpen()) return false;
    run_->setRunners(AppSettings().runners());
    if (!run_->continueSession(document_->sessionId(), stop)) {
        statusBar()->showMessage(tr("A session is already running: stop it first."), 10000);
        return false;
    }
    sessionsPanel_->setRunningSession(document_->sessionId());
    return true;
}

qint64 MainWindow::openSessionId() const { return document_->sessionId(); }

std::optional<kforge::SessionRecord> MainWindow::openSessionRecord() const { return document_->record(); }

void MainWindow::onStartRequested() {
    // Start continues the open session; with none open it asks for a new one.
    if (document_->isOpen()) continueOpenSession();
    else showNewSessionWizard();
}

QWidget* MainWindow::showNewSessionWizard() {
    auto* wizard = new NewSessionWizard(this);
    wizard->setObjectName(QStringLiteral("newSessionWizard"));
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &QDialog::accepted, this, [this, wizard] {
        startSession(wizard->taskRef(), wizard->config(), wizard->name());
    });
    wizard->open();
    return wizard;
}

void MainWindow::startDemoSession(const QString& taskRef, int budget) {
    statusBar()->showMessage(tr("Looking for the best device for the demo…"));
    runInBackground<std::vector<DetectedDevice>>(
        this, [] { return detectDevices(kforge::AppPaths::discover()); },
        [this, taskRef, budget](std::vector<DetectedDevice> devices) {
            // The most preferred device that can compile and run (the wizard's order).
            auto best = devices.end();
            for (auto it = devices.begin(); it != devices.end(); ++it)
                if (runnable(*it) && (best == devices.end() || backendPreference(it->backend) < backendPreference(best->backend)))
                    best = it;
            // The default device from Settings, when it is here and can run.
            if (const auto chosen = AppSettings().defaultBackend()) {
                const auto it = std::find_if(devices.begin(), devices.end(),
                                             [&](const DetectedDevice& d) { return d.backend == *chosen && runnable(d); });
                if (it != devices.end()) best = it;
            }
            kforge::SessionConfig config;
            config.backend = best != devices.end() ? best->backend : kforge::Backend::Cpu;
            config.generators = {"tuner"};
            config.tuner = "bo";
            config.stop.evaluations = budget;
            const QString device = best != devices.end() ? deviceName(*best) : backendTitle(kforge::Backend::Cpu);
            startSession(taskRef, config, tr("Demo: %1 on %2").arg(taskRef, device));
        });
}

void MainWindow::exportCurrentNode() {
    const qint64 nodeId = selection_->current() != NodeSelection::kNone ? selection_->current()
                                                                       : document_->isOpen() ? document_->record()->bestNode.value_or(0) : 0;
    if (!document_->isOpen() || nodeId == 0) return;
    auto* dialog = new ExportDialog(*workspace_, *document_->record(), nodeId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this, [this, nodeId](const QString& dir, int files) {
        statusBar()->showMessage(tr("Exported node #%1 to %2 (%3 files)").arg(nodeId).arg(dir).arg(files), 15000);
    });
    dialog->open();
}

void MainWindow::exportNode(qint64 nodeId, const QString& file) {
    if (!document_->isOpen()) return;
    // The workspace reads the store on its thread: the node's source may not be in memory.
    pendingNodeExports_[workspace_->exportNodeSource(*document_->record(), nodeId, file)] = nodeId;
}

void MainWindow::profileNode(qint64 nodeId) {
    if (!document_->isOpen()) return;
    if (!kforge::backendInfo(document_->record()->config.backend).profilable) {
        statusBar()->showMessage(tr("Profiling uses Nsight Compute, which needs a session on the CUDA backend."), 15000);
        return;
    }
    if (!run_->profileNode(document_->sessionId(), nodeId)) {
        statusBar()->showMessage(tr("A run is under way: stop it, then profile the node."), 15000);
        return;
    }
    nodeJob_ = true;
    sessionsPanel_->setRunningSession(document_->sessionId());
    statusBar()->showMessage(tr("Profiling node #%1 with Nsight Compute…").arg(nodeId));
}

void MainWindow::remeasureNode(qint64 nodeId) {
    if (!document_->isOpen()) return;
    if (!run_->remeasureNode(document_->sessionId(), nodeId)) {
        statusBar()->showMessage(tr("A run is under way: stop it, then measure the node again."), 15000);
        return;
    }
    nodeJob_ = true;
    sessionsPanel_->setRunningSession(document_->sessionId());
    statusBar()->showMessage(tr("Measuring node #%1 again…").arg(nodeId));
}

void MainWindow::evaluateAsChild(qint64 parent, const QString& source, const QString& extension,
                                 const std::optional<kforge::TuneConfig>& config) {
    if (!document_->isOpen()) return;
    if (!run_->evaluateManual(document_->sessionId(), parent, source, extension, config, tr("edited in the diff editor"))) {
        statusBar()->showMessage(tr("A run is under way: stop it, then evaluate the edit (it is kept in the editor)."), 15000);
        return;
    }
    sessionsPanel_->setRunningSession(document_->sessionId());
    statusBar()->showMessage(tr("Evaluating the edit of node #%1 as its child…").arg(parent));
}

void MainWindow::connectDocument() {
    // Every view follows the document: what is open, a run's nodes, the nodes
    // wanted in full. The window itself only lays them out.
    connect(document_, &SessionDocument::opened, this, &MainWindow::showSession);
    connect(document_, &SessionDocument::closed, this, &MainWindow::showNoSession);
    connect(document_, &SessionDocument::recordChanged, summary_, &SessionSummary::showSession);
    connect(document_, &SessionDocument::nodeChanged, this, [this](const kforge::Node& node) {
        nodes_->updateNode(node);
        workbench_->updateNode(node);
        charts_->updateNode(node);
    });
    connect(document_, &SessionDocument::currentNodeReady, details_, &NodeDetails::setNode);
    connect(document_, &SessionDocument::currentNodePending, details_, [this] { details_->clear(); });
    connect(document_, &SessionDocument::selectedNodeReady, charts_, &ChartsPanel::updateNode);
    connect(selection_, &NodeSelection::selectionChanged, charts_, &ChartsPanel::setSelectedIds);
    connect(selection_, &NodeSelection::currentChanged, this,
            [this] { exportNodeAction_->setEnabled(workbench_->node(selection_->current()) != nullptr); });
}

void MainWindow::showSession(const kforge::SessionRecord& session, const SharedSessionTree& tree) {
    nodes_->setTree(session.id, *tree);
    summary_->showSession(session);
    details_->setBackend(session.config.backend);
    workbench_->showSession(session, tree);
    charts_->setTree(*tree);
    charts_->setSpeedupBasis(session.config.speedupAgainst);
    agent_->setSession(session.id);
    try {
        charts_->setDeviceFacts(session.device, RooflineChart::computeDtype(nlohmann::json::parse(session.taskDefinition), session.device));
    } catch (const nlohmann::json::exception&) {
        charts_->setDeviceFacts(session.device);  // an unreadable definition: the roofline falls back to float32
    }
    exportNodeAction_->setEnabled(workbench_->node(selection_->current()) != nullptr);
    if (centralWidget() != sessionArea_) {
        takeCentralWidget();  // keeps the welcome page for when no session is open
        welcome_->hide();
        setCentralWidget(sessionArea_);
        sessionArea_->show();
    }
    raiseBesideItsTabs(summaryDock_);
    runControls_->setStartAvailable(true);
    updateTitle();
    emit sessionOpened(session, tree);
}

void MainWindow::showNoSession() {
    nodes_->clear();
    summary_->clear();
    workbench_->clear();
    charts_->clear();
    details_->clear();
    details_->setBackend(std::nullopt);
    agent_->clear();
    exportNodeAction_->setEnabled(false);
    if (centralWidget() == sessionArea_) {
        takeCentralWidget();
        sessionArea_->hide();
        setCentralWidget(welcome_);
    }
    raiseBesideItsTabs(sessionsDock_);
    runControls_->setStartAvailable(false);
    updateTitle();
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    if (!firstRunLayout_) return;
    firstRunLayout_ = false;
    resizeDocks({sessionsDock_}, {300}, Qt::Horizontal);
    resizeDocks({nodesDock_, chartsDock_}, {560, 700}, Qt::Horizontal);
    // The bottom docks a little under half the height: the charts keep their
    // axis titles, and the Session panel above shows all its lines.
    resizeDocks({nodesDock_}, {height() * 42 / 100}, Qt::Vertical);
}

void MainWindow::raiseBesideItsTabs(QDockWidget* dock) {
    // Only where it shares a tab bar: a dock the user floated or moved apart is left where it is.
    if (!dock->isHidden() && !tabifiedDockWidgets(dock).isEmpty()) dock->raise();
}

void MainWindow::updateTitle() {
    if (document_->isOpen())
        setWindowTitle(tr("%1 — %2").arg(QString::fromStdString(document_->record()->name), applicationName()));
    else
        setWindowTitle(applicationName());
}

void MainWindow::createActions() {
    quitAction_ = new QAction(this);
    quitAction_->setObjectName(QStringLiteral("quitAction"));
    quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setMenuRole(QAction::QuitRole);
    // close() rather than quit(), so closeEvent saves the window's settings.
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    newSessionAction_ = new QAction(this);
    newSessionAction_->setObjectName(QStringLiteral("newSessionAction"));
    newSessionAction_->setShortcut(QKeySequence::New);
    connect(newSessionAction_, &QAction::triggered, this, [this] { showNewSessionWizard(); });

    exportNodeAction_ = new QAction(this);
    exportNodeAction_->setObjectName(QStringLiteral("exportNodeAction"));
    exportNodeAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportNodeAction_->setEnabled(false);
    connect(exportNodeAction_, &QAction::triggered, this, &MainWindow::exportCurrentNode);

    preferencesAction_ = new QAction(this);
    preferencesAction_->setObjectName(QStringLiteral("preferencesAction"));
    // The platform's key where it has one (Ctrl+, on macOS, none on Linux
    // desktops), and Ctrl+, everywhere.
    QList<QKeySequence> preferencesKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!preferencesKeys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        preferencesKeys.append(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferencesAction_->setShortcuts(preferencesKeys);
    preferencesAction_->setMenuRole(QAction::PreferencesRole);
    connect(preferencesAction_, &QAction::triggered, this, [this] { showSettingsDialog(); });

    aboutAction_ = new QAction(this);
    aboutAction_->setObjectName(QStringLiteral("aboutAction"));
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAboutDialog);

    aboutQtAction_ = new QAction(this);
    aboutQtAction_->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQtAction_->setMenuRole(QAction::AboutQtRole);
    connect(aboutQtAction_, &QAction::triggered, this, [this] { QApplication::aboutQt(); });
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->setObjectName(QStringLiteral("fileMenu"));
    fileMenu_->addAction(newSessionAction_);
    fileMenu_->addAction(exportNodeAction_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAction_);

    editMenu_ = menuBar()->addMenu(QString());
    editMenu_->setObjectName(QStringLiteral("editMenu"));
    editMenu_->addAction(preferencesAction_);

    sessionMenu_ = menuBar()->addMenu(QString());
    sessionMenu_->setObjectName(QStringLiteral("sessionMenu"));
    sessionMenu_->addActions(runControls_->actions());

    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->setObjectName(QStringLiteral("viewMenu"));
    // Alt+1…Alt+6 show or hide the panels, in the order the menu lists them.
    int key = Qt::Key_1;
    for (QDockWidget* dock : {sessionsDock_, summaryDock_, nodesDock_, detailsDock_, chartsDock_, agentDock_}) {
        dock->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::Key(key++)));
        viewMenu_->addAction(dock->toggleViewAction());
    }
    viewMenu_->addAction(runToolBar_->toggleViewAction());

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->setObjectName(QStringLiteral("helpMenu"));
    helpMenu_->addAction(aboutAction_);
    helpMenu_->addAction(aboutQtAction_);
}

void MainWindow::retranslateUi() {
    fileMenu_->setTitle(tr("&File"));
    editMenu_->setTitle(tr("&Edit"));
    preferencesAction_->setText(tr("&Preferences…"));
    preferencesAction_->setStatusTip(tr("Language, theme, toolchain paths and the default device"));
    quitAction_->setText(tr("&Quit"));
    quitAction_->setStatusTip(tr("Quit KernelForge"));
    newSessionAction_->setText(tr("&New Session…"));
    newSessionAction_->setStatusTip(tr("Choose a task, a device and a search, and start optimizing"));
    exportNodeAction_->setText(tr("&Export Node…"));
    exportNodeAction_->setStatusTip(tr("Export the selected node (or the best) as a source file, a PyTorch op package, a "
                                       "kernel-builder package or a FlashInfer-Bench solution"));

    sessionMenu_->setTitle(tr("&Session"));
    viewMenu_->setTitle(tr("&View"));
    sessionsDock_->setWindowTitle(tr("Sessions"));
    nodesDock_->setWindowTitle(tr("Nodes"));
    summaryDock_->setWindowTitle(tr("Session"));
    detailsDock_->setWindowTitle(tr("Node Details"));
    chartsDock_->setWindowTitle(tr("Charts"));
    agentDock_->setWindowTitle(tr("Agent"));
    runToolBar_->setWindowTitle(tr("Run"));
    runControls_->retranslate();
    nodes_->retranslate();
    sessionsPanel_->model()->retranslate();
    if (document_->isOpen()) updateTitle();

    helpMenu_->setTitle(tr("&Help"));
    aboutAction_->setText(tr("&About KernelForge"));
    aboutAction_->setStatusTip(tr("Show the version, build and license of KernelForge"));
    aboutQtAction_->setText(tr("About &Qt"));
    aboutQtAction_->setStatusTip(tr("Show the version and license of the Qt toolkit"));

    versionLabel_->setText(tr("Version %1").arg(applicationVersion()));
}

void MainWindow::restoreWindowSettings() {
    const QSettings settings = windowSettings();
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // First run: a comfortable size that still fits a small screen.
        QSize size(1100, 720);
        if (const QScreen* screen = this->screen()) {
            size = size.boundedTo(screen->availableSize() * 0.9);
        }
        resize(size);
    }
    firstRunLayout_ = !restoreState(settings.value(kStateKey).toByteArray());
    // The splitters inside the central area: the session area and the graph | diff split.
    sessionArea_->restoreState(settings.value(kSessionAreaKey).toByteArray());
    workbench_->splitter()->restoreState(settings.value(kWorkbenchKey).toByteArray());
}

void MainWindow::saveWindowSettings() const {
    QSettings settings = windowSettings();
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSessionAreaKey, sessionArea_->saveState());
    settings.setValue(kWorkbenchKey, workbench_->splitter()->saveState());
}

}  // namespace kforge::ui
