#include "session/node_memory.h"

#include "profile/profile.h"
#include "session/tuner_generator.h"

namespace kforge {

std::string deviceFamilyOf(const std::string& backend, const std::string& arch) {
    if (backend == "cpu") return "cpu";
    if (backend == "hip") return arch.starts_with("gfx94") || arch.starts_with("gfx95") ? "cdna3" : "";
    if (backend != "cuda") return "";
    if (arch.starts_with("8.9")) return "ada";
    if (arch.starts_with("8.")) return "ampere";
    // Blackwell (10.x, 12.x) has no wgmma: the Hopper guide would mislead it.
    if (arch.starts_with("9.")) return "hopper";
    return "";
}

std::string deviceFamilyOfFacts(std::string_view backend, const DeviceFacts& device) {
    if (!device.gpu) return deviceFamilyOf(std::string(backend), "");
    return deviceFamilyOf(std::string(backend), device.gpu->gcnArch.empty() ? device.gpu->computeCapability : device.gpu->gcnArch);
}

std::string bottleneckOf(const Node& node) {
    if (node.compile)
        for (const auto& k : node.compile->kernels)
            if (k.spillStoreBytes > 0 || k.spillLoadBytes > 0) return "occupancy";
    if (!node.evaluation) return "memory";
    // The workload that moves the most bytes decides; tiny workloads far from their floor point at launch overhead.
    const WorkloadReport* biggest = nullptr;
    for (const auto& w : node.evaluation->workloads)
        if (!biggest || w.bytes.value_or(0) > biggest->bytes.value_or(0)) biggest = &w;
    if (!biggest) return "memory";
    const bool compute = biggest->floor && biggest->floor->computeBound();
    const double fraction = biggest->fractionOfFloor;
    if (fraction > 0 && fraction < 0.2 && biggest->timed() && biggest->timing.median < 0.02) return "launch";
    if (fraction > 0 && fraction < 0.3) return "latency";
    return compute ? "compute" : "memory";
}

namespace {

// The node's profiler counters, when a profile of it measured any.
std::optional<NodeProfile> countersOf(const Node& node) {
    return node.profile && node.profile->ok() ? node.profile : std::nullopt;
}

}  // namespace

std::string measuredBottleneck(const Node& node) {
    if (!node.passed()) return {};
    if (const auto p = countersOf(node))
        if (std::string counted = profileBottleneck(*p); !counted.empty()) return counted;
    return bottleneckOf(node);
}

std::string describeChange(const Node& child, const Node& parent) {
    if (!child.input.change.empty()) return child.input.change;
    if (child.generator == kTunerGenerator) {
        std::string d;
        for (const auto& [k, v] : child.config) {
            const auto it = parent.config.find(k);
            if (it == parent.config.end() || it->second != v)
                d += (d.empty() ? "" : ", ") + k + " " + (it == parent.config.end() ? "?" : it->second) + " -> " + v;
        }
        return d.empty() ? "the same configuration" : "configuration " + d;
    }
    if (!child.input.note.empty()) return child.input.note;
    return "a new source";
}

MemoryEntry memoryOf(const Node& n, const Node& parent, const SessionRecord& record, const std::string& opType) {
    MemoryEntry m;
    m.sessionId = record.id;
    m.nodeId = n.id;
    m.task = record.task;
    m.opType = opType;
    m.deviceFamily = deviceFamilyOfFacts(backendName(record.config.backend), record.device);
    m.generator = n.generator;
    m.change = describeChange(n, parent);
    m.outcome = n.passed() ? "PASSED" : std::string(statusName(n.status)) + (n.message.empty() ? "" : ": " + n.message.english().substr(0, 300));
    m.speedupBefore = parent.fitness;
    m.speedupAfter = n.fitness;
    m.bottleneck = measuredBottleneck(parent);
    return m;
}

}  // namespace kforge
