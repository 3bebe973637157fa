#pragma once
// What a session remembers of every evaluated node, for the agents of later
// sessions (store/agent_records.h keeps it): what the node changed, what
// limited its parent, and on which device family. Every session writes these,
// whichever generators it runs, so they live with the engine rather than with
// the LLM generator that reads them; their words are the knowledge base's tags.
#include <string>
#include <string_view>

#include "model/device_facts.h"
#include "model/node.h"
#include "model/session_config.h"
#include "store/agent_records.h"

namespace kforge {

// The device family of a session's device facts: "hopper", "ampere", "ada",
// "cdna3", "cpu", or "" when it is none of these.
std::string deviceFamilyOf(const std::string& backend, const std::string& computeCapabilityOrArch);
// The same from a backend name and the device facts a session keeps.
std::string deviceFamilyOfFacts(std::string_view backend, const DeviceFacts& deviceFacts);

// A node's bottleneck in the knowledge base's words: memory, compute,
// occupancy (spills), launch (tiny workloads dominate) or latency.
std::string bottleneckOf(const Node& node);
// The same, from the node's profiler counters when it has them
// (profileBottleneck), else from its timings (bottleneckOf); empty for a node
// that did not pass.
std::string measuredBottleneck(const Node& node);

// What `child` changed against `parent`, in a line: the agent's "Change:",
// the tuner's configuration difference, or the engineer's note.
std::string describeChange(const Node& child, const Node& parent);

// The memory of `node`, an evaluated child of `parent`, in session `record`
// of a task of operator type `opType`.
MemoryEntry memoryOf(const Node& node, const Node& parent, const SessionRecord& record, const std::string& opType);

}  // namespace kforge
