#include "search/searcher.h"

#include "search/bayesian_searcher.h"
#include "search/simple_searchers.h"
#include "util/error.h"

namespace kforge {

std::vector<std::string> searcherNames() { return {"grid", "random", "anneal", "genetic", "bo"}; }

std::unique_ptr<Searcher> makeSearcher(std::string_view strategy, const SearchSpace& space, uint64_t seed) {
    if (strategy == "grid") return std::make_unique<GridSearcher>(space);
    if (strategy == "random") return std::make_unique<RandomSearcher>(space, seed);
    if (strategy == "anneal") return std::make_unique<AnnealSearcher>(space, seed);
    if (strategy == "genetic") return std::make_unique<GeneticSearcher>(space, seed);
    if (strategy == "bo") return std::make_unique<BayesianSearcher>(space, seed);
    throw Error("unknown search strategy '" + std::string(strategy) + "' (grid, random, anneal, genetic or bo)");
}

}  // namespace kforge
