#pragma once
// Where a runner runs and how it is started: a device of this machine, a host
// reached with OpenSSH's client, or a Slurm partition reached with srun. One
// endpoint is one runner process on one device. docs/runners.md shows each.
//
//   cpu | cuda[:N] | hip[:N]                          this machine
//   ssh://[user@]host[:port][?device=D&runner=P&config=F]
//   slurm://PARTITION[?device=D&gres=G&time=T&runner=P]
//
// D is a local form (cpu, cuda:1); without it the session's backend, device 0.
// P is kforge-runner's path on the far side (default: kforge-runner on its
// PATH); F an ssh_config file (ssh -F), for a host the user's own config does
// not describe. Nothing here holds a password: ssh's agent and keys do that.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/backend.h"
#include "model/json_reader.h"

namespace kforge {

// A spec that does not parse; what() names the spec, the column and the fault:
// "runner endpoint 'ssh://host:99999': column 12: the port must be a number in
// 1..65535, not '99999'" (a phrase, so that the GUI words it in the user's language).
class EndpointError : public Error {
public:
    using Error::Error;
};

struct DeviceSlot {
    Backend backend = Backend::Cpu;
    int ordinal = 0;
    bool operator==(const DeviceSlot&) const = default;
};

struct RunnerEndpoint {
    enum class Kind { Local, Ssh, Slurm };
    Kind kind = Kind::Local;
    std::optional<DeviceSlot> device;  // always set for Local
    // ssh
    std::string user;        // empty: ssh's choice (its config, else the local user)
    std::string host;
    int port = 0;            // 0: ssh's choice
    std::string sshConfig;   // ssh -F
    // slurm
    std::string partition;
    std::string gres;        // srun --gres, e.g. gpu:1
    std::string time;        // srun --time, e.g. 30:00
    // ssh and slurm
    std::string runner;      // kforge-runner's path there; empty: found on PATH

    bool remote() const { return kind != Kind::Local; }
    // The device this endpoint's runner opens when the session runs on `backend`.
    DeviceSlot deviceFor(Backend backend) const { return device ? *device : DeviceSlot{backend, 0}; }
    // The canonical spec; parseRunnerEndpoint(spec()) gives back an equal endpoint.
    std::string spec() const;
    bool operator==(const RunnerEndpoint&) const = default;
};

// Throws EndpointError naming the column of the first fault.
RunnerEndpoint parseRunnerEndpoint(std::string_view spec);
// A comma-separated list ("cuda:0,cuda:1,ssh://gpu-box"); throws EndpointError,
// also for an empty list or an empty item. An endpoint listed twice starts two
// runner processes on its device ("cuda:0,cuda:0"), which take turns on it.
std::vector<RunnerEndpoint> parseRunnerEndpoints(std::string_view list);

// The JSON form is the spec string: one grammar for the command line, the
// settings and the store.
nlohmann::json toJson(const RunnerEndpoint& e);
RunnerEndpoint runnerEndpointFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
