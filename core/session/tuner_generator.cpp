#include "session/tuner_generator.h"

#include <algorithm>
#include <set>

#include "util/error.h"

namespace kforge {

TunerGenerator::TunerGenerator(std::string strategy, uint64_t seed, Priors priors)
    : strategy_(std::move(strategy)), seed_(seed), priors_(std::move(priors)) {
    // An unknown strategy fails here, not mid-session.
    const auto names = searcherNames();
    if (std::find(names.begin(), names.end(), strategy_) == names.end()) makeSearcher(strategy_, SearchSpace(TuneSpace{}), seed_);
}

TunerGenerator::SourceSpace& TunerGenerator::spaceOf(const std::string& hash, const SessionTree& tree) {
    auto it = spaces_.find(hash);
    if (it != spaces_.end()) return it->second;
    SourceSpace s;
    try {
        const TuneSpace declared = parseTuneSpace(tree.source(hash), "source " + hash.substr(0, 12));
        s.space = std::make_unique<SearchSpace>(declared);
        if (declared.empty())
            s.problem = "no @tune parameters";
        else if (s.space->size() == 0)
            s.problem = "no configuration satisfies the @constraints";
        else
            s.searcher = makeSearcher(strategy_, *s.space, seed_ ^ std::hash<std::string>{}(hash));
        for (size_t i = 0; i < s.space->size(); ++i) s.indexByKey[configKey(s.space->config(i))] = i;
        auto measureFirst = [&](const TuneConfig& c, std::string_view strategy) {
            const auto at = s.indexByKey.find(configKey(c));
            if (at == s.indexByKey.end()) return;  // a cached one from before the @tune lines changed
            for (const auto& [index, by] : s.firsts)
                if (index == at->second) return;
            s.firsts.emplace_back(at->second, strategy);
        };
        if (s.problem.empty() && priors_)
            for (const TuneConfig& c : priors_(hash, declared.defaults())) measureFirst(c, kTuningCacheStrategy);
        if (s.problem.empty())
            for (const TuneSeed& seed : declared.seeds) measureFirst(seed.config, kTemplateSeedStrategy);
    } catch (const Error& e) {
        s.problem = e.what();
    }
    return spaces_.emplace(hash, std::move(s)).first->second;
}

std::vector<Trial> TunerGenerator::history(const std::string& hash, const SourceSpace& space, const SessionTree& tree) const {
    std::vector<Trial> trials;
    for (const auto& n : tree.nodes()) {
        if (n.sourceHash != hash) continue;
        const auto index = space.indexByKey.find(configKey(n.config));
        if (index == space.indexByKey.end()) continue;  // a configuration outside the declared space (a manual -D)
        Trial t;
        t.index = index->second;
        t.pending = n.state == NodeState::Pending;
        if (n.passed() && n.fitness > 0) t.cost = 1.0 / n.fitness;  // lower is better
        trials.push_back(t);
    }
    return trials;
}

bool TunerGenerator::canExpand(const Node& parent, const SessionTree& tree) {
    SourceSpace& s = spaceOf(parent.sourceHash, tree);
    if (!s.problem.empty()) return false;
    // Counts every node of the source, also one outside the space: at worst the
    // tuner stops one configuration early instead of scanning the tree per node.
    return static_cast<size_t>(tree.countWithSource(parent.sourceHash)) < s.space->size();
}

TunerGenerator::SourceSpace::FirstsProgress TunerGenerator::SourceSpace::progress(const std::string& hash, const SessionTree& tree) const {
    FirstsProgress p;
    for (const auto& first : firsts) {
        if (tree.tried(hash, space->config(first.first))) ++p.tried;
        else if (!p.next) p.next = first;
    }
    return p;
}

std::optional<int64_t> TunerGenerator::preferredParent(const SessionTree& tree) {
    std::optional<int64_t> chosen;
    size_t chosenTried = 0;
    std::set<std::string_view> seen;
    for (const Node& n : tree.nodes()) {
        if (!seen.insert(n.sourceHash).second) continue;  // only a source's first node, its root
        // Pending roots too, so that the round fills the pipeline while the roots
        // are measured. A source that does not compile fails at its root; then
        // the policy decides what else it deserves.
        if (n.state == NodeState::Done && n.status == Status::CompileError) continue;
        const SourceSpace& s = spaceOf(n.sourceHash, tree);
        if (!s.problem.empty()) continue;
        const SourceSpace::FirstsProgress firsts = s.progress(n.sourceHash, tree);
        if (!firsts.next) continue;
        if (!chosen || firsts.tried < chosenTried) {
            chosen = n.id;
            chosenTried = firsts.tried;
        }
    }
    return chosen;
}

std::optional<Proposal> TunerGenerator::propose(const Node& parent, const SessionTree& tree) {
    SourceSpace& s = spaceOf(parent.sourceHash, tree);
    if (!s.problem.empty()) return std::nullopt;
    // The cache's configurations first, then the source's seeds, each once; then the strategy's.
    std::optional<size_t> next;
    std::string_view by = strategy_;
    if (const auto first = s.progress(parent.sourceHash, tree).next) {
        next = first->first;
        by = first->second;
    } else {
        next = s.searcher->next(history(parent.sourceHash, s, tree));
    }
    if (!next) return std::nullopt;
    Proposal p;
    p.parent = parent.id;
    p.generator = kTunerGenerator;
    p.input.strategy = std::string(by);
    p.input.spaceSize = s.space->size();
    p.source = tree.source(parent.sourceHash);
    p.extension = parent.sourceExtension;
    p.config = s.space->config(*next);
    return p;
}

}  // namespace kforge
