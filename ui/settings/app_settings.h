#pragma once
// The user's preferences, typed: language, theme, toolchain paths and the
// default device. The one place that knows their QSettings keys; everything
// else reads and writes them through this class. Stored under
// QSettings("KernelForge", "KernelForge") with the window's layout and the
// wizard's last choices.
#include <QSettings>
#include <QString>

#include <optional>

#include "task/task.h"

namespace kforge::ui {

enum class Theme { System, Light, Dark };

// The compilers a user may point KernelForge at; empty paths mean "find it
// as the core does" (KFORGE_CXX/CXX/c++, CUDA_HOME/.../nvcc, hipcc in PATH).
enum class Tool { Cxx, Nvcc, Hipcc };
inline constexpr Tool kTools[] = {Tool::Cxx, Tool::Nvcc, Tool::Hipcc};

class AppSettings {
public:
    // "system": follow the system locale; otherwise a locale name ("en", "zh_CN").
    static inline const QString kSystemLanguage = QStringLiteral("system");

    AppSettings();

    QString language() const;
    void setLanguage(const QString& language);

    Theme theme() const;
    void setTheme(Theme theme);

    QString toolPath(Tool tool) const;
    void setToolPath(Tool tool, const QString& path);

    // The device new sessions start on: a backend name as the core spells it
    // ("cpu", "cuda", "hip"; one device per backend today). Empty: the best
    // available (backendPreference).
    QString defaultDevice() const;
    void setDefaultDevice(const QString& key);
    std::optional<kforge::Backend> defaultBackend() const;

    // The runners sessions spread their candidates over, as `kforge optimize
    // --runners` takes them ("cuda:0,cuda:1,ssh://gpu-box"; docs/runners.md).
    // Empty: one runner on the session's device of this machine. Kept as the
    // user wrote it; checked with kforge::parseRunnerEndpoints where it is edited.
    QString runners() const;
    void setRunners(const QString& spec);

    // Compile and run candidates without the bubblewrap sandbox (off unless
    // the user turns it on, with a warning).
    bool unsandboxed() const;
    void setUnsandboxed(bool on);

    static QString themeKey(Theme theme);  // "system", "light", "dark"
    static std::optional<Theme> themeFromKey(const QString& key);
    static QString deviceKey(kforge::Backend backend);

    // Writes pending changes to disk now (QSettings also does on destruction).
    void sync() { settings_.sync(); }

private:
    QSettings settings_;
};

}  // namespace kforge::ui
