#pragma once
// What one run of the PyTorch child gave a prepared task: the baselines of
// every workload and, when the PyTorch reference judges, the directory holding
// its outputs (read by the runner instead of running a native reference).
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/baselines.h"

namespace kforge {

// A directory that is removed with everything in it when the last owner goes.
class ScratchDir {
public:
    // Under `parent`, or the system's temporary directory when empty.
    explicit ScratchDir(const std::string& prefix, const std::filesystem::path& parent = {});
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

struct TorchRun {
    TorchSummary summary;
    WorkloadBaselines baselines;
    std::filesystem::path expectedDir;  // non-empty when the PyTorch reference judges
    std::shared_ptr<ScratchDir> scratch;
};

}  // namespace kforge
