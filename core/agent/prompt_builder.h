#pragma once
// The one place that decides what a model is told about a parent node: the
// task and its workloads, the parent's source and verdict, its profile, the
// device, retrieved knowledge and the session's memory; and in which mode it
// is asked (fix, optimize, explore, expose-parameters).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "agent/knowledge_base.h"
#include "model/device_facts.h"
#include "llm/chat.h"
#include "profile/profile.h"
#include "model/session_tree.h"
#include "session/node_memory.h"  // describeChange, measuredBottleneck: the prompt tells them too
#include "store/agent_records.h"
#include "task/task.h"

namespace kforge {

enum class AgentMode { Fix, Optimize, Explore, ExposeParameters };
std::string_view agentModeName(AgentMode m);  // "fix", "optimize", "explore", "expose-parameters"

// Fix for a failed parent; expose-parameters for a correct parent whose source
// declares no @tune (when the tuner runs beside the agent and has not been
// asked yet); explore once optimize attempts from this parent stopped paying;
// optimize otherwise.
AgentMode chooseMode(const Node& parent, const SessionTree& tree, const std::string& parentSource, bool tunerPresent);

struct PromptInputs {
    const Task* task = nullptr;
    std::string backend;         // "cuda", "hip", "cpu"
    DeviceFacts device;          // the session's device facts
    std::string deviceFamily;
    const Node* parent = nullptr;
    std::string parentSource;    // with its configuration header
    AgentMode mode = AgentMode::Optimize;
    std::vector<KnowledgeChunk> knowledge;
    std::vector<std::string> siblings;       // what was tried from this parent and how it went
    std::vector<MemoryEntry> pastSuccesses;  // from other sessions of this op_type
    std::string lastRefusal;                 // why the previous answer for this parent made no node
};

// Bounded: the parent's source and each section are cut to stay within a
// prompt a 32k-context local model can take.
ChatRequest buildPrompt(const PromptInputs& in);

// The sibling lines buildPrompt() shows: the parent's children with their
// change, generator and outcome.
std::vector<std::string> siblingSummaries(const Node& parent, const SessionTree& tree, int limit = 8);

}  // namespace kforge
