#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <thread>

#include "util/exit_phrase.h"

extern char** environ;

namespace kforge {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
    int read = -1;
    int write = -1;
    bool open() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return false;
        read = fds[0];
        write = fds[1];
        return true;
    }
};

void closeFd(int& fd) {
    if (fd >= 0) ::close(fd);
    fd = -1;
}

// fork + exec with the given pipes as stdin/stdout/stderr; -1 with errno on failure.
// The child starts its own process group so that killing -pid takes its children too.
pid_t spawn(const std::vector<std::string>& argv, int in, int out, int err, const RunOptions* options,
            std::string& error) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);

    // Prepared before fork: the child may only call async-signal-safe functions.
    std::vector<std::string> envStrings;
    std::vector<char*> env;
    if (options && !options->extraEnv.empty()) {
        for (char** e = environ; *e; ++e) {
            std::string entry(*e);
            const auto eq = entry.find('=');
            if (eq != std::string::npos && options->extraEnv.count(entry.substr(0, eq))) continue;
            envStrings.push_back(entry);
        }
        for (const auto& [k, v] : options->extraEnv) envStrings.push_back(k + "=" + v);
        for (auto& s : envStrings) env.push_back(s.data());
        env.push_back(nullptr);
    }
    const char* cwd = options && !options->workingDirectory.empty() ? options->workingDirectory.c_str() : nullptr;

    Pipe execStatus;  // carries errno of a failed exec back to the parent
    if (!execStatus.open()) {
        error = std::string("pipe: ") + std::strerror(errno);
        return -1;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        error = std::string("fork: ") + std::strerror(errno);
        closeFd(execStatus.read);
        closeFd(execStatus.write);
        return -1;
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        if (in >= 0) ::dup2(in, 0);
        if (out >= 0) ::dup2(out, 1);
        if (err >= 0) ::dup2(err, 2);
        if (cwd && ::chdir(cwd) != 0) {
            const int e = errno;
            (void)!::write(execStatus.write, &e, sizeof e);
            ::_exit(127);
        }
        if (!env.empty()) ::execvpe(args[0], args.data(), env.data());
        else ::execvp(args[0], args.data());
        const int e = errno;
        (void)!::write(execStatus.write, &e, sizeof e);
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also from the parent: no race with a kill right after
    closeFd(execStatus.write);
    int childErrno = 0;
    const ssize_t n = ::read(execStatus.read, &childErrno, sizeof childErrno);
    closeFd(execStatus.read);
    if (n == static_cast<ssize_t>(sizeof childErrno)) {
        ::waitpid(pid, nullptr, 0);
        error = "cannot run '" + argv[0] + "': " + std::strerror(childErrno);
        return -1;
    }
    return pid;
}

ExitStatus toExitStatus(int waitStatus) {
    ExitStatus s;
    if (WIFEXITED(waitStatus)) {
        s.exited = true;
        s.code = WEXITSTATUS(waitStatus);
    } else if (WIFSIGNALED(waitStatus)) {
        s.signal = WTERMSIG(waitStatus);
    }
    return s;
}

void appendBounded(std::string& out, const char* data, size_t n, size_t limit, bool& truncated) {
    if (out.size() >= limit) {
        truncated = true;
        return;
    }
    const size_t take = std::min(n, limit - out.size());
    out.append(data, take);
    if (take < n) truncated = true;
}

}  // namespace

std::string signalName(int signal) {
    switch (signal) {
        case SIGSEGV: return "SIGSEGV (segmentation fault)";
        case SIGABRT: return "SIGABRT (abort)";
        case SIGBUS: return "SIGBUS (bus error)";
        case SIGFPE: return "SIGFPE (arithmetic exception)";
        case SIGILL: return "SIGILL (illegal instruction)";
        case SIGKILL: return "SIGKILL";
        case SIGTERM: return "SIGTERM";
        case SIGINT: return "SIGINT";
        case SIGPIPE: return "SIGPIPE";
        default: return "signal " + std::to_string(signal);
    }
}

std::string ExitStatus::describe() const { return exitPhrase(*this).english(); }

