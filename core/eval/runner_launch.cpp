#include "eval/runner_launch.h"

#include "util/exit_phrase.h"

namespace kforge {
namespace {

// ssh joins its remote arguments into one line for the remote user's shell.
// The endpoint grammar admits no quote, but quoting keeps that a fact of one place.
std::string shellQuoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    if (s.size() > 800) s = "..." + s.substr(s.size() - 800);
    return s;
}

}  // namespace

std::vector<std::string> runnerCommand(const RunnerEndpoint& endpoint, DeviceSlot device,
                                       const std::filesystem::path& localRunner, const std::string& slurmJob) {
    const std::vector<std::string> runnerArgs = {"--backend", std::string(backendName(device.backend)), "--device",
                                                 std::to_string(device.ordinal)};
    const std::string remoteRunner = endpoint.runner.empty() ? "kforge-runner" : endpoint.runner;
    std::vector<std::string> argv;
    switch (endpoint.kind) {
        case RunnerEndpoint::Kind::Local:
            argv = {localRunner.string()};
            argv.insert(argv.end(), runnerArgs.begin(), runnerArgs.end());
            return argv;
        case RunnerEndpoint::Kind::Ssh: {
            // BatchMode: never a password or passphrase prompt (there is no
            // terminal; the agent or an unencrypted key must do). The keepalives
            // turn a dropped network into an exit within about 45 s, which the
            // client sees as a lost runner. No pty: the protocol is bytes.
            argv = {"ssh", "-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=15", "-o", "ServerAliveInterval=15", "-o",
                    "ServerAliveCountMax=3"};
            if (!endpoint.sshConfig.empty()) argv.insert(argv.end(), {"-F", endpoint.sshConfig});
            if (endpoint.port) argv.insert(argv.end(), {"-p", std::to_string(endpoint.port)});
            if (!endpoint.user.empty()) argv.insert(argv.end(), {"-l", endpoint.user});
            // `exec` so that the runner is the session's process and goes with it.
            // --device-lock: this session's lock is on this host; there the
            // runner takes its host's own (util/device_lock.h).
            std::string line = "exec " + shellQuoted(remoteRunner) + " --exit-with-stdin --device-lock";
            for (const auto& a : runnerArgs) line += " " + shellQuoted(a);
            argv.insert(argv.end(), {"--", endpoint.host, line});
            return argv;
        }
        case RunnerEndpoint::Kind::Slurm:
            // One task on one node; srun forwards our stdin to it and its stdout
            // back unbuffered; --kill-on-bad-exit so a crashed runner ends its step.
            argv = {"srun", "--nodes=1", "--ntasks=1", "--unbuffered", "--quiet", "--kill-on-bad-exit=1", "--job-name=kforge-runner"};
            if (!slurmJob.empty()) {
                // A step of the session's allocation, which holds the node, the
                // partition and the time limit. --overlap: a lost runner's step
                // still ending must not hold the new one back.
                argv.insert(argv.end(), {"--jobid=" + slurmJob, "--overlap"});
            } else {
                // A job of its own, which ends with the runner.
                argv.push_back("--partition=" + endpoint.partition);
                if (!endpoint.time.empty()) argv.push_back("--time=" + endpoint.time);
            }
            if (!endpoint.gres.empty()) argv.push_back("--gres=" + endpoint.gres);
            argv.insert(argv.end(), {remoteRunner, "--exit-with-stdin", "--device-lock"});
            argv.insert(argv.end(), runnerArgs.begin(), runnerArgs.end());
            return argv;
    }
    return argv;
}

Phrase explainStartFailure(const RunnerEndpoint& endpoint, const ExitStatus& exit, const std::string& stderrTail) {
    const std::string said = trimmed(stderrTail);
    const std::string tail = said.empty() ? "" : ": " + said;  // what ssh or srun said, verbatim
    const std::string& spec = endpoint.spec();
    const Phrase runner =
        endpoint.runner.empty() ? phrase(QT_TRANSLATE_NOOP("Phrase", "kforge-runner (on the PATH)")) : verbatim(endpoint.runner);
    if (endpoint.kind == RunnerEndpoint::Kind::Ssh && exit.exited) {
        if (exit.code == 255) {
            if (said.find("Permission denied") != std::string::npos)
                return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: ssh could not connect (the key was refused: ssh-copy-id, "
                                                          "or load the key into ssh-agent; KernelForge never asks for a password)%2"),
                              spec, tail);
            if (said.find("Host key verification failed") != std::string::npos)
                return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: ssh could not connect (the host key is not known: "
                                                          "connect once with ssh to accept it)%2"),
                              spec, tail);
            if (said.find("Could not resolve") != std::string::npos || said.find("Connection refused") != std::string::npos ||
                said.find("timed out") != std::string::npos || said.find("No route") != std::string::npos)
                return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: ssh could not connect (is the host name right and sshd "
                                                          "running there?)%2"),
                              spec, tail);
            return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: ssh could not connect%2"), spec, tail);
        }
        if (exit.code == 127 || exit.code == 126)
            return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: %2 is not there or cannot run on %3 (install it there, or "
                                                      "name it with ?runner=/path/to/kforge-runner)%4"),
                          spec, runner, endpoint.host, tail);
    }
    if (endpoint.kind == RunnerEndpoint::Kind::Slurm && exit.exited && exit.code != 0) {
        if (exit.code == 127)
            return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: srun (Slurm's client) or %2 on the node could not be run%3"),
                          spec, runner, tail);
        return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: srun did not start the runner (%2; is %3 installed on the "
                                                  "partition's nodes?)%4"),
                      spec, exitPhrase(exit), runner, tail);
    }
    return phrase(QT_TRANSLATE_NOOP("Phrase", "runner endpoint %1: the runner did not start (%2)%3"), spec, exitPhrase(exit), tail);
}

}  // namespace kforge
