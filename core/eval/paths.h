#pragma once
// Where the installed (or just-built) application keeps its pieces.
#include <filesystem>

namespace kforge {

struct AppPaths {
    std::filesystem::path resources;  // holds include/kf_abi.h and tasks/
    std::filesystem::path runner;     // the kforge-runner executable

    // $KFORGE_RESOURCES / $KFORGE_RUNNER win; else beside the running executable
    // (bin/../share/kernelforge when installed, the source tree when run from a build).
    static AppPaths discover();
    std::filesystem::path tasksDirectory() const { return resources / "tasks"; }
    std::filesystem::path abiInclude() const { return resources / "include"; }
    std::filesystem::path knowledgeDirectory() const { return resources / "knowledge"; }
};

}  // namespace kforge
