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
            plan.notes.push_back(phrase(
                QT_TRANSLATE_NOOP("Phrase", "tuning cache: workload %1 ran %2x faster with %3 (%4 ms against %5 ms here; node %6 of session %7, %8; `kforge cache show %9`)"),
                w.workload.uuid, formatNumber("%.3g", ours / e.medianMs), describeConfig(e.config), formatNumber("%.4g", e.medianMs),
                formatNumber("%.4g", ours), e.node, e.session, e.key.toolchain, e.id));
        }
    }
}

}  // namespace kforge
