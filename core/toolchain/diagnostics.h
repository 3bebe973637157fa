#pragma once
// Compiler output turned into data: diagnostics (g++/clang/hipcc and nvcc's
// front end) and per-kernel resource usage (nvcc's `-Xptxas -v`, hipcc's
// kernel-resource-usage remarks).
#include <string>
#include <string_view>
#include <vector>

namespace kforge {

struct Diagnostic {
    std::string file;  // empty when the tool gave no location (ptxas, linker)
    int line = 0;
    int column = 0;
    std::string severity;  // error, warning, note
    std::string message;
};

struct KernelResources {
    std::string kernel;  // demangled
    int registers = -1;
    int spillStoreBytes = 0;
    int spillLoadBytes = 0;
    int stackBytes = 0;
    int sharedBytes = 0;  // static shared memory (LDS on AMD)
    int constantBytes = 0;
};

std::vector<Diagnostic> parseDiagnostics(std::string_view output);
std::vector<KernelResources> parseResourceUsage(std::string_view output);
std::string demangle(const std::string& symbol);

}  // namespace kforge
