#pragma once
// The latency charts as one panel: trajectory, per-workload latency,
// roofline and the tuner's parameter space as tabs, with "Save as…" for the
// Qt Charts ones. The main window
// wires this one object: the tree and live node updates, the shared
// selection, and the session's device facts.
#include <QList>
#include <QWidget>

#include <nlohmann/json.hpp>

#include "model/device_facts.h"
#include <string>
#include <unordered_map>

#include "model/node.h"
#include "model/session_config.h"
#include "model/session_tree.h"

QT_BEGIN_NAMESPACE
class QChartView;
class QCheckBox;
class QTabWidget;
class QToolButton;
QT_END_NAMESPACE

namespace kforge::ui {

class ParameterSpaceView;
class RooflineChart;
class TrajectoryChart;
class WorkloadChart;

class ChartsPanel : public QWidget {
    Q_OBJECT

public:
    // The per-workload charts compare at most this many candidates; more bars
    // per workload than this are unreadable.
    static constexpr int kMaxCompared = 8;

    explicit ChartsPanel(QWidget* parent = nullptr);

    void setTree(const kforge::SessionTree& tree);
    void updateNode(const kforge::Node& node);
    void setSelectedIds(const QList<qint64>& ids);
    // SessionRecord::device; `dtype` as RooflineChart::computeDtype() finds it.
    void setDeviceFacts(const kforge::DeviceFacts& facts, const std::string& dtype = {});
    void clear();
    // SessionConfig::speedupAgainst of the session shown.
    void setSpeedupBasis(kforge::SpeedupBasis basis);

    TrajectoryChart* trajectory() const { return trajectory_; }
    WorkloadChart* workloads() const { return workloads_; }
    RooflineChart* roofline() const { return roofline_; }
    ParameterSpaceView* parameterSpace() const { return parameterSpace_; }
    // Null on the parameter space's tab, which is not a Qt chart.
    QChartView* currentChart() const;
    void setCurrentChart(int index);  // 0 trajectory, 1 workloads, 2 roofline, 3 parameter space

    // Renders the current chart here and writes it on a worker thread;
    // chartSaved() reports the outcome.
    void saveCurrentChart(const QString& path);

signals:
    void nodeClicked(qint64 id);
    void chartSaved(const QString& path, bool ok, const QString& error);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void saveAs();
    void refreshSelected();

    TrajectoryChart* trajectory_;
    WorkloadChart* workloads_;
    RooflineChart* roofline_;
    ParameterSpaceView* parameterSpace_;
    QTabWidget* tabs_;
    QCheckBox* relative_;
    QToolButton* save_;
    std::unordered_map<qint64, kforge::Node> nodes_;
    QList<qint64> selected_;
};

}  // namespace kforge::ui
