#include "ui/wizard/new_session_wizard.h"

#include <QLabel>
#include <QSettings>

#include <exception>

#include "ui/settings/app_settings.h"
#include "ui/wizard/device_page.h"
#include "ui/wizard/search_page.h"
#include "ui/wizard/stop_page.h"
#include "ui/wizard/task_page.h"
#include "ui/wizard/validation_message.h"

namespace kforge::ui {

namespace {

QSettings wizardSettings() {
    return QSettings(QStringLiteral("KernelForge"), QStringLiteral("KernelForge"));
}

const QString kTaskKey = QStringLiteral("newSession/task");
const QString kConfigKey = QStringLiteral("newSession/config");

DeviceDetector defaultDetector(const kforge::AppPaths& paths) {
    return [paths] { return detectDevices(paths); };
}

}  // namespace

NewSessionWizard::NewSessionWizard(QWidget* parent)
    : NewSessionWizard(kforge::AppPaths::discover(), defaultDetector(kforge::AppPaths::discover()), parent) {}

NewSessionWizard::NewSessionWizard(const kforge::AppPaths& paths, DeviceDetector detector, QWidget* parent)
    : QWizard(parent),
      taskPage_(new TaskPage(paths, this)),
      devicePage_(new DevicePage(std::move(detector), this)),
      searchPage_(new SearchPage(this)),
      stopPage_(new StopPage(this)) {
    setObjectName(QStringLiteral("newSessionWizard"));
    setWindowTitle(tr("New Session"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setButtonText(QWizard::FinishButton, tr("&Start"));
    setPage(TaskPageId, taskPage_);
    setPage(DevicePageId, devicePage_);
    setPage(SearchPageId, searchPage_);
    setPage(StopPageId, stopPage_);
    resize(960, 680);

    connect(taskPage_, &TaskPage::loadingFinished, this, &NewSessionWizard::tasksLoaded);
    connect(devicePage_, &DevicePage::detectionFinished, this, &NewSessionWizard::devicesDetected);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == DevicePageId) {
            const TaskChoice* choice = taskPage_->selectedChoice();
            devicePage_->setTask(choice ? choice->task.get() : nullptr);
        } else if (id == StopPageId) {
            stopPage_->setSuggestedName(suggestedName());
        }
    });
    restoreChoices();
}

QString NewSessionWizard::taskRef() const {
    const TaskChoice* choice = taskPage_->selectedChoice();
    return choice ? choice->ref : QString();
}

kforge::SessionConfig NewSessionWizard::config() const {
    kforge::SessionConfig c = remembered_;
    if (const auto backend = devicePage_->selectedBackend()) c.backend = *backend;
    if (const auto stop = stopPage_->conditions()) c.stop = *stop;
    searchPage_->store(c);  // after the stop page: the agent's token and cost budgets are stop conditions too
    return c;
}

QString NewSessionWizard::name() const {
    const QString typed = stopPage_->sessionName();
    return typed.isEmpty() ? suggestedName() : typed;
}

void NewSessionWizard::setDefinitionFile(const QString& path) {
    taskPage_->addDefinitionFile(path);
}

bool NewSessionWizard::isLoadingTasks() const {
    return taskPage_->isLoading();
}

bool NewSessionWizard::isDetectingDevices() const {
    return devicePage_->isDetecting();
}

QString NewSessionWizard::validationMessage() const {
    const QWizardPage* page = currentPage();
    const auto* message = page ? page->findChild<ValidationMessage*>() : nullptr;
    return message && !message->isHidden() ? message->text() : QString();
}

void NewSessionWizard::accept() {
    saveChoices();
    QWizard::accept();
}

QString NewSessionWizard::suggestedName() const {
    const TaskChoice* choice = taskPage_->selectedChoice();
    if (!choice) return {};
    const QString task = QString::fromStdString(choice->task->name);
    const auto backend = devicePage_->selectedBackend();
    return backend ? tr("%1 on %2").arg(task, backendTitle(*backend)) : task;
}

void NewSessionWizard::restoreChoices() {
    const QSettings settings = wizardSettings();
    const QString task = settings.value(kTaskKey).toString();
    const QByteArray stored = settings.value(kConfigKey).toByteArray();
    std::optional<kforge::Backend> backend;
    if (!stored.isEmpty()) {
        try {
            remembered_ = kforge::sessionConfigFromJson(nlohmann::json::parse(stored.toStdString()));
            backend = remembered_.backend;
        } catch (const std::exception&) {
            remembered_ = kforge::SessionConfig{};  // unreadable (an older version's): start from the defaults
        }
    }
    if (!remembered_.stop.any()) remembered_.stop.evaluations = 50;
    taskPage_->preferTask(task);
    // A definition file used last time is offered again when it is still there.
    if (!task.isEmpty() && task.contains(QLatin1Char('/'))) taskPage_->addDefinitionFile(task, false);
    // The default device from Settings comes before the last one used.
    if (const auto chosen = AppSettings().defaultBackend()) backend = chosen;
    devicePage_->preferBackend(backend);
    devicePage_->showRunners(AppSettings().runners());
    searchPage_->load(remembered_);
    stopPage_->load(remembered_.stop);
}

void NewSessionWizard::saveChoices() const {
    QSettings settings = wizardSettings();
    settings.setValue(kTaskKey, taskRef());
    settings.setValue(kConfigKey, QByteArray::fromStdString(kforge::toJson(config()).dump()));
}

}  // namespace kforge::ui
