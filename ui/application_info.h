#pragma once

#include <QDate>
#include <QIcon>
#include <QString>

// What KernelForge says about itself: its name, version, build and icon.
// One place, so the window, the About box and main() never disagree.
namespace kforge::ui {

// The product name. A proper noun: it is not translated.
QString applicationName();

// The version from the build (KFORGE_VERSION), e.g. "0.1.0".
QString applicationVersion();

// The command line's help texts (translated, so they live here with the UI's strings).
QString commandLineDescription();
QString demoOptionDescription();

// The day this library was compiled (honours SOURCE_DATE_EPOCH via the
// compiler); invalid if the compiler's date could not be read.
QDate buildDate();

// The CMake build type ("Release", "Debug", …); empty when none was given.
QString buildType();

// The compiler and its version, e.g. "GCC 12.2.0".
QString compilerDescription();

// The Qt version the program was compiled against (qVersion() gives the one
// it runs with).
QString qtBuildVersion();

// The application icon, embedded as :/icons/kernelforge.svg.
QIcon applicationIcon();

}  // namespace kforge::ui
