#include "search/search_space.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <string>

namespace kforge {
namespace {

// Numeric values sort as numbers, others as text.
bool valueLess(const std::string& a, const std::string& b) {
    char* ea = nullptr;
    char* eb = nullptr;
    const double da = std::strtod(a.c_str(), &ea);
    const double db = std::strtod(b.c_str(), &eb);
    if (*ea == '\0' && *eb == '\0' && ea != a.c_str() && eb != b.c_str()) return da < db;
    return a < b;
}

}  // namespace

SearchSpace::SearchSpace(const TuneSpace& space, size_t limit) : configs_(space.enumerate(limit)), dims_(space.params.size()) {
    std::vector<std::vector<std::string>> ordered;
    for (const auto& p : space.params) {
        auto values = p.values;
        std::sort(values.begin(), values.end(), valueLess);
        ordered.push_back(std::move(values));
    }
    for (const auto& c : configs_) {
        std::vector<double> x;
        for (size_t d = 0; d < dims_; ++d) {
            const auto& values = ordered[d];
            const auto at = std::find(values.begin(), values.end(), c.at(space.params[d].name)) - values.begin();
            x.push_back(values.size() > 1 ? static_cast<double>(at) / static_cast<double>(values.size() - 1) : 0.5);
        }
        points_.push_back(std::move(x));
    }
}

std::optional<size_t> SearchSpace::indexOf(const TuneConfig& config) const {
    for (size_t i = 0; i < configs_.size(); ++i)
        if (configs_[i] == config) return i;
    return std::nullopt;
}

std::optional<size_t> SearchSpace::nearestUnmeasured(const std::vector<double>& p, const std::vector<bool>& measured) const {
    std::optional<size_t> best;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i < configs_.size(); ++i) {
        if (measured[i]) continue;
        double d = 0;
        for (size_t k = 0; k < dims_; ++k) d += (points_[i][k] - p[k]) * (points_[i][k] - p[k]);
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

}  // namespace kforge
