#pragma once

class QLocale;
class QTranslator;

namespace kforge::ui {

// Loads KernelForge's own catalog for `locale` (or the closest language it
// has) from the embedded resources :/i18n/kernelforge_<locale>.qm.
// Returns false when there is none; the UI then stays in English.
bool loadApplicationTranslation(QTranslator& translator, const QLocale& locale);

// Loads Qt's own catalog (standard buttons, the About Qt box) for `locale`
// from the Qt installation. Returns false when it is not installed.
bool loadQtTranslation(QTranslator& translator, const QLocale& locale);

}  // namespace kforge::ui
