#pragma once

#include <QMainWindow>

class QAction;
class QCloseEvent;
class QEvent;
class QLabel;
class QMenu;

namespace kforge::ui {

class AboutDialog;

// KernelForge's main window. Its geometry and state persist in QSettings
// (organization and application "KernelForge") across runs.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Shows the About box window-modally and returns at once (QDialog::open),
    // so neither the event loop nor a test is blocked. One box is reused.
    void showAboutDialog();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void restoreWindowSettings();
    void saveWindowSettings() const;

    QMenu* fileMenu_ = nullptr;
    QMenu* helpMenu_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QAction* aboutQtAction_ = nullptr;
    QLabel* versionLabel_ = nullptr;
    AboutDialog* aboutDialog_ = nullptr;  // created on first use, owned by the window
};

}  // namespace kforge::ui
