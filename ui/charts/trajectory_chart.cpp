#include "ui/charts/trajectory_chart.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/charts/chart_style.h"
#include "ui/session/node_status.h"

namespace kforge::ui {

namespace {

constexpr double kBandHeight = 0.035;   // where failures sit, as a fraction of the plot's height
constexpr double kBottomRoom = 0.12;    // the plot's bottom kept free of passed points for that band
constexpr double kTopRoom = 0.06;
constexpr double kLogWhenRatio = 12.0;
constexpr int kFlushMs = 50;            // live appends are drawn at most this often  // log scale once the best is this many times the worst

void hideFromLegend(QChart* chart, QAbstractSeries* series) {
    for (auto* marker : chart->legend()->markers(series)) marker->setVisible(false);
}

}  // namespace

TrajectoryChart::TrajectoryChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);

    xAxis_ = new QValueAxis;
    xAxis_->setLabelFormat(QStringLiteral("%.0f"));
    xAxis_->setTickType(QValueAxis::TicksDynamic);
    chart->addAxis(xAxis_, Qt::AlignBottom);
    bandAxis_ = new QValueAxis;
    bandAxis_->setRange(0, 1);
    bandAxis_->setVisible(false);
    chart->addAxis(bandAxis_, Qt::AlignRight);

    passed_ = new QScatterSeries;
    passed_->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    passed_->setMarkerSize(7);
    best_ = new QLineSeries;
    baseline_ = new QLineSeries;
    selectedPassed_ = new QScatterSeries;
    selectedFailed_ = new QScatterSeries;
    // Drawn in this order: the baseline under everything, the selection on top.
    for (QXYSeries* s : std::initializer_list<QXYSeries*>{baseline_, best_, passed_, selectedPassed_}) chart->addSeries(s);
    chart->addSeries(selectedFailed_);
    selectedFailed_->attachAxis(xAxis_);
    selectedFailed_->attachAxis(bandAxis_);
    hideFromLegend(chart, selectedPassed_);
    hideFromLegend(chart, selectedFailed_);

    for (auto* s : {passed_, selectedPassed_, selectedFailed_}) {
        connect(s, &QScatterSeries::clicked, this, [this](const QPointF& p) { pointEvent(p, true); });
        connect(s, &QScatterSeries::hovered, this, [this](const QPointF& p, bool on) {
            if (on) pointEvent(p, false);
            else QToolTip::hideText();
        });
    }
    connect(xAxis_, &QValueAxis::rangeChanged, this, [this](qreal min, qreal max) {
        baseline_->replace(QList<QPointF>{{min, 1.0}, {max, 1.0}});
    });

    flushTimer_.setSingleShot(true);
    flushTimer_.setInterval(kFlushMs);
    connect(&flushTimer_, &QTimer::timeout, this, [this] { flushAppends(); });

    applyStyle();
    retranslateUi();
    updateAxes();
}

QScatterSeries* TrajectoryChart::failureSeries(kforge::Status status) const {
    auto found = failures_.find(status);
    if (found != failures_.end()) return found->second;
    auto* s = new QScatterSeries;
    // The verdict alone, no "Failed:": six legend entries share the chart's
    // width at the default window size, and the × markers say these failed.
    s->setName(statusText(status));
    s->setMarkerSize(10);
    s->setLightMarker(crossMarker(failureColor(status), 20));
    s->setColor(failureColor(status));
    s->setBorderColor(failureColor(status));
    chart()->addSeries(s);
    s->attachAxis(xAxis_);
    s->attachAxis(bandAxis_);
    auto* self = const_cast<TrajectoryChart*>(this);
    connect(s, &QScatterSeries::clicked, self, [self](const QPointF& p) { self->pointEvent(p, true); });
    connect(s, &QScatterSeries::hovered, self, [self](const QPointF& p, bool on) {
        if (on) self->pointEvent(p, false);
        else QToolTip::hideText();
    });
    failures_.emplace(status, s);
    return s;
}

QPointF TrajectoryChart::plotPoint(int index) const {
    const auto& p = data_.points()[static_cast<std::size_t>(index)];
    return {static_cast<double>(index + 1), p.passed() ? p.fitness : kBandHeight};
}

void TrajectoryChart::setTree(const kforge::SessionTree& tree) {
    data_.reset(tree.nodes());
    rebuildSeries();
}

void TrajectoryChart::clear() {
    data_.clear();
    selected_.clear();
    rebuildSeries();
}

void TrajectoryChart::updateNode(const kforge::Node& node) {
    switch (data_.update(node)) {
    case TrajectoryData::Change::None: return;
    case TrajectoryData::Change::Appended:
        if (!flushTimer_.isActive()) flushTimer_.start();
        return;
    case TrajectoryData::Change::Rebuilt: rebuildSeries(); return;
    }
}

QList<QPointF> TrajectoryChart::bestLine() const {
    flushAppends();
    return best_->points();
}

