#include "ui/agent/providers_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

#include <chrono>
#include <exception>

#include "llm/api_key.h"
#include "llm/llm_client.h"
#include "ui/background_call.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

struct KeyStatus {
    bool ok = false;
    QString text;  // masked key and where it came from, or what is missing
};

KeyStatus keyStatusOf(const kforge::ProviderConfig& p) {
    const kforge::KeyStatus k = kforge::keyStatus(p);
    if (!k.found) return {false, q(k.problem)};
    if (k.masked.empty()) return {true, {}};
    return {true, q(k.masked) + QStringLiteral("\t") + q(k.origin)};
}

struct TestOutcome {
    bool ok = false;
    QString reply;
    QString error;
    double seconds = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
};
}  // namespace

ProvidersPage::ProvidersPage(QWidget* parent) : SettingsPage(parent) {
    setObjectName(QStringLiteral("providersPage"));
    intro_ = new QLabel(this);
    intro_->setWordWrap(true);
    loadError_ = new QLabel(this);
    loadError_->setObjectName(QStringLiteral("providersLoadError"));
    loadError_->setWordWrap(true);
    loadError_->setStyleSheet(QStringLiteral("color: #c62828;"));
    loadError_->hide();
    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("providerList"));
    list_->setMaximumWidth(200);
    preset_ = new QComboBox(this);
    preset_->setObjectName(QStringLiteral("providerPreset"));
    for (const auto& p : kforge::providerPresets()) preset_->addItem(q(p.title), q(p.id));
    add_ = new QPushButton(this);
    add_->setObjectName(QStringLiteral("addProvider"));
    remove_ = new QPushButton(this);
    remove_->setObjectName(QStringLiteral("removeProvider"));

    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("providerName"));
    api_ = new QComboBox(this);
    api_->setObjectName(QStringLiteral("providerApi"));
    api_->addItem(QString(), QStringLiteral("openai"));
    api_->addItem(QString(), QStringLiteral("anthropic"));
    baseUrl_ = new QLineEdit(this);
    baseUrl_->setObjectName(QStringLiteral("providerBaseUrl"));
    model_ = new QLineEdit(this);
    model_->setObjectName(QStringLiteral("providerModel"));
    keyEnv_ = new QLineEdit(this);
    keyEnv_->setObjectName(QStringLiteral("providerKeyEnv"));
    keychain_ = new QCheckBox(this);
    keychain_->setObjectName(QStringLiteral("providerKeychain"));
    concurrency_ = new QSpinBox(this);
    concurrency_->setObjectName(QStringLiteral("providerConcurrency"));
    concurrency_->setRange(1, 64);
    inputPrice_ = new QDoubleSpinBox(this);
    inputPrice_->setObjectName(QStringLiteral("providerInputPrice"));
    outputPrice_ = new QDoubleSpinBox(this);
    outputPrice_->setObjectName(QStringLiteral("providerOutputPrice"));
    for (QDoubleSpinBox* price : {inputPrice_, outputPrice_}) {
        price->setRange(0.0, 10000.0);
        price->setDecimals(3);
    }
    keyStatus_ = new QLabel(this);
    keyStatus_->setObjectName(QStringLiteral("providerKeyStatus"));
    keyStatus_->setWordWrap(true);
    keyStatus_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    keyEdit_ = new QLineEdit(this);
    keyEdit_->setObjectName(QStringLiteral("providerKeyInput"));
    keyEdit_->setEchoMode(QLineEdit::Password);
    storeKey_ = new QPushButton(this);
    storeKey_->setObjectName(QStringLiteral("storeProviderKey"));
    test_ = new QPushButton(this);
    test_->setObjectName(QStringLiteral("testProvider"));
    testResult_ = new QLabel(this);
    testResult_->setObjectName(QStringLiteral("providerTestResult"));
    testResult_->setWordWrap(true);
    testResult_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    nameLabel_ = new QLabel(this);
    apiLabel_ = new QLabel(this);
    baseUrlLabel_ = new QLabel(this);
    modelLabel_ = new QLabel(this);
    keyEnvLabel_ = new QLabel(this);
    concurrencyLabel_ = new QLabel(this);
    pricesLabel_ = new QLabel(this);
    keyStatusTitle_ = new QLabel(this);
    nameLabel_->setBuddy(name_);
    apiLabel_->setBuddy(api_);
    baseUrlLabel_->setBuddy(baseUrl_);
    modelLabel_->setBuddy(model_);
    keyEnvLabel_->setBuddy(keyEnv_);
    concurrencyLabel_->setBuddy(concurrency_);
    pricesLabel_->setBuddy(inputPrice_);

    auto* prices = new QHBoxLayout;
    prices->addWidget(inputPrice_);
    prices->addWidget(outputPrice_);
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(keyEdit_, 1);
    keyRow->addWidget(storeKey_);
    auto* form = new QFormLayout;
    form->addRow(nameLabel_, name_);
    form->addRow(apiLabel_, api_);
    form->addRow(baseUrlLabel_, baseUrl_);
    form->addRow(modelLabel_, model_);
    form->addRow(keyEnvLabel_, keyEnv_);
    form->addRow(QString(), keychain_);
    form->addRow(keyStatusTitle_, keyStatus_);
    form->addRow(QString(), keyRow);
    form->addRow(concurrencyLabel_, concurrency_);
    form->addRow(pricesLabel_, prices);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(test_);
    testRow->addWidget(testResult_, 1);
    form->addRow(testRow);

    auto* left = new QVBoxLayout;
    left->addWidget(list_, 1);
    left->addWidget(preset_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add_);
    buttons->addWidget(remove_);
    left->addLayout(buttons);
    auto* body = new QHBoxLayout;
    body->addLayout(left);
    body->addLayout(form, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro_);
    layout->addWidget(loadError_);
    layout->addLayout(body, 1);

    // The keychain only where secret-tool is there (asked off the UI thread: it starts a process).
    keyEdit_->hide();
    storeKey_->hide();
    runInBackground<bool>(
        this, [] { return kforge::keychainAvailable(); },
        [this](bool keychain) {
            keychainAvailable_ = keychain;
            keyEdit_->setVisible(keychain);
            storeKey_->setVisible(keychain);
        });

    connect(list_, &QListWidget::currentRowChanged, this, &ProvidersPage::showProvider);
    connect(add_, &QPushButton::clicked, this, [this] { addPreset(preset_->currentIndex()); });
    connect(remove_, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row < 0) return;
        providers_.erase(providers_.begin() + row);
        dirty_ = true;
        rebuildList(std::min(row, static_cast<int>(providers_.size()) - 1));
        emit changed();
    });
    for (QLineEdit* edit : {name_, baseUrl_, model_, keyEnv_}) connect(edit, &QLineEdit::textEdited, this, &ProvidersPage::editCurrent);
    connect(api_, &QComboBox::currentIndexChanged, this, &ProvidersPage::editCurrent);
    connect(keychain_, &QCheckBox::toggled, this, &ProvidersPage::editCurrent);
    connect(concurrency_, &QSpinBox::valueChanged, this, &ProvidersPage::editCurrent);
    connect(inputPrice_, &QDoubleSpinBox::valueChanged, this, &ProvidersPage::editCurrent);
    connect(outputPrice_, &QDoubleSpinBox::valueChanged, this, &ProvidersPage::editCurrent);
    connect(storeKey_, &QPushButton::clicked, this, &ProvidersPage::storeKey);
    connect(test_, &QPushButton::clicked, this, &ProvidersPage::runTest);

    retranslateUi();
    showProvider(-1);
}

