#pragma once
// A single-node Slurm cluster for tests: munged, slurmctld and slurmd of
// Debian's slurm-wlm, each in the foreground as our child, with a munge key,
// a slurm.conf (partition "debug", this host as its one node, free ports) and
// every state and log file in a temporary directory; stopped and removed on
// destruction. Clients reach it with SLURM_CONF=configFile(). available() is
// false, with why(), only when it cannot run here (not installed, not root:
// slurmd launches jobs as their user).
#include <filesystem>
#include <string>

#include "util/process.h"

namespace kforge::test {

class LoopbackSlurm {
public:
    LoopbackSlurm();
    ~LoopbackSlurm();
    LoopbackSlurm(const LoopbackSlurm&) = delete;
    LoopbackSlurm& operator=(const LoopbackSlurm&) = delete;

    bool available() const { return running_; }
    const std::string& why() const { return why_; }
    std::filesystem::path configFile() const { return dir_ / "slurm.conf"; }
    // The daemons' logs, for a failing test's message.
    std::string logs() const;

private:
    bool start();
    std::filesystem::path dir_;
    ChildProcess munged_, slurmctld_, slurmd_;
    bool running_ = false;
    std::string why_;
};

}  // namespace kforge::test
