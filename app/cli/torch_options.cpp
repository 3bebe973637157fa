#include "torch_options.h"

#include <sstream>

namespace kforge::cli {

std::vector<std::string> TorchOptions::baselineList() const {
    std::vector<std::string> list;
    if (baselines == "none") return list;
    std::stringstream in(baselines);
    for (std::string name; std::getline(in, name, ',');) {
        if (name != "eager" && name != "compile" && name != "vendor")
            throw CLI::ValidationError("--torch-baselines", "unknown baseline '" + name + "' (eager, compile, vendor or none)");
        list.push_back(name);
    }
    return list;
}

void addTorchOptions(CLI::App* cmd, TorchOptions& o) {
    cmd->add_option("--torch-baselines", o.baselines,
                    "PyTorch baselines to time beside the candidates: a comma list of eager, compile, vendor; or none");
    cmd->add_option("--compile-mode", o.compileMode, "torch.compile mode of the compile baseline")
        ->check(CLI::IsMember({"default", "max-autotune-no-cudagraphs"}));
}

}  // namespace kforge::cli
