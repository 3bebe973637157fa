#pragma once
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>

#include "util/phrase.h"

namespace kforge {

// An error a user can act on: the message says where (file, field, line) and
// what is wrong. Thrown inside core, caught and shown at its boundaries.
//
// what() is the English (the CLI, logs and tests read it). An error thrown
// with a Phrase also keeps the phrase, so that the GUI can word it in the
// user's language (ui/phrase_text.h, errorText); one thrown with a string is
// verbatim: a compiler's or the OS's text, or a message not yet worded as a
// phrase.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& english) : std::runtime_error(english) {}
    explicit Error(const char* english) : std::runtime_error(english) {}
    explicit Error(const Phrase& what)
        : std::runtime_error(what.english()), phrase_(std::make_shared<const Phrase>(what)) {}

    // The phrase it was thrown with, or what() verbatim.
    Phrase phrase() const { return phrase_ ? *phrase_ : verbatim(what()); }

private:
    // Shared so that copying the exception (as throwing does) cannot throw.
    std::shared_ptr<const Phrase> phrase_;
};

// What any exception says, as a phrase: an Error's own, another's what() verbatim.
inline Phrase errorPhrase(const std::exception& e) {
    if (const auto* error = dynamic_cast<const Error*>(&e)) return error->phrase();
    return verbatim(e.what());
}

// `where: what`, the way errors are located ("file.json:3: ..."), keeping
// what's phrase: `where` is data (a path, a field, a line) shown as it is.
inline Phrase located(const std::string& where, const Phrase& what) { return joinPhrases({verbatim(where), what}, ": "); }

}  // namespace kforge
