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
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>

#include "agent/builtin_generators.h"
#include "agent/llm_generator.h"
#include "search/searcher.h"
#include "session/fitness.h"
#include "session/selection.h"
#include "session/tuner_generator.h"
#include "ui/wizard/validation_message.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

namespace {

// A registry's name (ASCII, not null-terminated) as a combo box's item data.
QString nameText(std::string_view name) { return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())); }

// A registry row's title in the user's language, with the name the CLI and session files use.
QString choiceText(const char* title, std::string_view name) {
    return SearchPage::tr("%1 (%2)").arg(phraseText(kforge::phrase(title)), nameText(name));
}

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
      provider_(new QComboBox(this)),
      tokenBudgetLabel_(new QLabel(this)),
      tokenBudget_(new QSpinBox(this)),
      costBudgetLabel_(new QLabel(this)),
      costBudget_(new QDoubleSpinBox(this)),
      policy_(new QComboBox(this)),
      policyNote_(new QLabel(this)),
      explorationLabel_(new QLabel(this)),
      exploration_(new QDoubleSpinBox(this)),
      beamWidthLabel_(new QLabel(this)),
      beamWidth_(new QSpinBox(this)),
      seedLabel_(new QLabel(this)),
      seed_(new QSpinBox(this)),
      basisLabel_(new QLabel(this)),
      basis_(new QComboBox(this)),
      generatorsBox_(heading(this)),
      selectionBox_(heading(this)),
      message_(new ValidationMessage(this)) {
    setObjectName(QStringLiteral("searchPage"));
    tuner_->setObjectName(QStringLiteral("tunerCheck"));
    strategy_->setObjectName(QStringLiteral("tunerStrategy"));
    for (const kforge::SearcherInfo& s : kforge::searchers())
        strategy_->addItem(QString(), nameText(s.name));
    llm_->setObjectName(QStringLiteral("llmCheck"));
    llmNote_->setObjectName(QStringLiteral("llmNote"));
    llmNote_->setWordWrap(true);
    provider_->setObjectName(QStringLiteral("llmProvider"));
    tokenBudget_->setObjectName(QStringLiteral("tokenBudget"));
    tokenBudget_->setRange(0, 2000000000);
    tokenBudget_->setSingleStep(100000);
    tokenBudget_->setGroupSeparatorShown(true);
    costBudget_->setObjectName(QStringLiteral("costBudget"));
    costBudget_->setRange(0.0, 1e6);
    costBudget_->setDecimals(2);
    costBudget_->setSingleStep(1.0);
    tokenBudget_->setMinimumWidth(160);
    costBudget_->setMinimumWidth(160);
    tokenBudgetLabel_->setBuddy(tokenBudget_);
    costBudgetLabel_->setBuddy(costBudget_);
    policy_->setObjectName(QStringLiteral("selectionPolicy"));
    for (const kforge::SelectionPolicyInfo& p : kforge::selectionPolicies())
        policy_->addItem(QString(), nameText(p.name));
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
    basis_->setObjectName(QStringLiteral("speedupAgainst"));
    for (const auto b : {kforge::SpeedupBasis::Best, kforge::SpeedupBasis::Native})
        basis_->addItem(QString(), nameText(kforge::speedupBasisName(b)));
    basisLabel_->setBuddy(basis_);

    auto* tunerRow = new QHBoxLayout;
    tunerRow->addWidget(tuner_);
    tunerRow->addWidget(strategy_);
    tunerRow->addStretch(1);
    auto* llmRow = new QHBoxLayout;
    llmRow->addWidget(llm_);
    llmRow->addWidget(provider_);
    llmRow->addStretch(1);
    auto* budgets = new QFormLayout;
    budgets->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    budgets->addRow(llmNote_);
    budgets->addRow(tokenBudgetLabel_, tokenBudget_);
    budgets->addRow(costBudgetLabel_, costBudget_);

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
    selection->addRow(basisLabel_, basis_);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(generatorsBox_);
    layout->addLayout(tunerRow);
    layout->addLayout(llmRow);
    layout->addLayout(budgets);
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
    connect(llm_, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        message_->clearProblem();
        emit completeChanged();
    });
    connect(provider_, &QComboBox::currentIndexChanged, this, [this] { retranslateUi(); });
    connect(policy_, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        retranslateUi();
    });
    reloadProviders();
    load(kforge::SessionConfig{});
    retranslateUi();
}

void SearchPage::reloadProviders() {
    const QString current = provider_->currentData().toString();
    providersError_.clear();
    try {
        providers_ = kforge::loadProviders(kforge::defaultProvidersPath());
    } catch (const std::exception& e) {
        providers_.clear();
        providersError_ = errorText(e);
    }
    const QSignalBlocker block(provider_);
    provider_->clear();
    for (const auto& p : providers_) {
        const QString name = QString::fromStdString(p.name);
        provider_->addItem(QStringLiteral("%1 (%2)").arg(name, QString::fromStdString(p.model)), name);
    }
    int index = provider_->findData(current);
    if (!wantedProvider_.empty()) {
        const int wanted = provider_->findData(QString::fromStdString(wantedProvider_));
        if (wanted >= 0) index = wanted;
    }
    if (index >= 0) provider_->setCurrentIndex(index);
    if (providers_.empty()) llm_->setChecked(false);
    updateEnabled();
    retranslateUi();
    emit completeChanged();
}

void SearchPage::initializePage() {
    reloadProviders();  // one added in Settings since the wizard opened
}

