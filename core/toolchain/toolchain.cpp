#include "toolchain/toolchain.h"

#include <cstdlib>
#include <sstream>

#include "util/error.h"
#include "util/process.h"

namespace kforge {
namespace {

std::string envOr(const char* name, const std::string& fallback) {
    const char* v = std::getenv(name);
    return v && *v ? v : fallback;
}

// The first lines of `tool --version`, without noise some wrappers print on stderr.
std::string versionText(const std::vector<std::string>& argv, const std::string& mustContain) {
    RunOptions options;
    options.timeout = std::chrono::seconds(60);
    const auto r = runProcess(argv, options);
    if (!r.ok() && r.output.find(mustContain) == std::string::npos) return {};
    std::istringstream in(r.output);
    std::string line, keep;
    while (std::getline(in, line))
        if (line.find(mustContain) != std::string::npos || line.find("version") != std::string::npos ||
            line.find("Build") != std::string::npos)
            keep += line + "\n";
    return keep;
}

void addCommon(std::vector<std::string>& cmd, const CompileRequest& r, const ToolchainPaths& paths) {
    cmd.push_back("-I" + paths.abiInclude.string());
    // Absolute: a bare file name's parent is empty, and "-I" alone would eat the next flag.
    cmd.push_back("-I" + std::filesystem::absolute(r.source).parent_path().string());
    for (const auto& [k, v] : r.defines) cmd.push_back("-D" + k + "=" + v);
}

class HostToolchain final : public Toolchain {
public:
    using Toolchain::Toolchain;
    Backend backend() const override { return Backend::Cpu; }
    std::string executable() const override { return paths_.cxx; }
    std::string defaultArch() const override { return "native"; }
    std::string archFor(const DeviceFacts&) const override { return defaultArch(); }
    // The host compiler only: nvcc and hipcc are left without an address-space
    // limit, their device compilers' needs are not known to us.
    int64_t addressSpaceLimitBytes() const override { return int64_t{16} << 30; }
    std::vector<std::string> command(const CompileRequest& r, const std::filesystem::path& out) const override {
        std::vector<std::string> cmd = {paths_.cxx, "-std=c++20", "-O3", "-march=native", "-fopenmp", "-fPIC",
                                        "-shared", "-Wall", "-Wextra", "-fvisibility=hidden"};
        addCommon(cmd, r, paths_);
        cmd.insert(cmd.end(), {"-x", "c++", r.source.string(), "-x", "none", "-o", out.string()});
        for (const auto& lib : r.libraries) cmd.push_back("-l" + lib);
        return cmd;
    }

protected:
    std::string queryVersion() const override {
        // -march=native means different code on different CPUs: the CPU is part of the key.
        const auto v = versionText({paths_.cxx, "--version"}, "");
        if (v.empty()) return {};
        const auto cpu = runProcess({paths_.cxx, "-march=native", "-Q", "--help=target"});
        std::string march;
        std::istringstream in(cpu.output);
        std::string line;
        while (std::getline(in, line))
            if (line.find("-march=") != std::string::npos) march = line;
        return v + march;
    }
};

class CudaToolchain final : public Toolchain {
public:
    using Toolchain::Toolchain;
    Backend backend() const override { return Backend::Cuda; }
    std::string executable() const override { return paths_.nvcc; }
    std::string defaultArch() const override { return envOr("KFORGE_CUDA_ARCH", "sm_90a"); }
    std::string archFor(const DeviceFacts& facts) const override {
        return facts.gpu ? cudaArchFor(facts.gpu->ccMajor, facts.gpu->ccMinor) : defaultArch();
    }
    std::vector<std::string> command(const CompileRequest& r, const std::filesystem::path& out) const override {
        const std::string arch = r.arch.empty() ? defaultArch() : r.arch;
        const std::string compute = "compute_" + arch.substr(arch.find('_') + 1);
        // The runtime is linked shared, so that every candidate in the runner shares
        // one CUDA runtime (and its error state) with the runner's context.
        const auto libDir = std::filesystem::path(paths_.nvcc).parent_path().parent_path() / "lib64";
        std::vector<std::string> cmd = {paths_.nvcc,
                                        "-std=c++20",
                                        "-O3",
                                        "-lineinfo",
                                        "-Xcompiler",
                                        "-fPIC,-fvisibility=hidden",
                                        "-shared",
                                        "-cudart",
                                        "shared",
                                        "-gencode=arch=" + compute + ",code=" + arch,
                                        "-Xptxas",
                                        "-v"};
        addCommon(cmd, r, paths_);
        cmd.insert(cmd.end(), {"-x", "cu", r.source.string(), "-o", out.string(), "-Xlinker", "-rpath," + libDir.string()});
        for (const auto& lib : r.libraries) cmd.push_back("-l" + lib);
        return cmd;
    }

protected:
    std::string queryVersion() const override { return versionText({paths_.nvcc, "--version"}, "release"); }
};

class HipToolchain final : public Toolchain {
public:
    using Toolchain::Toolchain;
    Backend backend() const override { return Backend::Hip; }
    std::string executable() const override { return paths_.hipcc; }
    std::string defaultArch() const override { return envOr("KFORGE_HIP_ARCH", "gfx90a"); }
    std::string archFor(const DeviceFacts& facts) const override {
        return facts.gpu && !facts.gpu->gcnArch.empty() ? facts.gpu->gcnArch : defaultArch();
    }
    std::vector<std::string> command(const CompileRequest& r, const std::filesystem::path& out) const override {
        const std::string arch = r.arch.empty() ? defaultArch() : r.arch;
        std::vector<std::string> cmd = {paths_.hipcc, "-std=c++20", "-O3", "-fPIC", "-shared", "-fvisibility=hidden",
                                        "--offload-arch=" + arch, "-Rpass-analysis=kernel-resource-usage"};
        addCommon(cmd, r, paths_);
        cmd.insert(cmd.end(), {"-x", "hip", r.source.string(), "-o", out.string()});
        for (const auto& lib : r.libraries) cmd.push_back("-l" + lib);
        return cmd;
    }

protected:
    std::string queryVersion() const override { return versionText({paths_.hipcc, "--version"}, "HIP"); }
};

template <class T>
std::unique_ptr<Toolchain> make(const ToolchainPaths& paths) {
    return std::make_unique<T>(paths);
}

// The registry: a backend's toolchain is one line here.
struct ToolchainEntry {
    Backend backend;
    std::unique_ptr<Toolchain> (*make)(const ToolchainPaths&);
};
constexpr ToolchainEntry kToolchains[] = {
    {Backend::Cuda, &make<CudaToolchain>},
    {Backend::Hip, &make<HipToolchain>},
    {Backend::Cpu, &make<HostToolchain>},
};

}  // namespace

ToolchainPaths ToolchainPaths::fromEnvironment(const std::filesystem::path& abiInclude) {
    return fromEnvironment(abiInclude, [](const char* name) -> const char* { return std::getenv(name); });
}

ToolchainPaths ToolchainPaths::fromEnvironment(const std::filesystem::path& abiInclude,
                                               const std::function<const char*(const char*)>& lookup) {
    const auto valueOr = [&lookup](const char* name, const std::string& fallback) -> std::string {
        const char* v = lookup(name);
        return v && *v ? v : fallback;
    };
    ToolchainPaths p;
    p.abiInclude = abiInclude;
    p.cxx = valueOr("KFORGE_CXX", valueOr("CXX", "c++"));
    std::string nvcc = valueOr("KFORGE_NVCC", "");
    if (nvcc.empty()) {
        for (const std::string& home : {valueOr("CUDA_HOME", ""), valueOr("CUDA_PATH", ""), std::string("/usr/local/cuda")})
            if (!home.empty() && std::filesystem::exists(home + "/bin/nvcc")) {
                nvcc = home + "/bin/nvcc";
                break;
            }
    }
    p.nvcc = nvcc.empty() ? "nvcc" : nvcc;
    p.hipcc = valueOr("KFORGE_HIPCC", "hipcc");
    return p;
}

std::string Toolchain::version() const {
    std::call_once(versionOnce_, [this] { version_ = queryVersion(); });
    return version_;
}

std::unique_ptr<Toolchain> makeToolchain(Backend backend, const ToolchainPaths& paths) {
    for (const ToolchainEntry& e : kToolchains)
        if (e.backend == backend) return e.make(paths);
    throw Error("no toolchain is registered for backend " + std::string(backendName(backend)));
}

std::string cudaArchFor(int major, int minor) {
    const std::string sm = "sm_" + std::to_string(major) + std::to_string(minor);
    return major == 9 && minor == 0 ? sm + "a" : sm;
}

}  // namespace kforge
