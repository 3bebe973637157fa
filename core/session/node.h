#pragma once
// One candidate in a session's tree: where it came from, what it is, and how it
// measured. A node is written to the store when it is proposed (state Pending)
// and again when its evaluation ends (state Done), so a killed session loses at
// most the evaluations in flight and resumes them.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "runner/protocol.h"
#include "task/tune_space.h"

namespace kforge {

enum class NodeState { Pending, Done };

struct Node {
    int64_t id = 0;                 // the session's own numbering, from 1 (the root)
    std::optional<int64_t> parent;  // nullopt for the root
    std::string generator;          // "template", "tuner", "manual", "llm", ...
    nlohmann::json input = nlohmann::json::object();  // what the generator was given (strategy, prompt, note)
    std::string sourceHash;         // into the store's content-addressed sources
    std::string sourceExtension;    // ".cpp", ".cu", ".hip": how the toolchain reads it
    TuneConfig config;              // -D values the source is compiled with
    NodeState state = NodeState::Pending;
    Status status = Status::NotRun;
    std::string message;
    double fitness = 0;             // weighted geometric-mean speedup; 0 unless PASSED
    nlohmann::json compile;         // compileJson(): diagnostics, registers, spills, shared memory
    nlohmann::json evaluation;      // reportJson(): per-workload samples and statistics
    double seconds = 0;             // compile + measurement wall time
    std::string createdAt;          // ISO 8601, UTC
    std::string evaluatedAt;
    // toJson(NodeProfile) once profiled (profile/profile.h); empty object before.
    nlohmann::json profile = nlohmann::json::object();
    // False when read as a summary (Store::NodeDetail::Summary): `compile` and
    // `evaluation` were left out, and are null here, not empty results.
    bool detailed = true;

    bool passed() const { return state == NodeState::Done && status == Status::Passed; }
};

std::string_view nodeStateName(NodeState s);
std::optional<NodeState> parseNodeState(std::string_view name);

// The configuration as canonical JSON text: the identity of "the same
// configuration" within a source, in memory and in the store.
std::string configKey(const TuneConfig& config);
TuneConfig configFromKey(const std::string& key);

}  // namespace kforge
