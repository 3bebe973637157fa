#pragma once
// The agent's rows in the workspace: exchanges with models, memories of what
// nodes taught, and engineers' knowledge notes (schema migration 2). One
// AgentRecords is used on the thread of the Database it is given.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace kforge {

struct LlmExchange {
    int64_t id = 0;
    int64_t sessionId = 0;
    std::optional<int64_t> nodeId;  // the node its code became; none when refused or failed
    int64_t parentId = 0;           // the node it was asked about
    std::string provider;
    std::string model;
    std::string mode;               // fix, optimize, explore, expose-parameters
    nlohmann::json request = nlohmann::json::object();  // {"system": ..., "messages": [...]}
    std::string response;
    std::string outcome;            // chatOutcomeName()
    std::string refusal;            // why the answer made no node: no code, screened, ...
    std::string error;              // the exchange's failure, for people
    nlohmann::json attempts = nlohmann::json::array();
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    bool tokensEstimated = false;
    double cost = 0;
    std::string startedAt;
    double seconds = 0;
    double firstTokenSeconds = -1;
};

struct LlmUsageTotals {
    int exchanges = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    double cost = 0;
    int64_t tokens() const { return inputTokens + outputTokens; }
};

struct MemoryEntry {
    int64_t id = 0;
    std::optional<int64_t> sessionId;
    int64_t nodeId = 0;
    std::string task;
    std::string opType;
    std::string deviceFamily;
    std::string generator;
    std::string change;   // what the node changed against its parent
    std::string outcome;  // PASSED, or the failure and its message
    double speedupBefore = 0;
    double speedupAfter = 0;
    std::string createdAt;
    std::string bottleneck;  // what limited the parent then; empty when unknown
};

struct KnowledgeNote {
    int64_t id = 0;
    std::string title;
    std::string body;
    std::vector<std::string> devices, opTypes, bottlenecks;
    std::string createdAt;
};

nlohmann::json toJson(const LlmExchange& e);
LlmExchange exchangeFromJson(const nlohmann::json& j, const std::string& path = "exchange");

class AgentRecords {
public:
    explicit AgentRecords(Database& db) : db_(db) {}

    int64_t insertExchange(LlmExchange& e);  // assigns id and startedAt when empty
    // A session's exchanges in order; only those of `node` when given.
    std::vector<LlmExchange> exchanges(int64_t sessionId, std::optional<int64_t> node = std::nullopt);
    LlmUsageTotals usage(int64_t sessionId);

    void insertMemory(MemoryEntry& m);
    // Transformations that made a node at least `minGain` times faster than its
    // parent, in sessions of `opType` other than `excludeSession`: those on the
    // same device family first, then those made when the parent had the same
    // `bottleneck` (when given), then by their gain.
    std::vector<MemoryEntry> successes(const std::string& opType, const std::string& deviceFamily,
                                       std::optional<int64_t> excludeSession, int limit, double minGain = 1.05,
                                       const std::string& bottleneck = {});
    std::vector<MemoryEntry> sessionMemories(int64_t sessionId);

    int64_t addNote(KnowledgeNote& note);  // tags checked against the knowledge vocabularies by the caller
    std::vector<KnowledgeNote> notes();
    void deleteNote(int64_t id);  // throws kforge::Error for an unknown id

private:
    Database& db_;
};

}  // namespace kforge
