#pragma once
// Whether a running session should stop now, by the conditions its
// configuration sets (model/stop_conditions.h), and durations as users write them.
#include <optional>
#include <string>

#include "model/stop_conditions.h"

namespace kforge {

struct StopProgress {
    int evaluations = 0;
    double seconds = 0;
    int sinceImprovement = 0;
    double bestSpeedup = 0;
    int64_t tokens = 0;
    double cost = 0;
};

struct StopReason {
    std::vector<StopCause> causes;  // in the order of `text`'s parts
    std::string text;               // "budget of 150 evaluations reached"
};

// Why the session should stop now, or nullopt.
std::optional<StopReason> stopReason(const StopConditions& stop, const StopProgress& progress);

// "90s", "10m", "1.5h", "2h30m" or plain seconds; throws kforge::Error naming the text.
double parseDuration(const std::string& text);
std::string formatDuration(double seconds);  // "1:02:03" or "2:03"

}  // namespace kforge
