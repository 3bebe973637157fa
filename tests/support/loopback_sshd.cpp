#include "support/loopback_sshd.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "support/free_port.h"

namespace kforge::test {
namespace {

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool keygen(const std::filesystem::path& key, std::string& why) {
    const auto r = runProcess({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kforge-test", "-f", key.string()});
    if (!r.ok()) why = "ssh-keygen failed: " + r.output;
    return r.ok();
}

}  // namespace

LoopbackSshd::LoopbackSshd() {
    char templ[] = "/tmp/kforge-sshd-XXXXXX";
    if (!::mkdtemp(templ)) {
        why_ = "cannot make a temporary directory";
        return;
    }
    dir_ = templ;
    running_ = start();
}

LoopbackSshd::~LoopbackSshd() {
    if (server_.running()) server_.kill();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

bool LoopbackSshd::start() {
    const std::filesystem::path sshd = "/usr/sbin/sshd";
    if (!std::filesystem::exists(sshd)) {
        why_ = "no /usr/sbin/sshd (Debian's openssh-server; packaging/install-deps.sh installs it)";
        return false;
    }
    // A root sshd insists on its privilege separation directory.
    if (::geteuid() == 0) {
        std::error_code ec;
        std::filesystem::create_directories("/run/sshd", ec);
        if (ec) {
            why_ = "a root sshd needs /run/sshd: " + ec.message();
            return false;
        }
    }
    if (!keygen(dir_ / "host_key", why_) || !keygen(dir_ / "user_key", why_) || !keygen(dir_ / "stranger_key", why_)) return false;
    std::filesystem::copy_file(dir_ / "user_key.pub", dir_ / "authorized_keys");
    const passwd* pw = ::getpwuid(::geteuid());
    const std::string user = pw ? pw->pw_name : "root";
    port_ = freeLoopbackPort();
    {
        std::ofstream c(dir_ / "sshd_config");
        c << "ListenAddress 127.0.0.1\nPort " << port_ << "\nHostKey " << (dir_ / "host_key").string()
          << "\nPidFile " << (dir_ / "sshd.pid").string() << "\nAuthorizedKeysFile " << (dir_ / "authorized_keys").string()
          << "\nAllowUsers " << user
          << "\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
             "PermitRootLogin prohibit-password\nUsePAM no\n"
             // The key files live in a world-readable temporary directory.
             "StrictModes no\nLogLevel VERBOSE\n";
    }
    const std::string hostKey = readAll(dir_ / "host_key.pub");
    {
        std::ofstream k(dir_ / "known_hosts");
        k << "[127.0.0.1]:" << port_ << " " << hostKey;
    }
    auto writeClient = [&](const std::filesystem::path& file, const char* key) {
        std::ofstream c(file);
        c << "Host kforge-test\n  HostName 127.0.0.1\n  Port " << port_ << "\n  User " << user << "\n  IdentityFile "
          << (dir_ / key).string() << "\n  IdentitiesOnly yes\n  IdentityAgent none\n  UserKnownHostsFile "
          << (dir_ / "known_hosts").string() << "\n  StrictHostKeyChecking yes\n  GlobalKnownHostsFile /dev/null\n"
          << "  LogLevel ERROR\n";
    };
    writeClient(clientConfig(), "user_key");
    writeClient(strangerConfig(), "stranger_key");

    // -D: stays in the foreground, our child; -E: its log in a file (a pipe
    // nobody reads would fill and stall it).
    if (auto err = server_.start({sshd.string(), "-D", "-E", (dir_ / "sshd.log").string(), "-f", (dir_ / "sshd_config").string()})) {
        why_ = "sshd did not start: " + *err;
        return false;
    }
    for (int i = 0; i < 100; ++i) {
        if (accepts(port_)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    why_ = "sshd did not listen on 127.0.0.1:" + std::to_string(port_) + ": " + server_.stderrTail() + readAll(dir_ / "sshd.log");
    server_.kill();
    return false;
}

}  // namespace kforge::test
