#pragma once
// An export made in memory, off the UI thread: the plan for a session's node
// (or its per-shape best, for shape dispatch) in one format, the files it
// would write and what the export wants the user to know. The dialog shows
// exactly these files, and writes exactly these.
#include <QMetaType>
#include <QString>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "export/export_format.h"
#include "model/session_config.h"

namespace kforge {
class Store;
}

namespace kforge::ui {

struct ExportRequest {
    kforge::SessionRecord session;
    std::optional<int64_t> node;  // none: each workload's fastest node (shape dispatch)
    std::string format;         // ExportFormat::name()
};

struct ExportPreview {
    std::vector<kforge::ExportFile> files;
    std::vector<kforge::Phrase> notes;
    int64_t node = 0;   // the node exported (the best, for dispatch)
    int variants = 0;   // more than one: dispatched by shape
    QString error;  // set instead of files when the export cannot be made, in the user's language
};

// Reads the store and the task's files; never throws (failures are `error`).
// Runs on the Workspace's thread, which owns `store` (Workspace::previewExport).
ExportPreview makeExportPreview(kforge::Store& store, const ExportRequest& request);

}  // namespace kforge::ui

Q_DECLARE_METATYPE(kforge::ui::ExportPreview)
