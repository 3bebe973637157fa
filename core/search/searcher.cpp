#include "search/searcher.h"

#include <array>

#include "search/bayesian_searcher.h"
#include "search/simple_searchers.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge {

namespace {

template <class S>
std::unique_ptr<Searcher> seeded(const SearchSpace& space, uint64_t seed) {
    return std::make_unique<S>(space, seed);
}

std::unique_ptr<Searcher> grid(const SearchSpace& space, uint64_t) { return std::make_unique<GridSearcher>(space); }

// The one list of strategies, the default first.
const std::array<SearcherInfo, 5> kSearchers = {{
    {"bo", QT_TRANSLATE_NOOP("Phrase", "Bayesian optimization"), &seeded<BayesianSearcher>},
    {"grid", QT_TRANSLATE_NOOP("Phrase", "Grid"), &grid},
    {"random", QT_TRANSLATE_NOOP("Phrase", "Random"), &seeded<RandomSearcher>},
    {"anneal", QT_TRANSLATE_NOOP("Phrase", "Simulated annealing"), &seeded<AnnealSearcher>},
    {"genetic", QT_TRANSLATE_NOOP("Phrase", "Genetic"), &seeded<GeneticSearcher>},
}};

}  // namespace

std::span<const SearcherInfo> searchers() { return kSearchers; }

std::vector<std::string> searcherNames() {
    std::vector<std::string> names;
    for (const SearcherInfo& s : kSearchers) names.emplace_back(s.name);
    return names;
}

std::unique_ptr<Searcher> makeSearcher(std::string_view strategy, const SearchSpace& space, uint64_t seed) {
    for (const SearcherInfo& s : kSearchers)
        if (s.name == strategy) return s.make(space, seed);
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown search strategy '%1' (known: %2)"), std::string(strategy),
                       joinText(kSearchers, ", ", &SearcherInfo::name)));
}

}  // namespace kforge
