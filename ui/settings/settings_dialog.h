#pragma once
// Edit > Preferences…: General (language, theme), Toolchains (compiler
// paths), Devices (the default device), and whatever pages other parts of
// the program add with addPage(). OK and Apply validate every page first: a
// refused value is shown on its page, its field focused and marked, the
// reason named, and nothing is written. Saved settings take effect at once
// (settings_apply.h).
#include <QDialog>
#include <QList>

#include "ui/wizard/device_detection.h"

class QAbstractButton;
class QDialogButtonBox;
class QListWidget;
class QStackedWidget;

namespace kforge::ui {

class DevicesPage;
class GeneralPage;
class SettingsPage;
class ToolchainsPage;
class ValidationMessage;

class SettingsDialog : public QDialog {
    Q_OBJECT

public:
    // Devices are found with detectDevices() when their page is first shown;
    // tests pass a detector of their own.
    explicit SettingsDialog(QWidget* parent = nullptr);
    SettingsDialog(DeviceDetector detector, QWidget* parent = nullptr);

    // Adds a page after the others (it is loaded from the stored settings at once);
    // the dialog owns it.
    void addPage(SettingsPage* page);
    int pageCount() const { return static_cast<int>(pages_.size()); }
    SettingsPage* page(int index) const { return pages_.value(index); }
    SettingsPage* currentPage() const;
    void showPage(SettingsPage* page);

    GeneralPage* generalPage() const { return general_; }
    ToolchainsPage* toolchainsPage() const { return toolchains_; }
    DevicesPage* devicesPage() const { return devices_; }

    // Validates every page; if all pass, saves them and puts the settings
    // into effect. False (and nothing saved) when a page refuses.
    bool apply();
    // What the last refused apply() said; empty after a successful one.
    QString problem() const;

    void accept() override;

signals:
    void applied();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void setModified(bool modified);

    QListWidget* list_;
    QStackedWidget* stack_;
    ValidationMessage* message_;
    QDialogButtonBox* buttons_;
    QList<SettingsPage*> pages_;
    GeneralPage* general_ = nullptr;
    ToolchainsPage* toolchains_ = nullptr;
    DevicesPage* devices_ = nullptr;
};

}  // namespace kforge::ui
