#include "store/agent_records.h"

#include <sstream>

#include "model/json_reader.h"
#include "util/clock.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge {
namespace {

using Json = nlohmann::json;

constexpr const char* kExchangeColumns =
    "id, session_id, node_id, parent_id, provider, model, mode, request, response, outcome, refusal, error, attempts, "
    "input_tokens, output_tokens, tokens_estimated, cost, started_at, seconds, first_token_seconds";
constexpr const char* kMemoryColumns =
    "id, session_id, node_id, task, op_type, device_family, generator, change, outcome, speedup_before, speedup_after, created_at, "
    "bottleneck";

Json parseOr(const std::string& text, Json fallback) {
    try {
        return Json::parse(text);
    } catch (const Json::exception&) {
        return fallback;
    }
}

LlmExchange readExchange(Statement& s) {
    LlmExchange e;
    e.id = s.int64(0);
    e.sessionId = s.int64(1);
    e.nodeId = s.optionalInt64(2);
    e.parentId = s.int64(3);
    e.provider = s.text(4);
    e.model = s.text(5);
    e.mode = s.text(6);
    e.request = parseOr(s.text(7), Json::object());
    e.response = s.text(8);
    e.outcome = s.text(9);
    e.refusal = s.text(10);
    e.error = s.text(11);
    e.attempts = parseOr(s.text(12), Json::array());
    e.inputTokens = s.int64(13);
    e.outputTokens = s.int64(14);
    e.tokensEstimated = s.int64(15) != 0;
    e.cost = s.real(16);
    e.startedAt = s.text(17);
    e.seconds = s.real(18);
    e.firstTokenSeconds = s.real(19);
    return e;
}

MemoryEntry readMemory(Statement& s) {
    MemoryEntry m;
    m.id = s.int64(0);
    m.sessionId = s.optionalInt64(1);
    m.nodeId = s.int64(2);
    m.task = s.text(3);
    m.opType = s.text(4);
    m.deviceFamily = s.text(5);
    m.generator = s.text(6);
    m.change = s.text(7);
    m.outcome = s.text(8);
    m.speedupBefore = s.real(9);
    m.speedupAfter = s.real(10);
    m.createdAt = s.text(11);
    m.bottleneck = s.text(12);
    return m;
}

std::string joined(const std::vector<std::string>& v) { return joinText(v, ","); }

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string x;
    while (std::getline(in, x, ','))
        if (!x.empty()) out.push_back(x);
    return out;
}

}  // namespace

Json toJson(const LlmExchange& e) {
    return {{"node_id", e.nodeId ? Json(*e.nodeId) : Json(nullptr)},
            {"parent_id", e.parentId},
            {"provider", e.provider},
            {"model", e.model},
            {"mode", e.mode},
            {"request", e.request},
            {"response", e.response},
            {"outcome", e.outcome},
            {"refusal", e.refusal},
            {"error", e.error},
            {"attempts", e.attempts},
            {"input_tokens", e.inputTokens},
            {"output_tokens", e.outputTokens},
            {"tokens_estimated", e.tokensEstimated},
            {"cost", e.cost},
            {"started_at", e.startedAt},
            {"seconds", e.seconds},
            {"first_token_seconds", e.firstTokenSeconds}};
}

LlmExchange exchangeFromJson(const Json& j, const std::string& path) {
    // Session files carry exchanges, so this reads input from outside: every
    // field is type- and range-checked (a float where an integer belongs must
    // not reach a C++ conversion). Unknown fields are tolerated, as in files
    // written before a field was retired.
    ObjectReader in(j, path);
    LlmExchange e;
    e.nodeId = in.optional<int64_t>("node_id");
    e.parentId = in.required<int64_t>("parent_id");
    e.provider = in.required<std::string>("provider");
    e.model = in.required<std::string>("model");
    e.mode = in.required<std::string>("mode");
    e.request = in.field("request");
    e.response = in.required<std::string>("response");
    e.outcome = in.required<std::string>("outcome");
    e.refusal = in.optionalOr<std::string>("refusal", "");
    e.error = in.optionalOr<std::string>("error", "");
    if (in.has("attempts")) {
        e.attempts = in.field("attempts");
        if (!e.attempts.is_array()) modelFail(in.childPath("attempts"), phrase(QT_TRANSLATE_NOOP("Phrase", "expected an array, got %1"), jsonTypeName(e.attempts)));
    } else {
        e.attempts = Json::array();
    }
    e.inputTokens = in.optionalOr<int64_t>("input_tokens", 0);
    e.outputTokens = in.optionalOr<int64_t>("output_tokens", 0);
    e.tokensEstimated = in.optionalOr<bool>("tokens_estimated", false);
    e.cost = in.optionalOr<double>("cost", 0.0);
    e.startedAt = in.required<std::string>("started_at");
    e.seconds = in.optionalOr<double>("seconds", 0.0);
    e.firstTokenSeconds = in.optionalOr<double>("first_token_seconds", -1.0);
    return e;
}

