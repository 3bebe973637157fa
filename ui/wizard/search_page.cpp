#include "ui/wizard/search_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/wizard/validation_message.h"

namespace kforge::ui {

namespace {

const char* const kStrategies[] = {"bo", "grid", "random", "anneal", "genetic"};
const char* const kPolicies[] = {"ucb", "best", "beam"};

QLabel* heading(QWidget* parent) {
    auto* label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void selectData(QComboBox* combo, const std::string& value) {
    const int index = combo->findData(QString::fromStdString(value));
    if (index >= 0) combo->setCurrentIndex(index);
}

}  // namespace

SearchPage::SearchPage(QWidget* parent)
    : QWizardPage(parent),
      tuner_(new QCheckBox(this)),
      strategy_(new QComboBox(this)),
      llm_(new QCheckBox(this)),
      llmNote_(new QLabel(this)),
      policy_(new QComboBox(this)),
      policyNote_(new QLabel(this)),
      explorationLabel_(new QLabel(this)),
      exploration_(new QDoubleSpinBox(this)),
      beamWidthLabel_(new QLabel(this)),
      beamWidth_(new QSpinBox(this)),
      seedLabel_(new QLabel(this)),
      seed_(new QSpinBox(this)),
      generatorsBox_(heading(this)),
      selectionBox_(heading(this)),
      message_(new ValidationMessage(this)) {
    setObjectName(QStringLiteral("searchPage"));
    tuner_->setObjectName(QStringLiteral("tunerCheck"));
    strategy_->setObjectName(QStringLiteral("tunerStrategy"));
    for (const char* s : kStrategies) strategy_->addItem(QString(), QString::fromLatin1(s));
    llm_->setObjectName(QStringLiteral("llmCheck"));
    llm_->setEnabled(false);  // no provider can be configured yet: the LLM issue brings them
    llmNote_->setObjectName(QStringLiteral("llmNote"));
    llmNote_->setEnabled(false);
    policy_->setObjectName(QStringLiteral("selectionPolicy"));
    for (const char* p : kPolicies) policy_->addItem(QString(), QString::fromLatin1(p));
    policyNote_->setWordWrap(true);
    policyNote_->setEnabled(false);  // drawn as secondary text
    exploration_->setObjectName(QStringLiteral("exploration"));
    exploration_->setRange(0.0, 10.0);
    exploration_->setSingleStep(0.1);
    exploration_->setDecimals(2);
    beamWidth_->setObjectName(QStringLiteral("beamWidth"));
    beamWidth_->setRange(1, 256);
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, 1 << 30);
    for (QWidget* field :
         {static_cast<QWidget*>(exploration_), static_cast<QWidget*>(beamWidth_), static_cast<QWidget*>(seed_)})
        field->setMinimumWidth(120);
    explorationLabel_->setBuddy(exploration_);
    beamWidthLabel_->setBuddy(beamWidth_);
    seedLabel_->setBuddy(seed_);

    auto* tunerRow = new QHBoxLayout;
    tunerRow->addWidget(tuner_);
    tunerRow->addWidget(strategy_);
    tunerRow->addStretch(1);
    auto* llmRow = new QHBoxLayout;
    llmRow->addWidget(llm_);
    llmRow->addWidget(llmNote_, 1);

    auto* selection = new QFormLayout;
    selection->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    auto* policyRow = new QHBoxLayout;
    policyRow->addWidget(policy_);
    policyRow->addStretch(1);
    selection->addRow(policyRow);
    selection->addRow(policyNote_);
    selection->addRow(explorationLabel_, exploration_);
    selection->addRow(beamWidthLabel_, beamWidth_);
    selection->addRow(seedLabel_, seed_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(generatorsBox_);
    layout->addLayout(tunerRow);
    layout->addLayout(llmRow);
    layout->addSpacing(12);
    layout->addWidget(selectionBox_);
    layout->addLayout(selection);
    layout->addStretch(1);
    layout->addWidget(message_);

    connect(tuner_, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        message_->clearProblem();
        emit completeChanged();
    });
    connect(policy_, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        retranslateUi();
    });
    load(kforge::SessionConfig{});
    retranslateUi();
}