QString ProvidersPage::title() const { return tr("LLM Providers"); }

QString ProvidersPage::filePath() const { return q(kforge::defaultProvidersPath().string()); }

void ProvidersPage::load(const AppSettings&) {
    loadFailed_ = false;
    loadError_->hide();
    try {
        providers_ = kforge::loadProviders(kforge::defaultProvidersPath());
    } catch (const std::exception& e) {
        // Left as it is: saving would replace what the engineer may still repair by hand.
        providers_.clear();
        loadFailed_ = true;
        loadError_->setText(tr("Could not read the providers: %1").arg(errorText(e)));
        loadError_->show();
    }
    dirty_ = false;
    rebuildList(providers_.empty() ? -1 : 0);
    retranslateUi();
}

int ProvidersPage::currentRow() const {
    const int row = list_->currentRow();
    return row >= 0 && row < static_cast<int>(providers_.size()) ? row : -1;
}

void ProvidersPage::rebuildList(int select) {
    const QSignalBlocker block(list_);
    list_->clear();
    for (const auto& p : providers_) list_->addItem(q(p.name));
    list_->setCurrentRow(select);
    showProvider(select);
}

void ProvidersPage::addPreset(int index) {
    const auto& presets = kforge::providerPresets();
    if (index < 0 || index >= static_cast<int>(presets.size())) return;
    kforge::ProviderConfig p = presets[static_cast<size_t>(index)].config;
    const std::string base = p.name.empty() ? presets[static_cast<size_t>(index)].id : p.name;
    p.name = base;
    auto taken = [this](const std::string& name) {
        for (const auto& existing : providers_)
            if (existing.name == name) return true;
        return false;
    };
    for (int n = 2; taken(p.name); ++n) p.name = base + "-" + std::to_string(n);
    providers_.push_back(p);
    dirty_ = true;
    rebuildList(static_cast<int>(providers_.size()) - 1);
    emit changed();
}

