#pragma once
// An evaluation as the user reads it in a terminal. The JSON form is the
// model's codec (model/eval_report.h: toJson(report, ReportScope::Full)).
#include <string>
#include <vector>

#include "model/eval_report.h"

namespace kforge {

std::string reportTable(const EvalReport& report);
// The per-workload table of a report (also of a session's node).
// One line on how the timed calls were guarded, and what could not be done.
Phrase checksSummary(const std::vector<WorkloadReport>& workloads);
// Which bandwidths the physics floor used.
std::string floorSummary(const EvalReport& report);
// "threads: at most N ..." for a CPU report, empty otherwise.
std::string cpuThreadsSummary(const EvalReport& report);
// What "of floor" means and why it may exceed 100%, under any table that shows it.
std::string floorFootnote(const std::vector<WorkloadReport>& workloads, Backend backend);
std::string workloadTable(const std::vector<WorkloadReport>& workloads, const std::string& baselineName);

}  // namespace kforge
