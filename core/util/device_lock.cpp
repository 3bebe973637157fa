#include "util/device_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>
#include <vector>

namespace kforge {

namespace {

std::vector<std::string> splitList(const char* text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) out.push_back(item);
    return out;
}

// "cuda:2" under CUDA_VISIBLE_DEVICES=5,7,1 is the machine's device 1.
std::string visibleDevice(const std::string& backend, const std::string& ordinal) {
    const char* var = backend == "cuda" ? std::getenv("CUDA_VISIBLE_DEVICES")
                    : backend == "hip"  ? (std::getenv("HIP_VISIBLE_DEVICES") ? std::getenv("HIP_VISIBLE_DEVICES")
                                                                               : std::getenv("ROCR_VISIBLE_DEVICES"))
                                        : nullptr;
    if (!var || !*var) return ordinal;
    const auto list = splitList(var);
    char* end = nullptr;
    const long i = std::strtol(ordinal.c_str(), &end, 10);
    if (end == ordinal.c_str() || *end || i < 0 || static_cast<size_t>(i) >= list.size()) return ordinal;
    return list[static_cast<size_t>(i)];
}

}  // namespace

std::string deviceLockKey(const std::string& device) {
    std::string name = device;
    // A local device ("cuda:0", "hip:1"); a remote one keeps its ordinal as the remote host numbers it.
    if (const auto colon = name.find(':'); colon != std::string::npos && name.find(' ') == std::string::npos &&
                                           name.find("//") == std::string::npos)
        name = name.substr(0, colon) + ":" + visibleDevice(name.substr(0, colon), name.substr(colon + 1));
    std::string key;
    for (const char c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
        if (keep)
            key += c;
        else if (!key.empty() && key.back() != '-')
            key += '-';
    }
    while (!key.empty() && key.back() == '-') key.pop_back();
    if (key.size() > 200) key.resize(200);  // a file name, whatever the endpoint's spelling
    return key.empty() ? std::string("device") : key;
}

std::filesystem::path deviceLockDirectory() {
    if (const char* dir = std::getenv("KFORGE_LOCK_DIR"); dir && *dir) return dir;
    return "/tmp/kforge-device-locks";
}

DeviceLock::DeviceLock(const std::string& device) : file_(deviceLockDirectory() / (deviceLockKey(device) + ".lock")) {
    const auto dir = file_.parent_path();
    if (::mkdir(dir.c_str(), 01777) == 0) ::chmod(dir.c_str(), 01777);  // past the umask: every user locks here
    // Read-only is enough for flock, so a file another user created serves too.
    fd_ = ::open(file_.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
}

DeviceLock::~DeviceLock() {
    if (fd_ >= 0) ::close(fd_);
}

void DeviceLock::lock() {
    mutex_.lock();
    if (fd_ < 0) return;
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
}

bool DeviceLock::tryLock() {
    if (!mutex_.try_lock()) return false;
    if (fd_ < 0) return true;
    int rc = 0;
    while ((rc = ::flock(fd_, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {
    }
    if (rc == 0) return true;
    mutex_.unlock();
    return false;
}

void DeviceLock::unlock() {
    if (fd_ >= 0) ::flock(fd_, LOCK_UN);
    mutex_.unlock();
}

}  // namespace kforge
