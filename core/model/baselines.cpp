#include "model/baselines.h"

#include <algorithm>

#include "model/eval_report.h"  // the SampleStats codec

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
              {"samples_ms", b.samplesMs},
              {"setup_seconds", b.setupSeconds}};
    writeMessage(j, b.message);
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
    ObjectReader r(j, where);
    MeasuredBaseline b;
    b.name = r.required<std::string>("name");
    b.status = r.required<Status>("status");
    b.message = readMessage(r);
    b.samplesMs = r.required<std::vector<double>>("samples_ms");
    b.setupSeconds = r.required<double>("setup_seconds");
    b.speedup = r.optionalOr<double>("speedup", 0.0);
    // The statistics are derived from the samples: checked for type, recomputed.
    for (const char* key : {"median_ms", "min_ms", "p20_ms", "p80_ms", "cv"}) r.optional<double>(key);
    r.optional<int>("count");
    r.finish();
    return b;
}

Json toJson(const TorchSummary& t) {
    return {{"used", t.used},     {"python", t.python}, {"version", t.version}, {"device", t.device},
            {"judge", t.judge},   {"error", t.error},   {"restarts", t.restarts}};
}

TorchSummary torchSummaryFromJson(const Json& j, const std::string& where) {
    ObjectReader r(j, where);
    TorchSummary t;
    t.used = r.required<bool>("used");
    t.python = r.required<std::string>("python");
    t.version = r.required<std::string>("version");
    t.device = r.required<std::string>("device");
    t.judge = r.required<std::string>("judge");
    t.error = r.required<std::string>("error");
    t.restarts = r.required<int>("restarts");
    r.finish();
    return t;
}

Json toJson(const WorkloadBaselines& b) {
    Json j = Json::object();
    for (const auto& [uuid, list] : b) {
        Json items = Json::array();
        for (const auto& one : list) items.push_back(toJson(one));
        j[uuid] = std::move(items);
    }
    return j;
}

WorkloadBaselines workloadBaselinesFromJson(const Json& j, const std::string& where) {
    if (!j.is_object()) modelFail(where, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an object, got %1"), jsonTypeName(j)));
    WorkloadBaselines b;
    for (auto it = j.begin(); it != j.end(); ++it) {
        b[it.key()] = readArray<MeasuredBaseline>(it.value(), where + "." + it.key(), measuredBaselineFromJson);
    }
    return b;
}

nlohmann::json baselineTimesJson(const BaselineTimes& times) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [uuid, s] : times) j[uuid] = toJson(s);
    return j;
}

BaselineTimes baselineTimesFromJson(const nlohmann::json& j, const std::string& where) {
    if (!j.is_object()) modelFail(where, phrase(QT_TRANSLATE_NOOP("Phrase", "expected an object, got %1"), jsonTypeName(j)));
    BaselineTimes times;
    for (auto it = j.begin(); it != j.end(); ++it) times[it.key()] = sampleStatsFromJson(it.value(), where + "." + it.key());
    return times;
}

const DeviceBaseline* baselineOn(const DeviceBaselines& list, const std::string& model) {
    for (const auto& b : list)
        if (deviceModel(b.device) == model) return &b;
    return nullptr;
}

Json toJson(const DeviceBaselines& list) {
    Json out = Json::array();
    for (const auto& b : list) out.push_back({{"device", toJson(b.device)}, {"baseline", baselineTimesJson(b.times)}});
    return out;
}

DeviceBaselines deviceBaselinesFromJson(const Json& j, const std::string& where) {
    return readArray<DeviceBaseline>(j, where, [](const Json& e, const std::string& at) {
        ObjectReader r(e, at);
        DeviceBaseline b;
        b.device = deviceFactsFromJson(r.field("device"), r.childPath("device"));
        b.times = baselineTimesFromJson(r.field("baseline"), r.childPath("baseline"));
        r.finish();
        if (!b.device.known()) modelFail(r.childPath("device"), phrase(QT_TRANSLATE_NOOP("Phrase", "names no device")));
        return b;
    });
}

}  // namespace kforge
