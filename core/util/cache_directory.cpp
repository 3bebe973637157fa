#include "util/cache_directory.h"

#include <cstdlib>

namespace kforge {

std::filesystem::path cacheDirectory() {
    if (const char* d = std::getenv("KFORGE_CACHE_DIR"); d && *d) return d;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::filesystem::path(x) / "kernelforge";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".cache" / "kernelforge";
    return std::filesystem::temp_directory_path() / "kernelforge-cache";
}

}  // namespace kforge
