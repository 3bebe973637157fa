#pragma once
// How a session is made ready to run, the same for `kforge optimize`,
// `kforge add` and the desktop application: the task loaded from its
// reference, the engine created on it (a new session) or opened on a stored one.
#include <filesystem>
#include <optional>
#include <string>

#include "eval/evaluator.h"
#include "session/engine.h"
#include "model/session_config.h"
#include "store/store.h"
#include "task/task.h"

namespace kforge {

// A new session with no stop condition stops after this many evaluations, so
// that a run always ends by itself.
inline constexpr int kDefaultEvaluationBudget = 100;

// `stop`, or the default budget when it sets no condition.
StopConditions stopOrDefault(StopConditions stop);

// What the store keeps as "how to load the task again": an existing path made
// absolute (so it loads from any working directory), else the built-in name.
std::string canonicalTaskRef(const std::string& nameOrPath);

// Owns the engine and the task it optimizes (the task outlives the engine).
class SessionLaunch {
public:
    // `generators`: as SessionEngine's (builtinGenerators(), core/agent/builtin_generators.h).
    SessionLaunch(Evaluator& evaluator, Store& store, AppPaths paths, const GeneratorRegistry& generators);
    SessionLaunch(const SessionLaunch&) = delete;
    SessionLaunch& operator=(const SessionLaunch&) = delete;

    // Loads the task (a built-in name or a task directory), prepares it on
    // config.backend, measures the baseline and stores the session with its
    // root. Stop conditions default as stopOrDefault. Throws kforge::Error.
    const SessionRecord& create(const std::string& taskNameOrPath, SessionConfig config, const std::string& name = {},
                                const std::optional<std::filesystem::path>& root = std::nullopt);
    // A stored session, ready to run again. `stop`, when it sets a condition,
    // replaces the session's own. `expectedTask`, when not empty, must name
    // the session's task (its name or its reference). Throws kforge::Error.
    const SessionRecord& open(int64_t sessionId, const std::optional<StopConditions>& stop = std::nullopt,
                              const std::string& expectedTask = {});

    SessionEngine& engine() { return engine_; }
    const Task& task() const;  // throws kforge::Error before create() or open()

private:
    Store& store_;
    AppPaths paths_;
    std::optional<Task> task_;  // declared before the engine, which refers to it
    SessionEngine engine_;
};

}  // namespace kforge
