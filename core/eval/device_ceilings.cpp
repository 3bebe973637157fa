#include "eval/device_ceilings.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "util/cache_directory.h"

namespace kforge {

namespace {

// The file is this cache's own format (not a result's): per device key,
// {"copy_gbps", "cache_gbps", "peak_rates": {dtype: TFLOP/s}}, read and
// written only in reconcileWithFile().
constexpr int kVersion = 2;
constexpr size_t kMaxFileBytes = 1 << 20;

// Holds an exclusive flock on an open file for one read-modify-write.
class LockedFile {
public:
    explicit LockedFile(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
        if (fd_ < 0) return;
        while (::flock(fd_, LOCK_EX) != 0)
            if (errno != EINTR) {
                ::close(fd_);
                fd_ = -1;
                return;
            }
    }
    ~LockedFile() {
        if (fd_ >= 0) ::close(fd_);  // closing releases the lock
    }
    LockedFile(const LockedFile&) = delete;
    LockedFile& operator=(const LockedFile&) = delete;
    bool ok() const { return fd_ >= 0; }

    std::string read() const {
        std::string text;
        char buf[8192];
        ::lseek(fd_, 0, SEEK_SET);
        for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0 && text.size() < kMaxFileBytes;) text.append(buf, size_t(n));
        return text;
    }
    void write(const std::string& text) const {
        if (::ftruncate(fd_, 0) != 0) return;
        ::lseek(fd_, 0, SEEK_SET);
        for (size_t done = 0; done < text.size();) {
            const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
            if (n <= 0 && errno != EINTR) return;
            if (n > 0) done += size_t(n);
        }
    }

private:
    int fd_ = -1;
};

double number(const nlohmann::json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

}  // namespace

DeviceCeilings::DeviceCeilings(std::filesystem::path file) : file_(std::move(file)) {}

std::filesystem::path DeviceCeilings::defaultFile() {
    if (const char* f = std::getenv("KFORGE_DEVICE_CEILINGS"); f && *f) return f;
    return cacheDirectory() / "device-ceilings.json";
}

std::string DeviceCeilings::key(const DeviceFacts& f) {
    std::string k = std::string(backendName(f.backend)) + "|" + f.name + "|" + std::to_string(f.memoryBytes);
    if (f.cpu) k += "|cores " + std::to_string(f.cpu->cores);
    if (f.gpu) k += "|sms " + std::to_string(f.gpu->smCount);
    return k;
}

void DeviceCeilings::reconcile(DeviceFacts& facts) const {
    // A cache must never stop a runner from starting: whatever the file holds
    // (a "version" that is text, a name that is not UTF-8), the figures stay
    // this process's own.
    DeviceFacts updated = facts;
    try {
        reconcileWithFile(updated);
    } catch (const std::exception&) {
        return;
    }
    facts = std::move(updated);
}

void DeviceCeilings::reconcileWithFile(DeviceFacts& facts) const {
    if (!facts.known()) return;
    std::error_code ec;
    std::filesystem::create_directories(file_.parent_path(), ec);
    const LockedFile file(file_);
    if (!file.ok()) return;
    // A damaged or foreign file is a cache: it is started again.
    nlohmann::json all = nlohmann::json::parse(file.read(), nullptr, false);
    if (!all.is_object() || all.value("version", 0) != kVersion || !all.contains("devices") || !all["devices"].is_object())
        all = {{"version", kVersion}, {"devices", nlohmann::json::object()}};
    nlohmann::json& stored = all["devices"][key(facts)];
    if (!stored.is_object()) stored = nlohmann::json::object();

    bool changed = false;
    auto reconcileOne = [&](double& mine, nlohmann::json& record, const char* field) {
        const double best = number(record, field);
        if (best > mine) mine = best;
        else if (mine > best) {
            record[field] = mine;
            changed = true;
        }
    };
    reconcileOne(facts.copyBandwidthGbps, stored, "copy_gbps");
    reconcileOne(facts.cacheBandwidthGbps, stored, "cache_gbps");
    nlohmann::json& peaks = stored["peak_rates"];
    if (!peaks.is_object()) peaks = nlohmann::json::object();
    for (auto& [dtype, value] : facts.peakTflops) reconcileOne(value, peaks, dtype.c_str());
    if (changed) file.write(all.dump(1) + "\n");
}

}  // namespace kforge
