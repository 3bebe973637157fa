#include "ui/export/export_preview.h"
#include "ui/phrase_text.h"

#include <exception>

#include "export/stored_export.h"

namespace kforge::ui {

ExportPreview makeExportPreview(kforge::Store& store, const ExportRequest& request) {
    ExportPreview preview;
    try {
        const kforge::ExportFormat& format = kforge::exportFormat(request.format);
        const kforge::ExportPlan plan = kforge::planStoredExport(store, request.session, request.node, kforge::AppPaths::discover());
        preview.files = kforge::exportFiles(format, plan);
        preview.notes = plan.notes;
        preview.node = plan.nodeId;
        preview.variants = static_cast<int>(plan.variants.size());
    } catch (const std::exception& e) {
        preview.files.clear();
        preview.error = errorText(e);
    }
    return preview;
}

}  // namespace kforge::ui
