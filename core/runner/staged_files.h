#pragma once
// Compiled candidates sent to the runner in the protocol ("stage"), for a runner
// on another host that cannot read the core's compile cache. Each is checked
// against its SHA-256 and written, content-addressed, into a directory private
// to this runner process, which is removed when it ends.
#include <cstddef>
#include <filesystem>
#include <string>

namespace kforge {

class StagedFiles {
public:
    // Base64 of at most this many bytes fits in one protocol line (64 MiB).
    static constexpr size_t maxBytes = size_t{40} << 20;
    StagedFiles() = default;
    ~StagedFiles();
    StagedFiles(const StagedFiles&) = delete;
    StagedFiles& operator=(const StagedFiles&) = delete;

    // Decodes `base64`, checks its SHA-256 against `sha256` (64 lowercase hex
    // digits) and the size limit, and returns the file's path. Throws
    // RequestError naming what is wrong.
    std::filesystem::path stage(const std::string& sha256, const std::string& base64);
    // The private directory, empty until the first stage.
    const std::filesystem::path& directory() const { return dir_; }

private:
    std::filesystem::path dir_;
};

}  // namespace kforge
