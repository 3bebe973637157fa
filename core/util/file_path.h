#pragma once
// Path queries that never throw. std::filesystem's throwing overloads raise
// filesystem_error for a name too long, a loop of links or a component that
// is not a directory; on a path that came from a user's file (a task's native
// sources, a workload's safetensors, a command-line argument) that must be a
// located error of ours, not an escaped exception, so callers ask these and
// report what they get.
#include <filesystem>

namespace kforge {

// weakly_canonical(p), or p made lexically normal when the file system cannot
// say (the caller's existence check then reports the path as given).
std::filesystem::path canonicalPath(const std::filesystem::path& p);
bool isRegularFile(const std::filesystem::path& p);
bool isDirectory(const std::filesystem::path& p);

}  // namespace kforge
