#include "ui/settings/devices_page.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <algorithm>

#include "model/runner_endpoint.h"
#include "ui/background_call.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

DevicesPage::DevicesPage(DeviceDetector detector, QWidget* parent)
    : SettingsPage(parent),
      detector_(std::move(detector)),
      device_(new QComboBox(this)),
      label_(new QLabel(this)),
      status_(new QLabel(this)),
      note_(new QLabel(this)),
      runners_(new QLineEdit(this)),
      runnersLabel_(new QLabel(this)),
      runnersNote_(new QLabel(this)),
      runnersWarning_(new QAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QString(), this)) {
    setObjectName(QStringLiteral("devicesPage"));
    device_->setObjectName(QStringLiteral("defaultDeviceBox"));
    device_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    label_->setBuddy(device_);
    status_->setObjectName(QStringLiteral("deviceStatus"));
    status_->setWordWrap(true);
    note_->setWordWrap(true);
    runners_->setObjectName(QStringLiteral("runnersField"));
    runners_->setClearButtonEnabled(true);
    runnersLabel_->setBuddy(runners_);
    runnersNote_->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(label_, device_);
    auto* runnersForm = new QFormLayout;
    runnersForm->addRow(runnersLabel_, runners_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(note_);
    layout->addSpacing(12);
    layout->addLayout(runnersForm);
    layout->addWidget(runnersNote_);
    layout->addStretch(1);
    connect(device_, &QComboBox::currentIndexChanged, this, &SettingsPage::changed);
    connect(runners_, &QLineEdit::textEdited, this, [this] {
        runners_->removeAction(runnersWarning_);  // editing clears the mark
        emit changed();
    });
    fill();
    retranslateUi();
}

QString DevicesPage::title() const {
    return tr("Devices");
}

void DevicesPage::load(const AppSettings& settings) {
    const QString key = settings.defaultDevice();
    const QSignalBlocker block(device_);
    if (device_->findData(key) < 0) {
        // A device not detected (yet): kept, so that opening and saving the dialog does not lose it.
        const auto backend = kforge::parseBackend(key.toStdString());
        device_->addItem(backend ? backendTitle(*backend) : key, key);
    }
    device_->setCurrentIndex(device_->findData(key));
    runners_->setText(settings.runners());
    runners_->removeAction(runnersWarning_);
}

QString DevicesPage::validate(QWidget** field) {
    if (field) *field = nullptr;
    runners_->removeAction(runnersWarning_);
    const QString spec = runners_->text().trimmed();
    if (spec.isEmpty()) return {};
    try {
        kforge::parseRunnerEndpoints(spec.toStdString());
        return {};
    } catch (const kforge::Error& e) {
        const QString problem = tr("Runners: %1").arg(errorText(e));
        runnersWarning_->setToolTip(problem);
        runners_->addAction(runnersWarning_, QLineEdit::TrailingPosition);
        if (field) *field = runners_;
        return problem;
    }
}

void DevicesPage::save(AppSettings& settings) const {
    settings.setDefaultDevice(device_->currentData().toString());
    settings.setRunners(runners_->text());
}

void DevicesPage::detect() {
    if (detecting_ || detected_ || !detector_) return;
    detecting_ = true;
    retranslateUi();
    runInBackground<std::vector<DetectedDevice>>(this, detector_, [this](std::vector<DetectedDevice> found) {
        devices_ = std::move(found);
        detecting_ = false;
        detected_ = true;
        fill();
        retranslateUi();
        emit detectionFinished();
    });
}

void DevicesPage::showEvent(QShowEvent* event) {
    SettingsPage::showEvent(event);
    detect();
}

void DevicesPage::fill() {
    const QString keep = device_->count() > 0 ? device_->currentData().toString() : QString();
    const QSignalBlocker block(device_);
    device_->clear();
    device_->addItem(QString(), QString());  // best available; its text is set in retranslateUi()
    bool cpuListed = false;
    for (const DetectedDevice& d : devices_) {
        const QString key = AppSettings::deviceKey(d.backend);
        if (d.available) {
            device_->addItem(tr("%1 (%2)").arg(deviceName(d), backendTitle(d.backend)), key);
        } else {
            device_->addItem(tr("%1: none found").arg(backendTitle(d.backend)), key);
            // Shown, so the user sees it was looked for, but not offered.
            auto* model = qobject_cast<QStandardItemModel*>(device_->model());
            if (model) model->item(device_->count() - 1)->setEnabled(false);
            device_->setItemData(device_->count() - 1, d.why, Qt::ToolTipRole);
        }
        cpuListed = cpuListed || d.backend == kforge::Backend::Cpu;
    }
    // The CPU is always there, detected or not.
    if (!cpuListed) device_->addItem(backendTitle(kforge::Backend::Cpu), AppSettings::deviceKey(kforge::Backend::Cpu));
    if (!keep.isEmpty() && device_->findData(keep) < 0) {
        const auto backend = kforge::parseBackend(keep.toStdString());
        device_->addItem(backend ? backendTitle(*backend) : keep, keep);
    }
    device_->setCurrentIndex(std::max(0, device_->findData(keep)));
}

void DevicesPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        fill();
        retranslateUi();
    }
    SettingsPage::changeEvent(event);
}

void DevicesPage::retranslateUi() {
    label_->setText(tr("&Default device:"));
    // Which device "best" means right now, once known.
    const DetectedDevice* best = nullptr;
    for (const DetectedDevice& d : devices_)
        if (runnable(d) && (!best || backendPreference(d.backend) < backendPreference(best->backend))) best = &d;
    device_->setItemText(0, best ? tr("Best available (now: %1)").arg(deviceName(*best)) : tr("Best available"));
    if (detecting_) {
        status_->setText(tr("Detecting devices… (each backend's runner starts and measures its device)"));
    } else if (detected_) {
        int found = 0;
        for (const auto& d : devices_) found += d.available ? 1 : 0;
        status_->setText(tr("%n device(s) found.", nullptr, found));
    } else {
        status_->clear();
    }
    note_->setText(tr("The new-session wizard and the demo start on this device when it is there, and on the best "
                      "available one otherwise (CUDA, then HIP, then the CPU)."));
    runnersLabel_->setText(tr("&Runners:"));
    runners_->setPlaceholderText(tr("this machine's device"));
    runnersNote_->setText(tr("Sessions spread their candidates over these runners, one measurement at a time per "
                             "device: GPUs of this machine (cuda:0,cuda:1), hosts over SSH (ssh://user@gpu-box) and "
                             "Slurm partitions (slurm://gpu?gres=gpu:1). The first measures the baseline; the others "
                             "must have the same device model. Empty: this machine's device."));
}

}  // namespace kforge::ui
