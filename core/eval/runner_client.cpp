#include "eval/runner_client.h"

#include <csignal>

#include "eval/device_ceilings.h"
#include "eval/runner_launch.h"
#include "runner/protocol.h"
#include "runner/staged_files.h"
#include "util/base64.h"
#include "util/build_id.h"
#include "util/error.h"
#include "util/exit_phrase.h"
#include "util/sha256.h"
#include "util/text.h"

namespace kforge {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {
// Measuring the device at start (bandwidth, peak) and creating a CUDA context take seconds.
constexpr auto kStartTimeout = std::chrono::seconds(180);

RunnerEndpoint localEndpoint(Backend backend, int ordinal) {
    RunnerEndpoint e;
    e.device = DeviceSlot{backend, ordinal};
    return e;
}

}  // namespace

RunnerClient::RunnerClient(std::filesystem::path executable, Backend backend, int ordinal)
    : executable_(std::move(executable)), endpoint_(localEndpoint(backend, ordinal)), backend_(backend),
      device_{backend, ordinal} {
    std::signal(SIGPIPE, SIG_IGN);  // a dead runner must give EPIPE, not kill us
}

RunnerClient::RunnerClient(std::filesystem::path executable, Backend backend, int ordinal, std::shared_ptr<const Sandbox> sandbox,
                           SandboxJob job)
    : RunnerClient(std::move(executable), localEndpoint(backend, ordinal), backend, std::move(sandbox), std::move(job)) {}

RunnerClient::RunnerClient(std::filesystem::path executable, RunnerEndpoint endpoint, Backend backend,
                           std::shared_ptr<const Sandbox> sandbox, SandboxJob job)
    : RunnerClient(std::move(executable), backend, 0) {
    endpoint_ = std::move(endpoint);
    device_ = endpoint_.deviceFor(backend);
    // The sandbox is this machine's: a runner elsewhere is that host's business.
    if (endpoint_.remote()) return;
    sandbox_ = std::move(sandbox);
    job_ = std::move(job);
    // The directory the runner is started from, and its real one when that
    // path runs through a symlink (an installed link to a build, say).
    const auto given = std::filesystem::absolute(executable_);
    std::error_code ec;
    const auto real = std::filesystem::weakly_canonical(given, ec);
    job_.readOnly.push_back(given.parent_path());
    if (!ec && real.parent_path() != given.parent_path()) job_.readOnly.push_back(real.parent_path());
    job_.gpu = backendInfo(backend).gpu;
}

RunnerClient::~RunnerClient() {
    if (child_.running()) {
        child_.writeLine(Json{{"id", 0}, {"cmd", "quit"}}.dump());
        child_.reap(std::chrono::milliseconds(2000));
    }
}

ExitStatus RunnerClient::seen(ExitStatus status) const {
    return sandbox_ ? sandbox_->jobStatus(status) : status;
}

std::string RunnerClient::name() const {
    const std::string device = std::string(backendName(device_.backend)) +
                               (backendInfo(device_.backend).gpu ? ":" + std::to_string(device_.ordinal) : "");
    return endpoint_.remote() ? endpoint_.spec() + " (" + device + ")" : device;
}

bool RunnerClient::greeted(const std::string& line, bool sandboxed, Phrase& why) {
    const Phrase who = endpoint_.remote() ? phrase(QT_TRANSLATE_NOOP("Phrase", "the runner at %1"), endpoint_.spec())
                                          : phrase(QT_TRANSLATE_NOOP("Phrase", "the runner"));
    RunnerGreeting greeting;
    try {
        greeting = runnerGreetingFromJson(Json::parse(line));
    } catch (const std::exception&) {
        child_.kill();
        // Over ssh, a login banner or a shell's chatter on stdout lands here.
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 spoke an unknown protocol: %2"), who, printable(line.substr(0, 300)));
        return false;
    }
    // The build is compared for a runner elsewhere, which is installed apart
    // from this kforge; this machine's runner comes from the same build tree,
    // where rebuilding one target alone must not stop the other from working.
    if (greeting.protocol != kProtocolVersion || (endpoint_.remote() && greeting.build != buildId())) {
        child_.kill();
        const Phrase build = greeting.build.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "of an older build")) : verbatim(greeting.build);
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is kforge-runner %2 (protocol %3), this kforge is %4 (protocol %5): install the "
                                                 "same build on both sides"),
                     who, build, greeting.protocol, buildId(), kProtocolVersion);
        return false;
    }
    if (!greeting.available) {
        child_.reap(std::chrono::milliseconds(2000));
        Phrase said = greeting.why.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "no device")) : verbatim(greeting.why);
        if (endpoint_.remote()) said = located(endpoint_.spec(), said);
        // A GPU is there but the runner cannot use it: perhaps a device node or
        // driver file the sandbox does not show.
        std::error_code ec;
        if (sandboxed && backendInfo(backend_).gpu &&
            (std::filesystem::exists("/dev/nvidiactl", ec) || std::filesystem::exists("/dev/kfd", ec)))
            said = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 (it ran in the bubblewrap sandbox; --no-sandbox runs it without)"), said);
        why = said;
        unavailable_ = true;
        return false;
    }
    return true;
}

