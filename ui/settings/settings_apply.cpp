#include "ui/settings/settings_apply.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStyle>
#include <QStyleFactory>
#include <QTranslator>

#include <array>
#include <cstdlib>
#include <optional>
#include <string>

#include "toolchain/toolchain.h"
#include "ui/translation.h"

namespace kforge::ui {

namespace {

// What the process inherited, read once before the first change: what
// "empty" goes back to.
struct InheritedToolchainEnvironment {
    std::array<std::optional<std::string>, 3> values;
    InheritedToolchainEnvironment() {
        for (Tool tool : kTools)
            if (const char* v = std::getenv(toolEnvironmentVariable(tool))) values[static_cast<size_t>(tool)] = v;
    }
    const std::optional<std::string>& operator[](Tool tool) const { return values[static_cast<size_t>(tool)]; }
};

const InheritedToolchainEnvironment& inheritedEnvironment() {
    static const InheritedToolchainEnvironment inherited;
    return inherited;
}

QString pathFor(const kforge::ToolchainPaths& paths, Tool tool) {
    switch (tool) {
        case Tool::Cxx:
            return QString::fromStdString(paths.cxx);
        case Tool::Nvcc:
            return QString::fromStdString(paths.nvcc);
        case Tool::Hipcc:
            return QString::fromStdString(paths.hipcc);
    }
    return {};
}

// The style the platform chose, remembered before the first theme replaces it.
const QString& platformStyleName() {
    static const QString name = QApplication::style()->name();
    return name;
}

QPalette darkPalette() {
    // Fusion's own light palette turned over: neutral greys, one blue accent.
    const QColor window(0x32, 0x33, 0x36);
    const QColor base(0x25, 0x26, 0x28);
    const QColor alternate(0x2d, 0x2e, 0x31);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabledText(0x80, 0x80, 0x80);
    const QColor accent(0x3d, 0x8e, 0xe0);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3d, 0x40));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent.lighter(130));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xe6));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    return p;
}

QPalette lightPalette() {
    // Fusion's standard palette: what the light theme looks like everywhere.
    QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette p = fusion ? fusion->standardPalette() : QPalette(Qt::white);
    delete fusion;
    return p;
}

QTranslator* replaceTranslator(const QString& objectName) {
    QCoreApplication* app = QCoreApplication::instance();
    if (auto* old = app->findChild<QTranslator*>(objectName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    auto* translator = new QTranslator(app);
    translator->setObjectName(objectName);
    return translator;
}

}  // namespace

void applySettings() {
    const AppSettings settings;
    applyToolchainPaths(settings);
    applySandboxSetting(settings);
    applyTheme(settings.theme());
    applyLanguage(settings.language());
}

const char* toolEnvironmentVariable(Tool tool) {
    switch (tool) {
        case Tool::Cxx:
            return "KFORGE_CXX";
        case Tool::Nvcc:
            return "KFORGE_NVCC";
        case Tool::Hipcc:
            return "KFORGE_HIPCC";
    }
    return "";
}

// Why the environment carries the paths: the core has no Qt and no settings
// of its own; every run builds its toolchains with
// ToolchainPaths::fromEnvironment() when it starts, and the runner processes
// it spawns, like `kforge` on the command line, read the same KFORGE_*
// variables. Setting them here is the one channel all of them already listen
// to, and a run started after a change picks it up without being told.
void applyToolchainPaths(const AppSettings& settings) {
    const InheritedToolchainEnvironment& inherited = inheritedEnvironment();
    for (Tool tool : kTools) {
        const char* name = toolEnvironmentVariable(tool);
        const QString path = settings.toolPath(tool);
        std::optional<QByteArray> wanted;
        if (!path.isEmpty()) wanted = QFile::encodeName(path);
        else if (inherited[tool]) wanted = QByteArray::fromStdString(*inherited[tool]);
        // Only real changes: a background thread may be reading the environment.
        if (wanted) {
            if (!qEnvironmentVariableIsSet(name) || qgetenv(name) != *wanted) qputenv(name, *wanted);
        } else if (qEnvironmentVariableIsSet(name)) {
            qunsetenv(name);
        }
    }
}

QString autoDetectedToolPath(Tool tool) {
    const InheritedToolchainEnvironment& inherited = inheritedEnvironment();
    const kforge::ToolchainPaths paths =
        kforge::ToolchainPaths::fromEnvironment({}, [&inherited](const char* name) -> const char* {
            for (Tool t : kTools)
                if (std::string_view(name) == toolEnvironmentVariable(t)) return inherited[t] ? inherited[t]->c_str() : nullptr;
            return std::getenv(name);
        });
    return pathFor(paths, tool);
}

void applySandboxSetting(const AppSettings& settings) {
    static const bool inherited = qEnvironmentVariableIsSet("KFORGE_NO_SANDBOX");  // read before the first change
    if (settings.unsandboxed()) qputenv("KFORGE_NO_SANDBOX", "1");
    else if (!inherited) qunsetenv("KFORGE_NO_SANDBOX");
}

void applyTheme(Theme theme) {
    const QString& platform = platformStyleName();
    static bool themed = false;  // nothing to undo until a theme was applied
    if (theme == Theme::System) {
        if (!themed) return;
        if (QApplication::style()->name().compare(platform, Qt::CaseInsensitive) != 0) QApplication::setStyle(platform);
        // An empty palette resolves every role against the style's and the platform's.
        QApplication::setPalette(QPalette());
        themed = false;
        return;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(themePalette(theme));
    themed = true;
}

QPalette themePalette(Theme theme) {
    switch (theme) {
        case Theme::Light:
            return lightPalette();
        case Theme::Dark:
            return darkPalette();
        case Theme::System:
            break;
    }
    return QApplication::style()->standardPalette();
}

QStringList shippedLanguages() {
    QStringList names;
    const QString prefix = QStringLiteral("kernelforge_");
    for (const QString& file : QDir(QStringLiteral(":/i18n")).entryList({prefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name))
        names << file.mid(prefix.size(), file.size() - prefix.size() - 3);
    return names;
}

QLocale languageLocale(const QString& language) {
    return language.isEmpty() || language == AppSettings::kSystemLanguage ? QLocale::system() : QLocale(language);
}

bool applyLanguage(const QString& language) {
    const QLocale locale = languageLocale(language);
    // Qt's catalog first, so KernelForge's own, installed last, wins where
    // both translate the same text.
    QTranslator* qt = replaceTranslator(QStringLiteral("kforgeQtTranslator"));
    if (loadQtTranslation(*qt, locale)) QCoreApplication::installTranslator(qt);
    QTranslator* own = replaceTranslator(QStringLiteral("kforgeTranslator"));
    const bool loaded = loadApplicationTranslation(*own, locale);
    if (loaded) QCoreApplication::installTranslator(own);
    return loaded;
}

}  // namespace kforge::ui
