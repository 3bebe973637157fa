#include "eval/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "eval/device_facts.h"
#include "task/tune_space.h"
#include "model/baselines.h"
#include "util/text.h"

namespace kforge {


namespace {

std::string fmt(const char* f, double v) { return formatNumber(f, v); }

std::string pad(std::string s, size_t width, bool left = false) {
    if (s.size() >= width) return s;
    return left ? s + std::string(width - s.size(), ' ') : std::string(width - s.size(), ' ') + s;
}

}  // namespace

std::string workloadTable(const std::vector<WorkloadReport>& workloads, const std::string& baselineName) {
    std::ostringstream out;
    out << pad("workload", 28, true) << pad("status", 20) << pad("median ms", 12) << pad("p20-p80 ms", 20) << pad("cv", 7)
        << pad(baselineName + " ms", 13) << pad("speedup", 9) << pad("achieved", 16) << pad("of floor", 10) << "\n";
    for (const auto& w : workloads) {
        out << pad(w.uuid, 28, true) << pad(std::string(statusName(w.status)), 20);
        if (w.timed()) {
            const bool compute = w.floor && w.floor->computeBound();
            out << pad(fmt("%.4f", w.timing.median), 12)
                << pad(fmt("%.4f", w.timing.p20) + "-" + fmt("%.4f", w.timing.p80), 20) << pad(fmt("%.1f%%", w.timing.cv * 100), 7)
                << pad(w.baseline ? fmt("%.4f", w.baseline->median) : "-", 13)
                << pad(w.speedup > 0 ? fmt("%.2fx", w.speedup) : "-", 9)
                << pad(compute ? fmt("%.1f TFLOP/s", w.achievedTflops) : fmt("%.1f GB/s", w.achievedGbps), 16)
                << pad(w.fractionOfFloor > 0 ? fmt("%.0f%%", w.fractionOfFloor * 100) : "-", 10);
        }
        if (w.checks && w.checks->noisy) out << "  NOISY";
        out << "\n";
        if (w.status != Status::Passed && !w.message.empty()) out << "    " << w.message.english() << "\n";
        if (w.checks && w.checks->noisy)
            out << "    noisy: the spread stayed above the threshold after " << w.checks->attempts << " timing runs; trust this median less\n";
        for (const auto& b : w.baselines) {
            const bool best = b.name == w.bestBaseline;
            out << "    " << pad("torch " + b.name + (best ? " (best)" : ""), 24, true) << pad(std::string(statusName(b.status)), 20);
            if (b.measured()) {
                const SampleStats s = b.timing();
                out << pad(fmt("%.4f", s.median), 12) << pad(fmt("%.4f", s.p20) + "-" + fmt("%.4f", s.p80), 20)
                    << pad(fmt("%.1f%%", s.cv * 100), 7) << pad("", 13) << pad(b.speedup > 0 ? fmt("%.2fx", b.speedup) : "-", 9);
                if (b.setupSeconds > 0) out << "  compiled in " << fmt("%.1f", b.setupSeconds) << " s";
            } else if (!b.message.empty()) {
                out << "  " << b.message.english();
            }
            out << "\n";
        }
    }
    return out.str();
}

Phrase checksSummary(const std::vector<WorkloadReport>& workloads) {
    int calls = 0, verified = 0, patched = 0, sets = 0;
    std::vector<Phrase> limits;  // each workload's, once
    for (const auto& w : workloads) {
        if (!w.checks) continue;
        calls += w.checks->timedCalls;
        verified += w.checks->verifiedCalls;
        patched += w.checks->patchedVerified;
        sets = sets == 0 ? w.checks->inputSets : std::min(sets, w.checks->inputSets);
        if (!w.checks->limits.empty() && std::find(limits.begin(), limits.end(), w.checks->limits) == limits.end())
            limits.push_back(w.checks->limits);
    }
    if (calls == 0) return {};
    const Phrase done = phrase(
        QT_TRANSLATE_NOOP("Phrase", "timed calls: %1, each on fresh poison and inputs rotated over %2; %3 verified (%4 on patched inputs)"),
        calls,
        sets == 1 ? phrase(QT_TRANSLATE_NOOP("Phrase", "1 seed")) : phrase(QT_TRANSLATE_NOOP("Phrase", "%1 seeds"), sets), verified,
        patched);
    if (limits.empty()) return done;
    return phrase(QT_TRANSLATE_NOOP("Phrase", "%1\n  not done: %2"), done, joinPhrases(limits, "; "));
}

std::string floorSummary(const EvalReport& r) {
    bool cached = false, dram = false;
    for (const auto& w : r.workloads)
        if (w.floor && w.floor->bytesMs > 0) (w.floor->cacheResident ? cached : dram) = true;
    if (!cached && !dram) return {};
    std::ostringstream out;
    out << "floor: bytes at " << fmt("%.0f", r.device.copyBandwidthGbps) << " GB/s (DRAM copy)";
    if (cached)
        out << ", or " << fmt("%.0f", r.device.cacheBandwidthGbps) << " GB/s where they fit in the "
            << fmt("%.0f", static_cast<double>(r.device.lastLevelCacheBytes()) / double(1 << 20)) << " MiB last-level cache";
    out << "\n";
    return out.str();
}

std::string cpuThreadsSummary(const EvalReport& r) {
    if (!r.cpuThreads) return {};
    return "threads: at most " + std::to_string(*r.cpuThreads) +
           " (the cores the runner may use; OpenMP is capped there by OMP_THREAD_LIMIT, so a THREADS above it ran " +
           std::to_string(*r.cpuThreads) + ")\n";
}

std::string floorFootnote(const std::vector<WorkloadReport>& workloads, Backend backend) {
    bool any = false, above = false;
    for (const auto& w : workloads) {
        any = any || w.fractionOfFloor > 0;
        above = above || w.fractionOfFloor > 1;
    }
    if (!any) return {};
    // A user who sees "112%" of a limit deserves to know why that is not a bug.
    std::ostringstream out;
    out << "of floor: the floor divided by the median; the floor is max(bytes / bandwidth, flops / peak) for the task's\n"
           "  kforge.bytes and kforge.flops on this device, 100% is that limit. It can be passed honestly (the copy bandwidth is\n"
           "  measured, not a bound; bytes may overstate what must move); beyond "
        << fmt("%.0f%%", 100 / suspiciousFraction(backend)) << " on " << backendName(backend)
        << " the result is SUSPICIOUS_SPEED (docs/verdicts.md, \"The physics floor\")"
        << (above ? ".\n  Above 100% here: check kforge.bytes and kforge.flops before believing it.\n" : ".\n");
    return out.str();
}

std::string reportTable(const EvalReport& r) {
    std::ostringstream out;
    out << r.task << " on " << backendName(r.backend) << ": " << describeDevice(r.device) << "\n";
    out << "candidate " << r.candidate;
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
    if (!r.workloads.empty()) out << "\n" << workloadTable(r.workloads, r.baselineName);
    if (const Phrase checks = checksSummary(r.workloads); !checks.empty()) out << checks.english() << "\n";
    if (!r.workloads.empty()) out << floorSummary(r) << cpuThreadsSummary(r) << floorFootnote(r.workloads, r.backend);
    out << "\nverdict: " << statusName(r.status);
    if (r.speedupGeomean > 0) out << ", speedup " << fmt("%.3f", r.speedupGeomean) << "x over the " << r.baselineName << " (geometric mean)";
    if (r.speedupVsBestGeomean > 0)
        out << "; " << fmt("%.3f", r.speedupVsBestGeomean) << "x vs the best PyTorch baseline"
            << (r.speedupVsBestGeomean < 1 ? " (SLOWER than PyTorch)" : "");
    out << "\n";
    if (r.torch.used) out << "PyTorch " << r.torch.version << " (" << r.torch.python << "); candidates judged by the " << r.torch.judge << " reference\n";
    else if (!r.torch.error.empty()) out << "no PyTorch baselines: " << r.torch.error << "\n";
    if (r.torch.used && !r.torch.error.empty()) out << "PyTorch: " << r.torch.error << "\n";
    if (!r.message.empty() && r.status != Status::Passed) out << r.message.english() << "\n";
    return out.str();
}

}  // namespace kforge
