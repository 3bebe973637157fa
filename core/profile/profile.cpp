#include "profile/profile.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "util/text.h"

namespace kforge {
namespace {

// Names as Nsight Compute's raw page and its own sections (SpeedOfLight,
// Occupancy, LaunchStats, MemoryWorkloadAnalysis, WarpStateStats) use them.
constexpr std::array kMetrics{
    ProfileMetric{"duration", "gpu__time_duration.sum", "duration", "ns"},
    ProfileMetric{"sm_throughput", "sm__throughput.avg.pct_of_peak_sustained_elapsed", "compute (SM) throughput", "%"},
    ProfileMetric{"memory_throughput", "gpu__compute_memory_throughput.avg.pct_of_peak_sustained_elapsed", "memory throughput", "%"},
    ProfileMetric{"dram_throughput", "dram__throughput.avg.pct_of_peak_sustained_elapsed", "DRAM throughput", "%"},
    ProfileMetric{"dram_read", "dram__bytes_read.sum", "DRAM read", "B"},
    ProfileMetric{"dram_write", "dram__bytes_write.sum", "DRAM written", "B"},
    ProfileMetric{"l1_hit", "l1tex__t_sector_hit_rate.pct", "L1 hit rate", "%"},
    ProfileMetric{"l2_hit", "lts__t_sector_hit_rate.pct", "L2 hit rate", "%"},
    ProfileMetric{"achieved_occupancy", "sm__warps_active.avg.pct_of_peak_sustained_active", "achieved occupancy", "%"},
    ProfileMetric{"theoretical_occupancy", "sm__maximum_warps_per_active_cycle_pct", "theoretical occupancy", "%"},
    ProfileMetric{"registers", "launch__registers_per_thread", "registers per thread", ""},
    ProfileMetric{"shared_static", "launch__shared_mem_per_block_static", "static shared memory per block", "B"},
    ProfileMetric{"shared_dynamic", "launch__shared_mem_per_block_dynamic", "dynamic shared memory per block", "B"},
    ProfileMetric{"grid_size", "launch__grid_size", "blocks", ""},
    ProfileMetric{"block_size", "launch__block_size", "threads per block", ""},
    ProfileMetric{"waves", "launch__waves_per_multiprocessor", "waves per SM", ""},
    ProfileMetric{"instructions", "smsp__inst_executed.sum", "warp instructions", ""},
    ProfileMetric{"bank_conflicts", "l1tex__data_bank_conflicts_pipe_lsu_mem_shared.sum", "shared-memory bank conflicts", ""},
    ProfileMetric{"global_load_sectors", "l1tex__t_sectors_pipe_lsu_mem_global_op_ld.sum", "global load sectors", ""},
    ProfileMetric{"global_load_requests", "l1tex__t_requests_pipe_lsu_mem_global_op_ld.sum", "global load requests", ""},
    ProfileMetric{"global_store_sectors", "l1tex__t_sectors_pipe_lsu_mem_global_op_st.sum", "global store sectors", ""},
    ProfileMetric{"global_store_requests", "l1tex__t_requests_pipe_lsu_mem_global_op_st.sum", "global store requests", ""},
    ProfileMetric{"stall_long_scoreboard", "smsp__average_warps_issue_stalled_long_scoreboard_per_issue_active.ratio",
                  "stall: global/local memory (long scoreboard)", "warps"},
    ProfileMetric{"stall_short_scoreboard", "smsp__average_warps_issue_stalled_short_scoreboard_per_issue_active.ratio",
                  "stall: shared memory or special math (short scoreboard)", "warps"},
    ProfileMetric{"stall_barrier", "smsp__average_warps_issue_stalled_barrier_per_issue_active.ratio", "stall: __syncthreads barriers", "warps"},
    ProfileMetric{"stall_mio_throttle", "smsp__average_warps_issue_stalled_mio_throttle_per_issue_active.ratio",
                  "stall: a full shared-memory/MIO queue (mio throttle)", "warps"},
    ProfileMetric{"stall_lg_throttle", "smsp__average_warps_issue_stalled_lg_throttle_per_issue_active.ratio",
                  "stall: a full global-memory queue (lg throttle)", "warps"},
    ProfileMetric{"stall_math_pipe", "smsp__average_warps_issue_stalled_math_pipe_throttle_per_issue_active.ratio",
                  "stall: a busy math pipe", "warps"},
    ProfileMetric{"stall_wait", "smsp__average_warps_issue_stalled_wait_per_issue_active.ratio", "stall: fixed-latency dependencies (wait)",
                  "warps"},
    ProfileMetric{"stall_not_selected", "smsp__average_warps_issue_stalled_not_selected_per_issue_active.ratio",
                  "stall: another eligible warp being picked (not selected)", "warps"},
    ProfileMetric{"stall_membar", "smsp__average_warps_issue_stalled_membar_per_issue_active.ratio", "stall: memory barriers", "warps"},
    ProfileMetric{"stall_branch", "smsp__average_warps_issue_stalled_branch_resolving_per_issue_active.ratio",
                  "stall: branch resolution", "warps"},
};

std::string num(double v, const char* format = "%.3g") { return formatNumber(format, v); }

std::string withUnit(double v, std::string_view unit) {
    if (unit == "%") return num(v, "%.1f") + "%";
    if (unit == "ns") return v >= 1e6 ? num(v / 1e6, "%.4g") + " ms" : num(v / 1e3, "%.4g") + " us";
    if (unit == "B") {
        if (v >= 1e9) return num(v / 1e9, "%.4g") + " GB";
        if (v >= 1e6) return num(v / 1e6, "%.4g") + " MB";
        if (v >= 1e3) return num(v / 1e3, "%.4g") + " kB";
        return num(v, "%.0f") + " B";
    }
    if (unit == "warps") return num(v, "%.2f") + " warps per issued instruction";
    return v == std::floor(v) ? num(v, "%.0f") : num(v, "%.4g");  // counts whole, ratios such as waves to 4 digits
}

double value(const KernelProfile& k, const char* key) { return k.metric(key).value_or(0.0); }

// The kernel whose time dominates, or null.
const KernelProfile* longest(const NodeProfile& p) {
    const KernelProfile* best = nullptr;
    for (const auto& k : p.kernels)
        if (!best || value(k, "duration") > value(*best, "duration")) best = &k;
    return best;
}

}  // namespace

std::span<const ProfileMetric> profileMetrics() { return kMetrics; }

std::string formatProfileValue(double value, std::string_view unit) { return withUnit(value, unit); }

std::vector<const KernelProfile*> kernelsByTime(const NodeProfile& p) {
    std::vector<const KernelProfile*> order;
    for (const auto& k : p.kernels) order.push_back(&k);
    std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return value(*a, "duration") > value(*b, "duration"); });
    return order;
}

