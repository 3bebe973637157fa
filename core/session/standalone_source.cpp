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
    if (!n.config.empty()) {
        out << "// configuration: " << describeConfig(n.config) << "\n";
        for (const auto& [k, v] : n.config) out << "#ifndef " << k << "\n#define " << k << " " << v << "\n#endif\n";
    }
    out << "\n" << tree.source(n.sourceHash);
    return out.str();
}

}  // namespace kforge
