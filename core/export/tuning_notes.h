#pragma once
// What the tuning cache knows that an export should tell: a faster
// configuration of an exported variant's source, measured on the same device
// model (by another session, or after this one), for a workload it serves.
// The export itself is not changed: its numbers are the session's, measured
// together; the note says where a faster kernel is and how to get it.
#include "export/export_plan.h"
#include "store/tuning_cache.h"

namespace kforge {

// Appends one note per exported workload where the cache's entry for the
// variant's source is at least 10% faster with another configuration (less
// would mostly be timing noise between sessions, on a CPU especially).
void addTuningCacheNotes(ExportPlan& plan, TuningCache& cache);

}  // namespace kforge
