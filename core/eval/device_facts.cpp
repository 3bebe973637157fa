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
    const auto bytes = task.bytesMoved(w);
    const auto flops = task.flopCount(w);
    if (!bytes && !flops) return std::nullopt;
    Floor f;
    // Bytes that fit in the last-level cache may be served from it, whatever
    // the flush did: the floor then divides by the cache's bandwidth, so that
    // no honest kernel on a small workload is ever below it.
    const uint64_t llc = facts.lastLevelCacheBytes();
    f.cacheResident = bytes && llc > 0 && *bytes <= static_cast<double>(llc) && facts.cacheBandwidthGbps > 0;
    f.bandwidthGbps = f.cacheResident ? facts.cacheBandwidthGbps : facts.copyBandwidthGbps;
    f.peakTflops = peakTflopsFor(task, facts);
    if (bytes && f.bandwidthGbps > 0) f.bytesMs = *bytes / (f.bandwidthGbps * 1e9) * 1e3;
    if (flops && f.peakTflops > 0) f.flopsMs = *flops / (f.peakTflops * 1e12) * 1e3;
    return f;
}

double suspiciousFraction(Backend backend) { return backendInfo(backend).gpu ? kSuspiciousFraction : 0.6; }

}  // namespace kforge
