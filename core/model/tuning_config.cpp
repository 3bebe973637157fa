#include "model/tuning_config.h"

namespace kforge {

using Json = nlohmann::json;

Json toJson(const TuneConfig& config) {
    Json j = Json::object();
    for (const auto& [k, v] : config) j[k] = v;
    return j;
}

TuneConfig tuneConfigFromJson(const Json& j, const std::string& path) { return readValue<TuneConfig>(j, path); }

// std::map iterates in key order, so equal configurations give equal text.
std::string configKey(const TuneConfig& config) { return toJson(config).dump(); }

TuneConfig configFromKey(const std::string& key) { return tuneConfigFromJson(Json::parse(key), "config"); }

}  // namespace kforge
