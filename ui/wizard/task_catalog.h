#pragma once
// The tasks a new session can optimize: the built-in ones and definition files
// the engineer picks. Loading reads the disk, so callers run these functions
// off the UI thread (see background_call.h).
#include <QString>

#include <memory>
#include <vector>

#include "eval/paths.h"
#include "task/task.h"

namespace kforge::ui {

struct TaskChoice {
    QString ref;  // what a session is started with: a built-in name or a definition file's path
    bool builtin = true;
    std::shared_ptr<const kforge::Task> task;  // null when the task did not load
    QString error;                             // why it did not load (the core's message names the file and field)
};

// Every built-in task, in name order; one that fails to load is kept with its error.
std::vector<TaskChoice> loadBuiltinTasks(const kforge::AppPaths& paths);
TaskChoice loadTaskDefinition(const QString& path);

// The data types a task's tensors use, e.g. "bfloat16" or "float32, int64".
QString taskDataTypes(const kforge::Task& task);
// A workload's axes, const ones included, e.g. "M=4096 H=4096".
QString workloadAxesText(const kforge::Task& task, const kforge::Workload& workload);

}  // namespace kforge::ui
