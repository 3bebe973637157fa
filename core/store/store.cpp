#include "store/store.h"

#include "store/agent_records.h"

#include <cstdlib>
#include <random>

#include "store/schema.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/sha256.h"

namespace kforge {

using Json = nlohmann::json;

namespace {

constexpr const char* kSessionColumns =
    "id, uuid, name, task, task_ref, task_hash, task_definition, task_workloads, backend, device, config, baseline_name, "
    "baseline_hash, baseline, status, stop_reason, created_at, updated_at, active_seconds, evaluations, best_node, best_speedup, "
    "torch_baselines, stop_causes, device_baselines";
constexpr const char* kNodeColumns =
    "id, parent, generator, input, source_hash, extension, config, state, status, message, fitness, compile, evaluation, "
    "seconds, created_at, evaluated_at, profile, message_phrase";
// The same columns with the two heavy ones read as JSON null.
constexpr const char* kNodeSummaryColumns =
    "id, parent, generator, input, source_hash, extension, config, state, status, message, fitness, 'null', 'null', "
    "seconds, created_at, evaluated_at, 'null', message_phrase";

std::string newUuid() {
    std::random_device rd;
    std::mt19937_64 rng((static_cast<uint64_t>(rd()) << 32) ^ rd());
    char buf[40];
    const uint64_t a = rng(), b = rng();
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32), static_cast<unsigned>(a >> 16) & 0xffff,
                  static_cast<unsigned>(a) & 0xfff, static_cast<unsigned>((b >> 48) & 0x3fff) | 0x8000,
                  static_cast<unsigned long long>(b & 0xffffffffffffull));
    return buf;
}

Json parseStored(const std::string& text, const Phrase& what) {
    try {
        return Json::parse(text);
    } catch (const Json::exception& e) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the workspace holds unreadable JSON in %1: %2"), what, e.what()));
    }
}

// A session made before its runner answered has no device: {}.
DeviceFacts storedDevice(const Json& j, const std::string& where) {
    if (j.is_object() && j.empty()) return {};
    try {
        return deviceFactsFromJson(j, where);
    } catch (const ModelError& e) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the workspace holds unreadable device facts: %1"), errorPhrase(e)));
    }
}

std::string deviceText(const DeviceFacts& f) { return f.known() ? toJson(f).dump() : "{}"; }

// A stored column of JSON text, or null for SQL NULL and the summary's 'null'.
Json storedJson(const Statement& s, int column, const Phrase& where) {
    const std::string text = s.text(column);
    return text.empty() ? Json(nullptr) : parseStored(text, where);
}

// A row of the nodes table goes through the node's one codec.
Node readNode(const Statement& s, int64_t sessionId) {
    const int64_t id = s.int64(0);
    // A node's stored JSON column; errors name it "session 3 node 5 input".
    const auto column = [&](int index, const char* field) {
        return storedJson(s, index, phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 node %2 %3"), sessionId, id, field));
    };
    Json j = {{"id", id},
              {"parent", s.optionalInt64(1) ? Json(*s.optionalInt64(1)) : Json(nullptr)},
              {"generator", s.text(2)},
              {"input", column(3, "input")},
              {"source_hash", s.text(4)},
              {"extension", s.text(5)},
              {"config", s.text(6)},
              {"state", s.text(7)},
              {"status", s.text(8)},
              {"message", s.text(9)},
              {"fitness", s.real(10)},
              {"compile", column(11, "compile")},
              {"evaluation", column(12, "evaluation")},
              {"seconds", s.real(13)},
              {"created_at", s.text(14)},
              {"evaluated_at", s.text(15)},
              {"profile", column(16, "profile")}};
    if (Json stored = column(17, "message phrase"); !stored.is_null()) j["message_phrase"] = std::move(stored);
    try {
        return nodeFromJson(j, "node");
    } catch (const ModelError& e) {
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "the workspace holds an unreadable node (session %1 node %2): %3"),
                           sessionId, id, errorPhrase(e)));
    }
}

