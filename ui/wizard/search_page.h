#pragma once
// The wizard's third page: how the tree grows. Generators (the tuner with its
// strategy; the LLM generator, which needs a provider configured in Settings)
// and the selection policy with its parameter where it has one.
#include <QWizardPage>

#include <vector>

#include "llm/provider_config.h"
#include "model/session_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace kforge::ui {

class ValidationMessage;

class SearchPage : public QWizardPage {
    Q_OBJECT

public:
    explicit SearchPage(QWidget* parent = nullptr);

    // Shows `config`'s generators, tuner, policy and seed.
    void load(const kforge::SessionConfig& config);
    // Writes the page's choices into `config`, leaving its other fields alone.
    void store(kforge::SessionConfig& config) const;

    bool isComplete() const override;
    bool validatePage() override;
    void initializePage() override;

    // Reads providers.json (defaultProvidersPath(); a small file) again; the
    // agent's option is disabled, with a hint, while it lists none.
    void reloadProviders();
    const std::vector<kforge::ProviderConfig>& providers() const { return providers_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateEnabled();

    QCheckBox* tuner_;
    QComboBox* strategy_;
    QCheckBox* llm_;
    QLabel* llmNote_;
    QComboBox* provider_;
    QLabel* tokenBudgetLabel_;
    QSpinBox* tokenBudget_;
    QLabel* costBudgetLabel_;
    QDoubleSpinBox* costBudget_;
    std::vector<kforge::ProviderConfig> providers_;
    QString providersError_;
    std::string wantedProvider_;  // from load(), chosen once the list has it
    QComboBox* policy_;
    QLabel* policyNote_;
    QLabel* explorationLabel_;
    QDoubleSpinBox* exploration_;
    QLabel* beamWidthLabel_;
    QSpinBox* beamWidth_;
    QLabel* seedLabel_;
    QSpinBox* seed_;
    QLabel* basisLabel_;
    QComboBox* basis_;  // SessionConfig::speedupAgainst: what fitness is a speedup over
    QLabel* generatorsBox_;
    QLabel* selectionBox_;
    ValidationMessage* message_;
};

}  // namespace kforge::ui
