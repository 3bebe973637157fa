#pragma once
// kforge cache: the tuning cache's entries (list, show one, clear).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

namespace kforge::cli {

class CacheCommands {
public:
    explicit CacheCommands(CLI::App& app);
    std::optional<int> run();  // the exit code of the command given, or nullopt

private:
    int list() const;
    int show() const;
    int clear() const;
    CLI::App* list_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* clear_ = nullptr;
    std::optional<std::string> task_;
    int64_t id_ = 0;
    bool json_ = false;
};

}  // namespace kforge::cli