const ProfileMetric* profileMetric(std::string_view key) {
    for (const auto& m : kMetrics)
        if (key == m.key) return &m;
    return nullptr;
}

std::vector<std::string> profileObservations(const KernelProfile& k) {
    std::vector<std::string> out;
    const double sm = value(k, "sm_throughput"), mem = value(k, "memory_throughput"), dram = value(k, "dram_throughput");
    if (mem >= 60 && mem >= sm && dram >= 0.8 * mem)
        out.push_back("memory-bound: DRAM throughput at " + num(dram, "%.0f") +
                      "% of peak; fewer or better-coalesced bytes pay, more arithmetic does not");
    else if (mem >= 60 && mem >= sm)
        out.push_back("memory-bound inside the chip: memory throughput at " + num(mem, "%.0f") + "% of peak while DRAM is at " +
                      num(dram, "%.0f") + "%: shared memory, L1 or L2 traffic is the limit (bank conflicts, re-reads)");
    else if (sm >= 60)
        out.push_back("compute-bound: SM throughput at " + num(sm, "%.0f") + "% of peak; fewer or cheaper instructions pay");
    else if (k.metric("sm_throughput") && k.metric("memory_throughput"))
        out.push_back("latency-bound: neither compute (" + num(sm, "%.0f") + "%) nor memory (" + num(mem, "%.0f") +
                      "%) is near its peak; more independent work in flight (occupancy, ILP, async copies) pays");

    if (const auto waves = k.metric("waves"); waves && *waves < 1.0)
        out.push_back("the grid fills only " + num(*waves * 100, "%.0f") + "% of one wave: the GPU has idle SMs; use more, smaller blocks");
    const double achieved = value(k, "achieved_occupancy"), theoretical = value(k, "theoretical_occupancy");
    if (theoretical > 0 && theoretical < 50)
        out.push_back("theoretical occupancy " + num(theoretical, "%.0f") + "% (" + num(value(k, "registers"), "%.0f") +
                      " registers per thread, " + withUnit(value(k, "shared_static") + value(k, "shared_dynamic"), "B") +
                      " shared memory per block) limits the warps that can hide latency");
    if (theoretical > 0 && achieved > 0 && achieved < 0.7 * theoretical)
        out.push_back("achieved occupancy " + num(achieved, "%.0f") + "% is well under the theoretical " + num(theoretical, "%.0f") +
                      "%: load imbalance, a tail wave or blocks that finish early");
    if (const double conflicts = value(k, "bank_conflicts"); conflicts > 0) {
        const double instructions = value(k, "instructions");
        if (instructions <= 0 || conflicts > 0.01 * instructions)
            out.push_back(withUnit(conflicts, "") + " shared-memory bank conflicts: pad or swizzle the shared-memory layout");
    }
    auto sectorsPerRequest = [&](const char* sectors, const char* requests) {
        const double r = value(k, requests);
        return r > 0 ? value(k, sectors) / r : 0.0;
    };
    if (const double s = sectorsPerRequest("global_load_sectors", "global_load_requests"); s > 16.5)
        out.push_back("global loads touch " + num(s, "%.1f") +
                      " sectors per warp request (4 is ideal for 4-byte and 16 for 16-byte accesses per thread): uncoalesced loads");
    if (const double s = sectorsPerRequest("global_store_sectors", "global_store_requests"); s > 16.5)
        out.push_back("global stores touch " + num(s, "%.1f") + " sectors per warp request: uncoalesced stores");

    // The two stall reasons that cost the most cycles per issued instruction.
    std::vector<std::pair<double, const ProfileMetric*>> stalls;
    for (const auto& m : kMetrics)
        if (std::string_view(m.key).starts_with("stall_"))
            if (const auto v = k.metric(m.key); v && *v >= 1.0) stalls.emplace_back(*v, &m);
    std::sort(stalls.begin(), stalls.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < stalls.size() && i < 2; ++i)
        out.push_back("warps mostly stall on " + std::string(stalls[i].second->label).substr(7) + " (" + num(stalls[i].first, "%.1f") +
                      " warps stalled per issued instruction)");
    return out;
}

