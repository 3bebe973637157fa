#include "ui/wizard/device_page.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/background_call.h"
#include "ui/wizard/validation_message.h"

namespace kforge::ui {

namespace {

enum Column { DeviceColumn, BackendColumn, CompilerColumn, FactsColumn, ColumnCount };

}  // namespace

DevicePage::DevicePage(DeviceDetector detector, QWidget* parent)
    : QWizardPage(parent),
      list_(new QTreeWidget(this)),
      status_(new QLabel(this)),
      detail_(new QLabel(this)),
      runners_(new QLabel(this)),
      message_(new ValidationMessage(this)) {
    setObjectName(QStringLiteral("devicePage"));
    list_->setObjectName(QStringLiteral("deviceList"));
    list_->setColumnCount(ColumnCount);
    list_->setRootIsDecorated(false);
    list_->setAllColumnsShowFocus(true);
    list_->setWordWrap(true);
    list_->header()->setStretchLastSection(true);
    status_->setObjectName(QStringLiteral("deviceStatus"));
    status_->setWordWrap(true);
    detail_->setObjectName(QStringLiteral("deviceDetail"));
    detail_->setWordWrap(true);
    detail_->setTextFormat(Qt::RichText);
    detail_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(list_, 2);
    layout->addWidget(status_);
    layout->addWidget(detail_, 3);
    runners_->setObjectName(QStringLiteral("deviceRunners"));
    runners_->setWordWrap(true);
    runners_->setTextFormat(Qt::PlainText);
    runners_->setVisible(false);
    layout->addWidget(runners_);
    layout->addWidget(message_);
    connect(list_, &QTreeWidget::currentItemChanged, this, [this] {
        message_->clearProblem();
        showDetail();
        emit completeChanged();
    });
    retranslateUi();

    runInBackground<std::vector<DetectedDevice>>(this, std::move(detector), [this](std::vector<DetectedDevice> found) {
        devices_ = std::move(found);
        detecting_ = false;
        fillList();
        retranslateUi();
        emit completeChanged();
        emit detectionFinished();
    });
}

void DevicePage::preferBackend(std::optional<kforge::Backend> backend) {
    preferred_ = backend;
}

void DevicePage::showRunners(const QString& spec) {
    runnersSpec_ = spec.trimmed();
    retranslateUi();
}

void DevicePage::setTask(const kforge::Task* task) {
    task_ = task;
    if (!detecting_) fillList();
}

std::optional<kforge::Backend> DevicePage::selectedBackend() const {
    const QTreeWidgetItem* item = list_->currentItem();
    if (detecting_ || !item) return std::nullopt;
    const auto index = item->data(DeviceColumn, Qt::UserRole).toULongLong();
    if (index >= devices_.size() || !usable(devices_[index])) return std::nullopt;
    return devices_[index].backend;
}

void DevicePage::initializePage() {
    list_->setFocus();
}

bool DevicePage::isComplete() const {
    return selectedBackend().has_value();
}

bool DevicePage::validatePage() {
    if (detecting_) {
        message_->showProblem(tr("Device: still detecting devices; a moment, please."));
        return false;
    }
    if (!selectedBackend()) {
        const QTreeWidgetItem* item = list_->currentItem();
        const auto index = item ? item->data(DeviceColumn, Qt::UserRole).toULongLong() : devices_.size();
        message_->showProblem(index < devices_.size() ? tr("Device: %1").arg(unusableReason(devices_[index]))
                                                      : tr("Device: choose a device to run on."));
        return false;
    }
    message_->clearProblem();
    return true;
}

void DevicePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        if (!detecting_) fillList();
    }
    QWizardPage::changeEvent(event);
}

void DevicePage::retranslateUi() {
    setTitle(tr("Device"));
    setSubTitle(
        tr("Where candidates are verified and timed. Every candidate is compared with the task's baseline "
           "measured on the same device."));
    list_->setHeaderLabels({tr("Device"), tr("Backend"), tr("Compiler"), tr("Facts")});
    runners_->setVisible(!runnersSpec_.isEmpty());
    runners_->setText(tr("Candidates are spread over the runners set in Settings > Devices: %1. The first measures the "
                         "baseline; the device chosen here must be theirs.")
                          .arg(runnersSpec_));
    if (detecting_) {
        status_->setText(tr("Detecting devices… (each backend's runner starts and measures its device)"));
    } else {
        int found = 0;
        for (const auto& d : devices_) found += d.available ? 1 : 0;
        status_->setText(tr("%n device(s) found.", nullptr, found));
    }
}

