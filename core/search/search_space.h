#pragma once
// The configurations a tuner may choose from: every configuration of a
// template's @tune space that satisfies its @constraints, each also encoded as
// a point in [0, 1]^d (a parameter's values in ascending order, evenly spaced)
// so that distance means "similar configuration".
#include <optional>
#include <vector>

#include "task/tune_space.h"

namespace kforge {

class SearchSpace {
public:
    explicit SearchSpace(const TuneSpace& space, size_t limit = 1'000'000);

    size_t size() const { return configs_.size(); }
    size_t dimensions() const { return dims_; }
    const TuneConfig& config(size_t i) const { return configs_[i]; }
    const std::vector<double>& point(size_t i) const { return points_[i]; }
    std::optional<size_t> indexOf(const TuneConfig& config) const;
    // The unmeasured configuration nearest to a point; nullopt when all are measured.
    std::optional<size_t> nearestUnmeasured(const std::vector<double>& point, const std::vector<bool>& measured) const;

private:
    std::vector<TuneConfig> configs_;
    std::vector<std::vector<double>> points_;
    size_t dims_ = 0;
};

}  // namespace kforge
