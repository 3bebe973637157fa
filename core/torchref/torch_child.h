#pragma once
// The core's side of the Python child (resources/python/kforge_torch/child.py):
// starts it, watches every step with a deadline (a longer one while
// torch.compile compiles), and survives a crash or a hang: the baseline that
// was running is marked TIMEOUT or FAULT (or RUNTIME_ERROR for a non-zero exit)
// with the reason, and the child is started again with what is done skipped.
#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "model/baselines.h"
#include "torchref/torch_python.h"

namespace kforge {

struct TorchChildLimits {
    std::chrono::milliseconds stepTimeout{60000};
    std::chrono::milliseconds compileTimeout{std::chrono::minutes(15)};
};

struct TorchRunResult {
    std::string error;  // set when the child could not run at all (the baselines then say why too)
    std::string torchVersion, pythonVersion, device;
    std::map<std::string, std::vector<MeasuredBaseline>> baselines;  // per workload uuid, in the order measured
    std::set<std::string> outputsWritten;                            // uuids whose reference outputs are on disk
    int restarts = 0;
};

// Runs the child on `request` (see child.py for its fields), writing the request
// (with the `skip` list of each restart) to `requestFile`. `pythonDir` holds the
// kforge_torch package.
TorchRunResult runTorchChild(const TorchPython& python, const std::filesystem::path& pythonDir, nlohmann::json request,
                             const std::filesystem::path& requestFile, const TorchChildLimits& limits);

}  // namespace kforge
