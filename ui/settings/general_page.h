#pragma once
// Settings > General: the language (the catalogs we ship, or the system's),
// the theme (the system's, light or dark), and whether candidates run in the
// sandbox.
#include "ui/settings/settings_page.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace kforge::ui {

class GeneralPage : public SettingsPage {
    Q_OBJECT

public:
    explicit GeneralPage(QWidget* parent = nullptr);

    QString title() const override;
    void load(const AppSettings& settings) override;
    void save(AppSettings& settings) const override;

    QComboBox* languageBox() const { return language_; }
    QComboBox* themeBox() const { return theme_; }
    QCheckBox* noSandboxBox() const { return noSandbox_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QComboBox* language_;
    QComboBox* theme_;
    QLabel* languageLabel_;
    QLabel* themeLabel_;
    QLabel* note_;
    QCheckBox* noSandbox_;
    QLabel* sandboxNote_;
};

}  // namespace kforge::ui
