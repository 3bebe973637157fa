#include "check_command.h"

#include <iostream>
#include <nlohmann/json.hpp>

#include "eval/task_check.h"
#include "sandbox_option.h"

namespace kforge::cli {

CheckCommand::CheckCommand(CLI::App& app, CLI::App* tasks, const bool& tasksJson) : tasks_(tasks), tasksJson_(&tasksJson) {
    check_ = app.add_subcommand("check",
                                "Check a task directory: definition, workloads, @tune, compiles, and a run on the smallest CPU workload");
    check_->add_option("DIR", checkDir_, "the task directory (or its definition.json)")->required();
    check_->add_flag("--json", json_, "one JSON object: ok, problems (file, line, message), passed, skipped");
    addNoSandboxFlag(check_);
    tasks_->add_option("DIR", tasksDir_, "a task directory to check instead (as kforge check DIR)");
}

std::optional<int> CheckCommand::run() const {
    const bool viaTasks = tasks_->parsed() && !tasksDir_.empty();
    if (!check_->parsed() && !viaTasks) return std::nullopt;
    const std::string dir = viaTasks ? tasksDir_ : checkDir_;
    Evaluator evaluator(AppPaths::discover());
    announceSandbox(evaluator);
    const TaskCheckResult r = checkTask(dir, evaluator);
    if (viaTasks ? *tasksJson_ : json_) {
        nlohmann::json problems = nlohmann::json::array();
        for (const auto& p : r.problems) problems.push_back({{"file", p.file.string()}, {"line", p.line}, {"message", p.message}});
        std::cout << nlohmann::json{{"ok", r.ok()}, {"problems", problems}, {"passed", r.passed}, {"skipped", r.skipped}}.dump(2)
                  << "\n";
        return r.ok() ? 0 : 1;
    }
    for (const auto& s : r.passed) std::cout << "ok    " << s << "\n";
    for (const auto& s : r.skipped) std::cout << "skip  " << s << "\n";
    // Problems go to stdout as compiler diagnostics do, one a line, so an editor can jump to them.
    for (const auto& p : r.problems) std::cout << describeProblem(p) << "\n";
    std::cout << dir << ": " << (r.ok() ? "no problems found" : std::to_string(r.problems.size()) + " problem(s)") << "\n";
    return r.ok() ? 0 : 1;
}

}  // namespace kforge::cli
