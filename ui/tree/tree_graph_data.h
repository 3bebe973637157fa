#pragma once
// What the search-tree view draws, kept apart from how it draws it: a compact
// copy of each node's identity and verdict, parent and child links (children
// by id), the best node and the path to it, and the range of speedups the
// colour scale spans. Nodes arrive whole (a session opened) or one at a time
// (a session running); a node may even arrive before its parent.
#include <QHash>
#include <QString>
#include <QtGlobal>
#include <array>
#include <optional>
#include <vector>

#include "model/tuning_config.h"
#include "runner/protocol.h"
#include "ui/tree/tree_layout.h"

namespace kforge {
struct Node;
class SessionTree;
}  // namespace kforge

namespace kforge::ui {

struct GraphNode {
    qint64 id = 0;
    std::optional<qint64> parentId;
    int parent = -1;  // index; -1 for a root or while the parent is unknown
    QString generator;
    QString configuration;  // "BLOCK=128, VEC=4"
    TuneConfig config;      // for what changed from the parent (see edgeLabel)
    QString strategy;       // a tuner's: "cache" for the tuning cache's proposals
    QString change;         // an LLM's summary of its change
    QString templateName;   // a template's: its file's stem (a task may have several)
    QString message;        // the verdict's first line
    Status status = Status::NotRun;
    bool pending = true;
    double speedup = 0;  // the node's fitness; 0 unless it passed

    bool passed() const { return !pending && status == Status::Passed; }
};

class TreeGraphData {
public:
    enum class Change { None, Appearance, Structure };

    void reset(const SessionTree& tree);
    // Adds the node or replaces the node of its id; says whether the tree's
    // shape changed (a relayout) or only how a node looks (a repaint).
    Change upsert(const Node& node);
    void clear();

    int size() const { return static_cast<int>(nodes_.size()); }
    bool empty() const { return nodes_.empty(); }
    int indexOf(qint64 id) const { return indexById_.value(id, -1); }
    const GraphNode& node(int index) const { return nodes_[static_cast<std::size_t>(index)]; }
    const std::vector<int>& children(int index) const { return children_[static_cast<std::size_t>(index)]; }
    const std::vector<int>& roots() const { return roots_; }

    int best() const { return best_; }                              // index, or -1 while nothing passed
    const std::vector<int>& bestPath() const { return bestPath_; }  // indexes from the root down to the best
    bool onBestPath(int index) const { return onBestPath_[static_cast<std::size_t>(index)] != 0; }
    // The speedups of passed nodes span [minSpeedup, maxSpeedup]; 1 and 1 while none passed.
    double minSpeedup() const { return minSpeedup_; }
    double maxSpeedup() const { return maxSpeedup_; }

    // How many nodes are pending, and how many finished with each status.
    int pendingCount() const { return pendingCount_; }
    int statusCount(Status status) const { return statusCounts_[static_cast<std::size_t>(status)]; }

    std::vector<int> parentIndexes() const;
    std::vector<TidyPosition> layout(const TidyLayoutOptions& options) const;

private:
    static GraphNode fromNode(const Node& node);
    void insertSorted(std::vector<int>& list, int index) const;
    void relink();
    void adoptOrphansOf(int index);
    void refreshSummary();

    std::vector<GraphNode> nodes_;  // in arrival order; ids index them through indexById_
    std::vector<std::vector<int>> children_;
    std::vector<int> roots_;
    QHash<qint64, int> indexById_;
    int best_ = -1;
    std::vector<int> bestPath_;
    std::vector<char> onBestPath_;
    double minSpeedup_ = 1;
    double maxSpeedup_ = 1;
    int pendingCount_ = 0;
    std::array<int, static_cast<std::size_t>(Status::NotRun) + 1> statusCounts_{};
};

}  // namespace kforge::ui
