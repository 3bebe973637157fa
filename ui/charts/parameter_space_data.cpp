#include "ui/charts/parameter_space_data.h"

#include <algorithm>
#include <cstdlib>
#include <set>

namespace kforge::ui {

namespace {

bool asNumber(const std::string& text, double* out) {
    if (text.empty()) return false;
    char* end = nullptr;
    *out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

// 8 before 16 (not as text), so neighbouring cells are neighbouring values.
std::vector<std::string> ordered(const std::set<std::string>& taken) {
    std::vector<std::string> out(taken.begin(), taken.end());
    std::vector<double> numbers(out.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        if (!asNumber(out[i], &numbers[i])) return out;
    std::vector<std::size_t> order(out.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return numbers[a] < numbers[b]; });
    std::vector<std::string> sorted;
    sorted.reserve(out.size());
    for (std::size_t i : order) sorted.push_back(out[i]);
    return sorted;
}

}  // namespace

ParameterSpaceCandidate ParameterSpaceCandidate::of(const kforge::Node& node) {
    ParameterSpaceCandidate c;
    c.id = node.id;
    c.tuned = node.generator == "tuner";
    c.evaluated = node.state == kforge::NodeState::Done;
    c.status = node.status;
    c.fitness = node.passed() ? node.fitness : 0;
    c.config = node.config;
    return c;
}

ParameterSpaceData ParameterSpaceData::build(const std::map<qint64, ParameterSpaceCandidate>& candidates,
                                             const std::vector<std::string>& shown) {
    ParameterSpaceData d;
    std::set<std::string> names;
    for (const auto& [id, c] : candidates)
        if (c.tuned)
            for (const auto& [name, value] : c.config) names.insert(name);
    d.parameters.assign(names.begin(), names.end());
    if (shown.empty()) d.shown = d.parameters;
    for (const auto& name : shown)
        if (names.count(name) && std::find(d.shown.begin(), d.shown.end(), name) == d.shown.end()) d.shown.push_back(name);
    if (d.shown.empty()) return d;

    std::vector<std::set<std::string>> taken(d.shown.size());
    std::vector<const ParameterSpaceCandidate*> drawn;
    for (const auto& [id, c] : candidates) {
        if (!c.evaluated) continue;
        const bool complete = std::all_of(d.shown.begin(), d.shown.end(), [&](const std::string& p) { return c.config.count(p) > 0; });
        if (!complete) {
            ++d.leftOut;
            continue;
        }
        for (std::size_t a = 0; a < d.shown.size(); ++a) taken[a].insert(c.config.at(d.shown[a]));
        drawn.push_back(&c);
    }
    for (const auto& t : taken) d.values.push_back(ordered(t));

    d.points.reserve(drawn.size());
    for (const auto* c : drawn) {
        ParameterSpacePoint p;
        p.id = c->id;
        p.status = c->status;
        p.fitness = c->fitness;
        for (std::size_t a = 0; a < d.shown.size(); ++a) {
            const auto& vs = d.values[a];
            p.at.push_back(static_cast<int>(std::find(vs.begin(), vs.end(), c->config.at(d.shown[a])) - vs.begin()));
        }
        if (p.passed()) {
            d.minPassed = d.minPassed > 0 ? std::min(d.minPassed, p.fitness) : p.fitness;
            d.maxPassed = std::max(d.maxPassed, p.fitness);
        } else {
            ++d.failed;
        }
        d.points.push_back(std::move(p));
    }
    return d;
}

int ParameterSpaceData::indexOf(qint64 id) const {
    const auto found = std::lower_bound(points.begin(), points.end(), id, [](const ParameterSpacePoint& p, qint64 v) { return p.id < v; });
    return found != points.end() && found->id == id ? static_cast<int>(found - points.begin()) : -1;
}

}  // namespace kforge::ui
