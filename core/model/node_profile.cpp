#include "model/node_profile.h"

namespace kforge {

using Json = nlohmann::json;

std::optional<double> KernelProfile::metric(const std::string& key) const {
    const auto it = metrics.find(key);
    if (it == metrics.end()) return std::nullopt;
    return it->second;
}

Json toJson(const NodeProfile& p) {
    Json kernels = Json::array();
    for (const auto& k : p.kernels) kernels.push_back({{"name", k.name}, {"grid", k.grid}, {"block", k.block}, {"metrics", k.metrics}});
    // Axes as an array of pairs keeps the definition's order.
    Json axes = Json::array();
    for (const auto& [name, value] : p.axes) axes.push_back({name, value});
    Json j = {{"tool", p.tool},     {"workload", p.workload}, {"axes", axes},
              {"kernels", kernels}, {"seconds", p.seconds},   {"collected_at", p.collectedAt}};
    if (!p.error.empty()) {
        j["error"] = p.error;
        j["tool_unavailable"] = p.toolUnavailable;
    }
    return j;
}

namespace {

KernelProfile kernelFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    KernelProfile k;
    k.name = r.required<std::string>("name");
    k.grid = r.required<std::string>("grid");
    k.block = r.required<std::string>("block");
    k.metrics = r.required<std::map<std::string, double>>("metrics");
    r.finish();
    return k;
}

}  // namespace

NodeProfile nodeProfileFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    NodeProfile p;
    p.tool = r.required<std::string>("tool");
    p.workload = r.required<std::string>("workload");
    const Json& axes = r.field("axes");
    const std::string axesPath = r.childPath("axes");
    if (axes.is_object()) {  // schema 3 and 4 wrote an object (in name order)
        for (const auto& [name, value] : readValue<std::map<std::string, int64_t>>(axes, axesPath)) p.axes.emplace_back(name, value);
    } else {
        p.axes = readArray<std::pair<std::string, int64_t>>(axes, axesPath, [](const Json& e, const std::string& at) {
            if (!e.is_array() || e.size() != 2) modelFail(at, phrase(QT_TRANSLATE_NOOP("Phrase", "expected [name, value]")));
            return std::pair<std::string, int64_t>(readValue<std::string>(e[0], at + "[0]"), readValue<int64_t>(e[1], at + "[1]"));
        });
    }
    p.kernels = readArray<KernelProfile>(r.array("kernels"), r.childPath("kernels"), kernelFromJson);
    p.seconds = r.required<double>("seconds");
    p.collectedAt = r.required<std::string>("collected_at");
    p.error = r.optionalOr<std::string>("error", "");
    p.toolUnavailable = r.optionalOr<bool>("tool_unavailable", false);
    r.finish();
    return p;
}

}  // namespace kforge