void TrajectoryChart::rebuildSeries() {
    const auto& points = data_.points();
    const auto& best = data_.runningBest();
    QList<QPointF> passed;
    std::map<kforge::Status, QList<QPointF>> failed;
    QList<QPointF> steps;
    passed.reserve(static_cast<qsizetype>(points.size()));
    double previous = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const int index = static_cast<int>(i);
        const QPointF at = plotPoint(index);
        if (points[i].passed()) passed.append(at);
        else failed[points[i].status].append(at);
        const double x = at.x();
        if (best[i] > previous) {
            if (previous > 0) steps.append({x, previous});
            steps.append({x, best[i]});
            previous = best[i];
        }
    }
    if (previous > 0) steps.append({static_cast<double>(points.size()), previous});  // the tail, moved by flushAppends()
    passed_->replace(passed);
    best_->replace(steps);
    for (auto& [status, series] : failures_)
        if (!failed.count(status)) series->clear();
    for (auto& [status, list] : failed) failureSeries(status)->replace(list);
    drawn_ = pointCount();
    flushTimer_.stop();
    updateAxes();
    updateSelection();
}

void TrajectoryChart::flushAppends() const {
    if (drawn_ >= pointCount()) return;
    const auto& points = data_.points();
    const auto& best = data_.runningBest();
    QList<QPointF> passed;
    std::map<kforge::Status, QList<QPointF>> failed;
    QList<QPointF> steps;
    bool selectedAmong = false;
    double previous = drawn_ > 0 ? best[static_cast<std::size_t>(drawn_ - 1)] : 0;
    for (int index = drawn_; index < pointCount(); ++index) {
        const auto i = static_cast<std::size_t>(index);
        const QPointF at = plotPoint(index);
        if (points[i].passed()) passed.append(at);
        else failed[points[i].status].append(at);
        if (best[i] > previous) {
            if (previous > 0) steps.append({at.x(), previous});
            steps.append({at.x(), best[i]});
            previous = best[i];
        }
        selectedAmong = selectedAmong || selected_.contains(points[i].id);
    }
    drawn_ = pointCount();
    if (previous > 0) steps.append({static_cast<double>(drawn_), previous});
    if (best_->count() > 0) best_->remove(best_->count() - 1);  // the old tail
    best_->append(steps);
    if (!passed.isEmpty()) passed_->append(passed);
    for (auto& [status, list] : failed) failureSeries(status)->append(list);
    auto* self = const_cast<TrajectoryChart*>(this);
    self->updateAxes();
    if (selectedAmong) self->updateSelection();
}

void TrajectoryChart::updateAxes() {
    QChart* c = chart();
    // The x axis grows in steps, not per point, so live appends rarely relayout.
    const double n = std::max(1, pointCount());
    const double xmax = n <= 10 ? 10 : std::ceil(n * 1.1 / 10) * 10;
    if (xAxis_->max() < n + 0.5 || xAxis_->max() > xmax * 1.5 || xAxis_->min() != 0) {
        // Round ticks (10, 20, 50, 100, ...) rather than the range split in equal parts.
        const double raw = xmax / 6;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        const double step = raw / magnitude <= 2 ? 2 * magnitude : (raw / magnitude <= 5 ? 5 * magnitude : 10 * magnitude);
        // The interval before the range: the other order lays out one label per
        // old interval over the new range first (5,000 of them when a
        // 10,000-node session opens, 2.4 s of creating and deleting items).
        xAxis_->setTickAnchor(0);
        if (step > xAxis_->tickInterval()) xAxis_->setTickInterval(std::max(1.0, step));
        xAxis_->setRange(0, xmax);
        xAxis_->setTickInterval(std::max(1.0, step));
    }

    const double lo = std::min(1.0, data_.minPassed() > 0 ? data_.minPassed() : 1.0);
    const double hi = std::max(1.0, data_.maxPassed());
    const bool log = hi / lo >= kLogWhenRatio;
    if (!yAxis_ || log != logScale_) {
        if (yAxis_) {
            c->removeAxis(yAxis_);
            delete yAxis_;
        }
        logScale_ = log;
        if (log) {
            auto* axis = new QLogValueAxis;
            axis->setBase(10);
            axis->setMinorTickCount(8);
            axis->setLabelFormat(QStringLiteral("%g"));
            yAxis_ = axis;
        } else {
            auto* axis = new QValueAxis;
            axis->setLabelFormat(QStringLiteral("%.2f"));
            axis->setTickType(QValueAxis::TicksDynamic);
            yAxis_ = axis;
        }
        // Qt Charts formats labels through 8-bit printf, so the "×" goes in the title.
        yAxis_->setTitleText(yAxisTitle());
        c->addAxis(yAxis_, Qt::AlignLeft);
        for (QXYSeries* s : std::initializer_list<QXYSeries*>{baseline_, best_, passed_, selectedPassed_}) {
            if (!s->attachedAxes().contains(xAxis_)) s->attachAxis(xAxis_);
            s->attachAxis(yAxis_);
        }
        styleAxis(yAxis_, palette());
    }
    // Room at the bottom for the failure band, a little at the top.
    if (log) {
        const double span = std::log(hi / lo);
        const double low = lo * std::exp(-span * kBottomRoom / (1 - kBottomRoom - kTopRoom));
        const double high = hi * std::exp(span * kTopRoom / (1 - kBottomRoom - kTopRoom));
        static_cast<QLogValueAxis*>(yAxis_)->setRange(low, high);
    } else {
        const double span = std::max(hi - lo, 0.25);
        const double low = std::max(0.0, lo - span * kBottomRoom / (1 - kBottomRoom - kTopRoom));
        const double high = hi + span * kTopRoom / (1 - kBottomRoom - kTopRoom);
        auto* axis = static_cast<QValueAxis*>(yAxis_);
        axis->setRange(low, high);
        const double raw = (high - low) / 6;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        const double step = raw / magnitude < 2 ? 2 * magnitude : (raw / magnitude < 5 ? 5 * magnitude : 10 * magnitude);
        axis->setTickAnchor(0);
        axis->setTickInterval(step / 2 >= raw ? step / 2 : step);
    }
}

