#pragma once
// The PyTorch baseline options `kforge eval` and `kforge optimize` share:
// which baselines to time and how torch.compile compiles.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace kforge::cli {

struct TorchOptions {
    std::string baselines = "eager,compile,vendor";  // as given: a comma list, or "none"
    std::string compileMode = "default";

    // The list --torch-baselines names; throws CLI::ValidationError naming an unknown one.
    std::vector<std::string> baselineList() const;
};

// Adds --torch-baselines and --compile-mode to `cmd`, filling `o`.
void addTorchOptions(CLI::App* cmd, TorchOptions& o);

}  // namespace kforge::cli
