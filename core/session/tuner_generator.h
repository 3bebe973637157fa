#pragma once
// The parameter tuner as a generator: a node's children are other
// configurations of the node's own source, from the space its @tune and
// @constraint lines declare, chosen by a search strategy that sees every
// configuration of that source tried anywhere in the session.
#include <map>

#include "search/searcher.h"
#include "session/generator.h"

namespace kforge {

class TunerGenerator final : public Generator {
public:
    TunerGenerator(std::string strategy, uint64_t seed);
    std::string_view name() const override { return "tuner"; }
    bool canExpand(const Node& parent, const SessionTree& tree) override;
    std::optional<Proposal> propose(const Node& parent, const SessionTree& tree) override;

private:
    struct SourceSpace {
        std::unique_ptr<SearchSpace> space;
        std::unique_ptr<Searcher> searcher;
        std::map<std::string, size_t> indexByKey;  // configKey -> index into space
        std::string problem;  // why the source has no usable space
    };
    SourceSpace& spaceOf(const std::string& hash, const SessionTree& tree);
    std::vector<Trial> history(const std::string& hash, const SourceSpace& space, const SessionTree& tree) const;

    std::string strategy_;
    uint64_t seed_;
    std::map<std::string, SourceSpace> spaces_;
};

}  // namespace kforge
