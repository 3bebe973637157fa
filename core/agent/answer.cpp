#include "agent/answer.h"

#include <regex>
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

std::string changeLine(const std::string& answer) {
    static const std::regex change(R"((^|\n)\s*\**\s*Change\s*\**\s*:\s*\**\s*([^\n]+))", std::regex::icase);
    std::smatch m;
    if (std::regex_search(answer, m, change)) {
        std::string s = m[2].str();
        return s.size() > 300 ? s.substr(0, 297) + "..." : s;
    }
    const size_t fence = answer.find("```");
    return firstSentence(answer.substr(0, fence));
}

// Local headers other than the ABI's: the answer depends on files it did not give.
std::optional<std::string> foreignLocalInclude(const std::string& code) {
    static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re", std::regex::multiline);
    for (auto it = std::sregex_iterator(code.begin(), code.end(), include); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[1].str();
        if (name != "kf_abi.h") return name;
    }
    return std::nullopt;
}

bool looksLikeSource(const std::string& text) {
    const size_t b = text.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return false;
    return text.compare(b, 1, "#") == 0 || text.compare(b, 2, "//") == 0 || text.compare(b, 2, "/*") == 0;
}

}  // namespace

bool definesEntryPoint(const std::string& source) {
    static const std::regex exported(R"(KF_EXPORT\s+int\s+kf_run\s*\()");
    static const std::regex externC(R"re(extern\s+"C"[^;{]*\bint\s+kf_run\s*\()re");
    return std::regex_search(source, exported) || std::regex_search(source, externC);
}

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
