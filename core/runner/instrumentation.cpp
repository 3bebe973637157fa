#include "runner/instrumentation.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>

namespace kforge {

std::string cudaInstrumentationTool(const char* injectionPath) {
    if (!injectionPath || !*injectionPath) return {};
    std::string lower = injectionPath;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    auto has = [&](const char* part) { return lower.find(part) != std::string::npos; };
    if (has("sanitizer")) return "compute-sanitizer";
    if (has("nsight-compute") || has("nsight compute") || has("ncu")) return "Nsight Compute";
    if (has("nsight-systems") || has("nsight systems") || has("nsys")) return "Nsight Systems";
    return "a CUDA injection library (" + std::filesystem::path(injectionPath).filename().string() + ")";
}

std::string cudaInstrumentationToolOfThisProcess() {
    return cudaInstrumentationTool(std::getenv("CUDA_INJECTION64_PATH"));
}

}  // namespace kforge
