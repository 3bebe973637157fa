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
    if (const char* r = std::getenv("KFORGE_RESOURCES"); r && *r) p.resources = r;
    else if (std::filesystem::exists(exeDir / "../share/kernelforge/include/kf_abi.h"))
        p.resources = std::filesystem::weakly_canonical(exeDir / "../share/kernelforge");
    else p.resources = std::filesystem::path(KFORGE_SOURCE_DIR) / "resources";

    if (const char* r = std::getenv("KFORGE_RUNNER"); r && *r) p.runner = r;
    else p.runner = exeDir / "kforge-runner";
    return p;
}

}  // namespace kforge
