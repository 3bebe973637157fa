#include "agent/answer.h"

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

namespace kforge {
namespace {

struct Block {
    std::string language;
    std::string code;
    bool closed = false;
};

// Fenced blocks (``` or ~~~, three or more), in order. A fence opens only at
// the start of a line; the block ends at a fence of the same character at
// least as long.
std::vector<Block> fencedBlocks(const std::string& text) {
    std::vector<Block> blocks;
    size_t at = 0;
    Block* open = nullptr;
    char fenceChar = 0;
    size_t fenceLen = 0;
    while (at <= text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(at, end - at);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const size_t indent = line.find_first_not_of(' ');
        const std::string_view body = indent == std::string::npos || indent > 3 ? std::string_view{} : std::string_view(line).substr(indent);
        const bool fence = body.size() >= 3 && (body.starts_with("```") || body.starts_with("~~~"));
        if (!open && fence) {
            fenceChar = body[0];
            fenceLen = body.find_first_not_of(fenceChar);
            if (fenceLen == std::string_view::npos) fenceLen = body.size();
            blocks.push_back({});
            open = &blocks.back();
            std::string_view info = body.substr(fenceLen);
            const size_t s = info.find_first_not_of(' ');
            info = s == std::string_view::npos ? std::string_view{} : info.substr(s);
            open->language = std::string(info.substr(0, info.find(' ')));
        } else if (open && fence && body[0] == fenceChar && body.find_first_not_of(fenceChar) >= fenceLen &&
                   body.substr(body.find_first_not_of(fenceChar) == std::string_view::npos ? body.size() : body.find_first_not_of(fenceChar))
                           .find_first_not_of(' ') == std::string_view::npos) {
            open->closed = true;
            open = nullptr;
        } else if (open) {
            open->code += line;
            open->code += '\n';
        }
        if (end == text.size()) break;
        at = end + 1;
    }
    return blocks;
}

std::string firstSentence(const std::string& prose) {
    std::string s;
    for (char c : prose) {
        if (c == '\n' && !s.empty() && s.back() == '\n') break;
        s.push_back(c == '\n' ? ' ' : c);
        if ((c == '.' || c == '!' || c == '?') && s.size() > 20) break;
    }
    const size_t b = s.find_first_not_of(" \t");
    s = b == std::string::npos ? std::string{} : s.substr(b);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.pop_back();
    return s.size() > 300 ? s.substr(0, 297) + "..." : s;
}

// An answer is read with these small scanners, not std::regex: libstdc++'s
// regex matches by recursion, a stack frame or more per character matched, so
// a model's 300 KB line after "Change:" overflowed the stack (fuzz_answer
// found it). Each scanner looks at every character a bounded number of times.
bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool isWord(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

size_t skipSpaces(std::string_view s, size_t at, bool crossLines) {
    while (at < s.size() && isSpace(s[at]) && (crossLines || s[at] != '\n')) ++at;
    return at;
}
size_t skipStars(std::string_view s, size_t at) {
    while (at < s.size() && s[at] == '*') ++at;
    return at;
}
bool startsWithNoCase(std::string_view s, size_t at, std::string_view word) {
    if (s.size() - at < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[at + i])) != word[i]) return false;
    return true;
}

// The text after "Change:" on the first line that has one (bold and spacing
// as models write it: "**Change:** ..."), across a line break after the colon.
std::optional<std::string> changeField(std::string_view answer) {
    for (size_t line = 0; line <= answer.size();) {
        size_t at = skipStars(answer, skipSpaces(answer, line, false));
        at = skipSpaces(answer, at, false);
        if (startsWithNoCase(answer, at, "change")) {
            at = skipSpaces(answer, skipStars(answer, skipSpaces(answer, at + 6, true)), true);
            if (at < answer.size() && answer[at] == ':') {
                at = skipSpaces(answer, skipStars(answer, skipSpaces(answer, at + 1, true)), true);
                const size_t end = std::min(answer.find('\n', at), answer.size());
                if (end > at) return std::string(answer.substr(at, end - at));
            }
        }
        const size_t next = answer.find('\n', line);
        if (next == std::string_view::npos) break;
        line = next + 1;
    }
    return std::nullopt;
}

std::string changeLine(const std::string& answer) {
    if (const auto s = changeField(answer)) return s->size() > 300 ? s->substr(0, 297) + "..." : *s;
    const size_t fence = answer.find("```");
    return firstSentence(answer.substr(0, fence));
}

// Local headers other than the ABI's: the answer depends on files it did not give.
std::optional<std::string> foreignLocalInclude(std::string_view code) {
    for (size_t line = 0; line <= code.size();) {
        size_t at = skipSpaces(code, line, false);
        if (at < code.size() && code[at] == '#') {
            at = skipSpaces(code, at + 1, false);
            if (code.substr(at, 7) == "include") {
                at = skipSpaces(code, at + 7, false);
                if (at < code.size() && code[at] == '"') {
                    const size_t end = code.find_first_of("\"\n", at + 1);
                    if (end != std::string_view::npos && code[end] == '"' && end > at + 1) {
                        const std::string name(code.substr(at + 1, end - at - 1));
                        if (name != "kf_abi.h") return name;
                    }
                }
            }
        }
        const size_t next = code.find('\n', line);
        if (next == std::string_view::npos) break;
        line = next + 1;
    }
    return std::nullopt;
}

// `int` (a whole word), spaces, `kf_run`, optional spaces, `(` at `at`, the
// position of "kf_run"; `from` is where the int may start at the earliest.
bool intKfRunCallAt(std::string_view s, size_t at, size_t from) {
    size_t after = skipSpaces(s, at + 6, true);
    if (after >= s.size() || s[after] != '(') return false;
    size_t before = at;
    while (before > from && isSpace(s[before - 1])) --before;
    if (before == at || before < from + 3 || s.substr(before - 3, 3) != "int") return false;
    return before - 3 == 0 || !isWord(s[before - 4]);
}

// KF_EXPORT int kf_run(
bool exportsKfRun(std::string_view s) {
    for (size_t at = s.find("KF_EXPORT"); at != std::string_view::npos; at = s.find("KF_EXPORT", at + 1)) {
        size_t p = skipSpaces(s, at + 9, true);
        if (p == at + 9 || s.substr(p, 3) != "int") continue;
        const size_t q = skipSpaces(s, p + 3, true);
        if (q == p + 3 || s.substr(q, 6) != "kf_run") continue;
        if (intKfRunCallAt(s, q, p)) return true;
    }
    return false;
}

// extern "C" ... int kf_run(   with no ';' or '{' between extern and int.
bool externCKfRun(std::string_view s) {
    size_t searchedTo = 0;  // externs inside one span share its end: search each span once
    for (size_t at = s.find("extern"); at != std::string_view::npos; at = s.find("extern", at + 1)) {
        const size_t q = skipSpaces(s, at + 6, true);
        if (q == at + 6 || s.substr(q, 3) != "\"C\"") continue;
        const size_t from = q + 3;
        const size_t end = std::min(s.find_first_of(";{", from), s.size());
        if (end <= searchedTo) continue;
        for (size_t k = s.find("kf_run", from); k != std::string_view::npos && k < end; k = s.find("kf_run", k + 1))
            if (intKfRunCallAt(s, k, from)) return true;
        searchedTo = end;
    }
    return false;
}

bool looksLikeSource(const std::string& text) {
    const size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return false;
    return text.compare(b, 1, "#") == 0 || text.compare(b, 2, "//") == 0 || text.compare(b, 2, "/*") == 0;
}

}  // namespace

