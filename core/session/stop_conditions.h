#pragma once
// When a session stops by itself. Conditions compose: the session stops when
// any of the set conditions holds (or, with requireAll, when all of them do).
// Cancel and "nothing left to try" stop it regardless.
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

struct StopProgress {
    int evaluations = 0;
    double seconds = 0;
    int sinceImprovement = 0;
    double bestSpeedup = 0;
    int64_t tokens = 0;
    double cost = 0;
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

struct StopReason {
    std::vector<StopCause> causes;  // in the order of `text`'s parts
    std::string text;               // "budget of 150 evaluations reached"
};

// Why the session should stop now, or nullopt.
std::optional<StopReason> stopReason(const StopConditions& stop, const StopProgress& progress);

nlohmann::json toJson(const StopConditions& stop);
StopConditions stopConditionsFromJson(const nlohmann::json& j);

// "90s", "10m", "1.5h", "2h30m" or plain seconds; throws kforge::Error naming the text.
double parseDuration(const std::string& text);
std::string formatDuration(double seconds);  // "1:02:03" or "2:03"

}  // namespace kforge