std::string profileBottleneck(const NodeProfile& p) {
    const KernelProfile* k = longest(p);
    if (!k || !k->metric("sm_throughput") || !k->metric("memory_throughput")) return {};
    const double sm = value(*k, "sm_throughput"), mem = value(*k, "memory_throughput");
    if (mem >= 60 && mem >= sm) return "memory";
    if (sm >= 60) return "compute";
    const double theoretical = value(*k, "theoretical_occupancy");
    if (theoretical > 0 && theoretical < 50) return "occupancy";
    return "latency";
}

std::string describeProfile(const NodeProfile& p, size_t maxKernels) {
    std::string s;
    if (!p.ok()) return "not profiled: " + p.error + "\n";
    const std::vector<const KernelProfile*> order = kernelsByTime(p);
    double total = 0;
    for (const auto* k : order) total += value(*k, "duration");
    if (order.empty()) return "the profiler saw no kernel launched by the candidate\n";
    for (size_t i = 0; i < order.size() && i < maxKernels; ++i) {
        const KernelProfile& k = *order[i];
        s += "- kernel " + k.name.substr(0, 160) + ", grid " + k.grid + ", block " + k.block;
        if (total > 0 && order.size() > 1) s += ", " + num(100 * value(k, "duration") / total, "%.0f") + "% of the kernels' time";
        s += "\n";
        std::string line;
        for (const auto& m : kMetrics) {
            if (std::string_view(m.key).starts_with("stall_") || std::string_view(m.key).starts_with("global_")) continue;
            if (const auto v = k.metric(m.key)) line += std::string(line.empty() ? "" : "; ") + m.label + " " + withUnit(*v, m.unit);
        }
        if (!line.empty()) s += "  " + line + "\n";
        for (const auto& o : profileObservations(k)) s += "  * " + o + "\n";
    }
    if (order.size() > maxKernels) s += "- and " + std::to_string(order.size() - maxKernels) + " more kernels\n";
    return s;
}

}  // namespace kforge
