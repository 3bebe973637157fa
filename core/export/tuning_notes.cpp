#include "export/tuning_notes.h"

#include "task/tune_space.h"
#include "util/sha256.h"
#include "util/text.h"

namespace kforge {

void addTuningCacheNotes(ExportPlan& plan, TuningCache& cache) {
    const DeviceFacts& device = plan.session.device;
    if (!device.known()) return;
    const std::string taskHash = sha256Hex(plan.session.taskDefinition);
    const std::string arch = tuningArch(device);
    for (const ExportWorkload& w : plan.workloads) {
        const ExportVariant& v = plan.variants.at(w.variant);
        const double ours = w.measured.timing.median;
        if (!(ours > 0)) continue;
        const std::string axes = tuningAxes(w.axes);
        // Any toolchain: the note names the one the entry was measured with.
        for (const TuningEntry& e : cache.entries(taskHash, v.sourceHash)) {
            if (e.key.device != device.name || e.key.arch != arch || e.key.axes != axes) continue;
            if (e.config == v.config || e.medianMs > 0.9 * ours) continue;
            plan.notes.push_back("tuning cache: workload " + w.workload.uuid + " ran " + formatNumber("%.3g", ours / e.medianMs) +
                                 "x faster with " + describeConfig(e.config) + " (" + formatNumber("%.4g", e.medianMs) + " ms against " +
                                 formatNumber("%.4g", ours) + " ms here; node " + std::to_string(e.node) + " of session " + e.session +
                                 ", " + e.key.toolchain + "; `kforge cache show " + std::to_string(e.id) + "`)");
        }
    }
}

}  // namespace kforge