void ProvidersPage::showProvider(int row) {
    showing_ = true;
    const bool any = row >= 0 && row < static_cast<int>(providers_.size());
    for (QWidget* w : std::initializer_list<QWidget*>{name_, api_, baseUrl_, model_, keyEnv_, keychain_, concurrency_, inputPrice_,
                                                      outputPrice_, keyEdit_, storeKey_, test_, remove_})
        w->setEnabled(any);
    testResult_->clear();
    keyEdit_->clear();
    if (!any) {
        for (QLineEdit* e : {name_, baseUrl_, model_, keyEnv_}) e->clear();
        keyStatus_->clear();
        showing_ = false;
        return;
    }
    const kforge::ProviderConfig& p = providers_[static_cast<size_t>(row)];
    name_->setText(q(p.name));
    api_->setCurrentIndex(p.api == kforge::LlmApi::AnthropicMessages ? 1 : 0);
    baseUrl_->setText(q(p.baseUrl));
    model_->setText(q(p.model));
    keyEnv_->setText(q(p.keyEnv));
    keychain_->setChecked(p.keyInKeychain);
    concurrency_->setValue(p.maxConcurrent);
    inputPrice_->setValue(p.prices.inputPerMillion);
    outputPrice_->setValue(p.prices.outputPerMillion);
    for (QWidget* w : std::initializer_list<QWidget*>{name_, baseUrl_, model_, keyEnv_}) w->setProperty("invalid", false);
    showing_ = false;
    refreshKeyStatus();
}

void ProvidersPage::editCurrent() {
    const int row = currentRow();
    if (showing_ || row < 0) return;
    kforge::ProviderConfig& p = providers_[static_cast<size_t>(row)];
    const std::string keySource = p.keyEnv + (p.keyInKeychain ? "+" : "-") + p.name;
    p.name = name_->text().trimmed().toStdString();
    p.api = api_->currentIndex() == 1 ? kforge::LlmApi::AnthropicMessages : kforge::LlmApi::OpenAiChat;
    p.baseUrl = baseUrl_->text().trimmed().toStdString();
    p.model = model_->text().trimmed().toStdString();
    p.keyEnv = keyEnv_->text().trimmed().toStdString();
    p.keyInKeychain = keychain_->isChecked();
    p.maxConcurrent = concurrency_->value();
    p.prices.inputPerMillion = inputPrice_->value();
    p.prices.outputPerMillion = outputPrice_->value();
    if (QListWidgetItem* item = list_->item(row)) item->setText(q(p.name));
    dirty_ = true;
    if (keySource != p.keyEnv + (p.keyInKeychain ? "+" : "-") + p.name) refreshKeyStatus();
    emit changed();
}

void ProvidersPage::refreshKeyStatus() {
    const int row = currentRow();
    if (row < 0) return;
    const kforge::ProviderConfig p = providers_[static_cast<size_t>(row)];
    const quint64 generation = ++keyGeneration_;
    keyStatus_->setText(tr("checking…"));
    // The keychain is another process (secret-tool): asked off the UI thread.
    runInBackground<KeyStatus>(
        this, [p] { return keyStatusOf(p); },
        [this, generation](KeyStatus status) {
            if (generation != keyGeneration_) return;  // another provider or source since
            QString text;
            if (!status.ok) text = tr("missing: %1").arg(status.text);
            else if (status.text.isEmpty()) text = tr("no key needed");
            else text = tr("%1 from %2").arg(status.text.section(QLatin1Char('\t'), 0, 0), status.text.section(QLatin1Char('\t'), 1));
            keyStatus_->setText(text);
            emit keyStatusShown(text);
        });
}

void ProvidersPage::storeKey() {
    const int row = currentRow();
    const QString key = keyEdit_->text().trimmed();
    if (row < 0 || key.isEmpty()) return;
    const std::string provider = providers_[static_cast<size_t>(row)].name;
    keyEdit_->clear();  // the key leaves the form at once
    try {
        kforge::storeKeyInKeychain(provider, key.toStdString());
        keyStatus_->setText(tr("stored %1 in the keychain").arg(q(kforge::maskKey(key.toStdString()))));
        if (!keychain_->isChecked()) keychain_->setChecked(true);  // an edit: looked up there from now on
        else refreshKeyStatus();
    } catch (const std::exception& e) {
        keyStatus_->setText(tr("Could not store the key: %1").arg(errorText(e)));
    }
}

