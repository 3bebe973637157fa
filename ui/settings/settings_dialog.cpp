#include "ui/settings/settings_dialog.h"

#include "ui/agent/providers_page.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "ui/application_info.h"
#include "ui/settings/app_settings.h"
#include "ui/settings/devices_page.h"
#include "ui/settings/general_page.h"
#include "ui/settings/settings_apply.h"
#include "ui/settings/toolchains_page.h"
#include "ui/wizard/validation_message.h"

namespace kforge::ui {

namespace {

DeviceDetector defaultDetector() {
    return [paths = kforge::AppPaths::discover()] { return detectDevices(paths); };
}

}  // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : SettingsDialog(defaultDetector(), parent) {}

SettingsDialog::SettingsDialog(DeviceDetector detector, QWidget* parent)
    : QDialog(parent),
      list_(new QListWidget(this)),
      stack_(new QStackedWidget(this)),
      message_(new ValidationMessage(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this)) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowIcon(applicationIcon());
    list_->setObjectName(QStringLiteral("settingsPageList"));
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setMaximumWidth(150);
    message_->setObjectName(QStringLiteral("settingsProblem"));

    auto* body = new QHBoxLayout;
    body->addWidget(list_);
    body->addWidget(stack_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(message_);
    layout->addWidget(buttons_);

    connect(list_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
    connect(buttons_, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons_, &QDialogButtonBox::clicked, this, [this](QAbstractButton* button) {
        if (buttons_->buttonRole(button) == QDialogButtonBox::ApplyRole) apply();
    });

    general_ = new GeneralPage;
    toolchains_ = new ToolchainsPage;
    devices_ = new DevicesPage(std::move(detector));
    addPage(general_);
    addPage(toolchains_);
    addPage(devices_);
    addPage(new ProvidersPage);
    list_->setCurrentRow(0);
    setModified(false);
    resize(780, 460);
    retranslateUi();
}

void SettingsDialog::addPage(SettingsPage* page) {
    page->setParent(stack_);
    page->load(AppSettings());
    pages_.append(page);
    stack_->addWidget(page);
    list_->addItem(page->title());
    connect(page, &SettingsPage::changed, this, [this] {
        message_->clearProblem();
        setModified(true);
    });
}

SettingsPage* SettingsDialog::currentPage() const {
    return pages_.value(stack_->currentIndex());
}

void SettingsDialog::showPage(SettingsPage* page) {
    const int index = static_cast<int>(pages_.indexOf(page));
    if (index >= 0) list_->setCurrentRow(index);
}

bool SettingsDialog::apply() {
    for (SettingsPage* page : std::as_const(pages_)) {
        QWidget* field = nullptr;
        const QString problem = page->validate(&field);
        if (problem.isEmpty()) continue;
        showPage(page);
        message_->showProblem(problem);
        if (field) field->setFocus();
        return false;
    }
    message_->clearProblem();

    AppSettings settings;
    const QString language = settings.language();
    const Theme theme = settings.theme();
    for (SettingsPage* page : std::as_const(pages_)) page->save(settings);
    settings.sync();
    applyToolchainPaths(settings);
    applySandboxSetting(settings);
    // Language and theme only when they changed: each change repaints or
    // retranslates every window.
    if (settings.theme() != theme) applyTheme(settings.theme());
    if (settings.language() != language) applyLanguage(settings.language());
    setModified(false);
    emit applied();
    return true;
}

QString SettingsDialog::problem() const {
    return message_->isHidden() ? QString() : message_->text();
}

void SettingsDialog::accept() {
    if (apply()) QDialog::accept();
}

void SettingsDialog::setModified(bool modified) {
    buttons_->button(QDialogButtonBox::Apply)->setEnabled(modified);
}

void SettingsDialog::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(event);
}

void SettingsDialog::retranslateUi() {
    setWindowTitle(tr("Preferences"));
    for (int i = 0; i < pages_.size(); ++i) list_->item(i)->setText(pages_.at(i)->title());
}

}  // namespace kforge::ui
