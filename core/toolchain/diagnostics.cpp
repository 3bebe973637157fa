#include "toolchain/diagnostics.h"

#include <cxxabi.h>

#include <cstdlib>
#include <regex>
#include <sstream>

namespace kforge {
namespace {

std::vector<std::string> splitLines(std::string_view text) {
    std::vector<std::string> lines;
    std::istringstream in{std::string(text)};
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

int toInt(const std::string& s) { return std::atoi(s.c_str()); }

}  // namespace

std::string demangle(const std::string& symbol) {
    int status = 0;
    char* out = abi::__cxa_demangle(symbol.c_str(), nullptr, nullptr, &status);
    if (status != 0 || !out) return symbol;
    std::string s(out);
    std::free(out);
    return s;
}

std::vector<Diagnostic> parseDiagnostics(std::string_view output) {
    // g++ / clang / hipcc:  file:line:col: error: message
    static const std::regex gnu(R"(^(.+?):(\d+):(\d+): (fatal error|error|warning|note): (.*)$)");
    // nvcc front end (EDG):  file(line): error: message   (column from the caret line below)
    static const std::regex edg(R"(^(.+?)\((\d+)\): (catastrophic error|error|warning|remark)(?: #[\w-]+)?: (.*)$)");
    // tools without a location: ptxas, nvlink, ld
    static const std::regex bare(R"(^(ptxas|nvlink|ld|/usr/bin/ld)[^:]*:?\s*(fatal|error|Error)\s*:?\s*(.*)$)");
    static const std::regex undefinedRef(R"(undefined reference to .*)");

    std::vector<Diagnostic> out;
    const auto lines = splitLines(output);
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        std::smatch m;
        if (std::regex_match(line, m, gnu)) {
            std::string severity = m[4];
            if (severity == "fatal error") severity = "error";
            out.push_back({m[1], toInt(m[2]), toInt(m[3]), severity, m[5]});
        } else if (std::regex_match(line, m, edg)) {
            Diagnostic d{m[1], toInt(m[2]), 0, m[3], m[4]};
            if (d.severity == "catastrophic error") d.severity = "error";
            // EDG echoes the source line indented by two spaces, then a caret.
            if (i + 2 < lines.size()) {
                const auto caret = lines[i + 2].find('^');
                if (caret != std::string::npos && lines[i + 2].find_first_not_of(' ') == caret && caret >= 2)
                    d.column = static_cast<int>(caret) - 1;
            }
            if (d.severity != "remark") out.push_back(std::move(d));
        } else if (std::regex_match(line, m, bare)) {
            out.push_back({"", 0, 0, "error", line});
        } else if (std::regex_search(line, m, undefinedRef)) {
            out.push_back({"", 0, 0, "error", line});
        }
    }
    return out;
}

std::vector<KernelResources> parseResourceUsage(std::string_view output) {
    static const std::regex ptxFunction(R"(ptxas info\s*: Function properties for (\S+))");
    static const std::regex ptxFrame(R"((\d+) bytes stack frame, (\d+) bytes spill stores, (\d+) bytes spill loads)");
    static const std::regex ptxCompiling(R"(ptxas info\s*: Compiling entry function '([^']+)')");
    static const std::regex ptxUsed(R"(ptxas info\s*: Used (\d+) registers)");
    static const std::regex ptxSmem(R"((\d+) bytes smem)");
    static const std::regex ptxCmem(R"((\d+) bytes cmem\[0\])");
    static const std::regex amdName(R"(remark: Function Name: (\S+))");
    static const std::regex amdField(R"(remark:\s+([A-Za-z ]+?)(?: \[bytes/\w+\])?: (\d+))");

    std::vector<KernelResources> out;
    std::string current;  // mangled name of the entry being described
    KernelResources* entry = nullptr;
    auto entryFor = [&](const std::string& mangled) {
        const std::string name = demangle(mangled);
        for (auto& k : out)
            if (k.kernel == name) return &k;
        out.push_back({});
        out.back().kernel = name;
        return &out.back();
    };
    for (const auto& line : splitLines(output)) {
        std::smatch m;
        if (std::regex_search(line, m, ptxCompiling)) {
            entry = entryFor(m[1]);
        } else if (std::regex_search(line, m, ptxFunction)) {
            current = m[1];
        } else if (std::regex_search(line, m, ptxFrame) && !current.empty()) {
            // Function properties also list device functions; keep entries only.
            for (auto& k : out)
                if (k.kernel == demangle(current)) {
                    k.stackBytes = toInt(m[1]);
                    k.spillStoreBytes = toInt(m[2]);
                    k.spillLoadBytes = toInt(m[3]);
                }
        } else if (std::regex_search(line, m, ptxUsed) && entry) {
            entry->registers = toInt(m[1]);
            if (std::regex_search(line, m, ptxSmem)) entry->sharedBytes = toInt(m[1]);
            if (std::regex_search(line, m, ptxCmem)) entry->constantBytes = toInt(m[1]);
        } else if (std::regex_search(line, m, amdName)) {
            entry = entryFor(m[1]);
        } else if (std::regex_search(line, m, amdField) && entry) {
            const std::string field = m[1];
            const int v = toInt(m[2]);
            if (field == "VGPRs") entry->registers = v;
            else if (field == "VGPRs Spill" || field == "SGPRs Spill") entry->spillStoreBytes += v * 4;
            else if (field == "ScratchSize") entry->stackBytes = v;
            else if (field == "LDS Size") entry->sharedBytes = v;
        }
    }
    return out;
}

}  // namespace kforge