bool RunnerClient::start(Phrase& why) {
    std::string slurmJob;
    if (endpoint_.kind == RunnerEndpoint::Kind::Slurm) {
        if (!allocation_) allocation_ = std::make_unique<SlurmAllocation>(endpoint_);
        // Gone since the last start (its time ran out, preempted, cancelled): ask again.
        if (!allocation_->jobId().empty() && !allocation_->alive()) allocation_->forget();
        std::string refused;
        slurmJob = allocation_->ensure(std::chrono::duration_cast<std::chrono::seconds>(kStartTimeout), refused);
        if (slurmJob.empty()) {
            why = verbatim(refused);
            return false;
        }
    }
    std::vector<std::string> argv = runnerCommand(endpoint_, device_, executable_, slurmJob);
    const bool sandboxed = sandbox_ && sandbox_->active();
    if (sandboxed) argv = sandbox_->wrap(job_, argv);
    if (auto err = child_.start(argv)) {
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "cannot start the runner %1: %2"), argv.front(), *err);
        return false;
    }
    staged_.clear();  // a new process has a new private directory
    std::string line;
    const auto status = child_.readLine(line, Clock::now() + kStartTimeout);
    if (status != ChildProcess::ReadStatus::Line) {
        // Closed output: the runner (or ssh, or srun) is exiting, and its own
        // status says why (ssh's 255, a shell's 127 for a missing runner); a
        // kill now would race it and report SIGKILL instead.
        const auto exit = seen(status == ChildProcess::ReadStatus::Closed ? child_.reap(std::chrono::seconds(5)) : child_.kill());
        // A runner that cannot start inside the sandbox is not started outside it
        // behind the user's back: the message says how to choose that.
        if (endpoint_.remote())
            why = explainStartFailure(endpoint_, exit, child_.stderrTail());
        else if (sandboxed)
            why = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner did not start (%1) (it ran in the bubblewrap sandbox; --no-sandbox "
                                                     "runs it without): %2"),
                         exitPhrase(exit), child_.stderrTail());
        else
            why = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner did not start (%1): %2"), exitPhrase(exit), child_.stderrTail());
        return false;
    }
    if (!greeted(line, sandboxed, why)) return false;
    child_.writeLine(Json{{"id", 0}, {"cmd", "hello"}}.dump());
    if (child_.readLine(line, Clock::now() + kStartTimeout) != ChildProcess::ReadStatus::Line) {
        child_.kill();
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner did not answer hello: %1"), child_.stderrTail());
        return false;
    }
    const Json hello = Json::parse(line, nullptr, false);
    if (hello.is_discarded() || !hello.value("ok", false)) {
        child_.kill();
        why = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner's hello failed: %1"), line);
        return false;
    }
    if (!started_) {  // measured once per device, kept across restarts
        try {
            facts_ = deviceFactsFromJson(hello.contains("facts") ? hello.at("facts") : Json(), "the runner's hello.facts");
            DeviceCeilings(DeviceCeilings::defaultFile()).reconcile(facts_);
        } catch (const ModelError& e) {
            child_.kill();
            why = errorPhrase(e);
            return false;
        }
    } else {
        ++restarts_;
    }
    started_ = true;
    return true;
}

bool RunnerClient::available(Phrase& why) {
    if (unavailable_) {
        why = why_;
        return false;
    }
    if (child_.running()) return true;
    if (!start(why_)) {
        why = why_;
        return false;
    }
    return true;
}

const DeviceFacts& RunnerClient::facts() {
    Phrase why;
    if (!started_ && !available(why))
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no %1 device: %2"), std::string(backendName(backend_)), why));
    return facts_;
}

bool RunnerClient::remeasure(std::chrono::milliseconds timeout) {
    const Reply r = request({{"cmd", "measure"}}, timeout);
    if (r.kind != Reply::Kind::Ok) return false;
    DeviceFacts fresh;
    try {
        fresh = deviceFactsFromJson(r.body.contains("facts") ? r.body.at("facts") : Json(), "the runner's measure.facts");
    } catch (const ModelError&) {
        return false;
    }
    bool rose = false;
    auto raise = [&](double& old, double now) {
        if (now > old) {
            old = now;
            rose = true;
        }
    };
    raise(facts_.copyBandwidthGbps, fresh.copyBandwidthGbps);
    for (const auto& [k, v] : fresh.peakTflops) raise(facts_.peakTflops[k], v);
    if (rose) DeviceCeilings(DeviceCeilings::defaultFile()).reconcile(facts_);
    ++facts_.ceilingsRemeasured;
    return rose;
}

