#pragma once
// Settings > Devices: the device new sessions start on. The list is the
// wizard's (detectDevices, off the UI thread, started when the page is first
// shown); until it reports, the CPU and the stored choice are offered.
#include <vector>

#include "ui/settings/settings_page.h"
#include "ui/wizard/device_detection.h"

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;

namespace kforge::ui {

class DevicesPage : public SettingsPage {
    Q_OBJECT

public:
    DevicesPage(DeviceDetector detector, QWidget* parent = nullptr);

    QString title() const override;
    void load(const AppSettings& settings) override;
    // The runners must parse as an endpoint list; the problem names the column.
    QString validate(QWidget** field) override;
    void save(AppSettings& settings) const override;

    QComboBox* deviceBox() const { return device_; }
    QLineEdit* runnersField() const { return runners_; }
    bool isDetecting() const { return detecting_; }
    // Starts detection unless it ran or runs already (showing the page does this).
    void detect();

signals:
    void detectionFinished();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void fill();
    void retranslateUi();

    DeviceDetector detector_;
    QComboBox* device_;
    QLabel* label_;
    QLabel* status_;
    QLabel* note_;
    QLineEdit* runners_;
    QLabel* runnersLabel_;
    QLabel* runnersNote_;
    QAction* runnersWarning_;
    std::vector<DetectedDevice> devices_;
    bool detecting_ = false;
    bool detected_ = false;
};

}  // namespace kforge::ui
