#include "session/workload_winners.h"

#include <filesystem>
#include <map>

namespace kforge {

std::string templateOf(const SessionTree& tree, int64_t nodeId) {
    for (const Node* n = tree.find(nodeId); n; n = n->parent ? tree.find(*n->parent) : nullptr)
        if (!n->input.file.empty()) return std::filesystem::path(n->input.file).stem().string();
    return {};
}

std::vector<WorkloadWinner> workloadWinners(const SessionTree& tree) {
    std::vector<WorkloadWinner> out;
    std::map<std::string, size_t> index;  // uuid -> position in out
    for (const Node& n : tree.nodes()) {
        if (!n.passed() || !n.evaluation) continue;
        for (const WorkloadReport& w : n.evaluation->workloads) {
            if (w.status != Status::Passed || !w.timed()) continue;
            auto [it, added] = index.emplace(w.uuid, out.size());
            if (added) out.emplace_back();
            WorkloadWinner& best = out[it->second];
            if (!added && best.medianMs <= w.timing.median) continue;  // the earlier node keeps a tie
            best = {w.uuid, w.label(), n.id, templateOf(tree, n.id), n.config, w.timing.median, w.bestBaseline, w.speedupVsBest};
        }
    }
    return out;
}

}  // namespace kforge