void SearchPage::load(const kforge::SessionConfig& c) {
    tuner_->setChecked(std::find(c.generators.begin(), c.generators.end(), kforge::kTunerGenerator) != c.generators.end());
    selectData(strategy_, c.tuner);
    selectData(policy_, c.selection);
    exploration_->setValue(c.exploration);
    beamWidth_->setValue(c.beamWidth);
    seed_->setValue(static_cast<int>(std::min<uint64_t>(c.seed, static_cast<uint64_t>(seed_->maximum()))));
    selectData(basis_, std::string(kforge::speedupBasisName(c.speedupAgainst)));
    const bool agent = std::find(c.generators.begin(), c.generators.end(), kforge::kLlmGenerator) != c.generators.end();
    wantedProvider_ = c.llm ? c.llm->provider.name : std::string();
    if (!wantedProvider_.empty()) {
        const int index = provider_->findData(QString::fromStdString(wantedProvider_));
        if (index >= 0) provider_->setCurrentIndex(index);
    }
    llm_->setChecked(agent && !providers_.empty());
    tokenBudget_->setValue(c.stop.tokens ? static_cast<int>(std::min<int64_t>(*c.stop.tokens, tokenBudget_->maximum())) : 0);
    costBudget_->setValue(c.stop.cost.value_or(0.0));
    updateEnabled();
}

void SearchPage::store(kforge::SessionConfig& c) const {
    // Generators this page does not offer (manual edits) are kept as they were,
    // unless the registry no longer knows them (remembered from another
    // version): the session would refuse to start on them.
    std::erase_if(c.generators, [](const std::string& g) { return kforge::builtinGenerators().find(g) == nullptr; });
    std::erase(c.generators, kforge::kTunerGenerator);
    if (tuner_->isChecked()) c.generators.insert(c.generators.begin(), std::string(kforge::kTunerGenerator));
    c.tuner = strategy_->currentData().toString().toStdString();
    c.selection = policy_->currentData().toString().toStdString();
    c.exploration = exploration_->value();
    c.beamWidth = beamWidth_->value();
    c.seed = static_cast<uint64_t>(seed_->value());
    if (const auto basis = kforge::parseSpeedupBasis(basis_->currentData().toString().toStdString()))
        c.speedupAgainst = *basis;
    std::erase(c.generators, kforge::kLlmGenerator);
    const int index = provider_->currentIndex();
    if (llm_->isChecked() && index >= 0 && index < static_cast<int>(providers_.size())) {
        c.generators.push_back(std::string(kforge::kLlmGenerator));
        kforge::LlmSettings llm = c.llm.value_or(kforge::LlmSettings{});
        // As `kforge optimize --llm-provider` does: the provider as it is now, never its key.
        llm.provider = kforge::findProvider(providers_, providers_[static_cast<size_t>(index)].name, kforge::defaultProvidersPath());
        c.llm = llm;
        c.stop.tokens = tokenBudget_->value() > 0 ? std::optional<int64_t>(tokenBudget_->value()) : std::nullopt;
        c.stop.cost = costBudget_->value() > 0 ? std::optional<double>(costBudget_->value()) : std::nullopt;
    } else {
        c.llm.reset();
        c.stop.tokens.reset();
        c.stop.cost.reset();
    }
}

bool SearchPage::isComplete() const {
    return tuner_->isChecked() || llm_->isChecked();
}

bool SearchPage::validatePage() {
    if (!tuner_->isChecked() && !llm_->isChecked()) {
        message_->showProblem(providers_.empty()
                                  ? tr("Generators: choose at least one; the tuner is the only one available until an LLM "
                                       "provider is configured in Settings.")
                                  : tr("Generators: choose at least one: the tuner, the LLM agent or both."));
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
    llm_->setEnabled(!providers_.empty());
    provider_->setEnabled(llm_->isChecked());
    tokenBudget_->setEnabled(llm_->isChecked());
    tokenBudgetLabel_->setEnabled(llm_->isChecked());
    costBudget_->setEnabled(llm_->isChecked());
    costBudgetLabel_->setEnabled(llm_->isChecked());
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
    for (int i = 0; const kforge::SearcherInfo& s : kforge::searchers()) strategy_->setItemText(i++, choiceText(s.title, s.name));
    llm_->setText(tr("&LLM agent, provider:"));
    if (!providersError_.isEmpty())
        llmNote_->setText(tr("The LLM providers could not be read: %1").arg(providersError_));
    else if (providers_.empty())
        llmNote_->setText(tr("No LLM provider is configured: add one in Edit > Preferences > LLM Providers."));
    else if (const int i = provider_->currentIndex(); i >= 0 && i < static_cast<int>(providers_.size()))
        llmNote_->setText(tr("The agent asks %1 at %2 to rewrite kernels; its spending stops the session at these budgets.")
                              .arg(QString::fromStdString(providers_[static_cast<size_t>(i)].model),
                                   QString::fromStdString(providers_[static_cast<size_t>(i)].baseUrl)));
    tokenBudgetLabel_->setText(tr("Token b&udget:"));
    tokenBudget_->setSpecialValueText(tr("no limit"));
    costBudgetLabel_->setText(tr("C&ost budget:"));
    costBudget_->setSpecialValueText(tr("no limit"));
    for (int i = 0; const kforge::SelectionPolicyInfo& p : kforge::selectionPolicies()) policy_->setItemText(i++, choiceText(p.title, p.name));
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
    basisLabel_->setText(tr("Speedup &against:"));
    basis_->setItemText(0, tr("The fastest PyTorch baseline (eager, torch.compile, vendor)"));
    basis_->setItemText(1, tr("The task's native baseline"));
    basis_->setToolTip(tr("What a candidate's fitness is a speedup over. Without a measured PyTorch baseline for every "
                          "workload the session uses the task's native baseline instead and says so when it starts."));
}

}  // namespace kforge::ui
