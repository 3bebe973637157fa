#pragma once
// Turning one candidate source into a shared object for a backend: the host
// C++ compiler, nvcc or hipcc, each with the flags its device needs.
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "model/device_facts.h"
#include "task/task.h"
#include "task/tune_space.h"
#include "toolchain/diagnostics.h"

namespace kforge {

struct ToolchainPaths {
    std::string cxx = "c++";
    std::string nvcc;   // empty: $CUDA_HOME/bin/nvcc, /usr/local/cuda/bin/nvcc, or PATH
    std::string hipcc;  // empty: hipcc in PATH
    std::filesystem::path abiInclude;  // directory holding kf_abi.h
    static ToolchainPaths fromEnvironment(const std::filesystem::path& abiInclude);
    // The same rules over another environment: `lookup` returns a variable's
    // value, or null when it is unset (the GUI's settings ask what the
    // inherited environment alone would choose).
    static ToolchainPaths fromEnvironment(const std::filesystem::path& abiInclude,
                                          const std::function<const char*(const char*)>& lookup);
};

struct CompileRequest {
    std::filesystem::path source;
    TuneConfig defines;
    std::vector<std::string> libraries;
    std::string arch;  // sm_90a, gfx90a; ignored on the CPU (-march=native)
};

class Toolchain {
public:
    explicit Toolchain(ToolchainPaths paths) : paths_(std::move(paths)) {}
    virtual ~Toolchain() = default;
    const ToolchainPaths& paths() const { return paths_; }
    virtual Backend backend() const = 0;
    // Identifies the compiler build; part of every cache key. Empty when the compiler is missing.
    std::string version() const;
    bool available() const { return !version().empty(); }
    virtual std::string executable() const = 0;
    // Full command line compiling `source` to `output`.
    virtual std::vector<std::string> command(const CompileRequest& request, const std::filesystem::path& output) const = 0;
    // The architecture used when the request names none (no device attached).
    virtual std::string defaultArch() const = 0;
    // The architecture for the device a runner described.
    virtual std::string archFor(const DeviceFacts& facts) const = 0;
    // The address space a compile may take; 0: unlimited.
    virtual int64_t addressSpaceLimitBytes() const { return 0; }

protected:
    virtual std::string queryVersion() const = 0;
    ToolchainPaths paths_;

private:
    mutable std::once_flag versionOnce_;
    mutable std::string version_;
};

// The toolchain of a backend, from the registry in toolchain.cpp (one line per backend).
std::unique_ptr<Toolchain> makeToolchain(Backend backend, const ToolchainPaths& paths);

// "sm_90a" for compute capability 9.0 (Hopper's wgmma needs the a-target), "sm_86" otherwise.
std::string cudaArchFor(int major, int minor);

}  // namespace kforge
