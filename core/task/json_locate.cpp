#include "task/json_locate.h"

#include <algorithm>
#include <string>
#include <vector>

namespace kforge {
namespace {

// "inputs.w.shape[0]" -> inputs, w, shape: indexes name no key.
std::vector<std::string> keysOf(std::string_view field) {
    std::vector<std::string> keys;
    std::string current;
    for (char c : field) {
        if (c == '.') {
            if (!current.empty()) keys.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.empty()) keys.push_back(current);
    for (auto& k : keys)
        if (const auto bracket = k.find('['); bracket != std::string::npos) k.erase(bracket);
    std::erase_if(keys, [](const std::string& k) { return k.empty(); });
    return keys;
}

// Where `"key"` followed by a colon starts, at or after `from`; npos when absent.
size_t findKey(std::string_view text, const std::string& key, size_t from) {
    const std::string quoted = "\"" + key + "\"";
    for (size_t at = text.find(quoted, from); at != std::string_view::npos; at = text.find(quoted, at + 1)) {
        size_t after = at + quoted.size();
        while (after < text.size() && (text[after] == ' ' || text[after] == '\t' || text[after] == '\r' || text[after] == '\n')) ++after;
        if (after < text.size() && text[after] == ':') return at;
    }
    return std::string_view::npos;
}

}  // namespace

int lineOfField(std::string_view jsonText, std::string_view field) {
    size_t pos = 0;
    bool found = false;
    for (const auto& key : keysOf(field)) {
        const size_t at = findKey(jsonText, key, pos);
        if (at == std::string_view::npos) break;
        pos = at;
        found = true;
    }
    if (!found) return 0;
    return 1 + static_cast<int>(std::count(jsonText.begin(), jsonText.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
}

}  // namespace kforge
