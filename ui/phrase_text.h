#pragma once
// A core phrase (model/phrase.h) in the user's language: the pattern through
// the translations under the context "Phrase" (lupdate collects the patterns
// from core's QT_TRANSLATE_NOOP marks), each value in turn, verbatim values
// as they are.
#include <QString>

namespace kforge {
struct Phrase;
}

namespace kforge::ui {

QString phraseText(const kforge::Phrase& phrase);

}  // namespace kforge::ui