int64_t AgentRecords::insertExchange(LlmExchange& e) {
    if (e.startedAt.empty()) e.startedAt = isoNowUtc();
    db_.prepare(std::string("INSERT INTO llm_exchanges(") + kExchangeColumns +
                ") VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, e.sessionId)
        .bind(2, e.nodeId)
        .bind(3, e.parentId)
        .bind(4, e.provider)
        .bind(5, e.model)
        .bind(6, e.mode)
        .bind(7, e.request.dump())
        .bind(8, e.response)
        .bind(9, e.outcome)
        .bind(10, e.refusal)
        .bind(11, e.error)
        .bind(12, e.attempts.dump())
        .bind(13, e.inputTokens)
        .bind(14, e.outputTokens)
        .bind(15, e.tokensEstimated ? 1 : 0)
        .bind(16, e.cost)
        .bind(17, e.startedAt)
        .bind(18, e.seconds)
        .bind(19, e.firstTokenSeconds)
        .run();
    e.id = db_.lastInsertId();
    return e.id;
}

std::vector<LlmExchange> AgentRecords::exchanges(int64_t sessionId, std::optional<int64_t> node) {
    Statement s = db_.prepare(std::string("SELECT ") + kExchangeColumns + " FROM llm_exchanges WHERE session_id = ?1 " +
                              (node ? "AND node_id = ?2 " : "") + "ORDER BY id");
    s.bind(1, sessionId);
    if (node) s.bind(2, *node);
    std::vector<LlmExchange> out;
    while (s.step()) out.push_back(readExchange(s));
    return out;
}

LlmUsageTotals AgentRecords::usage(int64_t sessionId) {
    Statement s = db_.prepare(
        "SELECT count(*), coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), coalesce(sum(cost), 0) "
        "FROM llm_exchanges WHERE session_id = ?");
    s.bind(1, sessionId);
    LlmUsageTotals t;
    if (s.step()) {
        t.exchanges = static_cast<int>(s.int64(0));
        t.inputTokens = s.int64(1);
        t.outputTokens = s.int64(2);
        t.cost = s.real(3);
    }
    return t;
}

void AgentRecords::insertMemory(MemoryEntry& m) {
    if (m.createdAt.empty()) m.createdAt = isoNowUtc();
    db_.prepare(std::string("INSERT INTO memories(") + kMemoryColumns + ") VALUES(NULL,?,?,?,?,?,?,?,?,?,?,?,?)")
        .bind(1, m.sessionId)
        .bind(2, m.nodeId)
        .bind(3, m.task)
        .bind(4, m.opType)
        .bind(5, m.deviceFamily)
        .bind(6, m.generator)
        .bind(7, m.change)
        .bind(8, m.outcome)
        .bind(9, m.speedupBefore)
        .bind(10, m.speedupAfter)
        .bind(11, m.createdAt)
        .bind(12, m.bottleneck)
        .run();
    m.id = db_.lastInsertId();
}

std::vector<MemoryEntry> AgentRecords::successes(const std::string& opType, const std::string& deviceFamily,
                                                 std::optional<int64_t> excludeSession, int limit, double minGain,
                                                 const std::string& bottleneck) {
    // The same device family first: what helped on a CPU rarely transfers to a
    // GPU; then the same situation: what sped up a memory-bound kernel is what
    // a memory-bound parent needs.
    Statement s = db_.prepare(std::string("SELECT ") + kMemoryColumns +
                              " FROM memories WHERE op_type = ?1 AND outcome = 'PASSED' AND speedup_before > 0 "
                              "AND speedup_after >= speedup_before * ?2 AND (?3 IS NULL OR session_id IS NULL OR session_id != ?3) "
                              "AND generator != 'tuner' "
                              "ORDER BY (device_family = ?4) DESC, (?6 != '' AND bottleneck = ?6) DESC, "
                              "speedup_after / speedup_before DESC LIMIT ?5");
    s.bind(1, opType).bind(2, minGain).bind(3, excludeSession).bind(4, deviceFamily).bind(5, limit).bind(6, bottleneck);
    std::vector<MemoryEntry> out;
    while (s.step()) out.push_back(readMemory(s));
    return out;
}

std::vector<MemoryEntry> AgentRecords::sessionMemories(int64_t sessionId) {
    Statement s = db_.prepare(std::string("SELECT ") + kMemoryColumns + " FROM memories WHERE session_id = ? ORDER BY id");
    s.bind(1, sessionId);
    std::vector<MemoryEntry> out;
    while (s.step()) out.push_back(readMemory(s));
    return out;
}

int64_t AgentRecords::addNote(KnowledgeNote& n) {
    if (n.createdAt.empty()) n.createdAt = isoNowUtc();
    db_.prepare("INSERT INTO knowledge_notes(title, body, devices, op_types, bottlenecks, created_at) VALUES(?,?,?,?,?,?)")
        .bind(1, n.title)
        .bind(2, n.body)
        .bind(3, joined(n.devices))
        .bind(4, joined(n.opTypes))
        .bind(5, joined(n.bottlenecks))
        .bind(6, n.createdAt)
        .run();
    n.id = db_.lastInsertId();
    return n.id;
}

std::vector<KnowledgeNote> AgentRecords::notes() {
    Statement s = db_.prepare("SELECT id, title, body, devices, op_types, bottlenecks, created_at FROM knowledge_notes ORDER BY id");
    std::vector<KnowledgeNote> out;
    while (s.step()) {
        KnowledgeNote n;
        n.id = s.int64(0);
        n.title = s.text(1);
        n.body = s.text(2);
        n.devices = split(s.text(3));
        n.opTypes = split(s.text(4));
        n.bottlenecks = split(s.text(5));
        n.createdAt = s.text(6);
        out.push_back(std::move(n));
    }
    return out;
}

void AgentRecords::deleteNote(int64_t id) {
    Statement s = db_.prepare("SELECT id FROM knowledge_notes WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "no knowledge note %1 (see `kforge knowledge list`)"), id));
    db_.prepare("DELETE FROM knowledge_notes WHERE id = ?").bind(1, id).run();
}

}  // namespace kforge
