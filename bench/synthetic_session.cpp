#include "synthetic_session.h"

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace kforge::bench {

namespace {

// Verdicts in roughly the proportions a tuner session on a GPU produces.
Status drawStatus(std::mt19937& rng) {
    const double r = std::uniform_real_distribution<double>(0, 1)(rng);
    if (r < 0.66) return Status::Passed;
    if (r < 0.75) return Status::CompileError;
    if (r < 0.81) return Status::IncorrectNumerical;
    if (r < 0.82) return Status::IncorrectShape;
    if (r < 0.86) return Status::RuntimeError;
    if (r < 0.89) return Status::Timeout;
    if (r < 0.90) return Status::Fault;
    if (r < 0.97) return Status::InvalidConfig;
    if (r < 0.98) return Status::SuspiciousSpeed;
    if (r < 0.99) return Status::Nondeterministic;
    return Status::IncompleteWrite;
}

}  // namespace

// Each new node hangs from a node of its family that did well, as a UCB
// search expands.
SessionTree syntheticSession(int nodes, int families, int chain, unsigned seed) {
    std::mt19937 rng(seed);
    SessionTree tree;
    std::vector<double> speed(1, 1.0);
    const auto put = [&](int64_t id, std::optional<int64_t> parent, const char* generator) {
        Node n;
        n.id = id;
        n.parent = parent;
        n.generator = generator;
        n.config = {{"BLOCK", std::to_string(32 << (rng() % 5))},
                    {"UNROLL", std::to_string(1 << (rng() % 4))},
                    {"VEC", std::to_string(1 << (rng() % 3))}};
        const double parentSpeed = parent ? speed[static_cast<std::size_t>(*parent)] : 1.0;
        const double s = std::clamp(parentSpeed * std::lognormal_distribution<double>(0.02, 0.18)(rng), 0.2, 12.0);
        speed.push_back(s);
        n.state = id > nodes - 12 ? NodeState::Pending : NodeState::Done;  // the newest are still being measured
        n.status = n.state == NodeState::Pending ? Status::NotRun : parent ? drawStatus(rng) : Status::Passed;
        n.fitness = n.status == Status::Passed ? s : 0;
        if (n.status == Status::CompileError) n.message = verbatim("kernel.cu(42): error: identifier \"TILE\" is undefined");
        tree.put(n);
    };
    put(1, std::nullopt, "template");
    std::vector<std::vector<int64_t>> members(static_cast<std::size_t>(families));
    int64_t id = 2;
    for (int f = 0; f < families; ++f) {
        members[static_cast<std::size_t>(f)].push_back(id);
        put(id++, 1, f % 17 == 5 ? "llm" : "tuner");
    }
    const int64_t spread = nodes - chain;
    while (id <= spread) {
        auto& family = members[rng() % members.size()];
        // Prefer the family's better nodes, as the selection policy does.
        int64_t parent = family[rng() % family.size()];
        for (int k = 0; k < 2; ++k) {
            const int64_t other = family[rng() % family.size()];
            if (tree.at(other).fitness > tree.at(parent).fitness) parent = other;
        }
        family.push_back(id);
        put(id++, parent, rng() % 40 == 0 ? "manual" : "tuner");
    }
    while (id <= nodes) {
        put(id, id - 1, "tuner");
        ++id;
    }
    return tree;
}

}  // namespace kforge::bench
