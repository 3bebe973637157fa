#include "toolchain/compile_cache.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "util/cache_directory.h"
#include "util/error.h"
#include "util/process.h"
#include "util/sha256.h"
#include "util/text.h"

namespace kforge {
namespace {

using Json = nlohmann::json;

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return {};
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string joined(const std::vector<std::string>& v) { return joinText(v, " "); }

// What a compile may see: the ABI header, the source's directory (the
// command adds it with -I), the compiler's own installation when it lives
// outside the system directories, and its output directory, writable.
SandboxJob compileJob(const Toolchain& toolchain, const CompileRequest& request, const std::filesystem::path& work) {
    namespace fs = std::filesystem;
    SandboxJob job;
    job.readOnly = {toolchain.paths().abiInclude, fs::absolute(request.source).parent_path()};
    std::error_code ec;
    const fs::path exe = toolchain.executable();
    if (exe.is_absolute()) {
        const fs::path real = fs::weakly_canonical(exe, ec);
        const fs::path root = real.parent_path().parent_path();
        const char* home = std::getenv("HOME");
        // A compiler under the home directory brings back its own directory only.
        const bool hidesHome = home && *home && pathContains(root, fs::absolute(home).lexically_normal());
        job.readOnly.push_back(hidesHome ? real.parent_path() : root);
    }
    job.writable = {work};
    job.limits.processes = 512;
    job.limits.cpuSeconds = 600;
    job.limits.addressSpaceBytes = toolchain.addressSpaceLimitBytes();
    return job;
}

}  // namespace

CompileCache::CompileCache(std::filesystem::path directory) : dir_(std::move(directory)) {
    std::error_code ec;
    std::filesystem::create_directories(dir_ / "tmp", ec);
    if (ec)
        throw Error(
            located(dir_.string(), phrase(QT_TRANSLATE_NOOP("Phrase", "cannot create the compile cache: %1"), ec.message())));
}

std::filesystem::path CompileCache::defaultDirectory() {
    return cacheDirectory() / "compile";
}

std::string CompileCache::key(const Toolchain& toolchain, const CompileRequest& request, const std::string& sourceText) const {
    // The command with placeholder paths: flags matter, where the files live does not.
    CompileRequest normalized = request;
    normalized.source = "/src/candidate";
    std::string material = "kforge-compile-v1\n" + toolchain.version() + "\n" + request.arch + "\n" +
                           joined(toolchain.command(normalized, "/out/candidate.so")) + "\n" +
                           slurp(toolchain.paths().abiInclude / "kf_abi.h") + "\n" + sourceText;
    // A compile sees other files in the sandbox than outside it (a hidden
    // #include fails in it), and failures are cached: the two never share entries.
    if (sandbox_ && sandbox_->active()) material += "\nsandbox: " + sandbox_->status().description;
    return sha256Hex(material);
}

namespace {
// Only a failure the source caused may be cached: a located error (file and
// line) from a compiler that ran to its end. A compiler killed by a signal or
// our deadline, a sandbox or driver that could not start, a missing include
// directory or an unlocated driver error (a bad flag, a library not found)
// says something about this machine at this moment, and caching it would
// repeat it after the environment is fixed.
bool failureIsTheSources(const ProcessResult& p, const CompileResult& r) {
    if (!p.status.exited || p.status.timedOut) return false;
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == "error" && !d.file.empty() && d.line > 0; });
}
// The key leaves out where the source lives, so a hit may have been compiled
// from another copy of it (another checkout, a session's scratch file): its
// diagnostics, log and command then name that copy. They are made to name the
// source asked for, so a located error points at the user's file.
void renameSource(CompileResult& r, const std::string& compiledFrom, const std::string& now) {
    if (compiledFrom.empty() || compiledFrom == now) return;
    for (auto& d : r.diagnostics)
        if (d.file == compiledFrom) d.file = now;
    for (std::string* text : {&r.log, &r.command})
        for (size_t at = text->find(compiledFrom); at != std::string::npos; at = text->find(compiledFrom, at + now.size()))
            text->replace(at, compiledFrom.size(), now);
}
}  // namespace