bool DevicePage::usable(const DetectedDevice& d) const {
    return d.available && (!task_ || task_->native.count(d.backend) > 0) &&
           (!task_ || !task_->workloadsFor(d.backend).empty());
}

QString DevicePage::unusableReason(const DetectedDevice& d) const {
    if (!d.available) return tr("no %1 device here (%2)").arg(backendTitle(d.backend), d.why);
    if (task_ && !task_->native.count(d.backend))
        return tr("the task has no %1 implementation").arg(backendTitle(d.backend));
    if (task_ && task_->workloadsFor(d.backend).empty())
        return tr("none of the task's workloads runs on %1").arg(backendTitle(d.backend));
    return {};
}

void DevicePage::fillList() {
    std::optional<kforge::Backend> keep = list_->currentItem() ? selectedBackend() : std::nullopt;
    list_->clear();
    QTreeWidgetItem* best = nullptr;
    QTreeWidgetItem* preferred = nullptr;
    QTreeWidgetItem* kept = nullptr;
    for (size_t i = 0; i < devices_.size(); ++i) {
        const DetectedDevice& d = devices_[i];
        auto* item = new QTreeWidgetItem(list_);
        item->setData(DeviceColumn, Qt::UserRole, QVariant::fromValue<qulonglong>(i));
        item->setText(BackendColumn, backendTitle(d.backend));
        item->setText(CompilerColumn, d.compiler.isEmpty() ? tr("compiler not found") : d.compiler);
        if (d.available) {
            item->setText(DeviceColumn, deviceName(d));
            item->setText(FactsColumn, deviceFacts(d).join(QStringLiteral(" · ")));
        } else {
            item->setText(DeviceColumn, tr("none found"));
            item->setText(FactsColumn, d.why);
        }
        if (!usable(d)) {
            item->setFlags(Qt::ItemIsEnabled);  // readable, not selectable
            item->setToolTip(DeviceColumn, unusableReason(d));
            item->setToolTip(FactsColumn, unusableReason(d));
            for (int c = 0; c < ColumnCount; ++c)
                item->setForeground(c, palette().brush(QPalette::Disabled, QPalette::Text));
            continue;
        }
        if (!best || backendPreference(d.backend) <
                         backendPreference(devices_[best->data(DeviceColumn, Qt::UserRole).toULongLong()].backend))
            best = item;
        if (preferred_ && d.backend == *preferred_) preferred = item;
        if (keep && d.backend == *keep) kept = item;
    }
    for (int c = 0; c < ColumnCount - 1; ++c) list_->resizeColumnToContents(c);
    list_->setColumnWidth(CompilerColumn, std::min(list_->columnWidth(CompilerColumn), 220));
    if (QTreeWidgetItem* choice = kept ? kept : preferred ? preferred : best) list_->setCurrentItem(choice);
}

void DevicePage::showDetail() {
    const QTreeWidgetItem* item = list_->currentItem();
    const auto index = item ? item->data(DeviceColumn, Qt::UserRole).toULongLong() : devices_.size();
    if (index >= devices_.size()) {
        detail_->clear();
        return;
    }
    const DetectedDevice& d = devices_[index];
    const auto& f = d.facts;
    const QLocale locale;
    QStringList rows;
    auto row = [&rows](const QString& name, const QString& value) {
        if (!value.isEmpty())
            rows << QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
                        .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    auto mib = [&locale](double bytes) { return tr("%1 MiB").arg(locale.toString(bytes / double(1 << 20), 'f', 0)); };
    row(tr("Device"), deviceName(d));
    row(tr("Summary"), deviceFacts(d).join(QStringLiteral(" · ")));
    if (f.gpu) row(tr("L2 cache"), mib(static_cast<double>(f.gpu->l2Bytes)));
    if (f.cpu) row(tr("Last-level cache"), mib(static_cast<double>(f.cpu->llcBytes)));
    if (f.gpu) row(tr("SM clock"), tr("%1 MHz").arg(locale.toString(f.gpu->smClockKhz / 1e3, 'f', 0)));
    row(tr("Bandwidth from"), QString::fromStdString(f.bandwidthSource));
    row(tr("Peak from"), QString::fromStdString(f.peakSource));
    row(tr("Compiler"), d.compiler.isEmpty() ? tr("not found") : d.compiler);
    detail_->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
}

}  // namespace kforge::ui
