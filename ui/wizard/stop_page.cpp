#include "ui/wizard/stop_page.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <exception>

#include "ui/wizard/validation_message.h"

namespace kforge::ui {

StopPage::StopPage(QWidget* parent)
    : QWizardPage(parent),
      budgetCheck_(new QCheckBox(this)),
      budget_(new QSpinBox(this)),
      timeCheck_(new QCheckBox(this)),
      time_(new QLineEdit(this)),
      plateauCheck_(new QCheckBox(this)),
      plateau_(new QSpinBox(this)),
      targetCheck_(new QCheckBox(this)),
      target_(new QDoubleSpinBox(this)),
      combineLabel_(new QLabel(this)),
      any_(new QRadioButton(this)),
      all_(new QRadioButton(this)),
      nameLabel_(new QLabel(this)),
      name_(new QLineEdit(this)),
      message_(new ValidationMessage(this)) {
    setObjectName(QStringLiteral("stopPage"));
    budgetCheck_->setObjectName(QStringLiteral("budgetCheck"));
    budget_->setObjectName(QStringLiteral("budget"));
    budget_->setRange(1, 1000000);
    timeCheck_->setObjectName(QStringLiteral("timeCheck"));
    time_->setObjectName(QStringLiteral("timeLimit"));
    time_->setClearButtonEnabled(true);
    plateauCheck_->setObjectName(QStringLiteral("plateauCheck"));
    plateau_->setObjectName(QStringLiteral("plateau"));
    plateau_->setRange(1, 1000000);
    targetCheck_->setObjectName(QStringLiteral("targetCheck"));
    target_->setObjectName(QStringLiteral("targetSpeedup"));
    target_->setRange(1.0, 10000.0);
    target_->setDecimals(2);
    target_->setSingleStep(0.1);
    target_->setSuffix(QStringLiteral("×"));
    any_->setObjectName(QStringLiteral("stopWhenAny"));
    all_->setObjectName(QStringLiteral("stopWhenAll"));
    name_->setObjectName(QStringLiteral("sessionName"));
    nameLabel_->setBuddy(name_);

    auto* grid = new QGridLayout;
    grid->setColumnStretch(2, 1);
    grid->addWidget(budgetCheck_, 0, 0);
    grid->addWidget(budget_, 0, 1);
    grid->addWidget(timeCheck_, 1, 0);
    grid->addWidget(time_, 1, 1);
    grid->addWidget(plateauCheck_, 2, 0);
    grid->addWidget(plateau_, 2, 1);
    grid->addWidget(targetCheck_, 3, 0);
    grid->addWidget(target_, 3, 1);
    auto* combine = new QHBoxLayout;
    combine->addWidget(combineLabel_);
    combine->addWidget(any_);
    combine->addWidget(all_);
    combine->addStretch(1);
    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(nameLabel_);
    nameRow->addWidget(name_, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addSpacing(8);
    layout->addLayout(combine);
    layout->addSpacing(16);
    layout->addLayout(nameRow);
    layout->addStretch(1);
    layout->addWidget(message_);

    for (QCheckBox* box : {budgetCheck_, timeCheck_, plateauCheck_, targetCheck_})
        connect(box, &QCheckBox::toggled, this, [this] {
            updateEnabled();
            check();
        });
    connect(time_, &QLineEdit::textChanged, this, &StopPage::check);
    load(kforge::StopConditions{});
    retranslateUi();
}

void StopPage::load(const kforge::StopConditions& s) {
    budgetCheck_->setChecked(s.evaluations.has_value());
    budget_->setValue(s.evaluations.value_or(50));
    timeCheck_->setChecked(s.seconds.has_value());
    time_->setText(QString::fromStdString(kforge::formatDuration(s.seconds.value_or(600.0))));
    plateauCheck_->setChecked(s.plateau.has_value());
    plateau_->setValue(s.plateau.value_or(20));
    targetCheck_->setChecked(s.target.has_value());
    target_->setValue(s.target.value_or(2.0));
    (s.requireAll ? all_ : any_)->setChecked(true);
    if (!s.any()) {
        budgetCheck_->setChecked(true);  // a session with no condition would run until stopped by hand
        budget_->setValue(50);
    }
    updateEnabled();
    message_->clearProblem();
}

std::optional<kforge::StopConditions> StopPage::conditions(QString* problem) const {
    auto fail = [problem](const QString& text) -> std::optional<kforge::StopConditions> {
        if (problem) *problem = text;
        return std::nullopt;
    };
    kforge::StopConditions s;
    if (budgetCheck_->isChecked()) s.evaluations = budget_->value();
    if (timeCheck_->isChecked()) {
        const QString text = time_->text().trimmed();
        if (text.isEmpty()) return fail(tr("Time limit: empty; write a duration such as 90s, 10m, 1.5h or 2h30m."));
        double seconds = 0;
        try {
            seconds = kforge::parseDuration(text.toStdString());
        } catch (const std::exception&) {
            return fail(tr("Time limit: “%1” is not a duration; write it as 90s, 10m, 1.5h or 2h30m.").arg(text));
        }
        if (!(seconds > 0) || !std::isfinite(seconds)) return fail(tr("Time limit: must be longer than zero."));
        s.seconds = seconds;
    }
    if (plateauCheck_->isChecked()) s.plateau = plateau_->value();
    if (targetCheck_->isChecked()) {
        if (!(target_->value() > 1.0))
            return fail(tr("Target speedup: must be above 1.00× (the baseline's own speed)."));
        s.target = target_->value();
    }
    if (!s.any()) return fail(tr("Stop conditions: choose at least one, or the session runs until you stop it."));
    s.requireAll = all_->isChecked();
    return s;
}

QString StopPage::sessionName() const {
    return name_->text().trimmed();
}

void StopPage::setSuggestedName(const QString& name) {
    name_->setPlaceholderText(name);
}

void StopPage::initializePage() {
    budget_->setFocus();
}

bool StopPage::validatePage() {
    QString problem;
    if (!conditions(&problem)) {
        message_->showProblem(problem);
        if (problem.startsWith(tr("Time limit:"))) time_->setFocus();
        return false;
    }
    message_->clearProblem();
    return true;
}

void StopPage::check() {
    QString problem;
    if (conditions(&problem))
        message_->clearProblem();
    else
        message_->showProblem(problem);
}

void StopPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWizardPage::changeEvent(event);
}

void StopPage::updateEnabled() {
    budget_->setEnabled(budgetCheck_->isChecked());
    time_->setEnabled(timeCheck_->isChecked());
    plateau_->setEnabled(plateauCheck_->isChecked());
    target_->setEnabled(targetCheck_->isChecked());
}

void StopPage::retranslateUi() {
    setTitle(tr("Stop conditions"));
    setSubTitle(tr("When the session stops by itself. You can pause or stop it at any time, and continue it later."));
    budgetCheck_->setText(tr("Evaluation &budget:"));
    budget_->setSuffix(tr(" evaluations"));
    timeCheck_->setText(tr("&Time limit:"));
    time_->setPlaceholderText(tr("e.g. 90s, 10m, 1.5h, 2h30m"));
    time_->setToolTip(tr("Active running time of the session: 90s, 10m, 1.5h, 2h30m or plain seconds."));
    plateauCheck_->setText(tr("&Plateau:"));
    plateau_->setSuffix(tr(" evaluations without a new best"));
    targetCheck_->setText(tr("Target &speedup:"));
    combineLabel_->setText(tr("Stop when"));
    any_->setText(tr("&any condition holds"));
    all_->setText(tr("a&ll conditions hold"));
    nameLabel_->setText(tr("Session &name:"));
}

}  // namespace kforge::ui
