#include "session/selection.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "util/error.h"
#include "util/text.h"

namespace kforge {

namespace {

std::optional<int64_t> earliest(const SessionTree& tree, const std::function<bool(const Node&)>& expandable) {
    for (const auto& n : tree.nodes())
        if (expandable(n)) return n.id;
    return std::nullopt;
}

class UcbPolicy final : public SelectionPolicy {
public:
    explicit UcbPolicy(double c) : c_(c) {}
    std::string_view name() const override { return "ucb"; }

    std::optional<int64_t> select(const SessionTree& tree, const std::function<bool(const Node&)>& expandable) override {
        const Node* best = tree.best();
        if (!best) return earliest(tree, expandable);
        // Subtree sums, children before parents: ids grow down the tree.
        std::map<int64_t, std::pair<double, double>> sums;  // id -> (reward sum, size)
        const auto& nodes = tree.nodes();
        for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
            auto& s = sums[it->id];
            s.first += it->passed() ? it->fitness / best->fitness : 0.0;
            s.second += 1;
            if (it->parent) {
                auto& p = sums[*it->parent];
                p.first += s.first;
                p.second += s.second;
            }
        }
        const double logTotal = std::log(static_cast<double>(nodes.size()) + 1);
        std::optional<int64_t> chosen;
        double chosenScore = -1;
        for (const auto& n : nodes) {
            if (!expandable(n)) continue;
            const auto [reward, size] = sums[n.id];
            const double score = reward / size + c_ * std::sqrt(logTotal / size);
            if (score > chosenScore) {
                chosenScore = score;
                chosen = n.id;
            }
        }
        return chosen;
    }

private:
    double c_;
};

// Passed, expandable nodes, fittest first (earliest on a tie).
std::vector<const Node*> ranked(const SessionTree& tree, const std::function<bool(const Node&)>& expandable) {
    std::vector<const Node*> out;
    for (const auto& n : tree.nodes())
        if (n.passed() && expandable(n)) out.push_back(&n);
    std::stable_sort(out.begin(), out.end(), [](const Node* a, const Node* b) { return a->fitness > b->fitness; });
    return out;
}

class BestFirstPolicy final : public SelectionPolicy {
public:
    std::string_view name() const override { return "best"; }
    std::optional<int64_t> select(const SessionTree& tree, const std::function<bool(const Node&)>& expandable) override {
        const auto r = ranked(tree, expandable);
        return r.empty() ? earliest(tree, expandable) : std::optional<int64_t>(r.front()->id);
    }
};

class BeamPolicy final : public SelectionPolicy {
public:
    explicit BeamPolicy(int width) : width_(std::max(1, width)) {}
    std::string_view name() const override { return "beam"; }
    std::optional<int64_t> select(const SessionTree& tree, const std::function<bool(const Node&)>& expandable) override {
        auto r = ranked(tree, expandable);
        if (r.empty()) return earliest(tree, expandable);
        if (r.size() > static_cast<size_t>(width_)) r.resize(static_cast<size_t>(width_));
        const Node* pick = *std::min_element(r.begin(), r.end(), [&](const Node* a, const Node* b) {
            return tree.children(a->id).size() < tree.children(b->id).size();
        });
        return pick->id;
    }

private:
    int width_;
};

// The one list of policies, the default first.
const std::array<SelectionPolicyInfo, 3> kPolicies = {{
    {"ucb", QT_TRANSLATE_NOOP("Phrase", "Upper confidence bound"),
     [](double exploration, int) -> std::unique_ptr<SelectionPolicy> { return std::make_unique<UcbPolicy>(exploration); }},
    {"best", QT_TRANSLATE_NOOP("Phrase", "Best first"),
     [](double, int) -> std::unique_ptr<SelectionPolicy> { return std::make_unique<BestFirstPolicy>(); }},
    {"beam", QT_TRANSLATE_NOOP("Phrase", "Beam"),
     [](double, int beamWidth) -> std::unique_ptr<SelectionPolicy> { return std::make_unique<BeamPolicy>(beamWidth); }},
}};

}  // namespace

std::span<const SelectionPolicyInfo> selectionPolicies() { return kPolicies; }

std::vector<std::string> selectionPolicyNames() {
    std::vector<std::string> names;
    for (const SelectionPolicyInfo& p : kPolicies) names.emplace_back(p.name);
    return names;
}

std::unique_ptr<SelectionPolicy> makeSelectionPolicy(std::string_view name, double exploration, int beamWidth) {
    for (const SelectionPolicyInfo& p : kPolicies)
        if (p.name == name) return p.make(exploration, beamWidth);
    throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "unknown selection policy '%1' (known: %2)"), std::string(name),
                       joinText(kPolicies, ", ", &SelectionPolicyInfo::name)));
}

}  // namespace kforge
