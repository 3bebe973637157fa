#pragma once
// Per-workload latency of the selected candidates against the baseline:
// grouped bars of the median per workload with p20–p80 whiskers, on a log
// latency axis (workloads span microseconds to milliseconds) or relative to
// the baseline's median (baseline = 1).
#include <QChartView>
#include <QStringList>

#include <vector>

#include "model/node.h"
#include "ui/charts/workload_timings.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
QT_END_NAMESPACE

namespace kforge::ui {

class WhiskerItem;

class WorkloadChart : public QChartView {
    Q_OBJECT

public:
    enum class Scale { Latency, RelativeToBaseline };

    explicit WorkloadChart(QWidget* parent = nullptr);
    ~WorkloadChart() override;

    // The candidates to compare, in selection order; the baseline comes from
    // their evaluation JSON. Pending nodes and nodes without timings draw no bars.
    void setNodes(std::vector<kforge::Node> nodes);
    void setScale(Scale scale);
    Scale scale() const { return scale_; }

    int barCount() const;       // bars drawn: timed workloads of every set, the baseline's included
    int setCount() const;       // the baseline (when known) plus one per candidate
    QStringList workloadLabels() const { return labels_; }
    // The value of bar (set, workload) as drawn: milliseconds or relative; 0 when absent.
    double barValue(int set, int workload) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct BarData {
        QString name;
        std::vector<std::optional<LatencyStats>> stats;  // per workload
    };

    void rebuild();
    void applyStyle();
    void showTooltip(bool on, int index, QBarSet* set);

    std::vector<kforge::Node> nodes_;
    std::vector<BarData> bars_;  // baseline first when known, then PyTorch's baselines, then the nodes
    bool hasBaseline_ = false;
    std::size_t referenceSets_ = 0;  // the baselines' bars at the front of bars_
    QStringList labels_;
    Scale scale_ = Scale::Latency;

    QBarSeries* series_ = nullptr;
    QBarCategoryAxis* xAxis_ = nullptr;
    QAbstractAxis* yAxis_ = nullptr;
    WhiskerItem* whiskers_ = nullptr;
};

}  // namespace kforge::ui
