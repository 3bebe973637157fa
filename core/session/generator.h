#pragma once
// A generator proposes children for a node, given the session so far: the
// parameter tuner (new configurations of the node's source), the manual edit
// (a source the engineer handed in), the LLM rewrite (its own issue).
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/session_tree.h"
#include "store/agent_records.h"

namespace kforge {

struct Proposal {
    int64_t parent = 0;
    std::string generator;
    NodeOrigin input;  // what produced it, for the record
    std::string source;
    std::string extension;  // ".cpp", ".cu", ".hip"
    TuneConfig config;      // complete; empty means the source's @tune defaults
};

// What an asynchronous generator's request came back with: a proposal or a
// refusal, with the exchange that produced it.
struct GeneratedChild {
    LlmExchange exchange;               // sessionId and nodeId left for the engine
    std::optional<Proposal> proposal;   // none when refused, failed or cancelled
    std::optional<NodeProfile> parentProfile;  // collected for the prompt; the engine keeps it with the parent
};

class Generator {
public:
    virtual ~Generator() = default;
    virtual std::string_view name() const = 0;
    // Whether propose() would have something for this parent. Cheap: the
    // selection policy asks it of every node.
    virtual bool canExpand(const Node& parent, const SessionTree& tree) = 0;
    // One child for `parent`, never a source and configuration the tree has
    // tried; nullopt when there is nothing more. Synchronous generators only.
    virtual std::optional<Proposal> propose(const Node& parent, const SessionTree& tree) = 0;

    // Asynchronous generators (the LLM agent) take seconds to minutes per
    // child: the engine start()s work for a parent and later collects what
    // came back, while it goes on compiling and measuring.
    virtual bool asynchronous() const { return false; }
    // How many start()ed requests are in flight, and how many may be.
    virtual int busy() const { return 0; }
    virtual int capacity() const { return 0; }
    // A parent the generator wants to work on before the selection policy's
    // choice (the agent fixes its own broken code first; the tuner measures
    // every variant at its seeds first).
    virtual std::optional<int64_t> preferredParent(const SessionTree&) { return std::nullopt; }
    // Begins a child of `parent` (engine thread); false when it cannot now.
    virtual bool start(const Node& /*parent*/, const SessionTree& /*tree*/) { return false; }
    // Ends every request in flight; collect() then returns them as cancelled.
    virtual void cancelAll() {}
    // Requests finished since the last call (engine thread).
    virtual std::vector<GeneratedChild> collect() { return {}; }
};

}  // namespace kforge
