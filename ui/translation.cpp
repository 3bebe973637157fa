#include "ui/translation.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QStringLiteral>
#include <QTranslator>

namespace kforge::ui {

bool loadApplicationTranslation(QTranslator& translator, const QLocale& locale) {
    // QTranslator tries each of the locale's UI languages, most specific
    // first (zh_Hans_CN, zh_CN, zh, ...), and takes the first catalog found.
    return translator.load(locale, QStringLiteral("kernelforge"), QStringLiteral("_"), QStringLiteral(":/i18n"));
}

bool loadQtTranslation(QTranslator& translator, const QLocale& locale) {
    return translator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath));
}

}  // namespace kforge::ui
