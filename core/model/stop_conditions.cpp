#include "model/stop_conditions.h"

#include <array>

#include "model/json_reader.h"
#include "util/error.h"

namespace kforge {

namespace {

constexpr std::array<std::pair<StopCause, std::string_view>, 10> kCauseNames = {{
    {StopCause::Evaluations, "evaluations"},
    {StopCause::Time, "time"},
    {StopCause::Plateau, "plateau"},
    {StopCause::Target, "target"},
    {StopCause::Tokens, "tokens"},
    {StopCause::Cost, "cost"},
    {StopCause::User, "user"},
    {StopCause::EditsEvaluated, "edits_evaluated"},
    {StopCause::NothingToTune, "nothing_to_tune"},
    {StopCause::Exhausted, "exhausted"},
}};

}  // namespace

std::string_view stopCauseName(StopCause cause) {
    for (const auto& [c, name] : kCauseNames)
        if (c == cause) return name;
    return "unknown";
}

std::optional<StopCause> stopCauseFromName(std::string_view name) {
    for (const auto& [c, n] : kCauseNames)
        if (n == name) return c;
    return std::nullopt;
}

nlohmann::json toJson(const StopConditions& s) {
    nlohmann::json j = {{"require_all", s.requireAll}};
    if (s.evaluations) j["evaluations"] = *s.evaluations;
    if (s.seconds) j["seconds"] = *s.seconds;
    if (s.plateau) j["plateau"] = *s.plateau;
    if (s.target) j["target"] = *s.target;
    if (s.tokens) j["tokens"] = *s.tokens;
    if (s.cost) j["cost"] = *s.cost;
    return j;
}

StopConditions stopConditionsFromJson(const nlohmann::json& j, const std::string& path) {
    ObjectReader in(j, path);
    StopConditions s;
    s.requireAll = in.required<bool>("require_all");
    // An unset condition is an absent field (toJson writes only the set ones).
    s.evaluations = in.optional<int>("evaluations");
    s.seconds = in.optional<double>("seconds");
    s.plateau = in.optional<int>("plateau");
    s.target = in.optional<double>("target");
    s.tokens = in.optional<int64_t>("tokens");
    s.cost = in.optional<double>("cost");
    in.finish();
    return s;
}

nlohmann::json stopCausesJson(const std::vector<StopCause>& causes) {
    nlohmann::json out = nlohmann::json::array();
    for (StopCause c : causes) out.push_back(std::string(stopCauseName(c)));
    return out;
}

std::vector<StopCause> stopCausesFromJson(const nlohmann::json& j, const std::string& path) {
    if (!j.is_array()) modelFail(path, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an array of stop causes, got %1"), jsonTypeName(j)));
    std::vector<StopCause> out;
    for (size_t i = 0; i < j.size(); ++i) {
        const auto cause = j[i].is_string() ? stopCauseFromName(j[i].get<std::string>()) : std::nullopt;
        if (!cause)
            modelFail(path + "[" + std::to_string(i) + "]",
                      phrase(QT_TRANSLATE_NOOP("Phrase", "%1 is not a stop cause (evaluations, time, plateau, target, tokens, cost, user, "
                                                         "edits_evaluated, nothing_to_tune, exhausted)"),
                             j[i].dump()));
        out.push_back(*cause);
    }
    return out;
}

}  // namespace kforge
