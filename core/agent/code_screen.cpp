#include "agent/code_screen.h"

#include <regex>

namespace kforge {
namespace {

// Comments, string and character literals replaced by spaces (newlines kept),
// so positions stay where they were and "system(" in a comment is no finding.
std::string blanked(const std::string& s) {
    std::string out = s;
    enum { Code, Line, Block, Str, Chr } state = Code;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : '\0';
        switch (state) {
        case Code:
            if (c == '/' && next == '/') state = Line;
            else if (c == '/' && next == '*') state = Block;
            else if (c == '"') state = Str;
            else if (c == '\'') state = Chr;
            else continue;
            if (state == Line || state == Block) out[i] = ' ';
            continue;
        case Line:
            if (c == '\n') state = Code;
            else out[i] = ' ';
            continue;
        case Block:
            if (c == '*' && next == '/') {
                out[i] = out[i + 1] = ' ';
                ++i;
                state = Code;
            } else if (c != '\n') {
                out[i] = ' ';
            }
            continue;
        case Str:
        case Chr:
            if (c == '\\') {
                out[i] = ' ';
                if (i + 1 < s.size() && s[i + 1] != '\n') out[++i] = ' ';
            } else if ((state == Str && c == '"') || (state == Chr && c == '\'') || c == '\n') {
                state = Code;
            } else {
                out[i] = ' ';
            }
            continue;
        }
    }
    return out;
}

struct Rule {
    std::regex pattern;
    std::string category;
};

const std::vector<Rule>& rules() {
    static const std::vector<Rule> r = [] {
        auto calls = [](const std::string& names) {
            // A call of a free function: not a member (.x( ->x() and not a declaration's type part.
            return std::regex(R"((^|[^.\w>:]|::)()" + names + R"()\s*\()");
        };
        auto headers = [](const std::string& names) {
            return std::regex(R"(#\s*include\s*<()" + names + R"()>)");
        };
        std::vector<Rule> v;
        v.push_back({calls("system|popen|fork|vfork|execl|execlp|execle|execv|execvp|execvpe|posix_spawnp?|clone|kill|ptrace|syscall"),
                     "process"});
        v.push_back({calls("fopen|freopen|fdopen|open|openat|creat|unlink|unlinkat|rmdir|mkdir|chmod|chown|truncate|ftruncate|mmap|symlink|link"),
                     "file"});
        v.push_back({std::regex(R"(std\s*::\s*(ofstream|ifstream|fstream|filesystem)\b)"), "file"});
        v.push_back({calls("socket|connect|bind|listen|accept|accept4|getaddrinfo|gethostbyname|send|sendto|recv|recvfrom|curl_easy_init"),
                     "network"});
        v.push_back({calls("dlopen|dlsym|dlmopen"), "dynamic loading"});
        v.push_back({headers("fstream|filesystem|spawn\\.h|dlfcn\\.h|sys/socket\\.h|netinet/[a-z_]+\\.h|arpa/inet\\.h|netdb\\.h|sys/ptrace\\.h|curl/curl\\.h"),
                     "header"});
        v.push_back({std::regex(R"(\basm\b[^;]*\bsyscall\b)"), "process"});
        return v;
    }();
    return r;
}

}  // namespace

std::vector<ScreenFinding> screenSource(const std::string& source) {
    const std::string text = blanked(source);
    std::vector<ScreenFinding> found;
    for (const auto& rule : rules()) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), rule.pattern); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            // Report the name, not the character before it that the pattern needed.
            const size_t group = m.size() > 2 && m[2].matched ? 2 : 0;
            const size_t at = static_cast<size_t>(m.position(group));
            ScreenFinding f;
            f.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
            const size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
            f.column = static_cast<int>(at - (lineStart == std::string::npos || at == 0 ? 0 : lineStart + 1)) + 1;
            f.what = m[group].str();
            if (rule.category != "header") f.what += group == 2 ? "(" : "";
            f.category = rule.category == "header" ? "file, process or network header" : rule.category;
            found.push_back(std::move(f));
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); });
    return found;
}

std::string describeFindings(const std::vector<ScreenFinding>& findings) {
    std::string out;
    for (const auto& f : findings) {
        if (!out.empty()) out += "; ";
        out += "line " + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.what + " (" + f.category + ")";
    }
    return out;
}

}  // namespace kforge
