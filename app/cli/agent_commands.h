#pragma once
// kforge's agent commands: llm (providers, presets, add-provider, set-key,
// test), exchanges (what a session asked its models), knowledge (search the
// guides, add and remove the engineers' notes).
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace kforge::cli {

class AgentCommands {
public:
    explicit AgentCommands(CLI::App& app);
    std::optional<int> run();  // the exit code of the command given, or nullopt

private:
    std::vector<std::pair<CLI::App*, std::function<int()>>> commands_;
};

}  // namespace kforge::cli
