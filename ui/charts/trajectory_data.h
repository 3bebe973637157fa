#pragma once
// The trajectory of a session as data: its evaluated nodes in evaluation order
// (by evaluatedAt, then id) and the best fitness reached after each. Kept
// apart from the chart so that live updates cost O(1) when a node arrives in
// order (the common case) and the order and running best are testable alone.
#include <QtGlobal>

#include <string>
#include <unordered_map>
#include <vector>

#include "model/node.h"

namespace kforge::ui {

struct TrajectoryPoint {
    qint64 id = 0;
    double fitness = 0;  // the speedup; 0 unless passed
    kforge::Status status = kforge::Status::NotRun;
    std::string evaluatedAt;
    bool passed() const { return status == kforge::Status::Passed; }
};

class TrajectoryData {
public:
    // What update() did, so the chart knows whether appending is enough.
    enum class Change { None, Appended, Rebuilt };

    void reset(const std::vector<kforge::Node>& nodes);
    Change update(const kforge::Node& node);
    void clear();

    const std::vector<TrajectoryPoint>& points() const { return points_; }
    // The best fitness after each point (0 until the first pass).
    const std::vector<double>& runningBest() const { return best_; }
    int failureCount() const { return failures_; }
    int indexOf(qint64 id) const;  // -1 when not plotted
    double minPassed() const { return minPassed_; }  // 0 when none passed
    double maxPassed() const { return maxPassed_; }

    // Evaluated nodes only: pending ones have no verdict to plot yet.
    static bool plotted(const kforge::Node& node);

private:
    void rebuildDerived();
    void account(const TrajectoryPoint& p);

    std::vector<TrajectoryPoint> points_;
    std::vector<double> best_;
    std::unordered_map<qint64, int> index_;
    int failures_ = 0;
    double minPassed_ = 0;
    double maxPassed_ = 0;
};

}  // namespace kforge::ui