void TrajectoryChart::setSelectedIds(const QList<qint64>& ids) {
    selected_ = QSet<qint64>(ids.begin(), ids.end());
    updateSelection();
}

void TrajectoryChart::updateSelection() {
    QList<QPointF> passed, failed;
    for (qint64 id : std::as_const(selected_)) {
        const int index = data_.indexOf(id);
        if (index < 0) continue;
        (data_.points()[static_cast<std::size_t>(index)].passed() ? passed : failed).append(plotPoint(index));
    }
    selectedPassed_->replace(passed);
    selectedFailed_->replace(failed);
}

QPointF TrajectoryChart::nodePosition(qint64 id) const {
    flushAppends();
    const int index = data_.indexOf(id);
    if (index < 0) return {};
    const auto& p = data_.points()[static_cast<std::size_t>(index)];
    const QPointF at = plotPoint(index);
    QAbstractSeries* series = p.passed() ? static_cast<QAbstractSeries*>(passed_) : failureSeries(p.status);
    return mapFromScene(chart()->mapToScene(chart()->mapToPosition(at, series)));
}

void TrajectoryChart::pointEvent(const QPointF& point, bool click) {
    const int index = static_cast<int>(std::lround(point.x())) - 1;
    if (index < 0 || index >= pointCount()) return;
    const auto& p = data_.points()[static_cast<std::size_t>(index)];
    if (click) {
        emit nodeClicked(p.id);
        return;
    }
    const QString verdict = p.passed() ? formatRatio(p.fitness) : statusText(p.status);
    QToolTip::showText(QCursor::pos(), tr("Node %1, evaluation %2: %3").arg(p.id).arg(index + 1).arg(verdict), this);
}

void TrajectoryChart::applyStyle() {
    const QPalette pal = palette();
    applyChartTheme(chart(), pal);
    styleAxis(xAxis_, pal);
    if (yAxis_) styleAxis(yAxis_, pal);

    QColor dot = candidateColor(0, pal);
    dot.setAlpha(200);
    passed_->setColor(dot);
    passed_->setBorderColor(Qt::transparent);
    // A light marker is painted, not one QGraphicsItem per point: what keeps
    // 10,000 points and their live appends fast.
    passed_->setLightMarker(dotMarker(dot, 14));
    best_->setPen(QPen(bestLineColor(pal), 2.5));
    QPen dashed(baselineColor(pal), 1.5, Qt::DashLine);
    baseline_->setPen(dashed);
    const QColor ring = pal.color(QPalette::Highlight);
    for (auto* s : {selectedPassed_, selectedFailed_}) {
        s->setMarkerSize(18);
        s->setColor(ring);
        s->setLightMarker(ringMarker(ring, 36));
    }
    for (auto& [status, s] : failures_) {
        s->setColor(failureColor(status));
        s->setLightMarker(crossMarker(failureColor(status), 20));
    }
}

void TrajectoryChart::setSpeedupBasis(kforge::SpeedupBasis basis) {
    if (basis == basis_) return;
    basis_ = basis;
    retranslateUi();
}

// Short: the axis is about 110 px tall at the default window size, and the
// legend's dashed line already says what 1× is (the best PyTorch baseline or
// the task's baseline).
QString TrajectoryChart::yAxisTitle() const {
    return tr("Speedup (×)");
}

void TrajectoryChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyStyle();
    if (event->type() == QEvent::LanguageChange) retranslateUi();
}

void TrajectoryChart::retranslateUi() {
    chart()->setTitle(tr("Speedup by evaluation"));
    xAxis_->setTitleText(tr("Evaluation"));
    if (yAxis_) yAxis_->setTitleText(yAxisTitle());
    passed_->setName(tr("Passed"));
    best_->setName(tr("Best so far"));
    baseline_->setName(basis_ == kforge::SpeedupBasis::Best ? tr("Best PyTorch (1×)") : tr("Baseline (1×)"));
    for (auto& [status, s] : failures_) s->setName(statusText(status));
}

}  // namespace kforge::ui
