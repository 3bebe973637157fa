#include "ui/tree/tree_spatial_index.h"

#include <algorithm>

namespace kforge::ui {

namespace {
inline std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}
}  // namespace

void TreeSpatialIndex::clear() {
    rows_.clear();
}

void TreeSpatialIndex::build(const std::vector<TidyPosition>& positions, const std::vector<int>& parents) {
    rows_.clear();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const int depth = positions[i].depth;
        if (depth < 0) continue;
        if (u(depth) >= rows_.size()) rows_.resize(u(depth) + 1);
        rows_[u(depth)].nodes.push_back(static_cast<int>(i));
    }
    for (Row& row : rows_) {
        std::sort(row.nodes.begin(), row.nodes.end(),
                  [&](int a, int b) { return positions[u(a)].x < positions[u(b)].x; });
        const std::size_t n = row.nodes.size();
        row.x.resize(n);
        row.edgeMaxPrefix.resize(n);
        row.edgeMinSuffix.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            const int node = row.nodes[k];
            const double x = positions[u(node)].x;
            const int p = parents[u(node)];
            const double px = p < 0 ? x : positions[u(p)].x;
            row.x[k] = x;
            row.edgeMaxPrefix[k] = std::max(x, px);
            row.edgeMinSuffix[k] = std::min(x, px);
        }
        for (std::size_t k = 1; k < n; ++k)
            row.edgeMaxPrefix[k] = std::max(row.edgeMaxPrefix[k], row.edgeMaxPrefix[k - 1]);
        for (std::size_t k = n; k-- > 1;)
            row.edgeMinSuffix[k - 1] = std::min(row.edgeMinSuffix[k - 1], row.edgeMinSuffix[k]);
    }
}

const std::vector<int>& TreeSpatialIndex::row(int depth) const {
    static const std::vector<int> none;
    return depth < 0 || u(depth) >= rows_.size() ? none : rows_[u(depth)].nodes;
}

std::pair<std::size_t, std::size_t> TreeSpatialIndex::nodesBetween(int depth, double xMin, double xMax) const {
    if (depth < 0 || u(depth) >= rows_.size() || xMax < xMin) return {0, 0};
    const std::vector<double>& x = rows_[u(depth)].x;
    const auto first = std::lower_bound(x.begin(), x.end(), xMin);
    const auto last = std::upper_bound(first, x.end(), xMax);
    return {static_cast<std::size_t>(first - x.begin()), static_cast<std::size_t>(last - x.begin())};
}

std::pair<std::size_t, std::size_t> TreeSpatialIndex::edgesBetween(int depth, double xMin, double xMax) const {
    if (depth < 0 || u(depth) >= rows_.size() || xMax < xMin) return {0, 0};
    const Row& row = rows_[u(depth)];
    // Before `first` every edge ends left of xMin; from `last` on every edge starts right of xMax.
    const auto first = std::lower_bound(row.edgeMaxPrefix.begin(), row.edgeMaxPrefix.end(), xMin);
    const auto last = std::upper_bound(row.edgeMinSuffix.begin(), row.edgeMinSuffix.end(), xMax);
    const auto a = static_cast<std::size_t>(first - row.edgeMaxPrefix.begin());
    const auto b = static_cast<std::size_t>(last - row.edgeMinSuffix.begin());
    return {a, std::max(a, b)};
}

int TreeSpatialIndex::nearest(int depth, double x) const {
    if (depth < 0 || u(depth) >= rows_.size() || rows_[u(depth)].nodes.empty()) return -1;
    const Row& row = rows_[u(depth)];
    const auto it = std::lower_bound(row.x.begin(), row.x.end(), x);
    auto k = static_cast<std::size_t>(it - row.x.begin());
    if (k == row.x.size() || (k > 0 && x - row.x[k - 1] < row.x[k] - x)) --k;
    return row.nodes[k];
}

}  // namespace kforge::ui
