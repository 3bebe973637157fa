#pragma once
// Per-workload figures of a node's evaluation as the charts draw them: the
// latency statistics of the candidate and of the session's baseline, and the
// bytes and flops behind the roofline.
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/node.h"

namespace kforge::ui {

struct LatencyStats {
    double medianMs = 0;
    double p20Ms = 0;
    double p80Ms = 0;
};

struct WorkloadTiming {
    std::string uuid;
    QString label;                       // "M=4096 N=1024" from its axes, else the uuid
    std::optional<LatencyStats> timing;  // absent when the workload failed before timing
    std::optional<LatencyStats> baseline;
    std::map<std::string, LatencyStats> torch;  // the PyTorch baselines measured: "eager", "compile", "vendor"
    double bytes = 0;  // 0 when the task does not declare them
    double flops = 0;
};

std::vector<WorkloadTiming> workloadTimings(const std::optional<kforge::EvalReport>& evaluation);
// The baseline of a set of nodes (one session: one baseline measurement),
// in the workloads' order; empty when no node carries it.
std::vector<WorkloadTiming> baselineTimings(const std::vector<kforge::Node>& nodes);
// The chart's name of a PyTorch baseline: "PyTorch eager", "torch.compile", "Vendor op".
QString torchBaselineLabel(const std::string& name);
// "#17" and, where the node has a configuration, "#17 BLOCK=128 VEC=4" elided to `maxChars`.
QString nodeLabel(const kforge::Node& node, int maxChars = 40);

}  // namespace kforge::ui
