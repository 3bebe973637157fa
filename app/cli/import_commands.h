#pragma once
// kforge import: turns another benchmark's problem into a KernelForge task
// directory (KernelBench problem files; FlashInfer-Bench definitions).
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace kforge::cli {

class ImportCommands {
public:
    explicit ImportCommands(CLI::App& app);
    std::optional<int> run();  // the exit code of the command given, or nullopt

private:
    int runFib();
    CLI::App* kernelbench_ = nullptr;
    CLI::App* fib_ = nullptr;
    std::string problem_, out_, python_, workloads_, root_;
    int seed_ = 0;
};

}  // namespace kforge::cli
