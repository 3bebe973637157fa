#include "ui/charts/workload_timings.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace kforge::ui {

namespace {

std::optional<LatencyStats> statsOf(const kforge::SampleStats& s) {
    if (!(s.count > 0 && s.median > 0)) return std::nullopt;
    return LatencyStats{s.median, s.p20, s.p80};
}

}  // namespace

std::vector<WorkloadTiming> workloadTimings(const std::optional<kforge::EvalReport>& evaluation) {
    std::vector<WorkloadTiming> out;
    if (!evaluation) return out;
    for (const auto& w : evaluation->workloads) {
        WorkloadTiming t;
        t.uuid = w.uuid;
        t.label = QString::fromStdString(w.label());
        t.timing = statsOf(w.timing);
        if (w.baseline) t.baseline = statsOf(*w.baseline);
        for (const auto& b : w.baselines)
            if (b.measured())
                if (const auto stats = statsOf(b.timing())) t.torch[b.name] = *stats;
        t.bytes = w.bytes.value_or(0.0);
        t.flops = w.flops.value_or(0.0);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<WorkloadTiming> baselineTimings(const std::vector<kforge::Node>& nodes) {
    for (const auto& n : nodes) {
        auto timings = workloadTimings(n.evaluation);
        const bool complete = !timings.empty() &&
                              std::all_of(timings.begin(), timings.end(), [](const WorkloadTiming& t) { return t.baseline.has_value(); });
        if (complete) return timings;
    }
    return {};
}

QString torchBaselineLabel(const std::string& name) {
    if (name == "eager") return QCoreApplication::translate("kforge::ui::Charts", "PyTorch eager");
    if (name == "compile") return QCoreApplication::translate("kforge::ui::Charts", "torch.compile");
    if (name == "vendor") return QCoreApplication::translate("kforge::ui::Charts", "Vendor op");
    return QString::fromStdString(name);
}

QString nodeLabel(const kforge::Node& node, int maxChars) {
    QString label = QCoreApplication::translate("kforge::ui::Charts", "#%1").arg(node.id);
    for (const auto& [name, value] : node.config) label += QStringLiteral(" %1=%2").arg(QString::fromStdString(name), QString::fromStdString(value));
    if (label.size() > maxChars) label = label.left(maxChars - 1) + QChar(0x2026);
    return label;
}

}  // namespace kforge::ui
