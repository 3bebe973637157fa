#include "ui/main_window.h"

#include "ui/about_dialog.h"
#include "ui/application_info.h"
#include "ui/welcome_page.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

namespace kforge::ui {

namespace {

const QString kGeometryKey = QStringLiteral("MainWindow/geometry");
const QString kStateKey = QStringLiteral("MainWindow/state");

// Explicit names rather than QCoreApplication's, so the window reads and
// writes the same settings whoever constructs it.
QSettings windowSettings() {
    return QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge"));
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(applicationName());
    setWindowIcon(applicationIcon());
    setCentralWidget(new WelcomePage(this));

    createActions();
    createMenus();

    versionLabel_ = new QLabel(this);
    versionLabel_->setObjectName(QStringLiteral("versionLabel"));
    statusBar()->addPermanentWidget(versionLabel_);

    retranslateUi();
    restoreWindowSettings();
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

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveWindowSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::createActions() {
    quitAction_ = new QAction(this);
    quitAction_->setObjectName(QStringLiteral("quitAction"));
    quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setMenuRole(QAction::QuitRole);
    // close() rather than quit(), so closeEvent saves the window's settings.
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

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
    fileMenu_->addAction(quitAction_);

    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->setObjectName(QStringLiteral("helpMenu"));
    helpMenu_->addAction(aboutAction_);
    helpMenu_->addAction(aboutQtAction_);
}

void MainWindow::retranslateUi() {
    fileMenu_->setTitle(tr("&File"));
    quitAction_->setText(tr("&Quit"));
    quitAction_->setStatusTip(tr("Quit KernelForge"));

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
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveWindowSettings() const {
    QSettings settings = windowSettings();
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
}

}  // namespace kforge::ui
