#include "eval/report.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "eval/baselines.h"
#include "util/text.h"

namespace kforge {

using Json = nlohmann::json;

namespace {

std::string fmt(const char* f, double v) { return formatNumber(f, v); }

std::string pad(std::string s, size_t width, bool left = false) {
    if (s.size() >= width) return s;
    return left ? s + std::string(width - s.size(), ' ') : std::string(width - s.size(), ' ') + s;
}

Json statsJson(const SampleStats& s) {
    return {{"median_ms", s.median}, {"min_ms", s.min}, {"p20_ms", s.p20}, {"p80_ms", s.p80}, {"cv", s.cv}, {"count", s.count}};
}

}  // namespace

Json compileJson(const CompileResult& c) {
    Json j = toJson(c);
    j.erase("log");  // reports carry the parsed diagnostics; the raw log stays in the cache
    j["cache_hit"] = c.cacheHit;
    return j;
}

Json reportJson(const EvalReport& r) {
    Json workloads = Json::array();
    for (const auto& w : r.workloads) {
        Json axes = Json::object();
        for (const auto& [k, v] : w.axes) axes[k] = v;
        Json j = {{"uuid", w.uuid}, {"axes", axes}, {"status", statusName(w.status)}, {"message", w.message}};
        j["verification"] = toJson(w.verify);
        j["runner_seconds"] = toJson(w.seconds);
        if (w.timing.count > 0) {
            j.update(statsJson(w.timing));
            j["samples_ms"] = w.samplesMs;
        }
        if (w.baseline) j["baseline"] = statsJson(*w.baseline);
        if (w.speedup > 0) j["speedup"] = w.speedup;
        Json baselines = Json::array();
        for (const auto& b : w.baselines) baselines.push_back(toJson(b));
        j["baselines"] = baselines;
        if (!w.bestBaseline.empty()) j["best_baseline"] = w.bestBaseline;
        if (w.speedupVsBest > 0) j["speedup_vs_best"] = w.speedupVsBest;
        if (w.bytes) j["bytes"] = *w.bytes;
        if (w.flops) j["flops"] = *w.flops;
        if (w.achievedGbps > 0) j["achieved_gbps"] = w.achievedGbps;
        if (w.achievedTflops > 0) j["achieved_tflops"] = w.achievedTflops;
        if (w.floor) {
            j["floor_ms"] = w.floor->ms();
            j["bound"] = w.floor->computeBound() ? "compute" : "memory";
        }
        if (w.fractionOfFloor > 0) j["fraction_of_floor"] = w.fractionOfFloor;
        workloads.push_back(j);
    }
    Json config = Json::object();
    for (const auto& [k, v] : r.config) config[k] = v;
    Json out = {{"status", statusName(r.status)},
                {"message", r.message},
                {"task", r.task},
                {"backend", backendName(r.backend)},
                {"device", r.device},
                {"candidate", r.candidate.string()},
                {"config", config},
                {"baseline", r.baselineName},
                {"compile", compileJson(r.compile)},
                {"workloads", workloads},
                {"seconds", r.seconds},
                {"runner_restarts", r.runnerRestarts}};
    if (r.speedupGeomean > 0) out["speedup"] = r.speedupGeomean;
    if (r.speedupVsBestGeomean > 0) out["speedup_vs_best"] = r.speedupVsBestGeomean;
    out["torch"] = {{"used", r.torch.used},     {"python", r.torch.python}, {"version", r.torch.version},
                    {"device", r.torch.device}, {"judge", r.torch.judge},   {"error", r.torch.error},
                    {"restarts", r.torch.restarts}};
    return out;
}

std::string describeDevice(const Json& f) {
    std::string s = f.value("name", "?");
    if (f.contains("compute_capability")) s += " (sm " + f.at("compute_capability").get<std::string>() + ", " +
                                                std::to_string(f.value("sm_count", 0)) + " SMs)";
    if (f.contains("cores")) s += " (" + std::to_string(f.value("cores", 0)) + " cores)";
    s += ", copy " + fmt("%.0f", f.value("copy_bandwidth_gbps", 0.0)) + " GB/s";
    if (f.contains("peak_tflops")) {
        const auto& p = f.at("peak_tflops");
        const char* key = p.contains("bfloat16") ? "bfloat16" : "float32";
        if (p.contains(key)) s += std::string(", peak ") + fmt("%.1f", p.at(key).get<double>()) + " TFLOP/s " + key;
    }
    return s;
}

std::string workloadTable(const Json& workloads, const std::string& baselineName) {
    std::ostringstream out;
    out << pad("workload", 28, true) << pad("status", 20) << pad("median ms", 12) << pad("p20-p80 ms", 20) << pad("cv", 7)
        << pad(baselineName + " ms", 13) << pad("speedup", 9) << pad("achieved", 16) << pad("of floor", 10) << "\n";
    for (const auto& w : workloads) {
        const std::string status = w.value("status", "");
        out << pad(w.value("uuid", ""), 28, true) << pad(status, 20);
        if (w.contains("median_ms")) {
            const double speedup = w.value("speedup", 0.0), fraction = w.value("fraction_of_floor", 0.0);
            out << pad(fmt("%.4f", w.value("median_ms", 0.0)), 12)
                << pad(fmt("%.4f", w.value("p20_ms", 0.0)) + "-" + fmt("%.4f", w.value("p80_ms", 0.0)), 20)
                << pad(fmt("%.1f%%", w.value("cv", 0.0) * 100), 7)
                << pad(w.contains("baseline") ? fmt("%.4f", w["baseline"].value("median_ms", 0.0)) : "-", 13)
                << pad(speedup > 0 ? fmt("%.2fx", speedup) : "-", 9)
                << pad(w.value("bound", "") == "compute" ? fmt("%.1f TFLOP/s", w.value("achieved_tflops", 0.0))
                                                          : fmt("%.1f GB/s", w.value("achieved_gbps", 0.0)),
                       16)
                << pad(fraction > 0 ? fmt("%.0f%%", fraction * 100) : "-", 10);
        }
        out << "\n";
        if (status != "PASSED" && !w.value("message", "").empty()) out << "    " << w.value("message", "") << "\n";
        for (const auto& b : w.value("baselines", Json::array())) {
            const std::string name = "torch " + b.value("name", "");
            const bool best = b.value("name", "") == w.value("best_baseline", "");
            out << "    " << pad(name + (best ? " (best)" : ""), 24, true) << pad(b.value("status", ""), 20);
            if (b.contains("median_ms")) {
                const double speedup = b.value("speedup", 0.0);
                out << pad(fmt("%.4f", b.value("median_ms", 0.0)), 12)
                    << pad(fmt("%.4f", b.value("p20_ms", 0.0)) + "-" + fmt("%.4f", b.value("p80_ms", 0.0)), 20)
                    << pad(fmt("%.1f%%", b.value("cv", 0.0) * 100), 7) << pad("", 13)
                    << pad(speedup > 0 ? fmt("%.2fx", speedup) : "-", 9);
                if (b.value("setup_seconds", 0.0) > 0) out << "  compiled in " << fmt("%.1f", b.value("setup_seconds", 0.0)) << " s";
            } else if (!b.value("message", "").empty()) {
                out << "  " << b.value("message", "");
            }
            out << "\n";
        }
    }
    return out.str();
}

std::string reportTable(const EvalReport& r) {
    std::ostringstream out;
    out << r.task << " on " << backendName(r.backend) << ": " << describeDevice(r.device) << "\n";
    out << "candidate " << r.candidate.string();
    if (!r.config.empty()) out << " [" << describeConfig(r.config) << "]";
    out << "\n";
    if (r.compile.ok) {
        out << "compiled in " << fmt("%.2f", r.compile.seconds) << " s" << (r.compile.cacheHit ? " (cached)" : "");
        for (const auto& k : r.compile.kernels) {
            out << "\n  " << k.kernel << ": " << k.registers << " registers, " << k.sharedBytes << " B shared";
            if (k.spillStoreBytes || k.spillLoadBytes)
                out << ", SPILLS " << k.spillStoreBytes << " B stores / " << k.spillLoadBytes << " B loads";
        }
        out << "\n";
    } else if (r.status == Status::CompileError) {
        for (const auto& d : r.compile.diagnostics) {
            if (d.severity == "note") continue;
            out << "  " << (d.file.empty() ? "" : d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": ")
                << d.severity << ": " << d.message << "\n";
        }
    }
    if (!r.workloads.empty()) out << "\n" << workloadTable(reportJson(r).at("workloads"), r.baselineName);
    out << "\nverdict: " << statusName(r.status);
    if (r.speedupGeomean > 0) out << ", speedup " << fmt("%.3f", r.speedupGeomean) << "x over the " << r.baselineName << " (geometric mean)";
    if (r.speedupVsBestGeomean > 0)
        out << "; " << fmt("%.3f", r.speedupVsBestGeomean) << "x vs the best PyTorch baseline"
            << (r.speedupVsBestGeomean < 1 ? " (SLOWER than PyTorch)" : "");
    out << "\n";
    if (r.torch.used) out << "PyTorch " << r.torch.version << " (" << r.torch.python << "); candidates judged by the " << r.torch.judge << " reference\n";
    else if (!r.torch.error.empty()) out << "no PyTorch baselines: " << r.torch.error << "\n";
    if (r.torch.used && !r.torch.error.empty()) out << "PyTorch: " << r.torch.error << "\n";
    if (!r.message.empty() && r.status != Status::Passed) out << r.message << "\n";
    return out.str();
}

}  // namespace kforge
