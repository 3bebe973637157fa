#include "ui/settings/general_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include "ui/settings/settings_apply.h"

namespace kforge::ui {

namespace {

// A language is named in itself ("English", "简体中文"), so whoever cannot
// read the current one still finds their own.
QString nativeName(const QString& name) {
    const QLocale locale(name);
    if (locale.language() == QLocale::Chinese)
        return locale.script() == QLocale::TraditionalChineseScript ? QStringLiteral("繁體中文") : QStringLiteral("简体中文");
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) return QStringLiteral("English");
    const QString native = locale.nativeLanguageName();
    return native.isEmpty() ? name : native.left(1).toUpper() + native.mid(1);
}

void selectData(QComboBox* box, const QVariant& value) {
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}

}  // namespace

GeneralPage::GeneralPage(QWidget* parent)
    : SettingsPage(parent),
      language_(new QComboBox(this)),
      theme_(new QComboBox(this)),
      languageLabel_(new QLabel(this)),
      themeLabel_(new QLabel(this)),
      note_(new QLabel(this)),
      noSandbox_(new QCheckBox(this)),
      sandboxNote_(new QLabel(this)) {
    setObjectName(QStringLiteral("generalPage"));
    language_->setObjectName(QStringLiteral("languageBox"));
    theme_->setObjectName(QStringLiteral("themeBox"));
    language_->addItem(QString(), AppSettings::kSystemLanguage);
    for (const QString& name : shippedLanguages()) language_->addItem(nativeName(name), name);
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark}) theme_->addItem(QString(), AppSettings::themeKey(t));
    languageLabel_->setBuddy(language_);
    themeLabel_->setBuddy(theme_);
    note_->setWordWrap(true);
    note_->setObjectName(QStringLiteral("generalNote"));
    noSandbox_->setObjectName(QStringLiteral("noSandboxBox"));
    sandboxNote_->setWordWrap(true);
    sandboxNote_->setObjectName(QStringLiteral("sandboxNote"));

    auto* form = new QFormLayout;
    form->addRow(languageLabel_, language_);
    form->addRow(themeLabel_, theme_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note_);
    layout->addSpacing(12);
    layout->addWidget(noSandbox_);
    layout->addWidget(sandboxNote_);
    layout->addStretch(1);

    connect(language_, &QComboBox::currentIndexChanged, this, &SettingsPage::changed);
    connect(theme_, &QComboBox::currentIndexChanged, this, &SettingsPage::changed);
    connect(noSandbox_, &QCheckBox::toggled, this, &SettingsPage::changed);
    retranslateUi();
}

QString GeneralPage::title() const {
    return tr("General");
}

void GeneralPage::load(const AppSettings& settings) {
    const QSignalBlocker a(language_), b(theme_), c(noSandbox_);
    selectData(language_, settings.language());
    selectData(theme_, AppSettings::themeKey(settings.theme()));
    noSandbox_->setChecked(settings.unsandboxed());
}

void GeneralPage::save(AppSettings& settings) const {
    settings.setLanguage(language_->currentData().toString());
    settings.setTheme(AppSettings::themeFromKey(theme_->currentData().toString()).value_or(Theme::System));
    settings.setUnsandboxed(noSandbox_->isChecked());
}

void GeneralPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    SettingsPage::changeEvent(event);
}

void GeneralPage::retranslateUi() {
    languageLabel_->setText(tr("&Language:"));
    themeLabel_->setText(tr("&Theme:"));
    language_->setItemText(0, tr("System default (%1)").arg(nativeName(QLocale::system().name())));
    theme_->setItemText(0, tr("System default"));
    theme_->setItemText(1, tr("Light"));
    theme_->setItemText(2, tr("Dark"));
    note_->setText(tr("Both take effect at once in every open window. Charts, the search tree and the code diff "
                      "follow the theme."));
    noSandbox_->setText(tr("Run candidates &without the sandbox"));
    sandboxNote_->setText(tr("Unsafe: candidates are compiled and run with bubblewrap (no network, no home directory, no "
                             "workspace) unless this is on. With it on, a candidate's code can read and write your files "
                             "and reach the network as you. Applies to runs started afterwards."));
}

}  // namespace kforge::ui
