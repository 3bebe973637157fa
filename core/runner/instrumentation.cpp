#include "runner/instrumentation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace kforge {

namespace {

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

// The tool a library path belongs to; empty when it is none of them.
std::string toolOfPath(std::string_view path) {
    const std::string lower = lowered(path);
    auto has = [&](const char* part) { return lower.find(part) != std::string::npos; };
    if (has("compute-sanitizer") || has("libsanitizer-")) return "compute-sanitizer";
    if (has("nsight-compute") || has("nsight compute") || has("libtreelaunchertargetinjection")) return "Nsight Compute";
    if (has("nsight-systems") || has("nsight systems") || has("libtoolsinjection")) return "Nsight Systems";
    return {};
}

}  // namespace

std::string cudaInstrumentationTool(const InjectionEvidence& e) {
    if (!e.injectionPath.empty()) {
        const std::string tool = toolOfPath(e.injectionPath);
        if (!tool.empty()) return tool;
        // Whatever it is, it sits between the candidate and the driver.
        return "a CUDA injection library (" + std::filesystem::path(std::string(e.injectionPath)).filename().string() + ")";
    }
    for (std::string_view text : {e.preload, e.mappedFiles}) {
        std::istringstream lines{std::string(text)};
        std::string line;
        while (std::getline(lines, line)) {
            // LD_PRELOAD separates by spaces or colons; a maps line ends in its path.
            std::replace(line.begin(), line.end(), ':', ' ');
            std::istringstream words(line);
            std::string word;
            while (words >> word)
                if (std::string tool = toolOfPath(word); !tool.empty()) return tool;
        }
    }
    return {};
}

std::string cudaInstrumentationToolOfThisProcess() {
    const char* injection = std::getenv("CUDA_INJECTION64_PATH");
    const char* preload = std::getenv("LD_PRELOAD");
    std::ifstream in("/proc/self/maps");
    std::stringstream maps;
    maps << in.rdbuf();
    const std::string mapped = maps.str();
    return cudaInstrumentationTool({injection ? injection : "", preload ? preload : "", mapped});
}

}  // namespace kforge
