#pragma once
// Untrusted code (every candidate: its compile and its run in kforge-runner)
// runs inside a bubblewrap sandbox: no network, a read-only view of the
// system, no home directory, no workspace, a private /tmp, and only the paths
// the job names. The sandbox is probed once; where bubblewrap is missing or
// cannot create namespaces (some containers, Ubuntu's AppArmor policy for
// unprivileged user namespaces) jobs run as they are and the status says why.
#include <mutex>
#include <string>
#include <vector>

#include "sandbox/sandbox_command.h"
#include "util/process.h"

namespace kforge {

struct SandboxSettings {
    bool enabled = true;
    std::string bwrap;  // empty: $KFORGE_BWRAP, else bwrap in PATH
    // KFORGE_NO_SANDBOX=1 (what `kforge --no-sandbox` and the GUI's setting set)
    // turns it off; KFORGE_BWRAP names the bwrap to use.
    static SandboxSettings fromEnvironment();
};

struct SandboxStatus {
    bool active = false;
    // What evaluation reports record: "bubblewrap", or "none (why)".
    std::string description;
    // For the user when not active: what that means for them.
    std::string warning;
};

class Sandbox {
public:
    explicit Sandbox(SandboxSettings settings);
    // Probes on first use (thread-safe), by running the real bwrap arguments once.
    const SandboxStatus& status() const;
    bool active() const { return status().active; }
    // argv inside the sandbox, or argv unchanged when the sandbox is not active.
    std::vector<std::string> wrap(const SandboxJob& job, const std::vector<std::string>& argv) const;

    // bwrap exits 128 + N when its job died of signal N: the job's own death,
    // as the caller would have seen it unsandboxed (SIGSEGV, not exit code 139).
    ExitStatus jobStatus(ExitStatus status) const;

    // The host's side of the command line, read from this process's environment.
    static SandboxHost discoverHost(const std::string& bwrap);

private:
    void probe() const;
    SandboxSettings settings_;
    mutable std::once_flag once_;
    mutable SandboxStatus status_;
    mutable SandboxHost host_;
};

// The words every user-facing warning starts from.
std::string unsandboxedWarning(const std::string& why);

}  // namespace kforge