bool RunnerClient::stageFile(std::string& path, std::string& why) {
    std::string bytes;
    try {
        bytes = readTextFile(path, StagedFiles::maxBytes, phrase(QT_TRANSLATE_NOOP("Phrase", "a compiled library")));
    } catch (const std::exception& e) {
        why = e.what();
        return false;
    }
    const std::string sha = sha256Hex(bytes);
    if (const auto it = staged_.find(sha); it != staged_.end()) {
        path = it->second;
        return true;
    }
    // Staging is quick (a copy); a minute covers a slow link for the 40 MiB limit.
    const Reply r = request({{"cmd", "stage"}, {"sha256", sha}, {"data", base64Encode(bytes)}}, std::chrono::seconds(60));
    if (r.kind != Reply::Kind::Ok || !r.body.contains("path") || !r.body["path"].is_string()) {
        why = "could not send " + path + " to the runner at " + endpoint_.spec() + ": " + r.message.english();
        return false;
    }
    path = staged_[sha] = r.body["path"].get<std::string>();
    return true;
}

bool RunnerClient::ship(EvaluateSpec& spec, std::string& why) {
    if (!endpoint_.remote()) return true;
    for (const auto& w : spec.workloads)
        for (const auto& f : w.files)
            if (!f.empty()) {
                why = "workload " + w.uuid + " reads recorded inputs (safetensors), which are not sent to a runner on another host yet";
                return false;
            }
    if (!spec.expectedDir.empty()) {
        why = "the PyTorch reference judges this task, and its outputs are not sent to a runner on another host yet";
        return false;
    }
    // Staging starts the runner when needed; a restart between the two files
    // would leave the first one's path dangling, so the pair is retried once.
    for (int attempt = 0; attempt < 2; ++attempt) {
        EvaluateSpec copy = spec;
        const int restartsBefore = restarts_;
        if (!copy.library.empty() && !stageFile(copy.library, why)) return false;
        if (!copy.reference.empty() && !stageFile(copy.reference, why)) return false;
        if (restarts_ == restartsBefore) {
            spec = std::move(copy);
            return true;
        }
    }
    why = "the runner at " + endpoint_.spec() + " restarted while the candidate was sent";
    return false;
}

RunnerClient::Reply RunnerClient::request(Json command, std::chrono::milliseconds stepTimeout) {
    Reply reply;
    if (!child_.running()) {
        Phrase why;
        if (!start(why)) {
            reply.kind = Reply::Kind::Failed;
            reply.message = why;
            reply.runnerLost = true;
            return reply;
        }
    }
    const int64_t id = nextId_++;
    command["id"] = id;
    if (!child_.writeLine(command.dump())) {
        const auto exit = seen(child_.kill());
        reply.kind = Reply::Kind::Crashed;
        reply.message = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner was gone before the request (%1)"), exitPhrase(exit));
        reply.runnerLost = true;
        return reply;
    }
    auto deadline = Clock::now() + stepTimeout;
    for (;;) {
        std::string line;
        const auto status = child_.readLine(line, deadline);
        if (status == ChildProcess::ReadStatus::Timeout) {
            child_.kill();
            reply.kind = Reply::Kind::Timeout;
            reply.message = phrase(QT_TRANSLATE_NOOP("Phrase", "no progress for %1 s; the runner was killed"),
                                   std::to_string(static_cast<double>(stepTimeout.count()) / 1000.0).substr(0, 5));
            return reply;
        }
        if (status == ChildProcess::ReadStatus::Closed) {
            const auto exit = seen(child_.reap(std::chrono::milliseconds(5000)));
            reply.kind = Reply::Kind::Crashed;
            reply.message = phrase(QT_TRANSLATE_NOOP("Phrase", "the runner died: %1"), exitPhrase(exit));
            reply.runnerLost = endpoint_.remote() ||
                               (!exit.exited && (exit.signal == SIGKILL || exit.signal == SIGTERM || exit.signal == SIGHUP));
            std::string tail = child_.stderrTail();
            if (!tail.empty()) {
                if (tail.size() > 600) tail = "..." + tail.substr(tail.size() - 600);
                while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
                reply.message = phrase(QT_TRANSLATE_NOOP("Phrase", "%1 (stderr: %2)"), reply.message, tail);
            }
            return reply;
        }
        const Json msg = Json::parse(line, nullptr, false);
        if (msg.is_discarded()) continue;  // not ours; the protocol stream only carries JSON
        if (msg.value("id", int64_t{-1}) != id) continue;
        if (msg.contains("progress")) {
            reply.lastProgress = msg.at("progress").get<std::string>();
            deadline = Clock::now() + stepTimeout;
            continue;
        }
        reply.body = msg;
        reply.kind = msg.value("ok", false) ? Reply::Kind::Ok : Reply::Kind::Failed;
        reply.message = verbatim(msg.value("error", ""));
        if (msg.value("must_restart", false) || msg.value("fault", false)) child_.reap(std::chrono::milliseconds(5000));
        return reply;
    }
}

}  // namespace kforge
