#pragma once
// A tidy layout of an ordered forest in linear time: Buchheim, Jünger and
// Leipert, "Improving Walker's Algorithm to Run in Linear Time" (2002).
// Parents sit centred over their children, subtrees are packed as closely as
// their contours allow, and mirrored subtrees are drawn mirrored. No Qt here:
// the search-tree view uses it, and so can anything else that draws a tree.
#include <vector>

namespace kforge::ui {

struct TidyPosition {
    double x = 0;   // in units of the sibling distance; the leftmost node is at 0
    int depth = 0;  // roots are at depth 0
};

struct TidyLayoutOptions {
    double siblingDistance = 1.0;  // between neighbours with the same parent
    double subtreeDistance = 1.0;  // between neighbours of different parents
};

// Lays out the forest whose node i has the children children[i] (left to
// right) and whose roots are `roots` (left to right); the roots become
// children of an invisible common parent. A node no root reaches (only
// corrupt input has one) gets depth -1. Iterative throughout, so a chain of
// any depth cannot overflow the stack.
std::vector<TidyPosition> layoutTidyForest(const std::vector<std::vector<int>>& children, const std::vector<int>& roots,
                                           const TidyLayoutOptions& options = {});

}  // namespace kforge::ui
