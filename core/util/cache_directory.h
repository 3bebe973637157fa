#pragma once
// Where KernelForge keeps what it can always measure again (compiled
// candidates, tuning results, device ceilings): $KFORGE_CACHE_DIR, else
// $XDG_CACHE_HOME/kernelforge, else ~/.cache/kernelforge, else a folder in
// the temporary directory.
#include <filesystem>

namespace kforge {

std::filesystem::path cacheDirectory();

}  // namespace kforge
