#pragma once
// The wizard's last page: when the session stops by itself (evaluation budget,
// active time, plateau, target speedup; any or all of them) and its name.
#include <QWizardPage>

#include <optional>

#include "session/stop_conditions.h"

class QButtonGroup;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace kforge::ui {

class ValidationMessage;

class StopPage : public QWizardPage {
    Q_OBJECT

public:
    explicit StopPage(QWidget* parent = nullptr);

    void load(const kforge::StopConditions& stop);
    // The conditions as entered, or nullopt with `problem` naming the field and what is wrong.
    std::optional<kforge::StopConditions> conditions(QString* problem = nullptr) const;

    QString sessionName() const;
    void setSuggestedName(const QString& name);  // shown as the name field's placeholder

    void initializePage() override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateEnabled();
    void check();  // shows the first problem as the fields change

    QCheckBox* budgetCheck_;
    QSpinBox* budget_;
    QCheckBox* timeCheck_;
    QLineEdit* time_;
    QCheckBox* plateauCheck_;
    QSpinBox* plateau_;
    QCheckBox* targetCheck_;
    QDoubleSpinBox* target_;
    QLabel* combineLabel_;
    QRadioButton* any_;
    QRadioButton* all_;
    QLabel* nameLabel_;
    QLineEdit* name_;
    ValidationMessage* message_;
};

}  // namespace kforge::ui