CompileResult CompileCache::compile(const Toolchain& toolchain, const CompileRequest& given) const {
    // A relative path would give the command an empty -I (the source's
    // directory) and a sandbox that binds the wrong place: compile from the
    // absolute path, which also keeps the cache key independent of the cwd.
    CompileRequest request = given;
    request.source = std::filesystem::absolute(given.source);
    const std::string sourceText = slurp(request.source);
    if (sourceText.empty() && !std::filesystem::is_regular_file(request.source)) {
        CompileResult r;
        r.log = request.source.string() + ": cannot be read";
        r.diagnostics.push_back({request.source.string(), 0, 0, "error", "cannot be read"});
        return r;
    }
    if (!toolchain.available()) {
        CompileResult r;
        r.log = "compiler '" + toolchain.executable() + "' for the " + std::string(backendName(toolchain.backend())) +
                " backend was not found";
        r.diagnostics.push_back({"", 0, 0, "error", r.log});
        return r;
    }
    const std::string k = key(toolchain, request, sourceText);
    const auto entry = dir_ / k.substr(0, 2) / k;
    if (std::filesystem::is_regular_file(entry / "result.json")) {
        try {
            CompileResult r = compileResultFromJson(Json::parse(slurp(entry / "result.json")), (entry / "result.json").string());
            r.library = entry / "candidate.so";
            // A failure cached before entries recorded their source cannot be
            // made to name the user's file: it is compiled again (it is cheap).
            const bool usable = r.ok ? std::filesystem::is_regular_file(r.library) : std::filesystem::is_regular_file(entry / "source");
            if (usable) {
                r.cacheHit = true;
                r.seconds = 0;
                renameSource(r, slurp(entry / "source"), request.source.string());
                return r;
            }
        } catch (const std::exception&) {
            // A damaged entry is compiled again below.
        }
    }

    static std::atomic<unsigned> counter{0};
    const auto work = dir_ / "tmp" / (k + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(work);
    // The source is compiled from its own place so diagnostics name the user's file.
    RunOptions options;
    options.timeout = std::chrono::minutes(10);
    const auto cmd = toolchain.command(request, work / "candidate.so");
    ProcessResult p = runProcess(sandbox_ ? sandbox_->wrap(compileJob(toolchain, request, work), cmd) : cmd, options);
    if (sandbox_) p.status = sandbox_->jobStatus(p.status);

    CompileResult r;
    r.ok = p.ok() && std::filesystem::is_regular_file(work / "candidate.so");
    r.log = p.output;
    if (p.status.timedOut) r.log += "\n[the compiler was killed after " + std::to_string(options.timeout.count()) + " ms]";
    else if (!p.ok()) r.log += "\n[compiler " + p.status.describe() + "]";
    r.command = joined(cmd);
    r.seconds = p.seconds;
    r.diagnostics = parseDiagnostics(p.output);
    r.kernels = parseResourceUsage(p.output);
    if (!r.ok && std::none_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) { return d.severity == "error"; }))
        r.diagnostics.push_back({"", 0, 0, "error", "compiler " + p.status.describe()});
    std::error_code ec;
    if (!r.ok && !failureIsTheSources(p, r)) {
        std::filesystem::remove_all(work, ec);
        return r;
    }
    {
        std::ofstream out(work / "result.json");
        out << toJson(r, CompileScope::Cache).dump(1);
    }
    std::ofstream(work / "source") << request.source.string();
    std::filesystem::create_directories(entry.parent_path(), ec);
    // An entry from before sources were recorded is replaced, else it would be compiled every time.
    if (std::filesystem::exists(entry, ec) && !std::filesystem::exists(entry / "source", ec)) std::filesystem::remove_all(entry, ec);
    std::filesystem::rename(work, entry, ec);
    if (ec) std::filesystem::remove_all(work, ec);  // another thread won the race with the same bytes
    r.library = entry / "candidate.so";
    return r;
}

}  // namespace kforge
