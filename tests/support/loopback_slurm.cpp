#include "support/loopback_slurm.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "support/free_port.h"

namespace kforge::test {
namespace {

std::string readAll(const std::filesystem::path& p) {
    std::ifstream in(p);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string shortHostname() {
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    std::string h = buf;
    return h.substr(0, h.find('.'));
}

}  // namespace

LoopbackSlurm::LoopbackSlurm() {
    char templ[] = "/tmp/kforge-slurm-XXXXXX";
    if (!::mkdtemp(templ)) {
        why_ = "cannot make a temporary directory";
        return;
    }
    dir_ = templ;
    running_ = start();
    if (!running_) {
        why_ += logs();
        for (auto* p : {&slurmd_, &slurmctld_, &munged_})
            if (p->running()) p->kill();
    }
}

LoopbackSlurm::~LoopbackSlurm() {
    // slurmd first: jobs end with it; munged last, the others need it to say goodbye.
    for (auto* p : {&slurmd_, &slurmctld_, &munged_})
        if (p->running()) p->kill();
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

std::string LoopbackSlurm::logs() const {
    std::string out;
    for (const char* f : {"munged.log", "slurmctld.log", "slurmd.log"}) {
        std::string text = readAll(dir_ / f);
        if (text.size() > 1500) text = "..." + text.substr(text.size() - 1500);
        if (!text.empty()) out += std::string("\n--- ") + f + "\n" + text;
    }
    return out;
}

bool LoopbackSlurm::start() {
    for (const char* tool : {"/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/srun", "/usr/bin/sinfo"})
        if (!std::filesystem::exists(tool)) {
            why_ = std::string("no ") + tool + " (Debian's slurm-wlm and munge; packaging/install-deps.sh installs them)";
            return false;
        }
    if (::geteuid() != 0) {
        why_ = "slurmd must run as root to launch jobs";
        return false;
    }
    std::filesystem::create_directories(dir_ / "state");
    std::filesystem::create_directories(dir_ / "spool");
    {
        std::ofstream key(dir_ / "munge.key", std::ios::binary);
        std::random_device rd;
        for (int i = 0; i < 1024; ++i) key.put(static_cast<char>(rd() & 0xff));
    }
    std::filesystem::permissions(dir_ / "munge.key", std::filesystem::perms::owner_read);
    const std::string host = shortHostname();
    const std::string d = dir_.string();
    {
        std::ofstream c(configFile());
        c << "ClusterName=kforgetest\nSlurmctldHost=" << host << "(127.0.0.1)\nSlurmctldPort=" << freeLoopbackPort()
          << "\nSlurmdPort=" << freeLoopbackPort() << "\nAuthType=auth/munge\nCredType=cred/munge\nAuthInfo=socket=" << d
          << "/munge.socket\nMpiDefault=none\nProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\nReturnToService=2\n"
          << "SlurmctldPidFile=" << d << "/slurmctld.pid\nSlurmdPidFile=" << d << "/slurmd.pid\nSlurmdSpoolDir=" << d
          << "/spool\nStateSaveLocation=" << d << "/state\nSlurmUser=root\nSlurmdUser=root\nSchedulerType=sched/builtin\n"
          << "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\nJobCompType=jobcomp/none\n"
          << "AccountingStorageType=accounting_storage/none\nJobAcctGatherType=jobacct_gather/none\n"
          << "SlurmctldLogFile=" << d << "/slurmctld.log\nSlurmdLogFile=" << d << "/slurmd.log\n"
          << "NodeName=" << host << " NodeAddr=127.0.0.1 CPUs=" << std::thread::hardware_concurrency() << " State=UNKNOWN\n"
          << "PartitionName=debug Nodes=" << host << " Default=YES MaxTime=INFINITE State=UP\n";
    }
    // The daemons read SLURM_CONF; our children inherit it.
    ::setenv("SLURM_CONF", configFile().c_str(), 1);
    if (auto err = munged_.start({"/usr/sbin/munged", "--foreground", "--force", "--socket=" + d + "/munge.socket",
                                  "--key-file=" + d + "/munge.key", "--pid-file=" + d + "/munged.pid",
                                  "--log-file=" + d + "/munged.log", "--seed-file=" + d + "/munged.seed"})) {
        why_ = "munged did not start: " + *err;
        return false;
    }
    for (int i = 0; i < 50 && !std::filesystem::exists(dir_ / "munge.socket"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // -i: ignore any state a previous run left (there is none in a fresh directory).
    if (auto err = slurmctld_.start({"/usr/sbin/slurmctld", "-D", "-i"})) {
        why_ = "slurmctld did not start: " + *err;
        return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (auto err = slurmd_.start({"/usr/sbin/slurmd", "-D", "-N", host})) {
        why_ = "slurmd did not start: " + *err;
        return false;
    }
    // Ready when the node is idle in the partition.
    for (int i = 0; i < 120; ++i) {
        RunOptions o;
        o.timeout = std::chrono::seconds(10);
        const auto r = runProcess({"/usr/bin/sinfo", "--noheader", "--partition=debug", "--format=%t"}, o);
        if (r.ok() && r.output.find("idle") != std::string::npos) return true;
        if (!slurmctld_.running() || !slurmd_.running()) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    why_ = "the single-node cluster did not come up (sinfo never showed the node idle)";
    return false;
}

}  // namespace kforge::test
