// kforge-runner: one process per device. It owns the device context, so a
// candidate that faults, hangs or poisons the context takes down only this
// process; the core kills and respawns it and goes on.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "runner/protocol.h"
#include "runner/runner_service.h"

extern "C" {
#include "kf_abi.h"
}

namespace {

using Json = nlohmann::json;

// The protocol gets stdout's original descriptor; fd 1 is pointed at stderr so
// that a candidate's printf cannot corrupt the stream the core parses.
FILE* protocolOut = nullptr;

void send(const Json& j) {
    const std::string line = j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
    std::fwrite(line.data(), 1, line.size(), protocolOut);
    std::fflush(protocolOut);
}

std::unique_ptr<kforge::Device> openDevice(const std::string& backend, int ordinal, std::string& why) {
    if (backend == "cpu") return kforge::openCpuDevice(why);
    if (backend == "cuda") return kforge::openCudaDevice(ordinal, why);
    why = "the HIP runner backend is not available in this build: HIP candidates compile (hipcc) but cannot run yet";
    return nullptr;
}

// kforge-runner --profile: the process a profiler (ncu) starts. Writes
// {"status", "message"} to `resultFile`; exits 0 when it could say so.
int profileOnce(const std::string& backend, int ordinal, const std::string& requestFile, const std::string& resultFile) {
    Json result;
    try {
        std::ifstream in(requestFile);
        if (!in) throw std::runtime_error(requestFile + ": cannot be read");
        const Json request = Json::parse(in);
        std::string why;
        auto device = openDevice(backend, ordinal, why);
        if (!device) throw std::runtime_error(why);
        kforge::RunnerService service(std::move(device), [](const std::string& what) { std::fprintf(stderr, "runner: %s\n", what.c_str()); });
        const kforge::WorkloadOutcome o = service.profile(kforge::evaluateSpecFromJson(request.at("spec")));
        result = {{"status", kforge::statusName(o.status)}, {"message", o.message}};
    } catch (const std::exception& e) {
        result = {{"status", "RUNTIME_ERROR"}, {"message", e.what()}};
    }
    std::ofstream out(resultFile);
    out << result.dump() << "\n";
    return out ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"KernelForge runner: evaluates candidates on one device, spoken to over stdin/stdout"};
    std::string backend = "cpu";
    int ordinal = 0;
    app.add_option("--backend", backend, "cpu, cuda or hip")->check(CLI::IsMember({"cpu", "cuda", "hip"}));
    app.add_option("--device", ordinal, "device ordinal");
    std::string profileRequest, profileResult;
    app.add_option("--profile", profileRequest,
                   "one-shot: run the candidate of this evaluate-spec JSON file once inside the profiled range, then exit");
    app.add_option("--result", profileResult, "with --profile: where the outcome is written as JSON");
    CLI11_PARSE(app, argc, argv);
    if (!profileRequest.empty()) return profileOnce(backend, ordinal, profileRequest, profileResult);

    const int protocolFd = ::dup(1);
    ::dup2(2, 1);
    protocolOut = ::fdopen(protocolFd, "w");

    std::string why;
    std::unique_ptr<kforge::Device> device = openDevice(backend, ordinal, why);

    Json greeting = {{"protocol", kforge::kProtocolVersion}, {"abi", KF_ABI_VERSION}, {"backend", backend}};
    if (!device) {
        greeting["available"] = false;
        greeting["why"] = why;
        send(greeting);
        return 0;
    }
    greeting["available"] = true;
    send(greeting);

    int64_t currentId = 0;
    kforge::RunnerService service(std::move(device), [&](const std::string& what) {
        send({{"id", currentId}, {"progress", what}});
    });

    std::string line;
    while (std::getline(std::cin, line)) {
        Json request;
        try {
            request = Json::parse(line);
        } catch (const std::exception& e) {
            send({{"id", nullptr}, {"ok", false}, {"error", std::string("bad request: ") + e.what()}});
            continue;
        }
        currentId = request.value("id", int64_t{0});
        const std::string cmd = request.value("cmd", "");
        try {
            if (cmd == "hello") {
                send({{"id", currentId}, {"ok", true}, {"facts", kforge::toJson(service.hello())}});
            } else if (cmd == "measure") {
                send({{"id", currentId}, {"ok", true}, {"facts", kforge::toJson(service.remeasure())}});
            } else if (cmd == "evaluate") {
                const auto result = service.evaluate(kforge::evaluateSpecFromJson(request.at("spec")));
                send({{"id", currentId}, {"ok", true}, {"result", kforge::toJson(result)}});
                if (result.runnerMustRestart) return 3;  // the context is gone; start afresh
            } else if (cmd == "write-inputs") {
                service.writeInputs(kforge::evaluateSpecFromJson(request.at("spec")), request.at("dir").get<std::string>());
                send({{"id", currentId}, {"ok", true}});
            } else if (cmd == "quit") {
                send({{"id", currentId}, {"ok", true}});
                return 0;
            } else {
                send({{"id", currentId}, {"ok", false}, {"error", "unknown command '" + cmd + "'"}});
            }
        } catch (const kforge::DeviceFault& e) {
            send({{"id", currentId}, {"ok", false}, {"fault", true}, {"error", e.what()}});
            return 3;
        } catch (const std::exception& e) {
            send({{"id", currentId}, {"ok", false}, {"error", e.what()}});
        }
    }
    return 0;
}
