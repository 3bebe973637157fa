#pragma once
// Small text helpers shared by the loaders, the reports and the CLI.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "util/phrase.h"

namespace kforge {

// The whole file; throws kforge::Error "<path>: cannot be read".
std::string readTextFile(const std::filesystem::path& path);
// The same, refusing a file larger than `maxBytes` ("<path>: more than N bytes,
// the limit for <what>"); also safe on a device or pipe that never ends.
// `what` names the kind of file in words: "a task definition".
std::string readTextFile(const std::filesystem::path& path, size_t maxBytes, const Phrase& what);
// Writes beside the target and renames, so a reader never sees half a file.
void writeTextFileAtomically(const std::filesystem::path& path, const std::string& text);
// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool isValidUtf8(std::string_view s);
// Text from outside as an error message may quote it: printable ASCII kept,
// every other byte as \xNN, cut after `max` bytes with "...".
std::string printable(std::string_view s, size_t max = 120);

// The parts, each through `project` (a member pointer or callable giving
// text), with `separator` between them: joinText(rows, ", ", &Row::name).
template <typename Range, typename Project = std::identity>
std::string joinText(const Range& parts, std::string_view separator, Project project = {}) {
    std::string out;
    bool first = true;
    for (const auto& part : parts) {
        if (!first) out += separator;
        out += std::string_view(std::invoke(project, part));
        first = false;
    }
    return out;
}

// One number through a printf format; callers pass literal formats only.
std::string formatNumber(const char* format, double value);

}  // namespace kforge
