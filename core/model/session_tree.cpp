#include "model/session_tree.h"

#include <algorithm>

#include "util/error.h"

namespace kforge {

void SessionTree::put(const Node& node) {
    auto it = std::lower_bound(nodes_.begin(), nodes_.end(), node.id, [](const Node& n, int64_t id) { return n.id < id; });
    if (it != nodes_.end() && it->id == node.id) {
        done_ += (node.state == NodeState::Done) - (it->state == NodeState::Done);
        *it = node;
        return;
    }
    nodes_.insert(it, node);
    if (node.parent) children_[*node.parent].push_back(node.id);
    tried_.emplace(std::pair{node.sourceHash, configKey(node.config)}, node.id);
    ++perSource_[node.sourceHash];
    done_ += node.state == NodeState::Done;
}

const Node* SessionTree::find(int64_t id) const {
    auto it = std::lower_bound(nodes_.begin(), nodes_.end(), id, [](const Node& n, int64_t v) { return n.id < v; });
    return it != nodes_.end() && it->id == id ? &*it : nullptr;
}

const Node& SessionTree::at(int64_t id) const {
    const Node* n = find(id);
    if (!n) throw Error("the session has no node " + std::to_string(id));
    return *n;
}

const std::vector<int64_t>& SessionTree::children(int64_t id) const {
    static const std::vector<int64_t> none;
    auto it = children_.find(id);
    return it == children_.end() ? none : it->second;
}

const std::string& SessionTree::source(const std::string& hash) const {
    auto it = sources_.find(hash);
    if (it == sources_.end()) throw Error("the session has no source " + hash.substr(0, 12));
    return it->second;
}

std::optional<int64_t> SessionTree::nodeWith(const std::string& sourceHash, const TuneConfig& config) const {
    const auto it = tried_.find({sourceHash, configKey(config)});
    return it == tried_.end() ? std::nullopt : std::optional<int64_t>(it->second);
}

int SessionTree::countWithSource(const std::string& sourceHash) const {
    const auto it = perSource_.find(sourceHash);
    return it == perSource_.end() ? 0 : it->second;
}

const Node* SessionTree::best() const {
    const Node* best = nullptr;
    for (const auto& n : nodes_)
        if (n.passed() && n.fitness > 0 && (!best || n.fitness > best->fitness)) best = &n;
    return best;
}

std::map<Status, int> SessionTree::countsByStatus() const {
    std::map<Status, int> counts;
    for (const auto& n : nodes_)
        if (n.state == NodeState::Done) ++counts[n.status];
    return counts;
}

std::vector<int64_t> SessionTree::pathTo(int64_t id) const {
    std::vector<int64_t> path;
    for (const Node* n = find(id); n; n = n->parent ? find(*n->parent) : nullptr) path.push_back(n->id);
    std::reverse(path.begin(), path.end());
    return path;
}

}  // namespace kforge
