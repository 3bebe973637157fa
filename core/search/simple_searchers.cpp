#include "search/simple_searchers.h"

#include <algorithm>
#include <cmath>

namespace kforge {

std::vector<bool> measuredMask(const SearchSpace& space, const std::vector<Trial>& history) {
    std::vector<bool> measured(space.size(), false);
    for (const auto& t : history)
        if (t.index < measured.size()) measured[t.index] = true;
    return measured;
}

namespace {
std::optional<size_t> randomUnmeasured(const std::vector<bool>& measured, std::mt19937_64& rng) {
    std::vector<size_t> open;
    for (size_t i = 0; i < measured.size(); ++i)
        if (!measured[i]) open.push_back(i);
    if (open.empty()) return std::nullopt;
    return open[std::uniform_int_distribution<size_t>(0, open.size() - 1)(rng)];
}
}  // namespace

std::optional<size_t> GridSearcher::next(const std::vector<Trial>& history) {
    const auto measured = measuredMask(space_, history);
    for (size_t i = 0; i < measured.size(); ++i)
        if (!measured[i]) return i;
    return std::nullopt;
}

RandomSearcher::RandomSearcher(const SearchSpace& space, uint64_t seed) : space_(space) {
    order_.resize(space.size());
    for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::mt19937_64 rng(seed);
    std::shuffle(order_.begin(), order_.end(), rng);
}

std::optional<size_t> RandomSearcher::next(const std::vector<Trial>& history) {
    const auto measured = measuredMask(space_, history);
    for (size_t i : order_)
        if (!measured[i]) return i;
    return std::nullopt;
}

std::optional<size_t> AnnealSearcher::next(const std::vector<Trial>& history) {
    const auto measured = measuredMask(space_, history);
    std::uniform_real_distribution<double> unit(0, 1);
    // Judge the trials that arrived since the last call, in order.
    for (; seen_ < history.size(); ++seen_) {
        const Trial& t = history[seen_];
        if (t.pending) break;  // judged once its measurement arrives, in order
        if (!t.cost) continue;
        const double temperature = 0.3 * std::pow(0.95, static_cast<double>(seen_));
        const bool better = !current_ || *t.cost < currentCost_;
        const double loss = current_ ? (*t.cost - currentCost_) / currentCost_ : 0;
        if (better || unit(rng_) < std::exp(-loss / std::max(temperature, 1e-9))) {
            current_ = t.index;
            currentCost_ = *t.cost;
        }
    }
    if (!current_) return randomUnmeasured(measured, rng_);
    const double temperature = 0.3 * std::pow(0.95, static_cast<double>(history.size()));
    std::normal_distribution<double> step(0, 0.15 + temperature);
    std::vector<double> p = space_.point(*current_);
    for (double& x : p) x = std::clamp(x + step(rng_), 0.0, 1.0);
    return space_.nearestUnmeasured(p, measured);
}

std::optional<size_t> GeneticSearcher::next(const std::vector<Trial>& history) {
    const auto measured = measuredMask(space_, history);
    std::vector<Trial> good;
    for (const auto& t : history)
        if (t.cost) good.push_back(t);
    if (good.size() < 4) return randomUnmeasured(measured, rng_);
    std::sort(good.begin(), good.end(), [](const Trial& a, const Trial& b) { return *a.cost < *b.cost; });
    good.resize(std::min<size_t>(good.size(), 8));  // the population: the best so far
    std::uniform_int_distribution<size_t> pick(0, good.size() - 1);
    auto tournament = [&] {
        const Trial& a = good[pick(rng_)];
        const Trial& b = good[pick(rng_)];
        return *a.cost < *b.cost ? a.index : b.index;
    };
    const auto& p1 = space_.point(tournament());
    const auto& p2 = space_.point(tournament());
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<double> child(p1.size());
    for (size_t d = 0; d < child.size(); ++d) {
        child[d] = unit(rng_) < 0.5 ? p1[d] : p2[d];
        if (unit(rng_) < 0.2) child[d] = unit(rng_);  // mutation
    }
    return space_.nearestUnmeasured(child, measured);
}

}  // namespace kforge
