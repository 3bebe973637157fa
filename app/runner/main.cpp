// kforge-runner: one process per device. It owns the device context, so a
// candidate that faults, hangs or poisons the context takes down only this
// process; the core kills and respawns it and goes on.
#include <poll.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "host_turn.h"
#include "runner/protocol.h"
#include "runner/request.h"
#include "runner/runner_service.h"
#include "runner/staged_files.h"
#include "util/build_id.h"
#include "util/clock.h"
#include "util/json_input.h"
#include "util/text.h"
#include "util/usable_cores.h"

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

constexpr kforge::JsonLimits kRequestLimits{kforge::RequestLimits::maxLineBytes, 64};

enum class LineStatus { Ok, TooLong, End };

// One request line of at most `max` bytes: a longer one is read to its end
// and dropped, so a peer that never sends a newline cannot grow the runner.
LineStatus readRequestLine(std::istream& in, std::string& line, size_t max) {
    line.clear();
    bool tooLong = false, any = false;
    std::streambuf* sb = in.rdbuf();
    for (;;) {
        const int c = sb->sbumpc();
        if (c == std::char_traits<char>::eof()) return !any ? LineStatus::End : tooLong ? LineStatus::TooLong : LineStatus::Ok;
        any = true;
        if (c == '\n') return tooLong ? LineStatus::TooLong : LineStatus::Ok;
        if (tooLong) continue;
        if (line.size() >= max) {
            tooLong = true;
            std::string().swap(line);
        } else {
            line.push_back(static_cast<char>(c));
        }
    }
}

// kforge-runner --profile: the process a profiler (ncu) starts. Writes
// {"status", "message"} to `resultFile`; exits 0 when it could say so.
int profileOnce(const std::string& backend, int ordinal, const std::string& requestFile, const std::string& resultFile,
                kforge::RunnerLimits limits) {
    Json result;
    try {
        const Json request = kforge::parseJsonInput(
            kforge::readTextFile(requestFile, kforge::RequestLimits::maxLineBytes,
                                 kforge::phrase(QT_TRANSLATE_NOOP("Phrase", "a profile request"))),
            requestFile, kRequestLimits);
        if (!request.is_object() || !request.contains("spec"))
            throw kforge::RequestError(requestFile + ": profile: spec: missing");
        const kforge::EvaluateSpec spec = kforge::evaluateSpecFromJson(request["spec"], "profile: spec");
        std::string why;
        auto device = openDevice(backend, ordinal, why);
        if (!device) throw std::runtime_error(why);
        kforge::RunnerService service(
            std::move(device), [](const std::string& what) { std::fprintf(stderr, "runner: %s\n", what.c_str()); }, limits);
        const kforge::WorkloadOutcome o = service.profile(spec);
        result = {{"status", kforge::statusName(o.status)}, {"message", o.message.english()}};
    } catch (const std::exception& e) {
        result = {{"status", "RUNTIME_ERROR"}, {"message", e.what()}};
    }
    std::ofstream out(resultFile);
    out << result.dump() << "\n";
    return out ? 0 : 1;
}

