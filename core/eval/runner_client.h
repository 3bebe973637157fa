#pragma once
// The core's side of a runner: starts it, speaks the protocol, enforces a
// deadline on every step, and respawns it after a crash or a hang.
#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "model/device_facts.h"
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
    ~RunnerClient();

    // Starts the runner if needed. False with `why` when the backend has no device here.
    bool available(std::string& why);
    // Device facts from the runner's hello (throws kforge::Error when unavailable).
    const DeviceFacts& facts();
    // Asks the runner to measure the device's ceilings again and keeps the higher
    // figures. True when any ceiling rose.
    bool remeasure(std::chrono::milliseconds timeout);

    struct Reply {
        enum class Kind { Ok, Failed, Timeout, Crashed } kind = Kind::Failed;
        nlohmann::json body;       // the final reply when Ok or Failed
        std::string message;       // what went wrong otherwise
        std::string lastProgress;  // the last step the runner announced
    };
    // Sends one command; the runner must show progress at least every `stepTimeout`.
    Reply request(nlohmann::json command, std::chrono::milliseconds stepTimeout);

    int restarts() const { return restarts_; }
    Backend backend() const { return backend_; }

private:
    bool start(std::string& why);
    ExitStatus seen(ExitStatus status) const;  // the runner's own exit, through the sandbox
    std::filesystem::path executable_;
    Backend backend_;
    int ordinal_;
    std::shared_ptr<const Sandbox> sandbox_;
    SandboxJob job_;
    ChildProcess child_;
    DeviceFacts facts_;
    bool started_ = false;
    bool unavailable_ = false;
    std::string why_;
    int64_t nextId_ = 1;
    int restarts_ = 0;
};

}  // namespace kforge
