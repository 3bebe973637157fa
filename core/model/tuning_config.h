#pragma once
// A candidate's configuration: the -D values of its @tune parameters, by name.
#include <map>
#include <string>

#include "model/json_reader.h"

namespace kforge {

using TuneConfig = std::map<std::string, std::string>;

nlohmann::json toJson(const TuneConfig& config);
TuneConfig tuneConfigFromJson(const nlohmann::json& j, const std::string& path);

// The configuration as canonical JSON text: the identity of "the same
// configuration" within a source, in memory and in the store.
std::string configKey(const TuneConfig& config);
TuneConfig configFromKey(const std::string& key);

}  // namespace kforge
