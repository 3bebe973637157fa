#include "ui/charts/trajectory_data.h"

#include <algorithm>

namespace kforge::ui {

namespace {

TrajectoryPoint pointOf(const kforge::Node& node) {
    TrajectoryPoint p;
    p.id = node.id;
    p.status = node.status;
    p.fitness = node.status == kforge::Status::Passed ? node.fitness : 0;
    p.evaluatedAt = node.evaluatedAt;
    return p;
}

bool before(const TrajectoryPoint& a, const TrajectoryPoint& b) {
    // ISO 8601 UTC timestamps of one format sort as text.
    if (a.evaluatedAt != b.evaluatedAt) return a.evaluatedAt < b.evaluatedAt;
    return a.id < b.id;
}

}  // namespace

bool TrajectoryData::plotted(const kforge::Node& node) {
    return node.state == kforge::NodeState::Done && node.status != kforge::Status::NotRun;
}

void TrajectoryData::clear() {
    points_.clear();
    best_.clear();
    index_.clear();
    failures_ = 0;
    minPassed_ = maxPassed_ = 0;
}

void TrajectoryData::reset(const std::vector<kforge::Node>& nodes) {
    clear();
    points_.reserve(nodes.size());
    for (const auto& n : nodes)
        if (plotted(n)) points_.push_back(pointOf(n));
    std::stable_sort(points_.begin(), points_.end(), before);
    rebuildDerived();
}

void TrajectoryData::account(const TrajectoryPoint& p) {
    const double previous = best_.empty() ? 0 : best_.back();
    if (p.passed()) {
        minPassed_ = minPassed_ == 0 ? p.fitness : std::min(minPassed_, p.fitness);
        maxPassed_ = std::max(maxPassed_, p.fitness);
        best_.push_back(std::max(previous, p.fitness));
    } else {
        ++failures_;
        best_.push_back(previous);
    }
}

void TrajectoryData::rebuildDerived() {
    best_.clear();
    best_.reserve(points_.size());
    index_.clear();
    index_.reserve(points_.size());
    failures_ = 0;
    minPassed_ = maxPassed_ = 0;
    for (std::size_t i = 0; i < points_.size(); ++i) {
        index_[points_[i].id] = static_cast<int>(i);
        account(points_[i]);
    }
}

TrajectoryData::Change TrajectoryData::update(const kforge::Node& node) {
    const auto found = index_.find(node.id);
    if (found != index_.end()) {
        const auto i = static_cast<std::size_t>(found->second);
        if (!plotted(node)) {  // back to pending (re-queued): it leaves the plot
            points_.erase(points_.begin() + found->second);
            rebuildDerived();
            return Change::Rebuilt;
        }
        const TrajectoryPoint p = pointOf(node);
        const TrajectoryPoint& old = points_[i];
        if (old.status == p.status && old.fitness == p.fitness && old.evaluatedAt == p.evaluatedAt) return Change::None;
        points_[i] = p;
        std::stable_sort(points_.begin(), points_.end(), before);
        rebuildDerived();
        return Change::Rebuilt;
    }
    if (!plotted(node)) return Change::None;
    const TrajectoryPoint p = pointOf(node);
    if (points_.empty() || !before(p, points_.back())) {
        index_[p.id] = static_cast<int>(points_.size());
        points_.push_back(p);
        account(p);
        return Change::Appended;
    }
    points_.insert(std::upper_bound(points_.begin(), points_.end(), p, before), p);
    rebuildDerived();
    return Change::Rebuilt;
}

int TrajectoryData::indexOf(qint64 id) const {
    const auto found = index_.find(id);
    return found == index_.end() ? -1 : found->second;
}

}  // namespace kforge::ui
