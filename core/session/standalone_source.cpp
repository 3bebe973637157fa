#include "session/standalone_source.h"

#include <cstdio>
#include <sstream>

#include "task/task.h"
#include "task/tune_space.h"
#include "util/clock.h"

namespace kforge {

std::string standaloneSource(const SessionRecord& r, const SessionTree& tree, const Node& n) {
    char speedup[32] = "-";
    if (n.fitness > 0) std::snprintf(speedup, sizeof speedup, "%.3fx", n.fitness);
    std::ostringstream out;
    out << "// KernelForge: session " << r.id << " (\"" << r.name << "\"), node " << n.id << "\n"
        << "// task:    " << r.task << "\n"
        << "// device:  " << (r.device.name.empty() ? "?" : r.device.name) << " (" << backendName(r.config.backend) << ")\n"
        << "// speedup: " << speedup << " over the task's " << r.baselineName
        << " (geometric mean over its workloads, measured " << n.evaluatedAt << ")\n"
        << "// exported " << isoNowUtc() << "\n";
    if (n.compile && !n.compile->command.empty()) out << "// built by KernelForge with (as it ran; the -D values are the #defines below):\n//   " << n.compile->command << "\n";
    if (n.evaluation && !n.evaluation->workloads.empty()) {
        out << "// measured per workload (median ms, p20-p80, " << r.baselineName << " median ms, speedup):\n";
        for (const auto& w : n.evaluation->workloads) {
            char line[256];
            std::snprintf(line, sizeof line, "//   %-28s %-10s %10.4g  %.4g-%.4g  %10.4g  %.2fx\n", w.label().c_str(), std::string(statusName(w.status)).c_str(),
                          w.timing.median, w.timing.p20, w.timing.p80, w.baseline ? w.baseline->median : 0.0, w.speedup);
            out << line;
        }
    }
    if (!n.config.empty()) {
        out << "// configuration: " << describeConfig(n.config) << "\n";
        for (const auto& [k, v] : n.config) out << "#ifndef " << k << "\n#define " << k << " " << v << "\n#endif\n";
    }
    out << "\n" << tree.source(n.sourceHash);
    return out.str();
}

}  // namespace kforge
