#pragma once
// What an export is made of, decided once for every format: the session and
// task, the node (or, for shape dispatch, the nodes) to export, the workloads
// they were measured on and what each measured.
//
// Shape dispatch: with no node given, each workload the best node was measured
// on is served by the PASSED node of lowest median latency on it. When those
// differ, the export holds one variant per distinct node, each compiled with
// its own configuration under its own entry point, and the op picks the
// variant of the nearest tuned workload (dispatchDistance).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/eval_report.h"
#include "model/node.h"
#include "model/session_config.h"
#include "model/session_tree.h"
#include "task/task.h"
#include "util/phrase.h"

namespace kforge {

struct ExportVariant {
    int64_t nodeId = 0;
    std::string symbol;  // its entry point in place of kf_run: "kforge_row_sum_fp32_v0"
    TuneConfig config;
    std::string sourceHash;
    std::string source;
    std::string extension;  // ".cpp", ".cu", ".hip"
    std::string sourceFile;  // the kernel's file name in an export: "row_sum_fp32_v0.cpp"
    std::string compileCommand;  // as KernelForge ran it (CompileResult::command)
    double fitness = 0;
};

struct ExportWorkload {
    Workload workload;                                  // as the task has it
    std::vector<std::pair<std::string, int64_t>> axes;  // every axis, definition order
    size_t variant = 0;                                 // index into ExportPlan::variants
    WorkloadReport measured;                            // the variant's node on this workload
};

struct ExportPlan {
    SessionRecord session;
    Task task;
    int64_t nodeId = 0;  // the node asked for, or the session's best
    std::vector<ExportVariant> variants;
    std::vector<ExportWorkload> workloads;
    std::string opName;         // the task's name as an identifier
    std::string opNamespace;    // "kforge"
    std::string packageName;    // "kforge_row_sum_fp32"
    std::string abiHeader;      // kf_abi.h's text, shipped with native sources
    std::string exportedAt;     // ISO 8601, UTC
    std::vector<Phrase> notes;  // what the export wants the user to know (tuning cache, ...); the GUI translates them

    Backend backend() const { return session.config.backend; }
    const ExportVariant& primary() const;  // the variant of nodeId, else the first
    bool dispatches() const { return variants.size() > 1; }
    // The var axes, in definition order: what dispatch compares.
    std::vector<std::string> varAxes() const;
};

// Throws kforge::Error for an unknown node, a node that did not pass, or a
// session without a PASSED node.
ExportPlan makeExportPlan(const SessionRecord& session, const SessionTree& tree, const Task& task,
                          std::optional<int64_t> nodeId, std::string abiHeader);

// Distance between a call's var axes and a tuned workload's: the sum over var
// axes of |log2(call) - log2(tuned)| (sizes differ by ratios, not by amounts).
// Axes of value < 1 count as 1.
double dispatchDistance(const std::vector<int64_t>& call, const std::vector<int64_t>& tuned);

// The identifier form of a name: [a-z0-9_], not starting with a digit.
std::string identifierOf(const std::string& name);

}  // namespace kforge
