#pragma once
// The wizard's second page: where to run. Detection starts when the wizard
// opens and runs off the UI thread; until it reports, the page says
// "Detecting devices…" and Next waits. The CPU is always there; CUDA and HIP
// devices appear when found, and a backend the task has no implementation for
// is shown but cannot be chosen.
#include <QWizardPage>

#include <optional>
#include <vector>

#include "task/task.h"
#include "ui/wizard/device_detection.h"

class QLabel;
class QTreeWidget;

namespace kforge::ui {

class ValidationMessage;

class DevicePage : public QWizardPage {
    Q_OBJECT

public:
    DevicePage(DeviceDetector detector, QWidget* parent = nullptr);

    // The backend to select once devices are known (the last one used); else the best one.
    void preferBackend(std::optional<kforge::Backend> backend);
    // The runners set in Settings > Devices (empty: this machine's device),
    // said on the page so that a session spread over them is no surprise.
    void showRunners(const QString& spec);
    // The task chosen on the first page: which backends it can run on.
    void setTask(const kforge::Task* task);

    bool isDetecting() const { return detecting_; }
    std::optional<kforge::Backend> selectedBackend() const;
    const std::vector<DetectedDevice>& devices() const { return devices_; }

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

signals:
    void detectionFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillList();
    void showDetail();  // the selected device's facts, below the list
    bool usable(const DetectedDevice& device) const;
    QString unusableReason(const DetectedDevice& device) const;

    QTreeWidget* list_;
    QLabel* status_;
    QLabel* detail_;
    QLabel* runners_;
    QString runnersSpec_;
    ValidationMessage* message_;
    std::vector<DetectedDevice> devices_;
    std::optional<kforge::Backend> preferred_;
    const kforge::Task* task_ = nullptr;
    bool detecting_ = true;
};

}  // namespace kforge::ui
