#include "ui/charts/workload_timings.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace kforge::ui {

namespace {

std::optional<LatencyStats> statsOf(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("median_ms")) return std::nullopt;
    LatencyStats s;
    s.medianMs = j.value("median_ms", 0.0);
    s.p20Ms = j.value("p20_ms", s.medianMs);
    s.p80Ms = j.value("p80_ms", s.medianMs);
    if (!(s.medianMs > 0)) return std::nullopt;
    return s;
}

QString labelOf(const nlohmann::json& w) {
    const auto axes = w.value("axes", nlohmann::json::object());
    QStringList parts;
    for (const auto& [name, value] : axes.items())
        if (value.is_number()) parts << QStringLiteral("%1=%2").arg(QString::fromStdString(name)).arg(value.get<long long>());
    if (!parts.isEmpty()) return parts.join(QLatin1Char(' '));
    return QString::fromStdString(w.value("uuid", std::string()));
}

}  // namespace

std::vector<WorkloadTiming> workloadTimings(const nlohmann::json& evaluation) {
    std::vector<WorkloadTiming> out;
    if (!evaluation.is_object() || !evaluation.contains("workloads") || !evaluation.at("workloads").is_array()) return out;
    for (const auto& w : evaluation.at("workloads")) {
        WorkloadTiming t;
        t.uuid = w.value("uuid", std::string());
        t.label = labelOf(w);
        t.timing = statsOf(w);
        if (w.contains("baseline")) t.baseline = statsOf(w.at("baseline"));
        t.bytes = w.value("bytes", 0.0);
        t.flops = w.value("flops", 0.0);
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

QString nodeLabel(const kforge::Node& node, int maxChars) {
    QString label = QCoreApplication::translate("kforge::ui::Charts", "#%1").arg(node.id);
    for (const auto& [name, value] : node.config) label += QStringLiteral(" %1=%2").arg(QString::fromStdString(name), QString::fromStdString(value));
    if (label.size() > maxChars) label = label.left(maxChars - 1) + QChar(0x2026);
    return label;
}

}  // namespace kforge::ui
