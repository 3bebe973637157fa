#pragma once
// `kforge check DIR`: everything a task author can get wrong, checked in one
// go and reported with file and line, before a session finds it the hard way.
// The definition must load (what follows depends on it); after that each
// workload line, each native source's @tune / @constraint declarations, each
// source's compile (for every backend whose compiler is here) and a run on
// the smallest CPU workload are checked, and every problem is listed.
#include <filesystem>
#include <string>
#include <vector>

#include "eval/evaluator.h"
#include "task/task.h"

namespace kforge {

struct TaskCheckResult {
    std::vector<TaskProblem> problems;
    std::vector<std::string> passed;   // what was checked and held
    std::vector<std::string> skipped;  // what could not be checked on this machine, and why
    bool ok() const { return problems.empty(); }
};

// Never throws for the task's problems: they are the result.
TaskCheckResult checkTask(const std::filesystem::path& path, Evaluator& evaluator);

// "file:line: message", or "file: message" when the line is unknown.
std::string describeProblem(const TaskProblem& p);

}  // namespace kforge
