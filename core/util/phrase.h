#pragma once
// A sentence a user reads (why a candidate failed, what a check could not do),
// kept as its English pattern and the values that fill it rather than as
// finished text: the GUI shows it in the user's language (the pattern is the
// key into translations/*.ts), while the CLI, logs, exports and LLM prompts
// read the English.
//
// The core has no Qt. Patterns are marked where they are written with
// QT_TRANSLATE_NOOP("Phrase", "...") (defined here as a no-op, the way Qt
// defines it), so that lupdate collects them from core's sources into the
// .ts files beside the UI's own strings.
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace kforge {

struct Phrase {
    // English with %1..%9 where the values go; for a verbatim phrase, the text itself.
    std::string pattern;
    std::vector<Phrase> values;
    // Data rather than words (a name, a number, a compiler's or the OS's own
    // message, a message stored before phrases were kept): shown as it is.
    bool verbatim = true;

    bool empty() const { return pattern.empty(); }
    std::string english() const;
    bool operator==(const Phrase&) const = default;
};

// Text shown as it is, never translated.
Phrase verbatim(std::string text);

// Fills %1..%9 of `pattern` with `values` in one pass, so a value that itself
// holds "%1" is not filled again. A place without a value stays as written.
std::string fillPattern(const std::string& pattern, const std::vector<std::string>& values);

namespace phrase_detail {
inline Phrase value(Phrase p) { return p; }
inline Phrase value(std::string s) { return verbatim(std::move(s)); }
inline Phrase value(const char* s) { return verbatim(s); }
template <class T>
    requires std::is_arithmetic_v<T>
Phrase value(T n) {
    return verbatim(std::to_string(n));
}
}  // namespace phrase_detail

// A translatable phrase: `pattern` must be a literal marked with
// QT_TRANSLATE_NOOP("Phrase", ...); each value is a nested Phrase (translated
// too), or a string or number (shown as it is).
template <class... Values>
Phrase phrase(const char* pattern, Values&&... values) {
    Phrase p;
    p.pattern = pattern;
    p.verbatim = false;
    p.values = {phrase_detail::value(std::forward<Values>(values))...};
    return p;
}

// Joins parts with `separator` (verbatim), as one phrase whose parts are each translated.
Phrase joinPhrases(const std::vector<Phrase>& parts, const std::string& separator);

}  // namespace kforge