// A runner started over ssh or srun outlives a core that died or a network that
// dropped: nothing signals it, and a candidate it is timing may never return.
// It watches its stdin instead and ends when the other side has closed it.
void exitWhenStdinCloses(const std::filesystem::path* stagedDir) {
    std::thread([stagedDir] {
        pollfd p{0, POLLRDHUP, 0};
        for (;;) {
            if (::poll(&p, 1, -1) < 0) continue;
            if (p.revents & (POLLHUP | POLLRDHUP | POLLERR | POLLNVAL)) {
                std::error_code ec;
                if (!stagedDir->empty()) std::filesystem::remove_all(*stagedDir, ec);
                std::_Exit(0);
            }
        }
    }).detach();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"KernelForge runner: evaluates candidates on one device, spoken to over stdin/stdout"};
    std::string backend = "cpu";
    int ordinal = 0;
    app.add_option("--backend", backend, "cpu, cuda or hip")->check(CLI::IsMember(kforge::backendNames()));
    app.add_option("--device", ordinal, "device ordinal");
    std::string profileRequest, profileResult;
    app.add_option("--profile", profileRequest,
                   "one-shot: run the candidate of this evaluate-spec JSON file once inside the profiled range, then exit");
    app.add_option("--result", profileResult, "with --profile: where the outcome is written as JSON");
    kforge::RunnerLimits limits;
    app.add_option("--max-memory", limits.maxMemoryBytes,
                   "the most memory (device and host together) one request may use, e.g. 8GiB; requests are also held to "
                   "what the device has free")
        ->transform(CLI::AsSizeValue(false));
    bool exitWithStdin = false;
    app.add_flag("--exit-with-stdin", exitWithStdin,
                 "end as soon as stdin is closed, even mid-request (how ssh and srun start a runner)");
    bool deviceLock = false;
    app.add_flag("--device-lock", deviceLock,
                 "hold this host's lock on the device (the one KernelForge sessions on this host take) while a request "
                 "uses it: how a runner started on another host takes turns with them");
    CLI11_PARSE(app, argc, argv);
    // Before any candidate loads libgomp, which reads it once: a candidate's
    // num_threads(8) on two usable cores then runs two threads instead of
    // timing eight that fight over two (util/usable_cores.h).
    ::setenv("OMP_THREAD_LIMIT", std::to_string(kforge::cpuThreadLimit()).c_str(), 1);
    if (!profileRequest.empty()) return profileOnce(backend, ordinal, profileRequest, profileResult, limits);

    const int protocolFd = ::dup(1);
    ::dup2(2, 1);
    protocolOut = ::fdopen(protocolFd, "w");

    // Named as a local evaluator names this device ("cpu", "cuda:0"), so both take one lock file.
    std::unique_ptr<kforge::DeviceLock> hostLock;
    if (deviceLock) hostLock = std::make_unique<kforge::DeviceLock>(backend == "cpu" ? backend : backend + ":" + std::to_string(ordinal));

    std::string why;
    std::unique_ptr<kforge::Device> device = openDevice(backend, ordinal, why);

    kforge::StagedFiles staged;
    if (exitWithStdin) exitWhenStdinCloses(&staged.directory());

    kforge::RunnerGreeting greeting{kforge::kProtocolVersion, KF_ABI_VERSION, kforge::buildId(), backend, device != nullptr, why};
    send(kforge::toJson(greeting));
    if (!device) return 0;

    int64_t currentId = 0;
    kforge::RunnerService service(
        std::move(device), [&](const std::string& what) { send({{"id", currentId}, {"progress", what}}); }, limits);

    // Every line is input from outside: whatever it holds, the runner answers
    // with an error naming what is wrong and reads the next one.
    std::ios::sync_with_stdio(false);
    std::string line;
    for (;;) {
        const LineStatus status = readRequestLine(std::cin, line, kforge::RequestLimits::maxLineBytes);
        if (status == LineStatus::End) break;
        currentId = 0;
        if (status == LineStatus::TooLong) {
            send({{"id", nullptr}, {"ok", false},
                  {"error", "bad request: the line is longer than " + std::to_string(kforge::RequestLimits::maxLineBytes) +
                                " bytes (the limit)"}});
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        // Decoded and validated whole before anything runs (runner/request.h).
        kforge::DecodedRequest decoded;
        try {
            decoded = kforge::decodeRequest(line);
        } catch (const std::bad_alloc&) {
            send({{"id", nullptr}, {"ok", false}, {"error", "bad request: out of memory while reading it"}});
            continue;
        }
        if (decoded.id.is_number_integer()) currentId = decoded.id.get<int64_t>();
        if (!decoded.request) {
            send({{"id", decoded.id}, {"ok", false}, {"error", decoded.error}});
            continue;
        }
        const kforge::RunnerRequest& request = *decoded.request;
        using Command = kforge::RunnerRequest::Command;
        const bool usesDevice = request.command == Command::Hello || request.command == Command::Measure ||
                                request.command == Command::Evaluate || request.command == Command::WriteInputs;
        std::function<void()> waiting;
        if (request.command != Command::Hello)
            waiting = [&] { send({{"id", currentId}, {"progress", "waiting for the device: another process on this host is using it"}}); };
        const kforge::HostTurn turn(usesDevice ? hostLock.get() : nullptr, waiting);
        try {
            switch (request.command) {
            case Command::Hello:
                send({{"id", currentId}, {"ok", true}, {"facts", kforge::toJson(service.hello())}});
                break;
            case Command::Measure:
                send({{"id", currentId}, {"ok", true}, {"facts", kforge::toJson(service.remeasure())}});
                break;
            case Command::Evaluate: {
                const double startedAt = kforge::unixSeconds();
                auto result = service.evaluate(request.spec);
                result.startedAt = startedAt;
                result.finishedAt = kforge::unixSeconds();
                send({{"id", currentId}, {"ok", true}, {"result", kforge::toJson(result)}});
                if (result.runnerMustRestart) return 3;  // the context is gone; start afresh
                break;
            }
            case Command::WriteInputs:
                service.writeInputs(request.spec, request.dir);
                send({{"id", currentId}, {"ok", true}});
                break;
            case Command::Stage:
                send({{"id", currentId}, {"ok", true}, {"path", staged.stage(request.sha256, request.data).string()}});
                break;
            case Command::Quit:
                send({{"id", currentId}, {"ok", true}});
                return 0;
            }
        } catch (const kforge::DeviceFault& e) {
            send({{"id", currentId}, {"ok", false}, {"fault", true}, {"error", e.what()}});
            return 3;
        } catch (const std::bad_alloc&) {
            send({{"id", currentId}, {"ok", false}, {"error", "out of memory while handling the request"}});
        } catch (const std::exception& e) {
            send({{"id", currentId}, {"ok", false}, {"error", e.what()}});
        }
    }
    return 0;
}
