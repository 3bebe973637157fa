#pragma once
// `kforge check DIR` (and `kforge tasks DIR`): a user's task directory checked
// end to end, every problem listed with its file and line; exit status 1 when
// there is any.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace kforge::cli {

class CheckCommand {
public:
    // Adds `check`; `tasks` (the built-in listing) gains an optional DIR that
    // does the same, with `tasksJson` its --json.
    CheckCommand(CLI::App& app, CLI::App* tasks, const bool& tasksJson);
    // The exit status when `check` or `tasks DIR` was given, else nothing.
    std::optional<int> run() const;

private:
    CLI::App* check_ = nullptr;
    CLI::App* tasks_ = nullptr;
    std::string checkDir_;
    std::string tasksDir_;
    bool json_ = false;
    const bool* tasksJson_ = nullptr;
};

}  // namespace kforge::cli
