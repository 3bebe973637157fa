#pragma once
// The export plan of a stored session as `kforge export` and the GUI's export
// dialog both make it: the tree read from the workspace, the task resolved as
// the session names it, kf_abi.h from the resources, and the tuning cache's
// notes (a cache that cannot be read is a note, never a failed export).
#include <cstdint>
#include <optional>

#include "eval/paths.h"
#include "export/export_plan.h"
#include "store/store.h"

namespace kforge {

ExportPlan planStoredExport(Store& store, const SessionRecord& session, std::optional<int64_t> node, const AppPaths& paths);

}  // namespace kforge
