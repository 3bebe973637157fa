#pragma once
// Settings > LLM Providers: the services the agent can talk to, kept in
// providers.json (defaultProvidersPath(), shared with the CLI). Add one from a
// preset, edit it, remove it; see where its key comes from (masked, or what is
// missing), store a key in the OS keychain, and test it with a one-line
// prompt in the background. A key is never shown in full and never written to
// providers.json or QSettings.
#include <QString>

#include <vector>

#include "llm/provider_config.h"
#include "ui/settings/settings_page.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace kforge::ui {

class ProvidersPage : public SettingsPage {
    Q_OBJECT

public:
    explicit ProvidersPage(QWidget* parent = nullptr);

    QString title() const override;
    // Reads providers.json (a small file: on the UI thread); `settings` holds nothing of it.
    void load(const AppSettings& settings) override;
    QString validate(QWidget** field) override;
    // Writes providers.json when the list was changed (never a key).
    void save(AppSettings& settings) const override;

    const std::vector<kforge::ProviderConfig>& providers() const { return providers_; }
    QString filePath() const;

    QListWidget* list() const { return list_; }
    QComboBox* presetCombo() const { return preset_; }
    QPushButton* addButton() const { return add_; }
    QPushButton* removeButton() const { return remove_; }
    QLineEdit* nameEdit() const { return name_; }
    QComboBox* apiCombo() const { return api_; }
    QLineEdit* baseUrlEdit() const { return baseUrl_; }
    QLineEdit* modelEdit() const { return model_; }
    QLineEdit* keyEnvEdit() const { return keyEnv_; }
    QCheckBox* keychainCheck() const { return keychain_; }
    QSpinBox* concurrencySpin() const { return concurrency_; }
    QDoubleSpinBox* inputPriceSpin() const { return inputPrice_; }
    QDoubleSpinBox* outputPriceSpin() const { return outputPrice_; }
    QLabel* keyStatusLabel() const { return keyStatus_; }
    QLineEdit* keyEdit() const { return keyEdit_; }
    QPushButton* storeKeyButton() const { return storeKey_; }
    QPushButton* testButton() const { return test_; }
    QLabel* testResultLabel() const { return testResult_; }
    QLabel* loadErrorLabel() const { return loadError_; }

    // Whether secret-tool was found (checked in the background when the page is made).
    bool keychainAvailable() const { return keychainAvailable_; }
    // Adds the preset at `index` of providerPresets() (renamed when its name is taken) and selects it.
    void addPreset(int index);

signals:
    void keyStatusShown(const QString& text);
    void testFinished(bool ok, const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void rebuildList(int select);
    void showProvider(int row);
    void editCurrent();
    void refreshKeyStatus();
    void storeKey();
    void runTest();
    int currentRow() const;

    std::vector<kforge::ProviderConfig> providers_;
    bool dirty_ = false;
    bool loadFailed_ = false;
    bool showing_ = false;
    bool keychainAvailable_ = false;  // filling the form: its signals are not edits
    quint64 keyGeneration_ = 0;

    QLabel* intro_;
    QLabel* loadError_;
    QListWidget* list_;
    QComboBox* preset_;
    QPushButton* add_;
    QPushButton* remove_;
    QLabel* nameLabel_;
    QLineEdit* name_;
    QLabel* apiLabel_;
    QComboBox* api_;
    QLabel* baseUrlLabel_;
    QLineEdit* baseUrl_;
    QLabel* modelLabel_;
    QLineEdit* model_;
    QLabel* keyEnvLabel_;
    QLineEdit* keyEnv_;
    QCheckBox* keychain_;
    QLabel* concurrencyLabel_;
    QSpinBox* concurrency_;
    QLabel* pricesLabel_;
    QDoubleSpinBox* inputPrice_;
    QDoubleSpinBox* outputPrice_;
    QLabel* keyStatusTitle_;
    QLabel* keyStatus_;
    QLineEdit* keyEdit_;
    QPushButton* storeKey_;
    QPushButton* test_;
    QLabel* testResult_;
};

}  // namespace kforge::ui
