#include "eval/baselines.h"

#include <algorithm>
#include <set>

#include "util/error.h"

namespace kforge {

using Json = nlohmann::json;

const MeasuredBaseline* bestBaseline(const std::vector<MeasuredBaseline>& baselines) {
    const MeasuredBaseline* best = nullptr;
    double bestMedian = 0;
    for (const auto& b : baselines) {
        if (!b.measured()) continue;
        const double median = b.timing().median;
        if (!best || median < bestMedian) best = &b, bestMedian = median;
    }
    return best;
}

Json toJson(const MeasuredBaseline& b) {
    Json j = {{"name", b.name},
              {"status", statusName(b.status)},
              {"message", b.message},
              {"samples_ms", b.samplesMs},
              {"setup_seconds", b.setupSeconds}};
    if (b.measured()) {
        const SampleStats s = b.timing();
        j["median_ms"] = s.median;
        j["min_ms"] = s.min;
        j["p20_ms"] = s.p20;
        j["p80_ms"] = s.p80;
        j["cv"] = s.cv;
        j["count"] = s.count;
    }
    if (b.speedup > 0) j["speedup"] = b.speedup;
    return j;
}

MeasuredBaseline measuredBaselineFromJson(const Json& j, const std::string& where) {
    if (!j.is_object()) throw Error(where + ": expected an object");
    static const std::set<std::string> required = {"name", "status", "message", "samples_ms", "setup_seconds"};
    static const std::set<std::string> derived = {"median_ms", "min_ms", "p20_ms", "p80_ms", "cv", "count", "speedup"};
    for (const auto& [key, value] : j.items())
        if (!required.count(key) && !derived.count(key)) throw Error(where + "." + key + ": unknown field");
    for (const auto& key : required)
        if (!j.contains(key)) throw Error(where + "." + key + ": missing");
    auto field = [&](const char* key, auto check, const char* what) -> const Json& {
        const Json& v = j.at(key);
        if (!check(v)) throw Error(where + "." + key + ": expected " + what);
        return v;
    };
    MeasuredBaseline b;
    b.name = field("name", [](const Json& v) { return v.is_string(); }, "a string").get<std::string>();
    const auto statusText = field("status", [](const Json& v) { return v.is_string(); }, "a string").get<std::string>();
    const auto status = parseStatus(statusText);
    if (!status) throw Error(where + ".status: unknown status '" + statusText + "'");
    b.status = *status;
    b.message = field("message", [](const Json& v) { return v.is_string(); }, "a string").get<std::string>();
    const Json& samples = field("samples_ms", [](const Json& v) { return v.is_array(); }, "an array of numbers");
    for (size_t i = 0; i < samples.size(); ++i) {
        if (!samples[i].is_number()) throw Error(where + ".samples_ms[" + std::to_string(i) + "]: expected a number");
        b.samplesMs.push_back(samples[i].get<double>());
    }
    b.setupSeconds = field("setup_seconds", [](const Json& v) { return v.is_number(); }, "a number").get<double>();
    if (j.contains("speedup")) b.speedup = field("speedup", [](const Json& v) { return v.is_number(); }, "a number").get<double>();
    for (const auto& key : derived)
        if (j.contains(key) && !j.at(key).is_number()) throw Error(where + "." + key + ": expected a number");
    return b;
}

}  // namespace kforge
