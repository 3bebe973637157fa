#include "session/session_launch.h"

#include "util/error.h"

namespace kforge {

StopConditions stopOrDefault(StopConditions stop) {
    if (!stop.any()) stop.evaluations = kDefaultEvaluationBudget;
    return stop;
}

std::string canonicalTaskRef(const std::string& nameOrPath) {
    std::error_code ec;
    if (!nameOrPath.empty() && std::filesystem::exists(nameOrPath, ec))
        return std::filesystem::absolute(nameOrPath).string();
    return nameOrPath;
}

SessionLaunch::SessionLaunch(Evaluator& evaluator, Store& store, AppPaths paths, const GeneratorRegistry& generators)
    : store_(store), paths_(std::move(paths)), engine_(evaluator, store, generators) {}

const SessionRecord& SessionLaunch::create(const std::string& taskNameOrPath, SessionConfig config, const std::string& name,
                                           const std::optional<std::filesystem::path>& root) {
    if (taskNameOrPath.empty())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "name a task to optimize: a built-in task or a task directory")));
    task_ = resolveTask(taskNameOrPath, paths_);
    config.stop = stopOrDefault(config.stop);
    engine_.create(*task_, canonicalTaskRef(taskNameOrPath), config, name, root);
    return engine_.record();
}

const SessionRecord& SessionLaunch::open(int64_t sessionId, const std::optional<StopConditions>& stop,
                                         const std::string& expectedTask) {
    const SessionRecord r = store_.session(sessionId);
    if (!expectedTask.empty() && expectedTask != r.task && expectedTask != r.taskRef)
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 optimizes %2, not %3"), sessionId, r.task, expectedTask));
    task_ = resolveTask(r.taskRef, paths_);
    engine_.open(sessionId, *task_);
    if (stop && stop->any()) engine_.setStopConditions(*stop);
    return engine_.record();
}

const Task& SessionLaunch::task() const {
    if (!task_) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no session was created or opened yet")));
    return *task_;
}

}  // namespace kforge
