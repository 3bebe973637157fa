#include "ui/export/export_preview.h"

#include <exception>

#include "eval/evaluator.h"
#include "eval/paths.h"
#include "export/tuning_notes.h"
#include "store/store.h"
#include "store/tuning_cache.h"
#include "util/text.h"

namespace kforge::ui {

ExportPreview makeExportPreview(const ExportRequest& request) {
    ExportPreview preview;
    try {
        const kforge::ExportFormat& format = kforge::exportFormat(request.format);
        const kforge::AppPaths paths = kforge::AppPaths::discover();
        kforge::Store store(request.database);
        const kforge::SessionTree tree = store.loadTree(request.session.id);
        const kforge::Task task = kforge::resolveTask(request.session.taskRef, paths);
        kforge::ExportPlan plan = kforge::makeExportPlan(request.session, tree, task, request.node,
                                                         kforge::readTextFile(paths.abiInclude() / "kf_abi.h"));
        try {
            kforge::TuningCache cache(kforge::TuningCache::defaultFile());
            kforge::addTuningCacheNotes(plan, cache);
        } catch (const std::exception& e) {  // the export does not depend on the cache
            plan.notes.push_back(std::string("the tuning cache was not read: ") + e.what());
        }
        preview.files = kforge::exportFiles(format, plan);
        preview.notes = plan.notes;
        preview.node = plan.nodeId;
        preview.variants = static_cast<int>(plan.variants.size());
    } catch (const std::exception& e) {
        preview.files.clear();
        preview.error = e.what();
    }
    return preview;
}

}  // namespace kforge::ui
