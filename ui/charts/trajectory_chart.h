#pragma once
// The trajectory chart: every evaluated candidate's speedup in evaluation
// order, failures as crosses on a band under the plot (by status), the
// running best as a step line and the baseline at 1×. A node arriving in
// order is appended to the series; only an out-of-order or changed node
// rebuilds them, so a 10,000-node session stays responsive while it grows.
#include <QChartView>
#include <QList>
#include <QSet>
#include <QTimer>

#include <map>

#include "model/node.h"
#include "model/session_config.h"
#include "model/session_tree.h"
#include "ui/charts/trajectory_data.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace kforge::ui {

class TrajectoryChart : public QChartView {
    Q_OBJECT

public:
    explicit TrajectoryChart(QWidget* parent = nullptr);

    void setTree(const kforge::SessionTree& tree);
    void updateNode(const kforge::Node& node);
    void clear();
    void setSelectedIds(const QList<qint64>& ids);
    // What the speedups are over (SessionConfig::speedupAgainst): names the
    // axis and the 1x line, so a reader never takes vs-best for vs-naive.
    void setSpeedupBasis(kforge::SpeedupBasis basis);
    kforge::SpeedupBasis speedupBasis() const { return basis_; }

    int pointCount() const { return static_cast<int>(data_.points().size()); }  // passed and failed
    int failureCount() const { return data_.failureCount(); }
    bool logScale() const { return logScale_; }
    const TrajectoryData& data() const { return data_; }
    // The running best as drawn: (evaluation number, best speedup) corners of the steps.
    QList<QPointF> bestLine() const;
    // Where a node is drawn in widget coordinates (for tests and tooltips); null when not plotted.
    QPointF nodePosition(qint64 id) const;

signals:
    void nodeClicked(qint64 id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuildSeries();
    // Draws the points appended since the last call: live updates are batched
    // (at most every kFlushMs) because each append to a series re-maps all of
    // its points. Const because reading what is drawn must see every update.
    void flushAppends() const;
    void updateAxes();
    void updateSelection();
    void applyStyle();
    void retranslateUi();  // the texts set once: title, axes, series names
    void pointEvent(const QPointF& point, bool click);
    QPointF plotPoint(int index) const;
    QScatterSeries* failureSeries(kforge::Status status) const;

    TrajectoryData data_;
    mutable int drawn_ = 0;  // points of data_ already in the series
    QTimer flushTimer_;
    QSet<qint64> selected_;
    bool logScale_ = false;
    kforge::SpeedupBasis basis_ = kforge::SpeedupBasis::Native;
    QString yAxisTitle() const;

    QScatterSeries* passed_ = nullptr;
    QLineSeries* best_ = nullptr;
    QLineSeries* baseline_ = nullptr;
    QScatterSeries* selectedPassed_ = nullptr;
    QScatterSeries* selectedFailed_ = nullptr;
    mutable std::map<kforge::Status, QScatterSeries*> failures_;  // created as statuses first occur
    QValueAxis* xAxis_ = nullptr;
    QAbstractAxis* yAxis_ = nullptr;
    QValueAxis* bandAxis_ = nullptr;  // hidden: failures sit at a fixed height whatever the speedup range
};

}  // namespace kforge::ui
