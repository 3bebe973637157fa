#pragma once
// Where the nodes of a laid-out tree are, for painting and hit-testing: the
// nodes bucketed by depth with x sorted, so what lies in a rectangle is a
// binary search per visible row. Painting then costs what is visible, not the
// size of the tree, and finding the node under the mouse is O(log n).
#include <cstddef>
#include <utility>
#include <vector>

#include "ui/tree/tree_layout.h"

namespace kforge::ui {

class TreeSpatialIndex {
public:
    // `parents[i]` is node i's parent, or -1 for a root.
    void build(const std::vector<TidyPosition>& positions, const std::vector<int>& parents);
    void clear();

    int rowCount() const { return static_cast<int>(rows_.size()); }
    // Node indexes of one depth, sorted by x.
    const std::vector<int>& row(int depth) const;

    // [first, last) positions in row(depth) of the nodes with xMin <= x <= xMax.
    std::pair<std::size_t, std::size_t> nodesBetween(int depth, double xMin, double xMax) const;
    // [first, last) positions in row(depth) of the nodes whose edge from their
    // parent may cross the x range [xMin, xMax]. Conservative: it may include
    // edges just outside, never leaves a crossing edge out.
    std::pair<std::size_t, std::size_t> edgesBetween(int depth, double xMin, double xMax) const;
    // The node of that depth nearest to x, or -1 when the row is empty.
    int nearest(int depth, double x) const;

private:
    struct Row {
        std::vector<int> nodes;
        std::vector<double> x;
        // The x span of each node's incoming edge, made monotone so both ends
        // can be found by binary search however the edges lean.
        std::vector<double> edgeMaxPrefix;  // max over [0, i] of max(x, parent x)
        std::vector<double> edgeMinSuffix;  // min over [i, end) of min(x, parent x)
    };
    std::vector<Row> rows_;
};

}  // namespace kforge::ui
