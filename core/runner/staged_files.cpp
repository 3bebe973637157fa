#include "runner/staged_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "runner/protocol.h"
#include "util/base64.h"
#include "util/sha256.h"

namespace kforge {

StagedFiles::~StagedFiles() {
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
}

std::filesystem::path StagedFiles::stage(const std::string& sha256, const std::string& base64) {
    if (sha256.size() != 64 || sha256.find_first_not_of("0123456789abcdef") != std::string::npos)
        throw RequestError("stage: sha256: expected 64 lowercase hex digits");
    if (base64.size() / 4 * 3 > maxBytes + 3)
        throw RequestError("stage: data: more than " + std::to_string(maxBytes) + " bytes (the limit)");
    const auto bytes = base64Decode(base64);
    if (!bytes) throw RequestError("stage: data: not canonical base64");
    if (bytes->size() > maxBytes) throw RequestError("stage: data: more than " + std::to_string(maxBytes) + " bytes (the limit)");
    if (sha256Hex(*bytes) != sha256) throw RequestError("stage: data: its SHA-256 is not the one given (damaged in transit?)");

    if (dir_.empty()) {
        // mkdtemp makes it 0700: no other user reads or replaces what we load.
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/kforge-runner-stage-XXXXXX";
        std::vector<char> buf(templ.begin(), templ.end());
        buf.push_back('\0');
        if (!::mkdtemp(buf.data())) throw Error("stage: cannot make a private directory under " + templ);
        dir_ = buf.data();
    }
    const auto path = dir_ / (sha256 + ".so");
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path;  // content-addressed: the same bytes
    // Written under a temporary name and renamed, so a half-written file is never loaded.
    const auto partial = dir_ / (sha256 + ".partial");
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0500);
    if (fd < 0) throw Error("stage: cannot write " + partial.string());
    size_t done = 0;
    while (done < bytes->size()) {
        const ssize_t n = ::write(fd, bytes->data() + done, bytes->size() - done);
        if (n <= 0) {
            ::close(fd);
            throw Error("stage: writing " + partial.string() + " failed");
        }
        done += static_cast<size_t>(n);
    }
    if (::close(fd) != 0 || std::rename(partial.c_str(), path.c_str()) != 0) throw Error("stage: cannot keep " + path.string());
    return path;
}

}  // namespace kforge