void ProvidersPage::runTest() {
    const int row = currentRow();
    if (row < 0) return;
    const kforge::ProviderConfig p = providers_[static_cast<size_t>(row)];
    test_->setEnabled(false);
    testResult_->setText(tr("Asking %1…").arg(q(p.model)));
    runInBackground<TestOutcome>(
        this,
        [p] {
            TestOutcome out;
            try {
                const kforge::ChatResult r = kforge::probeProvider(p, 0);
                out.ok = r.usable();
                out.reply = q(r.text).trimmed();
                out.error = q(r.error);
                out.seconds = r.seconds;
                out.inputTokens = r.usage.inputTokens;
                out.outputTokens = r.usage.outputTokens;
            } catch (const std::exception& e) {
                out.error = errorText(e);
            }
            return out;
        },
        [this](TestOutcome out) {
            test_->setEnabled(currentRow() >= 0);
            const QLocale locale;
            const QString text =
                out.ok ? tr("“%1” in %2 s, %3 + %4 tokens").arg(out.reply.left(200), locale.toString(out.seconds, 'f', 2)).arg(out.inputTokens).arg(out.outputTokens)
                       : tr("Failed: %1").arg(out.error);
            testResult_->setText(text);
            emit testFinished(out.ok, text);
        });
}

QString ProvidersPage::validate(QWidget** field) {
    if (field) *field = nullptr;
    static const QRegularExpression variable(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (size_t i = 0; i < providers_.size(); ++i) {
        const kforge::ProviderConfig& p = providers_[i];
        auto refuse = [&](QWidget* widget, const QString& message) {
            list_->setCurrentRow(static_cast<int>(i));
            widget->setProperty("invalid", true);
            if (field) *field = widget;
            return tr("LLM provider “%1”: %2").arg(q(p.name), message);
        };
        if (p.name.empty()) return refuse(name_, tr("Name: a provider needs a name."));
        for (size_t j = 0; j < i; ++j)
            if (providers_[j].name == p.name) return refuse(name_, tr("Name: another provider is called that."));
        if (p.baseUrl.empty()) return refuse(baseUrl_, tr("Base URL: empty."));
        if (p.baseUrl.rfind("http://", 0) != 0 && p.baseUrl.rfind("https://", 0) != 0)
            return refuse(baseUrl_, tr("Base URL: must start with http:// or https://."));
        if (p.model.empty()) return refuse(model_, tr("Model: empty."));
        if (!p.keyEnv.empty() && !variable.match(q(p.keyEnv)).hasMatch())
            return refuse(keyEnv_, tr("Key variable: “%1” is not an environment variable name.").arg(q(p.keyEnv)));
        try {
            kforge::providerFromJson(kforge::toJson(p), "providers.json");  // the core's own checks, as the CLI reads it
        } catch (const std::exception& e) {
            return refuse(name_, errorText(e));
        }
    }
    return {};
}

void ProvidersPage::save(AppSettings&) const {
    if (!dirty_ || loadFailed_) return;
    kforge::saveProviders(kforge::defaultProvidersPath(), providers_);
    const_cast<ProvidersPage*>(this)->dirty_ = false;
}

void ProvidersPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    SettingsPage::changeEvent(event);
}

void ProvidersPage::retranslateUi() {
    intro_->setText(tr("The services the LLM agent can ask, kept in %1 and shared with the command line. "
                       "Keys stay in environment variables or the OS keychain, never in this file.")
                        .arg(filePath()));
    add_->setText(tr("Add"));
    remove_->setText(tr("Remove"));
    nameLabel_->setText(tr("&Name:"));
    apiLabel_->setText(tr("&API:"));
    api_->setItemText(0, tr("OpenAI-compatible chat completions"));
    api_->setItemText(1, tr("Anthropic messages"));
    baseUrlLabel_->setText(tr("&Base URL:"));
    modelLabel_->setText(tr("&Model:"));
    keyEnvLabel_->setText(tr("&Key variable:"));
    keyEnv_->setPlaceholderText(tr("none (a local server)"));
    keychain_->setText(tr("Look the key up in the OS keychain"));
    keyStatusTitle_->setText(tr("Key:"));
    keyEdit_->setPlaceholderText(tr("paste a key to store it in the keychain"));
    storeKey_->setText(tr("Store Key in Keychain"));
    concurrencyLabel_->setText(tr("&Concurrent requests:"));
    pricesLabel_->setText(tr("&Prices per million tokens (in, out):"));
    test_->setText(tr("Test"));
    test_->setToolTip(tr("Send a one-line prompt and show the reply, the latency and the tokens"));
}

}  // namespace kforge::ui
