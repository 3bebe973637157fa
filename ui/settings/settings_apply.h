#pragma once
// Putting the preferences into effect in the running application: at start-up
// (applySettings) and whenever the Settings dialog saves. Language and theme
// take effect at once in every open window (QEvent::LanguageChange,
// QEvent::PaletteChange); toolchain paths reach every run started afterwards.
#include <QLocale>
#include <QPalette>
#include <QString>
#include <QStringList>

#include "ui/settings/app_settings.h"

namespace kforge::ui {

// All of the below, from the stored settings. main() calls it once, after the
// QApplication exists and before the first window.
void applySettings();

// --- Toolchains -----------------------------------------------------------
// The environment variable the core reads for `tool`: KFORGE_CXX, KFORGE_NVCC, KFORGE_HIPCC.
const char* toolEnvironmentVariable(Tool tool);
// Sets each variable to its configured path; a tool without one gets back the
// value the process inherited (unset when it inherited none), so "empty"
// means auto-detection exactly as without the GUI.
void applyToolchainPaths(const AppSettings& settings);
// The compiler the core would choose for `tool` with no setting: from the
// inherited environment, e.g. "c++", "/usr/local/cuda/bin/nvcc", "hipcc".
QString autoDetectedToolPath(Tool tool);

// --- Sandbox --------------------------------------------------------------
// Sets KFORGE_NO_SANDBOX=1 when the user turned the sandbox off, and takes it
// away otherwise (unless the process inherited it): the core reads it when a
// run makes its Evaluator, as it reads the toolchain variables.
void applySandboxSetting(const AppSettings& settings);

// --- Theme ----------------------------------------------------------------
// Light and dark are Qt's Fusion style with a light or dark palette, the same
// on every platform; System restores the platform's style and palette.
void applyTheme(Theme theme);
QPalette themePalette(Theme theme);  // Light or Dark; System: the platform's

// --- Language -------------------------------------------------------------
// The locale names of KernelForge's embedded catalogs (":/i18n/kernelforge_<name>.qm"),
// e.g. {"en", "zh_CN"}: the languages the Settings dialog offers.
QStringList shippedLanguages();
// The locale a language setting stands for: the system's for "system".
QLocale languageLocale(const QString& language);
// Replaces the application's translators (KernelForge's and Qt's own) with
// those for `language`; every widget then receives QEvent::LanguageChange.
// False when KernelForge has no catalog for it (the UI stays in English).
bool applyLanguage(const QString& language);

}  // namespace kforge::ui
