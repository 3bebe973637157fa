#include "eval/paths.h"

#include <unistd.h>

#include <cstdlib>

namespace kforge {

namespace {
std::filesystem::path executableDirectory() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::current_path() : exe.parent_path();
}
}  // namespace

AppPaths AppPaths::discover() {
    AppPaths p;
    const auto exeDir = executableDirectory();
    // Absolute, because the runner starts in the sandbox or another directory,
    // where a relative KFORGE_RUNNER named nothing ("failed to execute").
    std::error_code ec;
    const auto absolute = [&ec](const char* path) {
        const auto a = std::filesystem::absolute(path, ec);
        return ec ? std::filesystem::path(path) : a;
    };
    if (const char* r = std::getenv("KFORGE_RESOURCES"); r && *r) p.resources = absolute(r);
    else if (std::filesystem::exists(exeDir / "../share/kernelforge/include/kf_abi.h"))
        p.resources = std::filesystem::weakly_canonical(exeDir / "../share/kernelforge");
    else p.resources = std::filesystem::path(KFORGE_SOURCE_DIR) / "resources";

    if (const char* r = std::getenv("KFORGE_RUNNER"); r && *r) p.runner = absolute(r);
    else p.runner = exeDir / "kforge-runner";
    return p;
}

}  // namespace kforge
