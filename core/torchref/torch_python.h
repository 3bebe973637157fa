#pragma once
// Finding an interpreter with PyTorch at run time: PyTorch is never a build
// dependency of KernelForge.
#include <optional>
#include <string>

namespace kforge {

struct TorchPython {
    std::string executable;
    std::string torchVersion;  // torch.__version__
    bool cuda = false;         // torch.cuda.is_available()
    bool hasCompile = false;   // torch.compile exists (PyTorch 2.0+)
};

// The first of $KFORGE_PYTHON, `configured`, python3 on PATH and
// /usr/bin/python3 that imports torch. KFORGE_PYTHON=none turns PyTorch off.
// Nothing when none does, with `why` listing what was tried.
std::optional<TorchPython> findTorchPython(const std::string& configured, std::string& why);

// Runs `executable` and asks torch for its version; nothing (with `why`) when it cannot.
std::optional<TorchPython> probeTorchPython(const std::string& executable, std::string& why);

}  // namespace kforge
