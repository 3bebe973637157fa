#include "sandbox/sandbox_command.h"

#include <algorithm>
#include <cctype>

namespace kforge {
namespace fs = std::filesystem;

namespace {

fs::path normal(const fs::path& p) {
    return fs::absolute(p).lexically_normal();
}

size_t depth(const fs::path& p) {
    size_t n = 0;
    for (const auto& part : p)
        if (part != "/" && !part.empty()) ++n;
    return n;
}

// A mount made after the fixed system view. Mounts are made parents first,
// so a path bound back under the hidden home (a cache, a build directory)
// comes after the tmpfs that hides the home, and the home's tmpfs after a
// bound directory above it.
struct Step {
    enum class Kind { Tmpfs, ReadOnlyTry, Writable } kind;
    fs::path path;
};

}  // namespace

bool pathContains(const fs::path& a, const fs::path& b) {
    const fs::path rel = b.lexically_relative(a);
    return !rel.empty() && *rel.begin() != "..";
}

bool looksLikeSecret(const std::string& variable) {
    std::string v;
    for (char c : variable) v += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (const char* word : {"TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "API_KEY", "APIKEY"})
        if (v.find(word) != std::string::npos) return true;
    return v == "KEY" || (v.size() > 4 && v.compare(v.size() - 4, 4, "_KEY") == 0);
}

std::vector<std::string> sandboxCommand(const SandboxHost& host, const SandboxJob& job, const std::vector<std::string>& argv) {
    // Every namespace (user, pid, net, ipc, uts, cgroup): no network but a
    // private loopback; the job's processes are killed with its pid 1.
    // --new-session: no TIOCSTI into the user's terminal.
    std::vector<std::string> cmd = {host.bwrap, "--unshare-all", "--die-with-parent", "--new-session"};
    for (const auto& e : host.system) {
        if (!e.symlinkTarget.empty()) cmd.insert(cmd.end(), {"--symlink", e.symlinkTarget.string(), e.path.string()});
        else cmd.insert(cmd.end(), {"--ro-bind", e.path.string(), e.path.string()});
    }
    // A fresh procfs of the pid namespace (the NVIDIA driver reads
    // /proc/driver/nvidia there); a minimal /dev; /sys read-only for cache
    // sizes, NUMA and the GPU drivers' topology.
    cmd.insert(cmd.end(), {"--proc", "/proc", "--dev", "/dev", "--ro-bind-try", "/sys", "/sys"});
    if (job.gpu)
        for (const auto& d : host.gpuDevices) cmd.insert(cmd.end(), {"--dev-bind-try", d.string(), d.string()});

    std::vector<Step> steps = {{Step::Kind::Tmpfs, "/tmp"}};
    const fs::path home = host.home.empty() ? fs::path() : normal(host.home);
    // Under a system directory a path is visible already, read-only; binding it
    // again could only fail where it runs through a symlink there
    // (/usr/local/cuda -> cuda-13.0: bwrap will not mount onto a symlink).
    auto visible = [&host](const fs::path& p) {
        for (const auto& e : host.system)
            if (e.symlinkTarget.empty() && pathContains(e.path, p)) return true;
        return false;
    };
    if (!home.empty() && depth(home) > 0) steps.push_back({Step::Kind::Tmpfs, home});
    for (const auto& p : host.extraReadOnly) {
        const fs::path n = normal(p);
        // The environment may name the home itself (LD_LIBRARY_PATH=$HOME/..):
        // never let it bring the whole home back.
        if ((!home.empty() && pathContains(n, home)) || visible(n)) continue;
        steps.push_back({Step::Kind::ReadOnlyTry, n});
    }
    for (const auto& p : job.readOnly)
        if (!visible(normal(p))) steps.push_back({Step::Kind::ReadOnlyTry, normal(p)});
    for (const auto& p : job.writable) {
        // Writable under a system directory: bound at its real place, which the
        // job's own path then reaches through the same symlinks inside.
        std::error_code ec;
        const fs::path real = visible(normal(p)) ? fs::weakly_canonical(p, ec) : normal(p);
        steps.push_back({Step::Kind::Writable, ec ? normal(p) : real});
    }
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        const size_t da = depth(a.path), db = depth(b.path);
        if (da != db) return da < db;
        return a.kind == Step::Kind::Tmpfs && b.kind != Step::Kind::Tmpfs;  // at one place, the job's bind wins
    });
    for (const auto& s : steps) {
        switch (s.kind) {
            case Step::Kind::Tmpfs: cmd.insert(cmd.end(), {"--tmpfs", s.path.string()}); break;
            case Step::Kind::ReadOnlyTry: cmd.insert(cmd.end(), {"--ro-bind-try", s.path.string(), s.path.string()}); break;
            case Step::Kind::Writable: cmd.insert(cmd.end(), {"--bind", s.path.string(), s.path.string()}); break;
        }
    }
    // TMPDIR may name a directory that is not there inside.
    cmd.insert(cmd.end(), {"--setenv", "TMPDIR", "/tmp"});
    for (const auto& v : host.unsetEnvironment) cmd.insert(cmd.end(), {"--unsetenv", v});
    cmd.insert(cmd.end(), {"--chdir", job.workingDirectory.empty() ? std::string("/tmp") : normal(job.workingDirectory).string()});
    cmd.push_back("--");

    const ResourceLimits& l = job.limits;
    if (!host.prlimit.empty() && (l.processes > 0 || l.cpuSeconds > 0 || l.addressSpaceBytes > 0)) {
        // Set inside the user namespace, so RLIMIT_NPROC counts the sandbox's
        // tasks only, not every process the user runs elsewhere.
        cmd.push_back(host.prlimit);
        auto limit = [&cmd](const char* name, int64_t v) {
            if (v > 0) cmd.push_back(std::string("--") + name + "=" + std::to_string(v) + ":" + std::to_string(v));
        };
        limit("nproc", l.processes);
        limit("cpu", l.cpuSeconds);
        limit("as", l.addressSpaceBytes);
        cmd.push_back("--");
    }
    cmd.insert(cmd.end(), argv.begin(), argv.end());
    return cmd;
}

}  // namespace kforge
