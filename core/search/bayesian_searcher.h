#pragma once
// Bayesian optimization: a Gaussian process with a Matern 5/2 kernel over the
// encoded configurations models log(cost); the next configuration maximizes
// expected improvement among the unmeasured ones. It starts from a Latin-
// hypercube design; failed configurations count as worse than any success,
// so the model learns to avoid their neighbourhood.
#include <random>

#include "search/searcher.h"

namespace kforge {

class BayesianSearcher final : public Searcher {
public:
    BayesianSearcher(const SearchSpace& space, uint64_t seed);
    std::string_view name() const override { return "bo"; }
    std::optional<size_t> next(const std::vector<Trial>& history) override;

private:
    std::optional<size_t> initialDesign(size_t step, const std::vector<bool>& measured);
    const SearchSpace& space_;
    std::mt19937_64 rng_;
    std::vector<std::vector<double>> design_;  // Latin-hypercube points, used in order
};

}  // namespace kforge
