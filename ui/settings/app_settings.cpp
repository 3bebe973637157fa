#include "ui/settings/app_settings.h"

namespace kforge::ui {

namespace {

const QString kLanguageKey = QStringLiteral("Preferences/language");
const QString kThemeKey = QStringLiteral("Preferences/theme");
const QString kDeviceKey = QStringLiteral("Preferences/defaultDevice");
const QString kUnsandboxedKey = QStringLiteral("Preferences/noSandbox");
const QString kRunnersKey = QStringLiteral("Preferences/runners");

QString toolKey(Tool tool) {
    switch (tool) {
        case Tool::Cxx:
            return QStringLiteral("Preferences/toolchain/cxx");
        case Tool::Nvcc:
            return QStringLiteral("Preferences/toolchain/nvcc");
        case Tool::Hipcc:
            return QStringLiteral("Preferences/toolchain/hipcc");
    }
    return {};
}

}  // namespace

// Explicit names rather than QCoreApplication's, so the same file is read
// whoever constructs this (the application, a test, a benchmark).
AppSettings::AppSettings() : settings_(QStringLiteral("KernelForge"), QStringLiteral("KernelForge")) {}

QString AppSettings::language() const {
    const QString value = settings_.value(kLanguageKey).toString().trimmed();
    return value.isEmpty() ? kSystemLanguage : value;
}

void AppSettings::setLanguage(const QString& language) {
    const QString value = language.trimmed();
    if (value.isEmpty() || value == kSystemLanguage) settings_.remove(kLanguageKey);
    else settings_.setValue(kLanguageKey, value);
}

Theme AppSettings::theme() const {
    return themeFromKey(settings_.value(kThemeKey).toString()).value_or(Theme::System);
}

void AppSettings::setTheme(Theme theme) {
    if (theme == Theme::System) settings_.remove(kThemeKey);
    else settings_.setValue(kThemeKey, themeKey(theme));
}

QString AppSettings::toolPath(Tool tool) const {
    return settings_.value(toolKey(tool)).toString().trimmed();
}

void AppSettings::setToolPath(Tool tool, const QString& path) {
    const QString value = path.trimmed();
    if (value.isEmpty()) settings_.remove(toolKey(tool));
    else settings_.setValue(toolKey(tool), value);
}

QString AppSettings::defaultDevice() const {
    const QString key = settings_.value(kDeviceKey).toString().trimmed();
    // A key this version does not know (a later version's, or a typo) means "best".
    return kforge::parseBackend(key.toStdString()) ? key : QString();
}

void AppSettings::setDefaultDevice(const QString& key) {
    if (key.trimmed().isEmpty()) settings_.remove(kDeviceKey);
    else settings_.setValue(kDeviceKey, key.trimmed());
}

QString AppSettings::runners() const {
    return settings_.value(kRunnersKey).toString().trimmed();
}

void AppSettings::setRunners(const QString& spec) {
    if (spec.trimmed().isEmpty()) settings_.remove(kRunnersKey);
    else settings_.setValue(kRunnersKey, spec.trimmed());
}

std::optional<kforge::Backend> AppSettings::defaultBackend() const {
    return kforge::parseBackend(defaultDevice().toStdString());
}

QString AppSettings::themeKey(Theme theme) {
    switch (theme) {
        case Theme::System:
            return QStringLiteral("system");
        case Theme::Light:
            return QStringLiteral("light");
        case Theme::Dark:
            return QStringLiteral("dark");
    }
    return {};
}

std::optional<Theme> AppSettings::themeFromKey(const QString& key) {
    for (Theme t : {Theme::System, Theme::Light, Theme::Dark})
        if (key == themeKey(t)) return t;
    return std::nullopt;
}

QString AppSettings::deviceKey(kforge::Backend backend) {
    const std::string_view name = kforge::backendName(backend);
    return QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
}

bool AppSettings::unsandboxed() const {
    return settings_.value(kUnsandboxedKey, false).toBool();
}

void AppSettings::setUnsandboxed(bool on) {
    if (on) settings_.setValue(kUnsandboxedKey, true);
    else settings_.remove(kUnsandboxedKey);
}

}  // namespace kforge::ui
