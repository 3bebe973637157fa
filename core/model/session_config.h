#pragma once
// What a session was asked to do, kept with it in the store so that a resumed
// or imported session runs, and reads, the same way; and the session as the
// store and session files keep it. Value types with their JSON codecs, below
// everything that fills or reads them (the engine, the store, the UI).
#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/backend.h"
#include "model/baselines.h"
#include "model/device_facts.h"
#include "model/provider_config.h"
#include "model/speedup_basis.h"
#include "model/stop_conditions.h"
#include "model/timing_spec.h"

namespace kforge {

// The LLM agent's part of a session: the provider as it was when the session
// was made (never its key), and how hard the agent tries per node.
struct LlmSettings {
    ProviderConfig provider;
    int attemptsPerParent = 3;  // answers asked about one node, refused ones included
    int maxFixDepth = 2;        // fixes in a row along one line of broken nodes
    int knowledgeSections = 4;  // guide sections pasted into a prompt
    // Profile a correct parent with Nsight Compute before asking to optimize
    // it (CUDA only; skipped for the session once ncu proves unusable here).
    bool profile = true;
};

struct SessionConfig {
    Backend backend = Backend::Cpu;
    std::string selection = "ucb";                  // ucb, best or beam
    double exploration = 1.0;                       // UCB's exploration constant
    int beamWidth = 4;
    std::vector<std::string> generators{"tuner"};   // tuner, llm, manual
    std::string tuner = "bo";                       // grid, random, anneal, genetic or bo
    uint64_t seed = 1;
    StopConditions stop;
    int seeds = 3;                                  // random input sets per verification
    TimingSpec timing;
    std::chrono::milliseconds stepTimeout{60000};
    int maxInFlight = 0;                            // compiled-but-unmeasured bound; 0: compile workers + 2
    std::optional<LlmSettings> llm;                 // set when "llm" is among the generators
    // What a node's fitness (its speedup) is measured against. A session asked
    // for "best" that gets no PyTorch baseline on some workload is created with
    // "native" instead and says why; a stored configuration without the field
    // predates PyTorch baselines and reads as "native".
    SpeedupBasis speedupAgainst = SpeedupBasis::Best;
    std::vector<std::string> torchBaselines{"eager", "compile", "vendor"};  // timed once, when the session is created
    std::string compileMode = "default";                                    // torch.compile's mode for "compile"
    // The tuner starts from the tuning cache's configurations for this task,
    // source and machine, and the session's measurements feed the cache.
    // Stored configurations without the field predate the cache: off.
    bool tuningCache = true;
};

nlohmann::json toJson(const SessionConfig& c);
// Throws ModelError naming the field (under `path`) when the stored config is
// unusable: a field missing, of the wrong type or unknown. Fields added after
// the first stored configurations may be absent and read as those versions ran.
SessionConfig sessionConfigFromJson(const nlohmann::json& j, const std::string& path = "config");

// A session as the store keeps it (the nodes are kept beside it).
struct SessionRecord {
    int64_t id = 0;
    std::string uuid;
    std::string name;
    std::string task;             // the task's name
    std::string taskRef;          // how to load it again: a built-in name or a path
    std::string taskHash;         // SHA-256 of definition and workloads as they were
    std::string taskDefinition;   // the files' text, so that an exported session is self-describing
    std::string taskWorkloads;
    DeviceFacts device;           // empty (not known()) until the runner answered
    SessionConfig config;
    std::string baselineName;     // "baseline" or "reference"
    std::string baselineHash;     // its source, among the sources
    BaselineTimes baseline;       // measured once when the session was created
    WorkloadBaselines torchBaselines;  // PyTorch eager / compile / vendor, measured then too (empty: none)
    // The native baseline on each other device model a runner of the session
    // had (deviceModel()), measured when that runner first came: its
    // candidates' speedups are over it. Empty for sessions on one model.
    DeviceBaselines deviceBaselines;
    std::string status = "new";   // new, running, paused, stopped, finished, failed
    std::string stopReason;              // in English, for the CLI and the database
    std::vector<StopCause> stopCauses;   // the same as data (empty in sessions from before they were kept)
    std::string createdAt;
    std::string updatedAt;
    double activeSeconds = 0;     // wall time spent running, over all runs
    int evaluations = 0;
    std::optional<int64_t> bestNode;
    double bestSpeedup = 0;
};

// The session as a session file carries it (the store keeps it in columns).
// What a session's speedups are over, in words: "the best PyTorch baseline"
// or "the task's baseline" (its native kernel, a sanity floor).
std::string speedupBasisText(const SessionRecord& r);

nlohmann::json toJson(const SessionRecord& r);
SessionRecord sessionRecordFromJson(const nlohmann::json& j, const std::string& path);

}  // namespace kforge
