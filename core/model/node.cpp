#include "model/node.h"

namespace kforge {

using Json = nlohmann::json;

std::string_view nodeStateName(NodeState s) { return s == NodeState::Pending ? "pending" : "done"; }

std::optional<NodeState> parseNodeState(std::string_view name) {
    if (name == "pending") return NodeState::Pending;
    if (name == "done") return NodeState::Done;
    return std::nullopt;
}

bool NodeOrigin::empty() const {
    return file.empty() && strategy.empty() && !spaceSize && note.empty() && mode.empty() && provider.empty() && model.empty() &&
           change.empty();
}

Json toJson(const NodeOrigin& o) {
    Json j = Json::object();
    auto put = [&](const char* key, const std::string& v) {
        if (!v.empty()) j[key] = v;
    };
    put("file", o.file);
    put("strategy", o.strategy);
    if (o.spaceSize) j["space_size"] = *o.spaceSize;
    put("note", o.note);
    put("mode", o.mode);
    put("provider", o.provider);
    put("model", o.model);
    put("change", o.change);
    return j;
}

NodeOrigin nodeOriginFromJson(const Json& j, const std::string& path) {
    NodeOrigin o;
    if (j.is_null()) return o;
    ObjectReader r(j, path);
    o.file = r.optionalOr<std::string>("file", "");
    o.strategy = r.optionalOr<std::string>("strategy", "");
    o.spaceSize = r.optional<uint64_t>("space_size");
    o.note = r.optionalOr<std::string>("note", "");
    o.mode = r.optionalOr<std::string>("mode", "");
    o.provider = r.optionalOr<std::string>("provider", "");
    o.model = r.optionalOr<std::string>("model", "");
    o.change = r.optionalOr<std::string>("change", "");
    r.finish();
    return o;
}

Json toJson(const Node& n) {
    Json j = {{"id", n.id},
            {"parent", n.parent ? Json(*n.parent) : Json(nullptr)},
            {"generator", n.generator},
            {"input", toJson(n.input)},
            {"source_hash", n.sourceHash},
            {"extension", n.sourceExtension},
            {"config", configKey(n.config)},
            {"state", nodeStateName(n.state)},
            {"status", statusName(n.status)},
            {"fitness", n.fitness},
            {"compile", n.compile ? toJson(*n.compile, CompileScope::Report) : Json(nullptr)},
            {"evaluation", n.evaluation ? toJson(*n.evaluation, ReportScope::Node) : Json(nullptr)},
            {"seconds", n.seconds},
            {"created_at", n.createdAt},
            {"evaluated_at", n.evaluatedAt},
            {"profile", n.profile ? toJson(*n.profile) : Json(nullptr)}};
    writeMessage(j, n.message);
    return j;
}

namespace {
// Schema 4 and before wrote {} for "none yet".
bool absent(const Json& j) { return j.is_null() || (j.is_object() && j.empty()); }
}  // namespace

Node nodeFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    Node n;
    n.id = r.required<int64_t>("id");
    n.parent = r.optional<int64_t>("parent");
    n.generator = r.required<std::string>("generator");
    n.input = nodeOriginFromJson(r.field("input"), r.childPath("input"));
    n.sourceHash = r.required<std::string>("source_hash");
    n.sourceExtension = r.required<std::string>("extension");
    const std::string config = r.required<std::string>("config");
    try {
        n.config = configFromKey(config);
    } catch (const Json::exception& e) {
        modelFail(r.childPath("config"), phrase(QT_TRANSLATE_NOOP("Phrase", "not a configuration: %1"), errorPhrase(e)));
    }
    const std::string state = r.required<std::string>("state");
    const auto parsedState = parseNodeState(state);
    if (!parsedState) modelFail(r.childPath("state"), phrase(QT_TRANSLATE_NOOP("Phrase", "unknown state '%1' (pending or done)"), state));
    n.state = *parsedState;
    n.status = r.required<Status>("status");
    n.message = readMessage(r);
    n.fitness = r.required<double>("fitness");
    if (const Json& c = r.field("compile"); !absent(c)) n.compile = compileResultFromJson(c, r.childPath("compile"));
    if (const Json& e = r.field("evaluation"); !absent(e))
        n.evaluation = evalReportFromJson(e, r.childPath("evaluation"), ReportScope::Node);
    n.seconds = r.required<double>("seconds");
    n.createdAt = r.required<std::string>("created_at");
    n.evaluatedAt = r.required<std::string>("evaluated_at");
    // Exports before schema 3 have no profile.
    if (r.has("profile") && !absent(r.field("profile"))) n.profile = nodeProfileFromJson(r.field("profile"), r.childPath("profile"));
    r.finish();
    return n;
}

}  // namespace kforge
