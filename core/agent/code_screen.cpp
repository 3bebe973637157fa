#include "agent/code_screen.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

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

// What the rules match: the blanked text with each run of whitespace squeezed
// to one character, and where each character came from. libstdc++'s std::regex
// recurses once per character a `\s*` consumes, so a long comment (blanked to
// spaces) after a name would overflow the stack; squeezed, no run is longer
// than one.
struct Squeezed {
    std::string text;
    std::vector<size_t> origin;  // index in the blanked text of each character
};

Squeezed squeezed(const std::string& s) {
    Squeezed out;
    out.text.reserve(s.size());
    out.origin.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const bool space = std::isspace(static_cast<unsigned char>(s[i])) != 0;
        if (space && !out.text.empty() && std::isspace(static_cast<unsigned char>(out.text.back())) != 0) continue;
        out.text.push_back(s[i]);
        out.origin.push_back(i);
    }
    return out;
}

bool isWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Whole-word `word` in text[from, to), or npos.
size_t findWord(std::string_view text, std::string_view word, size_t from, size_t to) {
    for (size_t at = text.find(word, from); at != std::string_view::npos && at + word.size() <= to; at = text.find(word, at + 1)) {
        const bool startOk = at == 0 || !isWordChar(text[at - 1]);
        const bool endOk = at + word.size() == text.size() || !isWordChar(text[at + word.size()]);
        if (startOk && endOk) return at;
    }
    return std::string_view::npos;
}

// `asm ... syscall` within one statement (no ';' between): a scan, not a
// regex, since the statement may be as long as the file. Each statement is
// searched once, however many `asm` words it holds. Returns (start, end) pairs.
std::vector<std::pair<size_t, size_t>> asmSyscalls(std::string_view text) {
    std::vector<std::pair<size_t, size_t>> found;
    size_t searchedTo = 0;
    for (size_t at = findWord(text, "asm", 0, text.size()); at != std::string_view::npos;
         at = findWord(text, "asm", at + 1, text.size())) {
        const size_t end = std::min(text.find(';', at), text.size());
        if (end <= searchedTo) continue;
        if (const size_t sys = findWord(text, "syscall", at + 3, end); sys != std::string_view::npos) found.emplace_back(at, sys + 7);
        searchedTo = end;
    }
    return found;
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
        return v;
    }();
    return r;
}

}  // namespace

std::vector<ScreenFinding> screenSource(const std::string& source) {
    const std::string blank = blanked(source);
    const Squeezed sq = squeezed(blank);
    const std::string& text = sq.text;
    std::vector<ScreenFinding> found;
    auto add = [&](size_t at, std::string what, const std::string& category) {
        const size_t pos = sq.origin[at];  // where it is in the source
        ScreenFinding f;
        f.line = 1 + static_cast<int>(std::count(blank.begin(), blank.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
        const size_t lineStart = blank.rfind('\n', pos == 0 ? 0 : pos - 1);
        f.column = static_cast<int>(pos - (lineStart == std::string::npos || pos == 0 ? 0 : lineStart + 1)) + 1;
        f.what = std::move(what);
        f.category = category == "header" ? "file, process or network header" : category;
        found.push_back(std::move(f));
    };
    for (const auto& rule : rules()) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), rule.pattern); it != std::sregex_iterator(); ++it) {
            const auto& m = *it;
            // Report the name, not the character before it that the pattern needed.
            const size_t group = m.size() > 2 && m[2].matched ? 2 : 0;
            add(static_cast<size_t>(m.position(group)),
                m[group].str() + (rule.category != "header" && group == 2 ? "(" : ""), rule.category);
        }
    }
    for (const auto& [begin, end] : asmSyscalls(text)) add(begin, text.substr(begin, end - begin), "process");
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
