#pragma once
// Small text helpers shared by the loaders, the reports and the CLI.
#include <filesystem>
#include <string>

namespace kforge {

// The whole file; throws kforge::Error "<path>: cannot be read".
std::string readTextFile(const std::filesystem::path& path);
// Writes beside the target and renames, so a reader never sees half a file.
void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text);
// One number through a printf format; callers pass literal formats only.
std::string formatNumber(const char* format, double value);

}  // namespace kforge
