#include "eval/device_facts.h"

namespace kforge {

double peakTflopsFor(const Task& task, const DeviceFacts& facts) {
    const auto& peaks = facts.peakTflops;
    // The widest rate any input dtype allows: the floor must never exceed what is possible.
    double best = 0;
    for (const auto& in : task.inputs) {
        const std::string name(dtypeInfo(in.dtype).name);
        if (const auto it = peaks.find(name); it != peaks.end()) best = std::max(best, it->second);
    }
    if (const auto it = peaks.find("float32"); best == 0 && it != peaks.end()) best = it->second;
    return best;
}

std::optional<Floor> physicsFloor(const Task& task, const Workload& w, const DeviceFacts& facts) {
    const double bandwidth = facts.copyBandwidthGbps * 1e9;
    const double peak = peakTflopsFor(task, facts) * 1e12;
    const auto bytes = task.bytesMoved(w);
    const auto flops = task.flopCount(w);
    if (!bytes && !flops) return std::nullopt;
    Floor f;
    if (bytes && bandwidth > 0) f.bytesMs = *bytes / bandwidth * 1e3;
    if (flops && peak > 0) f.flopsMs = *flops / peak * 1e3;
    return f;
}

double suspiciousFraction(Backend backend) { return backend == Backend::Cpu ? 0.6 : kSuspiciousFraction; }

}  // namespace kforge
