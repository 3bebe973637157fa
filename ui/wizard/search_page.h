#pragma once
// The wizard's third page: how the tree grows. Generators (the tuner with its
// strategy; the LLM generator, which needs a provider configured in Settings)
// and the selection policy with its parameter where it has one.
#include <QWizardPage>

#include "session/session_config.h"

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

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateEnabled();

    QCheckBox* tuner_;
    QComboBox* strategy_;
    QCheckBox* llm_;
    QLabel* llmNote_;
    QComboBox* policy_;
    QLabel* policyNote_;
    QLabel* explorationLabel_;
    QDoubleSpinBox* exploration_;
    QLabel* beamWidthLabel_;
    QSpinBox* beamWidth_;
    QLabel* seedLabel_;
    QSpinBox* seed_;
    QLabel* generatorsBox_;
    QLabel* selectionBox_;
    ValidationMessage* message_;
};

}  // namespace kforge::ui