void bindNodeFields(Statement& s, const Node& n, int first) {
    const Json j = toJson(n);
    auto text = [&](const char* key) { return j.at(key).is_null() ? std::string("null") : j.at(key).dump(); };
    s.bind(first, n.parent)
        .bind(first + 1, n.generator)
        .bind(first + 2, toJson(n.input).dump())
        .bind(first + 3, n.sourceHash)
        .bind(first + 4, n.sourceExtension)
        .bind(first + 5, configKey(n.config))
        .bind(first + 6, nodeStateName(n.state))
        .bind(first + 7, statusName(n.status))
        .bind(first + 8, n.message.english())
        .bind(first + 9, n.fitness)
        .bind(first + 10, text("compile"))
        .bind(first + 11, text("evaluation"))
        .bind(first + 12, n.seconds)
        .bind(first + 13, n.createdAt)
        .bind(first + 14, n.evaluatedAt)
        .bind(first + 15, text("profile"))
        .bind(first + 16, j.contains("message_phrase") ? j.at("message_phrase").dump() : std::string("null"));
}

}  // namespace

Store::Store(const std::filesystem::path& file) : db_(file) { migrate(db_); }

std::filesystem::path Store::defaultPath() {
    if (const char* p = std::getenv("KFORGE_DB"); p && *p) return p;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "kernelforge" / "workspace.db";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "kernelforge" / "workspace.db";
}

std::string Store::putSource(std::string_view text) {
    const std::string hash = sha256Hex(text);
    db_.prepare("INSERT OR IGNORE INTO sources(hash, text) VALUES(?, ?)").bind(1, hash).bind(2, text).run();
    return hash;
}

std::string Store::source(const std::string& hash) {
    Statement s = db_.prepare("SELECT text FROM sources WHERE hash = ?");
    s.bind(1, hash);
    if (!s.step())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "%1: no source %2 in the workspace"), db_.file().string(),
                           hash.substr(0, 12)));
    return s.text(0);
}

