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

#include "session/session_tree.h"

namespace kforge {

struct Proposal {
    int64_t parent = 0;
    std::string generator;
    nlohmann::json input = nlohmann::json::object();  // what produced it, for the record
    std::string source;
    std::string extension;  // ".cpp", ".cu", ".hip"
    TuneConfig config;      // complete; empty means the source's @tune defaults
};

class Generator {
public:
    virtual ~Generator() = default;
    virtual std::string_view name() const = 0;
    // Whether propose() would have something for this parent. Cheap: the
    // selection policy asks it of every node.
    virtual bool canExpand(const Node& parent, const SessionTree& tree) = 0;
    // One child for `parent`, never a source and configuration the tree has
    // tried; nullopt when there is nothing more.
    virtual std::optional<Proposal> propose(const Node& parent, const SessionTree& tree) = 0;
};

}  // namespace kforge
