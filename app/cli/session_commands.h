#pragma once
// kforge's session commands: optimize, add, sessions, show, profile, best,
// session-export and session-import.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace kforge::cli {

// Adds the subcommands to `app`; after parsing, run() returns the exit code of
// the one given, or nullopt when none of them was.
class SessionCommands {
public:
    explicit SessionCommands(CLI::App& app);
    std::optional<int> run();

private:
    std::vector<std::pair<CLI::App*, std::function<int()>>> commands_;
};

}  // namespace kforge::cli
