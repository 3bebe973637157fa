#include "sandbox/sandbox.h"

#include <unistd.h>

#include <cstdlib>
#include <sstream>

#include "util/process.h"

extern char** environ;

namespace kforge {
namespace fs = std::filesystem;

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

std::string findExecutable(const std::string& name) {
    if (name.find('/') != std::string::npos) return ::access(name.c_str(), X_OK) == 0 ? name : "";
    std::istringstream path(env("PATH").empty() ? "/usr/bin:/bin" : env("PATH"));
    std::string dir;
    while (std::getline(path, dir, ':')) {
        if (dir.empty()) continue;
        const std::string candidate = dir + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return "";
}

std::string firstLines(const std::string& text) {
    std::string s = text;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    if (s.size() > 300) s = s.substr(0, 300) + "...";
    for (char& c : s)
        if (c == '\n') c = ' ';
    return s;
}

}  // namespace

SandboxSettings SandboxSettings::fromEnvironment() {
    SandboxSettings s;
    const std::string off = env("KFORGE_NO_SANDBOX");
    s.enabled = off.empty() || off == "0";
    s.bwrap = env("KFORGE_BWRAP");
    return s;
}

std::string unsandboxedWarning(const std::string& why) {
    return "candidates are compiled and run WITHOUT a sandbox (" + why +
           "): their code can read and write your files, reach the network and start processes as you";
}

Sandbox::Sandbox(SandboxSettings settings) : settings_(std::move(settings)) {}

SandboxHost Sandbox::discoverHost(const std::string& bwrap) {
    SandboxHost h;
    h.bwrap = findExecutable(bwrap.empty() ? "bwrap" : bwrap);
    h.prlimit = findExecutable("prlimit");
    h.home = env("HOME");
    std::error_code ec;
    for (const char* top : {"/usr", "/etc", "/opt", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"}) {
        const fs::path p = top;
        if (fs::is_symlink(p, ec)) h.system.push_back({p, fs::read_symlink(p, ec)});
        else if (fs::is_directory(p, ec)) h.system.push_back({p, {}});
    }
    for (const auto& e : fs::directory_iterator("/dev", ec))
        if (e.path().filename().string().rfind("nvidia", 0) == 0) h.gpuDevices.push_back(e.path());
    for (const char* d : {"/dev/kfd", "/dev/dri"})
        if (fs::exists(d, ec)) h.gpuDevices.push_back(d);
    // Toolkits outside /usr and /opt that the environment points the compilers
    // and the CUDA/HIP runtimes at.
    for (const char* var : {"CUDA_HOME", "CUDA_PATH", "ROCM_PATH", "HIP_PATH"})
        if (const std::string v = env(var); !v.empty() && fs::path(v).is_absolute()) h.extraReadOnly.push_back(v);
    std::istringstream libs(env("LD_LIBRARY_PATH"));
    for (std::string dir; std::getline(libs, dir, ':');)
        if (!dir.empty() && fs::path(dir).is_absolute()) h.extraReadOnly.push_back(dir);
    for (char** e = environ; *e; ++e) {
        const std::string entry(*e);
        const std::string name = entry.substr(0, entry.find('='));
        if (looksLikeSecret(name)) h.unsetEnvironment.push_back(name);
    }
    return h;
}

void Sandbox::probe() const {
    if (!settings_.enabled) {
        status_.description = "none (--no-sandbox)";
        status_.warning = unsandboxedWarning("turned off with --no-sandbox or the setting");
        return;
    }
    host_ = discoverHost(settings_.bwrap);
    if (host_.bwrap.empty()) {
        const std::string why = "bubblewrap not found: install the bubblewrap package, or point KFORGE_BWRAP at bwrap";
        status_.description = "none (" + why + ")";
        status_.warning = unsandboxedWarning(why);
        return;
    }
    // The real arguments, GPU nodes and a limit included, on a command that
    // does nothing: a kernel or AppArmor policy that refuses namespaces fails here.
    SandboxJob job;
    job.gpu = true;
    job.limits.processes = 64;
    const ProcessResult r = [&] {
        RunOptions o;
        o.timeout = std::chrono::seconds(20);
        return runProcess(sandboxCommand(host_, job, {"true"}), o);
    }();
    if (!r.ok()) {
        const std::string why = "bubblewrap cannot make a sandbox here (" + r.status.describe() + ": " + firstLines(r.output) +
                                "); unprivileged user namespaces may be disabled (kernel.unprivileged_userns_clone, "
                                "kernel.apparmor_restrict_unprivileged_userns)";
        status_.description = "none (" + why + ")";
        status_.warning = unsandboxedWarning(why);
        return;
    }
    status_.active = true;
    status_.description = host_.prlimit.empty() ? "bubblewrap (no resource limits: prlimit not found)" : "bubblewrap";
}

const SandboxStatus& Sandbox::status() const {
    std::call_once(once_, [this] { probe(); });
    return status_;
}

ExitStatus Sandbox::jobStatus(ExitStatus s) const {
    if (status().active && s.exited && s.code > 128 && s.code < 128 + 65) {
        s.signal = s.code - 128;
        s.exited = false;
        s.code = -1;
    }
    return s;
}

std::vector<std::string> Sandbox::wrap(const SandboxJob& job, const std::vector<std::string>& argv) const {
    if (!status().active) return argv;
    return sandboxCommand(host_, job, argv);
}

}  // namespace kforge