void Store::createSession(SessionRecord& r) {
    if (r.uuid.empty()) r.uuid = newUuid();
    if (r.createdAt.empty()) r.createdAt = isoNowUtc();
    r.updatedAt = isoNowUtc();
    Statement s = db_.prepare(
        "INSERT INTO sessions(uuid, name, task, task_ref, task_hash, task_definition, task_workloads, backend, device, "
        "config, baseline_name, baseline_hash, baseline, status, stop_reason, created_at, updated_at, active_seconds, "
        "evaluations, best_node, best_speedup, torch_baselines, stop_causes, device_baselines) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, r.uuid)
        .bind(2, r.name)
        .bind(3, r.task)
        .bind(4, r.taskRef)
        .bind(5, r.taskHash)
        .bind(6, r.taskDefinition)
        .bind(7, r.taskWorkloads)
        .bind(8, backendName(r.config.backend))
        .bind(9, deviceText(r.device))
        .bind(10, toJson(r.config).dump())
        .bind(11, r.baselineName)
        .bind(12, r.baselineHash.empty() ? std::optional<std::string>() : std::optional<std::string>(r.baselineHash))
        .bind(13, baselineTimesJson(r.baseline).dump())
        .bind(14, r.status)
        .bind(15, r.stopReason)
        .bind(16, r.createdAt)
        .bind(17, r.updatedAt)
        .bind(18, r.activeSeconds)
        .bind(19, r.evaluations)
        .bind(20, r.bestNode)
        .bind(21, r.bestSpeedup)
        .bind(22, toJson(r.torchBaselines).dump())
        .bind(23, stopCausesJson(r.stopCauses).dump())
        .bind(24, toJson(r.deviceBaselines).dump());
    s.run();
    r.id = db_.lastInsertId();
}

void Store::saveSession(SessionRecord& r) {
    r.updatedAt = isoNowUtc();
    db_.prepare(
           "UPDATE sessions SET name = ?, device = ?, config = ?, baseline = ?, status = ?, stop_reason = ?, updated_at = ?, "
           "active_seconds = ?, evaluations = ?, best_node = ?, best_speedup = ?, torch_baselines = ?, stop_causes = ?, "
           "device_baselines = ? WHERE id = ?")
        .bind(1, r.name)
        .bind(2, deviceText(r.device))
        .bind(3, toJson(r.config).dump())
        .bind(4, baselineTimesJson(r.baseline).dump())
        .bind(5, r.status)
        .bind(6, r.stopReason)
        .bind(7, r.updatedAt)
        .bind(8, r.activeSeconds)
        .bind(9, r.evaluations)
        .bind(10, r.bestNode)
        .bind(11, r.bestSpeedup)
        .bind(12, toJson(r.torchBaselines).dump())
        .bind(13, stopCausesJson(r.stopCauses).dump())
        .bind(14, toJson(r.deviceBaselines).dump())
        .bind(15, r.id)
        .run();
}

SessionRecord Store::readSession(Statement& s) {
    SessionRecord r;
    r.id = s.int64(0);
    r.uuid = s.text(1);
    r.name = s.text(2);
    r.task = s.text(3);
    r.taskRef = s.text(4);
    r.taskHash = s.text(5);
    r.taskDefinition = s.text(6);
    r.taskWorkloads = s.text(7);
    r.device = storedDevice(parseStored(s.text(9), phrase(QT_TRANSLATE_NOOP("Phrase", "a session's device"))),
                            "session " + std::to_string(r.id) + " device");
    r.config = sessionConfigFromJson(parseStored(s.text(10), phrase(QT_TRANSLATE_NOOP("Phrase", "a session's configuration"))));
    r.baselineName = s.text(11);
    r.baselineHash = s.text(12);
    r.baseline = baselineTimesFromJson(parseStored(s.text(13), phrase(QT_TRANSLATE_NOOP("Phrase", "a session's baseline"))),
                                      "session " + std::to_string(r.id) + " baseline");
    r.status = s.text(14);
    r.stopReason = s.text(15);
    r.createdAt = s.text(16);
    r.updatedAt = s.text(17);
    r.activeSeconds = s.real(18);
    r.evaluations = static_cast<int>(s.int64(19));
    r.bestNode = s.optionalInt64(20);
    r.bestSpeedup = s.real(21);
    r.torchBaselines =
        workloadBaselinesFromJson(parseStored(s.text(22), phrase(QT_TRANSLATE_NOOP("Phrase", "a session's PyTorch baselines"))),
                                  "session " + std::to_string(r.id) + " torch_baselines");
    r.stopCauses = stopCausesFromJson(parseStored(s.text(23), phrase(QT_TRANSLATE_NOOP("Phrase", "a session's stop causes"))),
                                      "session " + std::to_string(r.id) + " stop_causes");
    r.deviceBaselines = deviceBaselinesFromJson(
        parseStored(s.text(24), phrase(QT_TRANSLATE_NOOP("Phrase", "a session's baselines on other devices"))),
        "session " + std::to_string(r.id) + " device_baselines");
    return r;
}

SessionRecord Store::session(int64_t id) {
    Statement s = db_.prepare(std::string("SELECT ") + kSessionColumns + " FROM sessions WHERE id = ?");
    s.bind(1, id);
    if (!s.step())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no session %1 in %2 (see `kforge sessions`)"), id, db_.file().string()));
    return readSession(s);
}

std::vector<SessionRecord> Store::sessions() {
    Statement s = db_.prepare(std::string("SELECT ") + kSessionColumns + " FROM sessions ORDER BY id");
    std::vector<SessionRecord> out;
    while (s.step()) out.push_back(readSession(s));
    return out;
}

void Store::renameSession(int64_t id, const std::string& name) {
    session(id);  // a clear error for an unknown id
    db_.prepare("UPDATE sessions SET name = ?, updated_at = ? WHERE id = ?").bind(1, name).bind(2, isoNowUtc()).bind(3, id).run();
}

void Store::deleteSession(int64_t id) {
    session(id);
    Transaction t(db_);
    db_.prepare("DELETE FROM sessions WHERE id = ?").bind(1, id).run();
    db_.exec(
        "DELETE FROM sources WHERE hash NOT IN (SELECT source_hash FROM nodes) "
        "AND hash NOT IN (SELECT baseline_hash FROM sessions WHERE baseline_hash IS NOT NULL)");
    t.commit();
}

void Store::insertNode(int64_t sessionId, const Node& n) {
    Statement s = db_.prepare(std::string("INSERT INTO nodes(session_id, ") + kNodeColumns +
                              ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, sessionId).bind(2, n.id);
    bindNodeFields(s, n, 3);
    s.run();
}

void Store::updateNode(int64_t sessionId, const Node& n) {
    Statement s = db_.prepare(
        "UPDATE nodes SET parent = ?, generator = ?, input = ?, source_hash = ?, extension = ?, config = ?, state = ?, "
        "status = ?, message = ?, fitness = ?, compile = ?, evaluation = ?, seconds = ?, created_at = ?, evaluated_at = ?, "
        "profile = ?, message_phrase = ? WHERE session_id = ? AND id = ?");
    bindNodeFields(s, n, 1);
    s.bind(18, sessionId).bind(19, n.id);
    s.run();
}

void Store::setNodeProfile(int64_t sessionId, int64_t nodeId, const NodeProfile& profile) {
    Statement s = db_.prepare("UPDATE nodes SET profile = ? WHERE session_id = ? AND id = ?");
    s.bind(1, toJson(profile).dump()).bind(2, sessionId).bind(3, nodeId);
    s.run();
    if (db_.changes() == 0)
        throw Error(
            phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 has no node %2 in %3"), sessionId, nodeId, db_.file().string()));
}

std::vector<Node> Store::nodes(int64_t sessionId, NodeDetail detail) {
    const bool full = detail == NodeDetail::Full;
    Statement s = db_.prepare(std::string("SELECT ") + (full ? kNodeColumns : kNodeSummaryColumns) +
                              " FROM nodes WHERE session_id = ? ORDER BY id");
    s.bind(1, sessionId);
    std::vector<Node> out;
    while (s.step()) {
        out.push_back(readNode(s, sessionId));
        out.back().detailed = full;
    }
    return out;
}

Node Store::node(int64_t sessionId, int64_t nodeId) {
    Statement s = db_.prepare(std::string("SELECT ") + kNodeColumns + " FROM nodes WHERE session_id = ? AND id = ?");
    s.bind(1, sessionId).bind(2, nodeId);
    if (!s.step())
        throw Error(
            phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 has no node %2 in %3"), sessionId, nodeId, db_.file().string()));
    return readNode(s, sessionId);
}

SessionTree Store::loadTree(int64_t sessionId, NodeDetail detail) {
    SessionTree tree;
    for (const Node& n : nodes(sessionId, detail)) {
        if (!tree.hasSource(n.sourceHash)) tree.putSource(n.sourceHash, source(n.sourceHash));
        tree.put(n);
    }
    return tree;
}

Json Store::exportSession(int64_t id) {
    const SessionRecord r = session(id);
    Json sources = Json::object();
    Json nodeList = Json::array();
    for (const Node& n : nodes(id)) {
        if (!sources.contains(n.sourceHash)) sources[n.sourceHash] = source(n.sourceHash);
        nodeList.push_back(toJson(n));
    }
    if (!r.baselineHash.empty()) sources[r.baselineHash] = source(r.baselineHash);
    const Json session = toJson(r);
    Json exchanges = Json::array();
    for (const auto& e : AgentRecords(db_).exchanges(id)) exchanges.push_back(toJson(e));
    return {{"format", "kernelforge-session"},
            {"version", 1},
            {"schema", schemaVersion()},
            {"exported_at", isoNowUtc()},
            {"session", session},
            {"nodes", nodeList},
            {"sources", sources},
            {"exchanges", exchanges}};
}

int64_t Store::importSession(const Json& doc) { return importSession(sessionFileFromJson(doc)); }

int64_t Store::importSession(const SessionFile& file) {
    SessionRecord r = file.session;
    Statement existing = db_.prepare("SELECT id FROM sessions WHERE uuid = ?");
    existing.bind(1, r.uuid);
    if (existing.step())
        throw Error(
            phrase(QT_TRANSLATE_NOOP("Phrase", "this session is already in the workspace as session %1"), existing.int64(0)));
    if (r.status == "running") r.status = "stopped";  // exported mid-run: here it is not running
    r.id = 0;
    r.updatedAt.clear();

    Transaction t(db_);
    for (const auto& [hash, text] : file.sources) putSource(text);
    createSession(r);
    for (const Node& n : file.nodes) insertNode(r.id, n);
    AgentRecords records(db_);
    for (LlmExchange x : file.exchanges) {
        x.sessionId = r.id;
        records.insertExchange(x);
    }
    t.commit();
    return r.id;
}

}  // namespace kforge
