#include "export/stored_export.h"

#include <exception>

#include "eval/evaluator.h"
#include "export/tuning_notes.h"
#include "store/tuning_cache.h"
#include "util/error.h"
#include "util/text.h"

namespace kforge {

ExportPlan planStoredExport(Store& store, const SessionRecord& session, std::optional<int64_t> node, const AppPaths& paths) {
    const SessionTree tree = store.loadTree(session.id);
    const Task task = resolveTask(session.taskRef, paths);
    ExportPlan plan = makeExportPlan(session, tree, task, node, readTextFile(paths.abiInclude() / "kf_abi.h"));
    try {
        TuningCache cache(TuningCache::defaultFile());
        addTuningCacheNotes(plan, cache);
    } catch (const std::exception& e) {
        plan.notes.push_back(phrase(QT_TRANSLATE_NOOP("Phrase", "the tuning cache was not read: %1"), errorPhrase(e)));
    }
    return plan;
}

}  // namespace kforge
