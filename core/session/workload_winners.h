#pragma once
// The fastest PASSED candidate on each workload of a session: what a
// shape-dispatching export ships (export/export_plan.h makes the same choice),
// and what `kforge show` lists beside the session's single best kernel. With
// several templates per task the winners often come from different variants
// (a warp per row for short rows, a block per row for long ones).
#include <cstdint>
#include <string>
#include <vector>

#include "model/session_tree.h"

namespace kforge {

struct WorkloadWinner {
    std::string uuid;
    std::string label;          // "M=4096 N=1024"
    int64_t nodeId = 0;
    std::string templateName;   // the variant it was tuned from (templateOf)
    TuneConfig config;
    double medianMs = 0;
    std::string bestBaseline;   // the strongest PyTorch baseline measured on it, if any
    double speedupVsBest = 0;   // that baseline's median / medianMs; 0 when none
};

// In the order the workloads first appear in the tree (the task's order).
std::vector<WorkloadWinner> workloadWinners(const SessionTree& tree);

// The file stem of the template a node descends from: the nearest ancestor
// (or the node itself) read from a file; "" when none was (an LLM's rewrite
// of a hand-written root keeps the root's name).
std::string templateOf(const SessionTree& tree, int64_t nodeId);

}  // namespace kforge
