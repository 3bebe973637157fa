#include "model/device_facts.h"

#include "util/text.h"

namespace kforge {

using Json = nlohmann::json;

uint64_t DeviceFacts::lastLevelCacheBytes() const {
    if (gpu) return gpu->l2Bytes;
    if (cpu) return cpu->llcBytes;
    return 0;
}

Json toJson(const DeviceFacts& f) {
    Json j = {{"backend", backendName(f.backend)},
              {"name", f.name},
              {"memory_bytes", f.memoryBytes},
              {"copy_bandwidth_gbps", f.copyBandwidthGbps},
              {"peak_tflops", f.peakTflops},
              {"peak_source", f.peakSource},
              {"bandwidth_source", f.bandwidthSource}};
    if (f.ceilingsRemeasured > 0) j["ceilings_remeasured"] = f.ceilingsRemeasured;
    if (f.flushBytes > 0) j["flush_bytes"] = f.flushBytes;
    if (f.cacheBandwidthGbps > 0) {
        j["cache_bandwidth_gbps"] = f.cacheBandwidthGbps;
        j["cache_bandwidth_source"] = f.cacheBandwidthSource;
    }
    if (f.cpu) {
        j["cores"] = f.cpu->cores;
        j["llc_bytes"] = f.cpu->llcBytes;
    }
    if (f.gpu) {
        const GpuFacts& g = *f.gpu;
        j["ordinal"] = g.ordinal;
        j["compute_capability"] = g.computeCapability;
        j["cc_major"] = g.ccMajor;
        j["cc_minor"] = g.ccMinor;
        j["sm_count"] = g.smCount;
        j["l2_bytes"] = g.l2Bytes;
        j["sm_clock_khz"] = g.smClockKhz;
        j["memory_clock_khz"] = g.memoryClockKhz;
        j["memory_bus_bits"] = g.memoryBusBits;
        j["max_shared_per_block_optin"] = g.maxSharedPerBlockOptin;
        j["driver_version"] = g.driverVersion;
        j["theoretical_bandwidth_gbps"] = g.theoreticalBandwidthGbps;
        j["memcpy_bandwidth_gbps"] = g.memcpyBandwidthGbps;
        j["kernel_copy_bandwidth_gbps"] = g.kernelCopyBandwidthGbps;
        if (!g.gcnArch.empty()) j["gcn_arch"] = g.gcnArch;
    }
    return j;
}

DeviceFacts deviceFactsFromJson(const Json& j, const std::string& path) {
    ObjectReader r(j, path);
    DeviceFacts f;
    f.backend = r.required<Backend>("backend");
    f.name = r.required<std::string>("name");
    // The CPU runner reports memory as pages x page size, a double in JSON.
    f.memoryBytes = static_cast<uint64_t>(r.required<double>("memory_bytes"));
    f.copyBandwidthGbps = r.required<double>("copy_bandwidth_gbps");
    f.peakTflops = r.required<std::map<std::string, double>>("peak_tflops");
    f.peakSource = r.required<std::string>("peak_source");
    f.bandwidthSource = r.required<std::string>("bandwidth_source");
    f.ceilingsRemeasured = r.optionalOr<int>("ceilings_remeasured", 0);
    f.flushBytes = r.optionalOr<uint64_t>("flush_bytes", 0);
    if (r.has("cache_bandwidth_gbps")) {  // schema 5 runners did not measure it
        f.cacheBandwidthGbps = r.required<double>("cache_bandwidth_gbps");
        f.cacheBandwidthSource = r.required<std::string>("cache_bandwidth_source");
    }
    // Each backend's own group is all there or not at all (a device named by
    // hand, in a test or an import, has none).
    if (r.has("cores")) {
        CpuFacts c;
        c.cores = r.required<int>("cores");
        c.llcBytes = r.required<uint64_t>("llc_bytes");
        f.cpu = c;
    }
    if (r.has("sm_count")) {
        GpuFacts g;
        g.ordinal = r.required<int>("ordinal");
        g.computeCapability = r.required<std::string>("compute_capability");
        g.ccMajor = r.required<int>("cc_major");
        g.ccMinor = r.required<int>("cc_minor");
        g.smCount = r.required<int>("sm_count");
        g.l2Bytes = r.required<uint64_t>("l2_bytes");
        g.smClockKhz = r.required<int>("sm_clock_khz");
        g.memoryClockKhz = r.required<int>("memory_clock_khz");
        g.memoryBusBits = r.required<int>("memory_bus_bits");
        g.maxSharedPerBlockOptin = r.required<int>("max_shared_per_block_optin");
        g.driverVersion = r.required<int>("driver_version");
        g.theoreticalBandwidthGbps = r.required<double>("theoretical_bandwidth_gbps");
        g.memcpyBandwidthGbps = r.required<double>("memcpy_bandwidth_gbps");
        g.kernelCopyBandwidthGbps = r.required<double>("kernel_copy_bandwidth_gbps");
        g.gcnArch = r.optionalOr<std::string>("gcn_arch", "");
        f.gpu = g;
    }
    r.finish();
    return f;
}

std::string describeDevice(const DeviceFacts& f) {
    std::string s = f.name.empty() ? "?" : f.name;
    if (f.gpu) s += " (sm " + f.gpu->computeCapability + ", " + std::to_string(f.gpu->smCount) + " SMs)";
    if (f.cpu) s += " (" + std::to_string(f.cpu->cores) + " cores)";
    s += ", copy " + formatNumber("%.0f", f.copyBandwidthGbps) + " GB/s";
    if (f.cacheBandwidthGbps > 0) s += " (in cache " + formatNumber("%.0f", f.cacheBandwidthGbps) + " GB/s)";
    const char* key = f.peakTflops.count("bfloat16") ? "bfloat16" : "float32";
    if (const auto it = f.peakTflops.find(key); it != f.peakTflops.end())
        s += std::string(", peak ") + formatNumber("%.1f", it->second) + " TFLOP/s " + key;
    return s;
}

std::string deviceModel(const DeviceFacts& f) {
    std::string s = f.name;
    if (f.cpu) s += " x " + std::to_string(f.cpu->cores) + (f.cpu->cores == 1 ? " thread" : " threads");
    return s;
}

}  // namespace kforge
