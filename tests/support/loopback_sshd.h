#pragma once
// A real OpenSSH server on 127.0.0.1 for tests: its own config, a throwaway
// host key and user key in a temporary directory, a free port, and an
// ssh_config that reaches it as host "kforge-test" (known host key, the
// test's key only). It runs as the current user. available() is false, with
// why(), only when sshd cannot start here (not installed, no privilege
// separation directory a root sshd can make).
#include <filesystem>
#include <string>

#include "util/process.h"

namespace kforge::test {

class LoopbackSshd {
public:
    LoopbackSshd();
    ~LoopbackSshd();
    LoopbackSshd(const LoopbackSshd&) = delete;
    LoopbackSshd& operator=(const LoopbackSshd&) = delete;

    bool available() const { return running_; }
    const std::string& why() const { return why_; }
    int port() const { return port_; }
    int pid() const { return server_.pid(); }
    // ssh -F this file reaches the server as host "kforge-test".
    std::filesystem::path clientConfig() const { return dir_ / "ssh_config"; }
    // The same, but with a key the server does not accept.
    std::filesystem::path strangerConfig() const { return dir_ / "ssh_config_stranger"; }
    const std::filesystem::path& directory() const { return dir_; }

private:
    bool start();
    std::filesystem::path dir_;
    ChildProcess server_;
    int port_ = 0;
    bool running_ = false;
    std::string why_;
};

}  // namespace kforge::test
