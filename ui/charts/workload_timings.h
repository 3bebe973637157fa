#pragma once
// Per-workload figures read from a node's evaluation JSON (reportJson() of
// core/eval/report.cpp): the latency statistics of the candidate and of the
// session's baseline, and the bytes and flops behind the roofline. The two
// per-workload charts read the JSON through here only.
#include <QString>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "session/node.h"

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
    double bytes = 0;  // 0 when the task does not declare them
    double flops = 0;
};

std::vector<WorkloadTiming> workloadTimings(const nlohmann::json& evaluation);
// The baseline of a set of nodes (one session: one baseline measurement),
// in the workloads' order; empty when no node carries it.
std::vector<WorkloadTiming> baselineTimings(const std::vector<kforge::Node>& nodes);
// "#17" and, where the node has a configuration, "#17 BLOCK=128 VEC=4" elided to `maxChars`.
QString nodeLabel(const kforge::Node& node, int maxChars = 40);

}  // namespace kforge::ui
