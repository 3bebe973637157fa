#include "ui/tree/tree_graph_data.h"

#include <QStringList>
#include <algorithm>
#include <filesystem>

#include "model/node.h"
#include "model/session_tree.h"
#include "ui/phrase_text.h"

namespace kforge::ui {

namespace {
inline std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}
}  // namespace

GraphNode TreeGraphData::fromNode(const Node& node) {
    GraphNode g;
    g.id = node.id;
    g.parentId = node.parent;
    g.generator = QString::fromStdString(node.generator);
    QStringList config;
    for (const auto& [name, value] : node.config)
        config << QString::fromStdString(name) + QLatin1Char('=') + QString::fromStdString(value);
    g.configuration = config.join(QStringLiteral(", "));
    g.config = node.config;
    g.strategy = QString::fromStdString(node.input.strategy);
    g.change = QString::fromStdString(node.input.change);
    if (node.generator == "template") g.templateName = QString::fromStdString(std::filesystem::path(node.input.file).stem().string());
    const QString message = phraseText(node.message);
    g.message = message.section(QLatin1Char('\n'), 0, 0).trimmed();
    g.status = node.status;
    g.pending = node.state == NodeState::Pending;
    g.speedup = node.passed() ? node.fitness : 0;
    return g;
}

void TreeGraphData::clear() {
    nodes_.clear();
    children_.clear();
    roots_.clear();
    indexById_.clear();
    refreshSummary();
}

void TreeGraphData::reset(const SessionTree& tree) {
    clear();
    nodes_.reserve(tree.nodes().size());
    indexById_.reserve(static_cast<qsizetype>(tree.nodes().size()));
    for (const Node& node : tree.nodes()) {
        indexById_.insert(node.id, size());
        nodes_.push_back(fromNode(node));
    }
    relink();
    refreshSummary();
}

TreeGraphData::Change TreeGraphData::upsert(const Node& node) {
    const int existing = indexOf(node.id);
    if (existing >= 0) {
        GraphNode& old = nodes_[u(existing)];
        GraphNode updated = fromNode(node);
        const bool moved = updated.parentId != old.parentId;
        updated.parent = old.parent;
        old = std::move(updated);
        if (moved) relink();
        refreshSummary();
        return moved ? Change::Structure : Change::Appearance;
    }
    const int index = size();
    indexById_.insert(node.id, index);
    nodes_.push_back(fromNode(node));
    children_.emplace_back();
    GraphNode& added = nodes_.back();
    const int parent = added.parentId ? indexOf(*added.parentId) : -1;
    added.parent = parent;
    insertSorted(parent >= 0 ? children_[u(parent)] : roots_, index);
    adoptOrphansOf(index);
    refreshSummary();
    return Change::Structure;
}

void TreeGraphData::insertSorted(std::vector<int>& list, int index) const {
    const qint64 id = nodes_[u(index)].id;
    const auto at =
        std::lower_bound(list.begin(), list.end(), id, [&](int other, qint64 v) { return nodes_[u(other)].id < v; });
    list.insert(at, index);
}

void TreeGraphData::relink() {
    children_.assign(nodes_.size(), {});
    roots_.clear();
    std::vector<int> order(nodes_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return nodes_[u(a)].id < nodes_[u(b)].id; });
    for (const int index : order) {
        GraphNode& node = nodes_[u(index)];
        node.parent = node.parentId ? indexOf(*node.parentId) : -1;
        (node.parent >= 0 ? children_[u(node.parent)] : roots_).push_back(index);
    }
}

// A node that came before its parent waited as a root; it moves under the parent now.
void TreeGraphData::adoptOrphansOf(int index) {
    const qint64 id = nodes_[u(index)].id;
    for (auto it = roots_.begin(); it != roots_.end();) {
        GraphNode& root = nodes_[u(*it)];
        if (root.parentId == id) {
            root.parent = index;
            insertSorted(children_[u(index)], *it);
            it = roots_.erase(it);
        } else {
            ++it;
        }
    }
}

void TreeGraphData::refreshSummary() {
    best_ = -1;
    minSpeedup_ = 0;
    maxSpeedup_ = 0;
    pendingCount_ = 0;
    statusCounts_.fill(0);
    for (int i = 0; i < size(); ++i) {
        const GraphNode& n = nodes_[u(i)];
        if (n.pending)
            ++pendingCount_;
        else
            ++statusCounts_[static_cast<std::size_t>(n.status)];
        if (!n.passed() || n.speedup <= 0) continue;
        minSpeedup_ = best_ < 0 ? n.speedup : std::min(minSpeedup_, n.speedup);
        maxSpeedup_ = best_ < 0 ? n.speedup : std::max(maxSpeedup_, n.speedup);
        // The earliest node wins a tie, as SessionTree::best() decides.
        const GraphNode* b = best_ < 0 ? nullptr : &nodes_[u(best_)];
        if (!b || n.speedup > b->speedup || (n.speedup == b->speedup && n.id < b->id)) best_ = i;
    }
    if (best_ < 0) minSpeedup_ = maxSpeedup_ = 1;
    bestPath_.clear();
    onBestPath_.assign(nodes_.size(), 0);
    for (int i = best_; i >= 0; i = nodes_[u(i)].parent) {
        if (onBestPath_[u(i)]) break;  // a cycle in corrupt data must not hang the view
        bestPath_.push_back(i);
        onBestPath_[u(i)] = 1;
    }
    std::reverse(bestPath_.begin(), bestPath_.end());
}

std::vector<int> TreeGraphData::parentIndexes() const {
    std::vector<int> parents(nodes_.size());
    for (std::size_t i = 0; i < nodes_.size(); ++i) parents[i] = nodes_[i].parent;
    return parents;
}

std::vector<TidyPosition> TreeGraphData::layout(const TidyLayoutOptions& options) const {
    return layoutTidyForest(children_, roots_, options);
}

}  // namespace kforge::ui
