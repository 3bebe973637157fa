#include "session/config_header.h"

#include <cctype>
#include <string_view>

#include "util/error.h"

namespace kforge {

namespace {
constexpr std::string_view kPrefix = "// -D ";

bool isIdentifier(std::string_view s) {
    if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}
}  // namespace

std::string withConfigHeader(const TuneConfig& config, const std::string& source) {
    std::string out;
    for (const auto& [name, value] : config) out += std::string(kPrefix) + name + "=" + value + "\n";
    return out + source;
}

SplitSource splitConfigHeader(const std::string& text) {
    SplitSource split;
    size_t pos = 0;
    int line = 1;
    while (pos < text.size() && std::string_view(text).substr(pos).starts_with(kPrefix)) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view entry = std::string_view(text).substr(pos + kPrefix.size(), end - pos - kPrefix.size());
        if (!entry.empty() && entry.back() == '\r') entry.remove_suffix(1);
        const size_t eq = entry.find('=');
        const std::string_view name = entry.substr(0, eq);
        if (eq == std::string_view::npos || !isIdentifier(name) || eq + 1 >= entry.size())
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "line %1: a configuration line reads \"// -D NAME=VALUE\", not \"%2\""),
                               line, std::string(kPrefix) + std::string(entry)));
        split.config[std::string(name)] = std::string(entry.substr(eq + 1));
        split.hadHeader = true;
        pos = end < text.size() ? end + 1 : end;
        ++line;
    }
    split.source = text.substr(pos);
    return split;
}

}  // namespace kforge
