#pragma once
// A core phrase (model/phrase.h) in the user's language: the pattern through
// the translations under the context "Phrase" (lupdate collects the patterns
// from core's QT_TRANSLATE_NOOP marks), each value in turn, verbatim values
// as they are.
#include <QString>
#include <exception>

namespace kforge {
struct Phrase;
}

namespace kforge::ui {

QString phraseText(const kforge::Phrase& phrase);

// What an exception from core says, in the user's language: a kforge::Error's
// phrase; any other exception's what() as it is.
QString errorText(const std::exception& error);

}  // namespace kforge::ui
