#pragma once
// The core's side of a runner: starts it, speaks the protocol, enforces a
// deadline on every step, and respawns it after a crash or a hang.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "model/device_facts.h"
#include "eval/slurm_allocation.h"
#include "model/runner_endpoint.h"
#include "runner/protocol.h"
#include "sandbox/sandbox.h"
#include "task/task.h"
#include "util/process.h"

namespace kforge {

class RunnerClient {
public:
    RunnerClient(std::filesystem::path executable, Backend backend, int ordinal = 0);
    // A runner that starts inside `sandbox`, seeing what `job` names (the
    // runner's own directory is added); candidates run in its process.
    RunnerClient(std::filesystem::path executable, Backend backend, int ordinal, std::shared_ptr<const Sandbox> sandbox,
                 SandboxJob job);
    // A runner at `endpoint` (runner_endpoint.h) on the device it names, else
    // on `backend`'s device 0. `executable` is this machine's runner, for a
    // local endpoint, which alone starts inside `sandbox`.
    RunnerClient(std::filesystem::path executable, RunnerEndpoint endpoint, Backend backend,
                 std::shared_ptr<const Sandbox> sandbox, SandboxJob job);
    ~RunnerClient();
    RunnerClient(const RunnerClient&) = delete;
    RunnerClient& operator=(const RunnerClient&) = delete;

    // Starts the runner if needed. False with `why` when the backend has no device here.
    bool available(Phrase& why);
    // Device facts from the runner's hello (throws kforge::Error when unavailable).
    const DeviceFacts& facts();
    // Asks the runner to measure the device's ceilings again and keeps the higher
    // figures. True when any ceiling rose.
    bool remeasure(std::chrono::milliseconds timeout);

    struct Reply {
        enum class Kind { Ok, Failed, Timeout, Crashed } kind = Kind::Failed;
        nlohmann::json body;       // the final reply when Ok or Failed
        Phrase message;            // what went wrong otherwise
        std::string lastProgress;  // the last step the runner announced
        // The runner went away for a reason outside the request: it could not
        // start, the connection to its host dropped, or something else killed
        // it (SIGKILL, SIGTERM, SIGHUP that the client did not send). A runner on
        // another host that died counts too: ssh cannot tell a candidate's
        // crash there from a dropped link.
        bool runnerLost = false;
    };
    // Sends one command; the runner must show progress at least every `stepTimeout`.
    Reply request(nlohmann::json command, std::chrono::milliseconds stepTimeout);

    // Makes the spec's libraries readable by the runner: for a runner on
    // another host, sends their bytes ("stage") once per runner process and
    // names the runner's copies instead. False with `why` when it cannot
    // (recorded input files and PyTorch's outputs are not sent yet).
    bool ship(EvaluateSpec& spec, std::string& why);

    int restarts() const { return restarts_; }
    Backend backend() const { return backend_; }
    const RunnerEndpoint& endpoint() const { return endpoint_; }
    // "ssh://gpu-box (cuda:1)": the endpoint and the device, for messages and records.
    std::string name() const;

private:
    bool start(Phrase& why);
    ExitStatus seen(ExitStatus status) const;  // the runner's own exit, through the sandbox
    // Reads and checks the greeting: protocol, build, the device's presence.
    bool greeted(const std::string& line, bool sandboxed, Phrase& why);
    // Stages one library; false with `why`.
    bool stageFile(std::string& path, std::string& why);
    std::filesystem::path executable_;
    RunnerEndpoint endpoint_;
    Backend backend_;
    DeviceSlot device_;
    std::map<std::string, std::string> staged_;  // local path -> the runner's copy, for this runner process
    std::shared_ptr<const Sandbox> sandbox_;
    SandboxJob job_;
    ChildProcess child_;
    DeviceFacts facts_;
    bool started_ = false;
    bool unavailable_ = false;
    Phrase why_;
    int64_t nextId_ = 1;
    int restarts_ = 0;
    // A Slurm endpoint's allocation, kept across restarts; cancelled with the client.
    std::unique_ptr<SlurmAllocation> allocation_;
};

}  // namespace kforge
