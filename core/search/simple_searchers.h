#pragma once
// Grid, random, simulated annealing and a genetic algorithm.
#include <random>

#include "search/searcher.h"

namespace kforge {

// The measured-configuration mask of a history.
std::vector<bool> measuredMask(const SearchSpace& space, const std::vector<Trial>& history);

class GridSearcher final : public Searcher {
public:
    explicit GridSearcher(const SearchSpace& space) : space_(space) {}
    std::string_view name() const override { return "grid"; }
    std::optional<size_t> next(const std::vector<Trial>& history) override;

private:
    const SearchSpace& space_;
};

class RandomSearcher final : public Searcher {
public:
    RandomSearcher(const SearchSpace& space, uint64_t seed);
    std::string_view name() const override { return "random"; }
    std::optional<size_t> next(const std::vector<Trial>& history) override;

private:
    const SearchSpace& space_;
    std::vector<size_t> order_;
};

// Moves from the current configuration to a nearby unmeasured one; a worse
// result is accepted with probability exp(-relative loss / temperature), and
// the temperature cools with every trial.
class AnnealSearcher final : public Searcher {
public:
    AnnealSearcher(const SearchSpace& space, uint64_t seed) : space_(space), rng_(seed) {}
    std::string_view name() const override { return "anneal"; }
    std::optional<size_t> next(const std::vector<Trial>& history) override;

private:
    const SearchSpace& space_;
    std::mt19937_64 rng_;
    std::optional<size_t> current_;
    double currentCost_ = 0;
    size_t seen_ = 0;  // trials already considered for acceptance
};

// Children of the best configurations so far: uniform crossover of two
// tournament-chosen parents plus per-parameter mutation.
class GeneticSearcher final : public Searcher {
public:
    GeneticSearcher(const SearchSpace& space, uint64_t seed) : space_(space), rng_(seed) {}
    std::string_view name() const override { return "genetic"; }
    std::optional<size_t> next(const std::vector<Trial>& history) override;

private:
    const SearchSpace& space_;
    std::mt19937_64 rng_;
};

}  // namespace kforge
