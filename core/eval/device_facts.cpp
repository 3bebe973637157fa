#include "eval/device_facts.h"

namespace kforge {

double peakTflopsFor(const Task& task, const nlohmann::json& facts) {
    const auto& peaks = facts.value("peak_tflops", nlohmann::json::object());
    // The widest rate any input dtype allows: the floor must never exceed what is possible.
    double best = 0;
    for (const auto& in : task.inputs) {
        const std::string name(dtypeInfo(in.dtype).name);
        if (peaks.contains(name)) best = std::max(best, peaks.at(name).get<double>());
    }
    if (best == 0 && peaks.contains("float32")) best = peaks.at("float32").get<double>();
    return best;
}

std::optional<Floor> physicsFloor(const Task& task, const Workload& w, const nlohmann::json& facts) {
    const double bandwidth = facts.value("copy_bandwidth_gbps", 0.0) * 1e9;
    const double peak = peakTflopsFor(task, facts) * 1e12;
    const auto bytes = task.bytesMoved(w);
    const auto flops = task.flopCount(w);
    if (!bytes && !flops) return std::nullopt;
    Floor f;
    if (bytes && bandwidth > 0) f.bytesMs = *bytes / bandwidth * 1e3;
    if (flops && peak > 0) f.flopsMs = *flops / peak * 1e3;
    return f;
}

uint64_t deviceMemoryBytes(const nlohmann::json& facts) {
    return static_cast<uint64_t>(facts.value("memory_bytes", 0.0));
}

double suspiciousFraction(Backend backend) { return backend == Backend::Cpu ? 0.6 : kSuspiciousFraction; }

}  // namespace kforge
