#pragma once
// The parameter tuner as a generator: a node's children are other
// configurations of the node's own source, from the space its @tune and
// @constraint lines declare, chosen by a search strategy that sees every
// configuration of that source tried anywhere in the session.
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "search/searcher.h"
#include "session/generator.h"

namespace kforge {

// The tuner's name in session configs and on the nodes it makes.
inline constexpr std::string_view kTunerGenerator = "tuner";

// NodeOrigin::strategy of a configuration the tuning cache proposed.
inline constexpr std::string_view kTuningCacheStrategy = "cache";
// NodeOrigin::strategy of a configuration the source's @seed lines declare.
inline constexpr std::string_view kTemplateSeedStrategy = "seed";

class TunerGenerator final : public Generator {
public:
    // Configurations to measure first for a source (by its hash), before the
    // strategy's own: the tuning cache's best ones other than the source's
    // defaults (its root's). Asked once per source.
    using Priors = std::function<std::vector<TuneConfig>(const std::string& sourceHash, const TuneConfig& rootConfig)>;

    TunerGenerator(std::string strategy, uint64_t seed, Priors priors = {});
    std::string_view name() const override { return kTunerGenerator; }
    bool canExpand(const Node& parent, const SessionTree& tree) override;
    std::optional<Proposal> propose(const Node& parent, const SessionTree& tree) override;
    // The seed round: while any source (a task's variant) has cache or @seed
    // configurations left untried, its first node is expanded next, the source
    // with the fewest of them tried first (the earliest on a tie). Without it the
    // selection policy spent a short session's budget on one or two variants
    // and never measured the others at the configurations written for them.
    std::optional<int64_t> preferredParent(const SessionTree& tree) override;

private:
    struct SourceSpace {
        std::unique_ptr<SearchSpace> space;
        std::unique_ptr<Searcher> searcher;
        std::map<std::string, size_t> indexByKey;  // configKey -> index into space
        // Measured first, each once and in this order: the Priors' configurations
        // that are in the space, then the source's @seed ones; with the strategy named on their nodes.
        std::vector<std::pair<size_t, std::string_view>> firsts;
        std::string problem;  // why the source has no usable space

        // How far the tree is through `firsts`: how many were tried, and the
        // first not yet tried (none when all were).
        struct FirstsProgress {
            size_t tried = 0;
            std::optional<std::pair<size_t, std::string_view>> next;
        };
        FirstsProgress progress(const std::string& hash, const SessionTree& tree) const;
    };
    SourceSpace& spaceOf(const std::string& hash, const SessionTree& tree);
    std::vector<Trial> history(const std::string& hash, const SourceSpace& space, const SessionTree& tree) const;

    std::string strategy_;
    uint64_t seed_;
    Priors priors_;
    std::map<std::string, SourceSpace> spaces_;
};

}  // namespace kforge
