#pragma once
// When a session stops by itself, as the session's configuration keeps it,
// and why it stopped, as data. Conditions compose: the session stops when any
// of the set conditions holds (or, with requireAll, when all of them do).
// Cancel and "nothing left to try" stop it regardless. Checking them against
// a running session is session/stop_conditions.h.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kforge {

struct StopConditions {
    std::optional<int> evaluations;  // evaluations in the whole session, across resumes
    std::optional<double> seconds;   // active wall time of the whole session
    std::optional<int> plateau;      // evaluations in a row that did not improve the best
    std::optional<double> target;    // best speedup to reach
    std::optional<int64_t> tokens;   // LLM tokens (input + output) the session may spend
    std::optional<double> cost;      // LLM money the session may spend, in the providers' price unit
    bool requireAll = false;

    bool any() const { return evaluations || seconds || plateau || target || tokens || cost; }
};

// Why a session stopped, as data: the GUI words each cause in the user's
// language from the session's own numbers; the CLI and the database keep the
// English text beside it.
enum class StopCause {
    Evaluations,     // StopConditions::evaluations reached
    Time,            // ::seconds
    Plateau,         // ::plateau
    Target,          // ::target
    Tokens,          // ::tokens
    Cost,            // ::cost
    User,            // stopped by the user
    EditsEvaluated,  // a manual-only run evaluated the edits it was given
    NothingToTune,   // a tuner-only session whose sources declare no @tune
    Exhausted,       // the generators had nothing more to propose
};
std::string_view stopCauseName(StopCause cause);  // "evaluations", "time", ... "exhausted"
std::optional<StopCause> stopCauseFromName(std::string_view name);

nlohmann::json toJson(const StopConditions& stop);
// Throws ModelError naming the field under `path`.
StopConditions stopConditionsFromJson(const nlohmann::json& j, const std::string& path = "stop");

nlohmann::json stopCausesJson(const std::vector<StopCause>& causes);
// Throws kforge::Error at `path` (the index of the first unknown cause).
std::vector<StopCause> stopCausesFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
