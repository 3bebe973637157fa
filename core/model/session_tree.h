#pragma once
// A session's nodes in memory, with the indexes the engine, the selection
// policies and the generators ask for: children, the best node, and whether a
// source and configuration was already tried.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/node.h"

namespace kforge {

class SessionTree {
public:
    // Adds a node (its id must be new) or replaces the node of that id.
    void put(const Node& node);
    void putSource(const std::string& hash, std::string text) { sources_[hash] = std::move(text); }

    const Node* find(int64_t id) const;
    const Node& at(int64_t id) const;  // throws kforge::Error for an unknown id
    const std::vector<Node>& nodes() const { return nodes_; }  // by id
    const std::vector<int64_t>& children(int64_t id) const;
    const std::string& source(const std::string& hash) const;  // throws kforge::Error when missing
    bool hasSource(const std::string& hash) const { return sources_.count(hash) > 0; }
    const std::map<std::string, std::string>& sources() const { return sources_; }

    int64_t nextId() const { return nodes_.empty() ? 1 : nodes_.back().id + 1; }
    bool tried(const std::string& sourceHash, const TuneConfig& config) const { return nodeWith(sourceHash, config).has_value(); }
    // The node that has this source and configuration, if one has.
    std::optional<int64_t> nodeWith(const std::string& sourceHash, const TuneConfig& config) const;
    int countWithSource(const std::string& sourceHash) const;
    const Node* best() const;  // the PASSED node of highest fitness (earliest on a tie)
    int done() const { return done_; }
    int pending() const { return static_cast<int>(nodes_.size()) - done_; }
    std::map<Status, int> countsByStatus() const;

    // Ids from the root down to `id`.
    std::vector<int64_t> pathTo(int64_t id) const;

private:
    std::vector<Node> nodes_;
    std::map<int64_t, std::vector<int64_t>> children_;
    std::map<std::pair<std::string, std::string>, int64_t> tried_;  // (source hash, configKey) -> node
    std::map<std::string, std::string> sources_;
    std::map<std::string, int> perSource_;
    int done_ = 0;
};

}  // namespace kforge
