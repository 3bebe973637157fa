#pragma once
// One candidate in a session's tree: where it came from, what it is, and how it
// measured. A node is written to the store when it is proposed (state Pending)
// and again when its evaluation ends (state Done), so a killed session loses at
// most the evaluations in flight and resumes them.
#include <cstdint>
#include <optional>
#include <string>

#include "model/compile_result.h"
#include "model/eval_report.h"
#include "model/json_reader.h"
#include "model/node_profile.h"
#include "model/phrase.h"
#include "model/status.h"
#include "model/tuning_config.h"

namespace kforge {

enum class NodeState { Pending, Done };
std::string_view nodeStateName(NodeState s);
std::optional<NodeState> parseNodeState(std::string_view name);

// What the generator was given to make the node; each generator fills its own
// fields and leaves the others empty.
struct NodeOrigin {
    std::string file;                   // the root: the template it was read from
    std::string strategy;               // tuner: the search strategy, or "cache" (the tuning cache's)
    std::optional<uint64_t> spaceSize;  // tuner: configurations in the space
    std::string note;                   // manual: the engineer's note
    std::string mode;                   // llm: fix, optimize, explore, expose-parameters
    std::string provider;               // llm
    std::string model;                  // llm
    std::string change;                 // llm: the model's own summary of its change

    bool empty() const;
};

struct Node {
    int64_t id = 0;                 // the session's own numbering, from 1 (the root)
    std::optional<int64_t> parent;  // nullopt for the root
    std::string generator;          // "template", "tuner", "manual", "llm", ...
    NodeOrigin input;
    std::string sourceHash;         // into the store's content-addressed sources
    std::string sourceExtension;    // ".cpp", ".cu", ".hip": how the toolchain reads it
    TuneConfig config;              // -D values the source is compiled with
    NodeState state = NodeState::Pending;
    Status status = Status::NotRun;
    Phrase message;  // why it failed; empty when it passed
    double fitness = 0;             // weighted geometric-mean speedup; 0 unless PASSED
    std::optional<CompileResult> compile;  // absent before compiling, or when read as a summary
    std::optional<EvalReport> evaluation;  // ReportScope::Node; absent before measuring, or as a summary
    double seconds = 0;             // compile + measurement wall time
    std::string createdAt;          // ISO 8601, UTC
    std::string evaluatedAt;
    std::optional<NodeProfile> profile;  // once profiled
    // False when read as a summary (Store::NodeDetail::Summary): `compile` and
    // `evaluation` were left out, not missing.
    bool detailed = true;

    bool passed() const { return state == NodeState::Done && status == Status::Passed; }
};

nlohmann::json toJson(const NodeOrigin& o);
NodeOrigin nodeOriginFromJson(const nlohmann::json& j, const std::string& path);
nlohmann::json toJson(const Node& n);
Node nodeFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
