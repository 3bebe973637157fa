#include "ui/application_info.h"

#include <QCoreApplication>

#include <QStringLiteral>
#include <QtGlobal>

#ifndef KFORGE_VERSION
#define KFORGE_VERSION "0.1.0"
#endif

namespace kforge::ui {

QString commandLineDescription() {
    return QCoreApplication::translate("kforge::ui::Application", "KernelForge: a workbench for making compute kernels fast");
}

QString demoOptionDescription() {
    return QCoreApplication::translate("kforge::ui::Application", "Start a demo session on the best device found.");
}

QString applicationName() {
    return QStringLiteral("KernelForge");
}

QString applicationVersion() {
    return QStringLiteral(KFORGE_VERSION);
}

QDate buildDate() {
    // __DATE__ is "Mmm dd yyyy" with a space-padded day ("Nov  1 2025");
    // QDate::fromString with a format reads English month names in Qt 6.
    return QDate::fromString(QString::fromLatin1(__DATE__).simplified(), QStringLiteral("MMM d yyyy"));
}

QString buildType() {
#ifdef KFORGE_BUILD_TYPE
    return QStringLiteral(KFORGE_BUILD_TYPE);
#else
    return {};
#endif
}

QString compilerDescription() {
#if defined(__clang__)
    return QStringLiteral("Clang %1.%2.%3").arg(__clang_major__).arg(__clang_minor__).arg(__clang_patchlevel__);
#elif defined(__GNUC__)
    return QStringLiteral("GCC %1.%2.%3").arg(__GNUC__).arg(__GNUC_MINOR__).arg(__GNUC_PATCHLEVEL__);
#elif defined(_MSC_VER)
    return QStringLiteral("MSVC %1").arg(_MSC_FULL_VER);
#else
    return QStringLiteral("unknown C++ compiler");
#endif
}

QString qtBuildVersion() {
    return QStringLiteral(QT_VERSION_STR);
}

QIcon applicationIcon() {
    return QIcon(QStringLiteral(":/icons/kernelforge.svg"));
}

}  // namespace kforge::ui
