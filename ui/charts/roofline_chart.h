#pragma once
// The roofline: achieved TFLOP/s of each workload of the selected candidates
// (and of the baseline) against its arithmetic intensity (flops / bytes),
// under the device's measured ceilings: the memory roof (copy bandwidth) and
// the compute roof (peak rate for the task's dtype), on log-log axes. A task
// that does no arithmetic (a copy, a transpose) has no intensity to place, so
// its chart shows achieved GB/s against bytes moved under the memory roof.
#include <QChartView>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "model/device_facts.h"
#include <string>
#include <vector>

#include "model/node.h"

QT_BEGIN_NAMESPACE
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
QT_END_NAMESPACE

namespace kforge::ui {

class RooflineChart : public QChartView {
    Q_OBJECT

public:
    enum class Mode { Compute, Bandwidth };

    explicit RooflineChart(QWidget* parent = nullptr);

    // The device facts of the session (SessionRecord::device, or the runner's
    // hello); `dtype` picks the compute roof ("bfloat16"), float32 when empty
    // or when the device has no rate for it.
    void setDeviceFacts(const kforge::DeviceFacts& facts, const std::string& dtype = {});
    void setNodes(std::vector<kforge::Node> nodes);

    int pointCount() const;  // workload points drawn, the baseline's included
    Mode mode() const { return mode_; }
    double memoryRoofGbps() const { return bandwidthGbps_; }
    double computeRoofTflops() const { return peakTflops_; }
    // Every point as (x, y) in the current mode's units, per series (baseline first).
    std::vector<QList<QPointF>> points() const;

    // The dtype whose peak a task's definition JSON should be judged by: the
    // widest rate any input dtype has on the device (as the physics floor does).
    static std::string computeDtype(const nlohmann::json& definition, const kforge::DeviceFacts& facts);

protected:
    void changeEvent(QEvent* event) override;

private:
    struct PointSet {
        QString name;
        QList<QPointF> points;
        QStringList labels;
    };

    void rebuild();
    void applyStyle();

    std::vector<kforge::Node> nodes_;
    double bandwidthGbps_ = 0;
    double peakTflops_ = 0;
    QString dtype_;
    Mode mode_ = Mode::Compute;
    std::vector<PointSet> sets_;
    std::vector<QScatterSeries*> scatter_;
    QLineSeries* memoryRoof_ = nullptr;
    QLineSeries* computeRoof_ = nullptr;
    QLogValueAxis* xAxis_ = nullptr;
    QLogValueAxis* yAxis_ = nullptr;
};

}  // namespace kforge::ui
