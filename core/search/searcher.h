#pragma once
// A search strategy over a SearchSpace, in the shape of Kernel Tuner's and
// KTT's searchers: given every trial so far, name the next configuration.
// A failed configuration (compile error, wrong result, launch limits) is a
// data point with no cost, never an abort; no configuration is proposed twice.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <span>
#include <string_view>
#include <vector>

#include "search/search_space.h"

namespace kforge {

struct Trial {
    size_t index = 0;             // into the SearchSpace
    std::optional<double> cost;   // lower is better (median ms); nullopt when the configuration failed
    bool pending = false;         // proposed and still being measured: taken, but not yet a data point
};

class Searcher {
public:
    virtual ~Searcher() = default;
    virtual std::string_view name() const = 0;
    // The next configuration to measure, never one already in `history`;
    // nullopt once every configuration has been measured.
    virtual std::optional<size_t> next(const std::vector<Trial>& history) = 0;
};

// A search strategy as the command line, the wizard and the session config know it.
struct SearcherInfo {
    std::string_view name;  // "bo": --tuner, SessionConfig::tuner
    const char* title;      // "Bayesian optimization": a Phrase pattern, shown translated
    std::unique_ptr<Searcher> (*make)(const SearchSpace& space, uint64_t seed);
};

// Every strategy, the default first (searcher.cpp's table: a new strategy is one row there).
std::span<const SearcherInfo> searchers();
std::vector<std::string> searcherNames();
// Throws kforge::Error naming the known strategies for another name.
std::unique_ptr<Searcher> makeSearcher(std::string_view strategy, const SearchSpace& space, uint64_t seed);

}  // namespace kforge
