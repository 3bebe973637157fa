#include "ui/phrase_text.h"

#include <QCoreApplication>

#include "util/error.h"
#include "util/phrase.h"

namespace kforge::ui {

QString phraseText(const kforge::Phrase& phrase) {
    if (phrase.verbatim) return QString::fromStdString(phrase.pattern);
    const QString pattern = QCoreApplication::translate("Phrase", phrase.pattern.c_str());
    std::vector<std::string> values;
    values.reserve(phrase.values.size());
    for (const kforge::Phrase& value : phrase.values) values.push_back(phraseText(value).toStdString());
    // One pass, as the core fills the English: a value holding "%1" stays as it is.
    return QString::fromStdString(kforge::fillPattern(pattern.toStdString(), values));
}

QString errorText(const std::exception& error) { return phraseText(kforge::errorPhrase(error)); }

}  // namespace kforge::ui
