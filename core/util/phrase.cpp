#include "util/phrase.h"

#include <cctype>

namespace kforge {

Phrase verbatim(std::string text) {
    Phrase p;
    p.pattern = std::move(text);
    return p;
}

std::string fillPattern(const std::string& pattern, const std::vector<std::string>& values) {
    std::string out;
    out.reserve(pattern.size());
    for (size_t i = 0; i < pattern.size(); ++i) {
        const auto digit = [&](size_t at) { return at < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[at])); };
        if (pattern[i] != '%' || !digit(i + 1) || pattern[i + 1] == '0') {
            out += pattern[i];
            continue;
        }
        // %1 to %99, as QString::arg reads them.
        size_t end = i + 1;
        size_t index = 0;
        while (digit(end) && end < i + 3) index = index * 10 + static_cast<size_t>(pattern[end++] - '0');
        if (index > values.size()) {
            out.append(pattern, i, end - i);
        } else {
            out += values[index - 1];
        }
        i = end - 1;
    }
    return out;
}

std::string Phrase::english() const {
    if (verbatim) return pattern;
    std::vector<std::string> filled;
    filled.reserve(values.size());
    for (const Phrase& v : values) filled.push_back(v.english());
    return fillPattern(pattern, filled);
}

Phrase joinPhrases(const std::vector<Phrase>& parts, const std::string& separator) {
    if (parts.size() == 1) return parts.front();
    Phrase joined;
    joined.verbatim = false;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) joined.pattern += separator;
        joined.pattern += "%" + std::to_string(i + 1);
    }
    joined.values = parts;
    return joined;
}

}  // namespace kforge
