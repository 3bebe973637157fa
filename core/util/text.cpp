#include "util/text.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "util/error.h"

namespace kforge {

std::string readTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text) {
    const auto tmp = path.string() + ".tmp" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        if (!out) throw Error(path.string() + ": cannot write the file");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw Error(path.string() + ": cannot write the file: " + ec.message());
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
