#include "session/node.h"

namespace kforge {

std::string_view nodeStateName(NodeState s) { return s == NodeState::Pending ? "pending" : "done"; }

std::optional<NodeState> parseNodeState(std::string_view name) {
    if (name == "pending") return NodeState::Pending;
    if (name == "done") return NodeState::Done;
    return std::nullopt;
}

std::string configKey(const TuneConfig& config) {
    // std::map iterates in key order, so equal configurations give equal text.
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : config) j[k] = v;
    return j.dump();
}

TuneConfig configFromKey(const std::string& key) {
    TuneConfig config;
    const nlohmann::json j = nlohmann::json::parse(key);
    for (auto it = j.begin(); it != j.end(); ++it) config[it.key()] = it.value().get<std::string>();
    return config;
}

}  // namespace kforge
