#pragma once
// The one place that starts processes: compilers (run to completion, output
// captured, deadline enforced) and the runner (a long-lived child spoken to over
// pipes). Every child gets its own process group so that a deadline kills it
// and everything it started.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kforge {

struct ExitStatus {
    bool exited = false;     // exited normally (code valid)
    int code = -1;           // exit code when exited
    int signal = 0;          // terminating signal otherwise
    bool timedOut = false;   // killed by us at the deadline
    std::string describe() const;  // "exit code 1", "killed by SIGSEGV (segmentation fault)", ...
};

struct RunOptions {
    std::chrono::milliseconds timeout{std::chrono::minutes(5)};
    std::string workingDirectory;                 // empty: inherit
    std::map<std::string, std::string> extraEnv;  // added to the environment
    size_t maxOutputBytes = 4 << 20;              // output beyond this is dropped (tail marker added)
    // Written to the child's stdin, which then closes (else stdin is /dev/null).
    // Meant for small inputs such as a secret: at most a pipe's buffer (64 KiB).
    std::optional<std::string> input;
};

struct ProcessResult {
    ExitStatus status;
    std::string output;  // stdout and stderr interleaved as the child wrote them
    double seconds = 0;
    bool ok() const { return status.exited && status.code == 0; }
};

// Runs argv[0] (looked up in PATH) to completion. A failure to start is reported
// as exit code 127 with the reason in output, like a shell would.
ProcessResult runProcess(const std::vector<std::string>& argv, const RunOptions& options = {});

// A long-lived child with line-oriented pipes on stdin/stdout; stderr is kept
// as a bounded tail for error messages.
class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Starts the child; returns an error message on failure.
    std::optional<std::string> start(const std::vector<std::string>& argv);
    bool running() const { return pid_ > 0; }
    int pid() const { return pid_; }  // -1 when not running
    bool writeLine(const std::string& line);

    enum class ReadStatus { Line, Timeout, Closed };
    // Waits until a full line arrives, the deadline passes, or stdout closes.
    ReadStatus readLine(std::string& line, std::chrono::steady_clock::time_point deadline);

    // SIGKILLs the process group and reaps it.
    ExitStatus kill();
    // Waits for the child to exit on its own (after stdout closed) up to `grace`, then kills it.
    ExitStatus reap(std::chrono::milliseconds grace);
    std::string stderrTail() const { return stderrTail_; }

private:
    void drainStderr();
    void closeFds();
    int pid_ = -1;
    int stdinFd_ = -1;
    int stdoutFd_ = -1;
    int stderrFd_ = -1;
    std::string stdoutBuffer_;
    std::string stderrTail_;
};

std::string signalName(int signal);

}  // namespace kforge
