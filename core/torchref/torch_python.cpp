#include "torchref/torch_python.h"

#include <cstdlib>
#include <vector>

#include "util/process.h"

namespace kforge {

std::optional<TorchPython> probeTorchPython(const std::string& executable, std::string& why) {
    RunOptions options;
    options.timeout = std::chrono::seconds(120);  // a cold `import torch` takes seconds
    const ProcessResult r = runProcess(
        {executable, "-c",
         "import torch; print('KFORGE', torch.__version__, int(torch.cuda.is_available()), int(hasattr(torch, 'compile')))"},
        options);
    const auto at = r.output.rfind("KFORGE ");
    if (!r.ok() || at == std::string::npos) {
        std::string tail = r.output.substr(r.output.size() > 300 ? r.output.size() - 300 : 0);
        while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
        if (const auto nl = tail.rfind('\n'); nl != std::string::npos) tail = tail.substr(nl + 1);
        why = executable + ": " + (r.status.exited && r.status.code == 127 ? "not found" : "no torch (" + tail + ")");
        return std::nullopt;
    }
    TorchPython p;
    p.executable = executable;
    const std::string line = r.output.substr(at + 7, r.output.find('\n', at) - at - 7);
    const auto s1 = line.find(' '), s2 = line.find(' ', s1 + 1);
    p.torchVersion = line.substr(0, s1);
    p.cuda = line.substr(s1 + 1, s2 - s1 - 1) == "1";
    p.hasCompile = line.substr(s2 + 1, 1) == "1";
    return p;
}

std::optional<TorchPython> findTorchPython(const std::string& configured, std::string& why) {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("KFORGE_PYTHON"); env && *env) {
        const std::string v = env;
        if (v == "none" || v == "off" || v == "0") {
            why = "PyTorch is turned off (KFORGE_PYTHON=" + v + ")";
            return std::nullopt;
        }
        candidates.push_back(v);
    }
    if (!configured.empty()) candidates.push_back(configured);
    candidates.push_back("python3");
    candidates.push_back("/usr/bin/python3");
    std::string tried;
    for (const auto& c : candidates) {
        std::string w;
        if (auto p = probeTorchPython(c, w)) return p;
        tried += (tried.empty() ? "" : "; ") + w;
    }
    why = "no Python with PyTorch found (tried " + tried + "); set KFORGE_PYTHON to one";
    return std::nullopt;
}

}  // namespace kforge
