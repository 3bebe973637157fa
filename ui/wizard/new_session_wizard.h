#pragma once
// The new-session wizard: task, device, search, stop conditions. Its defaults
// (the last choices, else the first built-in task, the best device found, the
// tuner with Bayesian optimization, UCB selection and a budget of 50
// evaluations) let Enter, Enter, Enter, Enter start a run. Tasks are read and
// devices detected off the UI thread. The choices are remembered in QSettings
// (organization and application "KernelForge") when the wizard is accepted.
//
// Use: open() it, and on accepted() call
//   mainWindow->startSession(wizard->taskRef(), wizard->config(), wizard->name());
#include <QWizard>

#include "eval/paths.h"
#include "model/session_config.h"
#include "ui/wizard/device_detection.h"

namespace kforge::ui {

class DevicePage;
class SearchPage;
class StopPage;
class TaskPage;

class NewSessionWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { TaskPageId, DevicePageId, SearchPageId, StopPageId };

    // Tasks from AppPaths::discover(); devices by detectDevices().
    explicit NewSessionWizard(QWidget* parent = nullptr);
    // `detector` runs on a thread of its own; tests pass their own.
    NewSessionWizard(const kforge::AppPaths& paths, DeviceDetector detector, QWidget* parent = nullptr);

    // A built-in task's name or a definition file's path; empty until one is chosen.
    QString taskRef() const;
    // The session's configuration: the pages' choices over the remembered (or default) config.
    kforge::SessionConfig config() const;
    // The name typed on the last page, else the suggested "<task> on <device>".
    QString name() const;

    // Reads a definition file off the UI thread and selects it, as "Definition file…" does.
    void setDefinitionFile(const QString& path);

    bool isLoadingTasks() const;
    bool isDetectingDevices() const;
    // The current page's problem as shown at its foot (which field, what is wrong); empty when none.
    QString validationMessage() const;

    void accept() override;

signals:
    void tasksLoaded();  // the built-in tasks or a chosen definition file arrived
    void devicesDetected();

private:
    void restoreChoices();
    void saveChoices() const;
    QString suggestedName() const;

    TaskPage* taskPage_;
    DevicePage* devicePage_;
    SearchPage* searchPage_;
    StopPage* stopPage_;
    kforge::SessionConfig remembered_;
};

}  // namespace kforge::ui
