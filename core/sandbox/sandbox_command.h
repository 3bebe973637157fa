#pragma once
// The bubblewrap command line for one sandboxed job: what it may see and
// write, and the limits it runs under. It starts nothing (it only resolves
// symlinks of a writable path under a system directory), so the rules can be
// tested without bubblewrap.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kforge {

// Limits set inside the sandbox (by util-linux prlimit, which the sandbox
// execs before the job). Zero means none.
struct ResourceLimits {
    // RLIMIT_NPROC: processes and threads of the sandbox's user namespace. The
    // kernel exempts real root from it, so under root only the pid namespace
    // contains a fork storm.
    int64_t processes = 0;
    int64_t cpuSeconds = 0;         // RLIMIT_CPU
    int64_t addressSpaceBytes = 0;  // RLIMIT_AS: never for CUDA/HIP, whose drivers reserve terabytes
};

// What one job needs besides the read-only system. Paths are bound at the same
// place inside; everything else of the host's file system is absent.
struct SandboxJob {
    std::vector<std::filesystem::path> readOnly;  // bound read-only (those that do not exist are skipped)
    std::vector<std::filesystem::path> writable;  // bound read-write (must exist)
    bool gpu = false;                             // bind the GPU device nodes (/dev/nvidia*, /dev/kfd, /dev/dri)
    ResourceLimits limits;
    std::filesystem::path workingDirectory;       // empty: /tmp (a relative path must resolve inside)
};

// What the command line is built from, gathered from the host by the caller.
struct SandboxHost {
    std::string bwrap;    // the bwrap executable
    std::string prlimit;  // the prlimit executable; empty: limits are not applied
    std::filesystem::path home;  // hidden behind an empty tmpfs
    // Top-level system entries: a directory is bound read-only, a symlink
    // (/bin -> usr/bin on merged-/usr systems) is recreated.
    struct Entry {
        std::filesystem::path path;
        std::filesystem::path symlinkTarget;  // empty: a directory
    };
    std::vector<Entry> system;
    std::vector<std::filesystem::path> gpuDevices;  // existing /dev/nvidia*, /dev/kfd, /dev/dri
    std::vector<std::filesystem::path> extraReadOnly;  // toolkits named by the environment (CUDA_HOME, ...)
    std::vector<std::string> unsetEnvironment;  // variables the job must not inherit (API keys)
};

// bwrap ARGS -- [prlimit LIMITS --] argv...
std::vector<std::string> sandboxCommand(const SandboxHost& host, const SandboxJob& job, const std::vector<std::string>& argv);

// a == b, or a is a directory above b (both absolute and normal).
bool pathContains(const std::filesystem::path& a, const std::filesystem::path& b);

// Variables whose values look like credentials (…KEY, …TOKEN, …SECRET, …PASSWORD):
// a candidate has no use for them and could print them into a log.
bool looksLikeSecret(const std::string& variable);

}  // namespace kforge