ProcessResult runProcess(const std::vector<std::string>& argv, const RunOptions& options) {
    ProcessResult result;
    const auto start = Clock::now();
    Pipe out;
    if (argv.empty() || !out.open()) {
        result.status.exited = true;
        result.status.code = 127;
        result.output = argv.empty() ? "empty command" : std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    Pipe in;
    if (options.input && (options.input->size() > 65536 || !in.open())) {
        closeFd(out.read);
        closeFd(out.write);
        result.status.exited = true;
        result.status.code = 127;
        result.output = options.input->size() > 65536 ? "input for the child is larger than 64 KiB"
                                                      : std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    const int devnull = options.input ? -1 : ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    std::string error;
    const pid_t pid = spawn(argv, options.input ? in.read : devnull, out.write, out.write, &options, error);
    closeFd(out.write);
    closeFd(in.read);
    if (devnull >= 0) ::close(devnull);
    if (options.input) {
        // Fits the pipe's buffer (checked above), so this cannot block on the child;
        // a child that exits unread must give EPIPE, not kill us.
        std::signal(SIGPIPE, SIG_IGN);
        if (pid >= 0) {
            const std::string& text = *options.input;
            size_t done = 0;
            while (done < text.size()) {
                const ssize_t n = ::write(in.write, text.data() + done, text.size() - done);
                if (n < 0 && errno == EINTR) continue;
                if (n <= 0) break;
                done += static_cast<size_t>(n);
            }
        }
        closeFd(in.write);
    }
    if (pid < 0) {
        closeFd(out.read);
        result.status.exited = true;
        result.status.code = 127;
        result.output = error;
        return result;
    }

    const auto deadline = start + options.timeout;
    bool truncated = false;
    char buffer[65536];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            ::kill(-pid, SIGKILL);
            result.status.timedOut = true;
            break;
        }
        pollfd p{out.read, POLLIN, 0};
        const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (r < 0 && errno == EINTR) continue;
        if (r > 0) {
            const ssize_t n = ::read(out.read, buffer, sizeof buffer);
            if (n > 0) appendBounded(result.output, buffer, static_cast<size_t>(n), options.maxOutputBytes, truncated);
            else if (n == 0 || errno != EINTR) break;  // EOF: child (and its group) closed the pipe
        }
    }
    closeFd(out.read);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    const bool timedOut = result.status.timedOut;
    result.status = toExitStatus(status);
    result.status.timedOut = timedOut;
    if (truncated) result.output += "\n[output truncated]\n";
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0) kill();
}

std::optional<std::string> ChildProcess::start(const std::vector<std::string>& argv) {
    if (pid_ > 0) kill();
    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open()) return std::string("pipe: ") + std::strerror(errno);
    std::string error;
    const pid_t pid = spawn(argv, in.read, out.write, err.write, nullptr, error);
    closeFd(in.read);
    closeFd(out.write);
    closeFd(err.write);
    if (pid < 0) {
        closeFd(in.write);
        closeFd(out.read);
        closeFd(err.read);
        return error;
    }
    pid_ = pid;
    stdinFd_ = in.write;
    stdoutFd_ = out.read;
    stderrFd_ = err.read;
    ::fcntl(stderrFd_, F_SETFL, O_NONBLOCK);
    stdoutBuffer_.clear();
    stderrTail_.clear();
    return std::nullopt;
}

bool ChildProcess::writeLine(const std::string& line) {
    if (stdinFd_ < 0) return false;
    std::string data = line + "\n";
    size_t done = 0;
    while (done < data.size()) {
        // MSG_NOSIGNAL is for sockets; a dead reader gives EPIPE because SIGPIPE is ignored by the caller.
        const ssize_t n = ::write(stdinFd_, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

void ChildProcess::drainStderr() {
    if (stderrFd_ < 0) return;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(stderrFd_, buffer, sizeof buffer);
        if (n <= 0) break;
        stderrTail_.append(buffer, static_cast<size_t>(n));
    }
    constexpr size_t kKeep = 16384;
    if (stderrTail_.size() > kKeep) stderrTail_.erase(0, stderrTail_.size() - kKeep);
}

ChildProcess::ReadStatus ChildProcess::readLine(std::string& line, Clock::time_point deadline) {
    char buffer[65536];
    for (;;) {
        const auto nl = stdoutBuffer_.find('\n');
        if (nl != std::string::npos) {
            line = stdoutBuffer_.substr(0, nl);
            stdoutBuffer_.erase(0, nl + 1);
            return ReadStatus::Line;
        }
        if (stdoutFd_ < 0) return ReadStatus::Closed;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) return ReadStatus::Timeout;
        pollfd fds[2] = {{stdoutFd_, POLLIN, 0}, {stderrFd_, POLLIN, 0}};
        const int r = ::poll(fds, stderrFd_ >= 0 ? 2 : 1, static_cast<int>(std::min<long long>(left, 1000)));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) continue;
        if (fds[1].revents) drainStderr();
        if (fds[0].revents) {
            const ssize_t n = ::read(stdoutFd_, buffer, sizeof buffer);
            if (n > 0) stdoutBuffer_.append(buffer, static_cast<size_t>(n));
            else if (n == 0 || errno != EINTR) {
                drainStderr();
                closeFd(stdoutFd_);
            }
        }
    }
}

void ChildProcess::closeFds() {
    closeFd(stdinFd_);
    closeFd(stdoutFd_);
    closeFd(stderrFd_);
}

ExitStatus ChildProcess::kill() {
    if (pid_ <= 0) return {};
    ::kill(-pid_, SIGKILL);
    drainStderr();
    closeFds();
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {}
    pid_ = -1;
    return toExitStatus(status);
}

ExitStatus ChildProcess::reap(std::chrono::milliseconds grace) {
    if (pid_ <= 0) return {};
    const auto until = Clock::now() + grace;
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid_, &status, WNOHANG);
        if (r == pid_) break;
        if (Clock::now() >= until) return kill();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::kill(-pid_, SIGKILL);  // anything the child left behind in its group
    drainStderr();
    closeFds();
    pid_ = -1;
    return toExitStatus(status);
}

}  // namespace kforge