bool definesEntryPoint(const std::string& source) { return exportsKfRun(source) || externCKfRun(source); }

ExtractedAnswer extractAnswer(const std::string& answer, bool truncated, const AnswerLimits& limits) {
    ExtractedAnswer out;
    out.change = changeLine(answer);
    if (answer.find_first_not_of(" \t\r\n") == std::string::npos) {
        out.refusal = "the answer is empty";
        return out;
    }
    const auto blocks = fencedBlocks(answer);
    std::vector<const Block*> withEntry;
    for (const auto& b : blocks)
        if (definesEntryPoint(b.code)) withEntry.push_back(&b);

    std::string code;
    if (blocks.empty()) {
        // Some models skip the fence; a bare answer that is plainly one source file is taken.
        if (looksLikeSource(answer) && definesEntryPoint(answer)) {
            code = answer;
        } else {
            out.refusal = truncated ? "the answer stopped at the output-token limit before any code"
                                    : "the answer holds no code block";
            return out;
        }
    } else if (withEntry.size() > 1) {
        out.refusal = "the answer holds " + std::to_string(withEntry.size()) +
                      " code blocks that each define kf_run; one source file is expected";
        return out;
    } else if (withEntry.empty()) {
        const Block& last = blocks.back();
        if (!last.closed || truncated)
            out.refusal = "the answer stopped at the output-token limit in the middle of its code";
        else
            out.refusal = "no code block defines the entry point (KF_EXPORT int kf_run(const kf_call*))";
        return out;
    } else {
        if (!withEntry.front()->closed) {
            out.refusal = "the answer stopped " + std::string(truncated ? "at the output-token limit" : "") +
                          " before its code block closed";
            return out;
        }
        code = withEntry.front()->code;
    }
    if (code.size() > limits.maxSourceBytes) {
        out.refusal = "the source is " + std::to_string(code.size()) + " bytes; at most " +
                      std::to_string(limits.maxSourceBytes) + " are accepted";
        return out;
    }
    if (const auto other = foreignLocalInclude(code)) {
        out.refusal = "the source includes \"" + *other + "\", a file the answer does not provide; one self-contained file is expected";
        return out;
    }
    out.source = std::move(code);
    return out;
}

}  // namespace kforge
