#pragma once
// What compiling one source produced: the shared object, the compiler's
// diagnostics, and the resources of every kernel (registers, spills, memory).
#include <filesystem>
#include <string>
#include <vector>

#include "model/json_reader.h"

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

struct CompileResult {
    bool ok = false;
    std::filesystem::path library;  // the shared object, when ok; not serialised (the cache knows where it is)
    std::vector<Diagnostic> diagnostics;
    std::vector<KernelResources> kernels;
    std::string log;        // the compiler's whole output
    std::string command;    // as run, for the user to repeat
    double seconds = 0;     // compile time (0 on a cache hit)
    bool cacheHit = false;
    std::string firstError() const;  // "file:line:col: message" of the first error, or the log's tail
    // True for a result that holds nothing: the source was never compiled.
    bool empty() const { return command.empty() && log.empty() && diagnostics.empty() && !ok; }
};

// Where a compile result is written: the compile cache keeps the whole log;
// reports, nodes and the wire carry the parsed diagnostics and whether the
// result came from the cache.
enum class CompileScope { Cache, Report };

nlohmann::json toJson(const KernelResources& k);
nlohmann::json toJson(const CompileResult& r, CompileScope scope);
CompileResult compileResultFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
