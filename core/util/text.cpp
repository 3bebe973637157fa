#include "util/text.h"

#include <unistd.h>

#include <cstdio>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "util/error.h"

namespace kforge {

std::string readTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(located(path.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot be read"))));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string readTextFile(const std::filesystem::path& path, size_t maxBytes, const Phrase& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(located(path.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot be read"))));
    std::string text;
    char chunk[1 << 16];
    while (in) {
        in.read(chunk, sizeof chunk);
        text.append(chunk, static_cast<size_t>(in.gcount()));
        if (text.size() > maxBytes)
            throw Error(located(path.string(),
                                phrase(QT_TRANSLATE_NOOP("Phrase", "more than %1 bytes, the limit for %2"), maxBytes, what)));
    }
    return text;
}

void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text) {
    const auto tmp = path.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        if (!out) throw Error(located(path.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot write the file"))));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error(located(path.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot write the file: %1"), ec.message())));
}

bool isValidUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = 0;
        uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, cp = c & 0x07;
        } else {
            return false;
        }
        if (i + n >= s.size()) return false;  // the sequence is cut off
        for (size_t k = 1; k <= n; ++k) {
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

std::string printable(std::string_view s, size_t max) {
    std::string out;
    for (size_t i = 0; i < s.size() && i < max; ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f) {
            out += static_cast<char>(c);
        } else {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        }
    }
    if (s.size() > max) out += "...";
    return out;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
std::string formatNumber(const char* format, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}
#pragma GCC diagnostic pop

}  // namespace kforge
