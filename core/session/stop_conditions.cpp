#include "session/stop_conditions.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "util/error.h"

namespace kforge {

std::optional<StopReason> stopReason(const StopConditions& stop, const StopProgress& p) {
    StopReason met;
    auto add = [&](StopCause cause, const std::string& text) {
        met.causes.push_back(cause);
        met.text += (met.text.empty() ? "" : "; ") + text;
    };
    int set = 0;
    char buf[160];
    if (stop.evaluations) {
        ++set;
        if (p.evaluations >= *stop.evaluations)
            add(StopCause::Evaluations, "budget of " + std::to_string(*stop.evaluations) + " evaluations reached");
    }
    if (stop.seconds) {
        ++set;
        if (p.seconds >= *stop.seconds) add(StopCause::Time, "time limit of " + formatDuration(*stop.seconds) + " reached");
    }
    if (stop.plateau) {
        ++set;
        if (p.sinceImprovement >= *stop.plateau)
            add(StopCause::Plateau, "no improvement in the last " + std::to_string(*stop.plateau) + " evaluations");
    }
    if (stop.target) {
        ++set;
        if (p.bestSpeedup >= *stop.target) {
            std::snprintf(buf, sizeof buf, "target speedup %.3gx reached (%.3gx)", *stop.target, p.bestSpeedup);
            add(StopCause::Target, buf);
        }
    }
    if (stop.tokens) {
        ++set;
        if (p.tokens >= *stop.tokens)
            add(StopCause::Tokens,
                "LLM token budget of " + std::to_string(*stop.tokens) + " reached (" + std::to_string(p.tokens) + ")");
    }
    if (stop.cost) {
        ++set;
        if (p.cost >= *stop.cost) {
            std::snprintf(buf, sizeof buf, "LLM cost budget of %.4g reached (%.4g)", *stop.cost, p.cost);
            add(StopCause::Cost, buf);
        }
    }
    if (met.causes.empty() || (stop.requireAll && static_cast<int>(met.causes.size()) < set)) return std::nullopt;
    return met;
}

double parseDuration(const std::string& text) {
    auto bad = [&]() -> Error {
        return Error("'" + text + "' is not a duration (write 90s, 10m, 1.5h or 2h30m)");
    };
    if (text.empty()) throw bad();
    double total = 0;
    size_t i = 0;
    bool any = false;
    while (i < text.size()) {
        size_t used = 0;
        double value = 0;
        try {
            value = std::stod(text.substr(i), &used);
        } catch (const std::exception&) {
            throw bad();
        }
        if (used == 0 || !std::isfinite(value) || value < 0) throw bad();
        i += used;
        double unit = 1;
        if (i < text.size()) {
            switch (text[i]) {
                case 's': unit = 1; break;
                case 'm': unit = 60; break;
                case 'h': unit = 3600; break;
                default: throw bad();
            }
            ++i;
        } else if (any) {
            throw bad();  // "2h30" is ambiguous
        }
        total += value * unit;
        any = true;
    }
    if (total <= 0) throw bad();
    return total;
}

std::string formatDuration(double seconds) {
    const long s = std::lround(std::max(0.0, seconds));
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

}  // namespace kforge
