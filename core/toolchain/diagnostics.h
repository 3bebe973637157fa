#pragma once
// Compiler output turned into data: diagnostics (g++/clang/hipcc and nvcc's
// front end) and per-kernel resource usage (nvcc's `-Xptxas -v`, hipcc's
// kernel-resource-usage remarks).
#include <string>
#include <string_view>
#include <vector>

#include "model/compile_result.h"

namespace kforge {

std::vector<Diagnostic> parseDiagnostics(std::string_view output);
std::vector<KernelResources> parseResourceUsage(std::string_view output);
std::string demangle(const std::string& symbol);

}  // namespace kforge
