#include "export/export_plan.h"

#include <cctype>
#include <cmath>
#include <map>

#include "session/workload_winners.h"
#include "util/clock.h"
#include "util/error.h"

namespace kforge {

namespace {

const Workload& taskWorkload(const Task& task, const std::string& uuid) {
    for (const auto& w : task.workloads)
        if (w.uuid == uuid) return w;
    throw Error(
        phrase(QT_TRANSLATE_NOOP("Phrase", "task %1 has no workload %2 any more (its files changed since the session ran)"),
               task.name, uuid));
}

ExportVariant variantOf(const ExportPlan& plan, const SessionTree& tree, const Node& n, size_t index) {
    ExportVariant v;
    v.nodeId = n.id;
    v.symbol = plan.packageName + "_v" + std::to_string(index);
    v.config = n.config;
    v.sourceHash = n.sourceHash;
    v.source = tree.source(n.sourceHash);
    v.extension = n.sourceExtension.empty() ? std::string(backendInfo(plan.backend()).sourceExtension) : n.sourceExtension;
    v.sourceFile = plan.opName + "_v" + std::to_string(index) + v.extension;
    if (n.compile) v.compileCommand = n.compile->command;
    v.fitness = n.fitness;
    return v;
}

}  // namespace

const ExportVariant& ExportPlan::primary() const {
    for (const auto& v : variants)
        if (v.nodeId == nodeId) return v;
    return variants.front();
}

std::vector<std::string> ExportPlan::varAxes() const {
    std::vector<std::string> out;
    for (const auto& a : task.axes)
        if (!a.isConst) out.push_back(a.name);
    return out;
}

std::string identifierOf(const std::string& name) {
    std::string out;
    for (const char c : name) out += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
    if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front()))) out = "op_" + out;
    return out;
}

double dispatchDistance(const std::vector<int64_t>& call, const std::vector<int64_t>& tuned) {
    double d = 0;
    for (size_t i = 0; i < call.size() && i < tuned.size(); ++i)
        d += std::fabs(std::log2(static_cast<double>(call[i] < 1 ? 1 : call[i])) -
                       std::log2(static_cast<double>(tuned[i] < 1 ? 1 : tuned[i])));
    return d;
}

ExportPlan makeExportPlan(const SessionRecord& session, const SessionTree& tree, const Task& task,
                          std::optional<int64_t> nodeId, std::string abiHeader) {
    ExportPlan plan;
    plan.session = session;
    plan.task = task;
    plan.opName = identifierOf(task.name);
    plan.opNamespace = "kforge";
    plan.packageName = "kforge_" + plan.opName;
    plan.abiHeader = std::move(abiHeader);
    plan.exportedAt = isoNowUtc();

    const Node* chosen = nullptr;
    if (nodeId) {
        chosen = tree.find(*nodeId);
        if (!chosen)
            throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 has no node %2 (see kforge show %3)"), session.id, *nodeId,
                               session.id));
        if (!chosen->passed())
            throw Error(
                phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 node %2 is %3, not PASSED: only a verified kernel is exported"),
                       session.id, *nodeId, std::string(statusName(chosen->status))));
    } else {
        chosen = tree.best();
        if (!chosen) throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 has no PASSED node to export yet"), session.id));
    }
    if (!chosen->evaluation || chosen->evaluation->workloads.empty())
        throw Error(phrase(QT_TRANSLATE_NOOP("Phrase", "session %1 node %2 has no stored measurements to export"), session.id,
                           chosen->id));
    plan.nodeId = chosen->id;

    // Per workload, the node that serves it: the one asked for, or with no node
    // given, the workload's winner (session/workload_winners.h) where it beats
    // the chosen node there (a tie keeps the chosen node).
    std::map<std::string, int64_t> winnerOf;
    if (!nodeId)
        for (const auto& w : workloadWinners(tree)) winnerOf[w.uuid] = w.nodeId;
    std::map<int64_t, size_t> variantOfNode;
    for (const auto& measured : chosen->evaluation->workloads) {
        const Node* serving = chosen;
        const WorkloadReport* report = &measured;
        if (const auto won = winnerOf.find(measured.uuid); won != winnerOf.end()) {
            const Node& n = tree.at(won->second);
            const WorkloadReport* w = n.evaluation->workload(measured.uuid);
            if (w->timing.median < report->timing.median) {
                serving = &n;
                report = w;
            }
        }
        auto it = variantOfNode.find(serving->id);
        if (it == variantOfNode.end()) {
            it = variantOfNode.emplace(serving->id, plan.variants.size()).first;
            plan.variants.push_back(variantOf(plan, tree, *serving, plan.variants.size()));
        }
        ExportWorkload ew;
        ew.workload = taskWorkload(task, measured.uuid);
        ew.axes = task.axisValues(ew.workload);
        ew.variant = it->second;
        ew.measured = *report;
        plan.workloads.push_back(std::move(ew));
    }
    return plan;
}

}  // namespace kforge