void SearchPage::load(const kforge::SessionConfig& c) {
    tuner_->setChecked(std::find(c.generators.begin(), c.generators.end(), "tuner") != c.generators.end());
    selectData(strategy_, c.tuner);
    selectData(policy_, c.selection);
    exploration_->setValue(c.exploration);
    beamWidth_->setValue(c.beamWidth);
    seed_->setValue(static_cast<int>(std::min<uint64_t>(c.seed, static_cast<uint64_t>(seed_->maximum()))));
    updateEnabled();
}

void SearchPage::store(kforge::SessionConfig& c) const {
    // Generators this page does not offer (manual edits) are kept as they were.
    std::erase(c.generators, std::string("tuner"));
    if (tuner_->isChecked()) c.generators.insert(c.generators.begin(), "tuner");
    c.tuner = strategy_->currentData().toString().toStdString();
    c.selection = policy_->currentData().toString().toStdString();
    c.exploration = exploration_->value();
    c.beamWidth = beamWidth_->value();
    c.seed = static_cast<uint64_t>(seed_->value());
}

bool SearchPage::isComplete() const {
    return tuner_->isChecked();
}

bool SearchPage::validatePage() {
    if (!tuner_->isChecked()) {
        message_->showProblem(
            tr("Generators: choose at least one; the tuner is the only one available until an LLM "
               "provider is configured in Settings."));
        tuner_->setFocus();
        return false;
    }
    message_->clearProblem();
    return true;
}

void SearchPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWizardPage::changeEvent(event);
}

void SearchPage::updateEnabled() {
    strategy_->setEnabled(tuner_->isChecked());
    const QString policy = policy_->currentData().toString();
    exploration_->setEnabled(policy == QLatin1String("ucb"));
    explorationLabel_->setEnabled(exploration_->isEnabled());
    beamWidth_->setEnabled(policy == QLatin1String("beam"));
    beamWidthLabel_->setEnabled(beamWidth_->isEnabled());
}

void SearchPage::retranslateUi() {
    setTitle(tr("Search"));
    setSubTitle(tr("How the tree grows: which generators propose children, and which node is expanded next."));
    generatorsBox_->setText(tr("Generators"));
    selectionBox_->setText(tr("Selection policy"));
    tuner_->setText(tr("&Tuner, strategy:"));
    strategy_->setItemText(0, tr("Bayesian optimization (bo)"));
    strategy_->setItemText(1, tr("Grid (grid)"));
    strategy_->setItemText(2, tr("Random (random)"));
    strategy_->setItemText(3, tr("Simulated annealing (anneal)"));
    strategy_->setItemText(4, tr("Genetic (genetic)"));
    llm_->setText(tr("LLM rewrite"));
    llmNote_->setText(tr("configure a provider in Settings"));
    policy_->setItemText(0, tr("Upper confidence bound (ucb)"));
    policy_->setItemText(1, tr("Best first (best)"));
    policy_->setItemText(2, tr("Beam (beam)"));
    const QString policy = policy_->currentData().toString();
    policyNote_->setText(policy == QLatin1String("ucb")
                             ? tr("Every expandable node competes by its subtree's mean fitness plus c·√(ln N / n): "
                                  "a larger c explores more.")
                         : policy == QLatin1String("best")
                             ? tr("The fittest expandable node is always expanded next.")
                             : tr("The fittest nodes, as many as the beam width, take turns."));
    explorationLabel_->setText(tr("&Exploration constant c:"));
    beamWidthLabel_->setText(tr("Beam &width:"));
    seedLabel_->setText(tr("Random &seed:"));
}

}  // namespace kforge::ui
