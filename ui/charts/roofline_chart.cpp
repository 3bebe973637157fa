#include "ui/charts/roofline_chart.h"

#include <QChart>
#include <QEvent>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

#include "ui/charts/chart_style.h"
#include "ui/charts/workload_timings.h"

namespace kforge::ui {

namespace {

double decadeBelow(double v) {
    return std::pow(10.0, std::floor(std::log10(v)));
}
double decadeAbove(double v) {
    return std::pow(10.0, std::ceil(std::log10(v)));
}

}  // namespace

RooflineChart::RooflineChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    xAxis_ = new QLogValueAxis;
    xAxis_->setBase(10);
    xAxis_->setMinorTickCount(8);
    xAxis_->setLabelFormat(QStringLiteral("%g"));
    yAxis_ = new QLogValueAxis;
    yAxis_->setBase(10);
    yAxis_->setMinorTickCount(8);
    yAxis_->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(xAxis_, Qt::AlignBottom);
    chart->addAxis(yAxis_, Qt::AlignLeft);
    memoryRoof_ = new QLineSeries;
    computeRoof_ = new QLineSeries;
    for (auto* s : {memoryRoof_, computeRoof_}) {
        chart->addSeries(s);
        s->attachAxis(xAxis_);
        s->attachAxis(yAxis_);
    }
    applyStyle();
    rebuild();
}

std::string RooflineChart::computeDtype(const nlohmann::json& definition, const kforge::DeviceFacts& facts) {
    std::string best = "float32";
    if (!definition.is_object()) return best;
    const auto& peaks = facts.peakTflops;
    auto peakOf = [&peaks](const std::string& dtype) {
        const auto it = peaks.find(dtype);
        return it == peaks.end() ? 0.0 : it->second;
    };
    double rate = peakOf("float32");
    const auto inputs = definition.value("inputs", nlohmann::json::object());
    for (const auto& [name, input] : inputs.items()) {
        if (!input.is_object()) continue;
        const std::string dtype = input.value("dtype", std::string());
        if (peakOf(dtype) > rate) {
            rate = peakOf(dtype);
            best = dtype;
        }
    }
    return best;
}

void RooflineChart::setDeviceFacts(const kforge::DeviceFacts& facts, const std::string& dtype) {
    // A session without facts draws no roofs.
    bandwidthGbps_ = facts.copyBandwidthGbps;
    const auto& peaks = facts.peakTflops;
    std::string key = dtype.empty() ? "float32" : dtype;
    if (!peaks.count(key)) key = "float32";
    const auto it = peaks.find(key);
    peakTflops_ = it == peaks.end() ? 0.0 : it->second;
    dtype_ = peakTflops_ > 0 ? QString::fromStdString(key) : QString();
    rebuild();
}

void RooflineChart::setNodes(std::vector<kforge::Node> nodes) {
    nodes_ = std::move(nodes);
    rebuild();
}

int RooflineChart::pointCount() const {
    int n = 0;
    for (const auto& s : sets_) n += static_cast<int>(s.points.size());
    return n;
}

std::vector<QList<QPointF>> RooflineChart::points() const {
    std::vector<QList<QPointF>> out;
    for (const auto& s : sets_) out.push_back(s.points);
    return out;
}

void RooflineChart::rebuild() {
    QChart* c = chart();
    for (auto* s : scatter_) {
        c->removeSeries(s);
        delete s;
    }
    scatter_.clear();
    sets_.clear();

    const auto baseline = baselineTimings(nodes_);
    std::vector<std::pair<QString, std::vector<WorkloadTiming>>> sources;
    if (!baseline.empty()) sources.emplace_back(tr("Baseline"), baseline);
    for (const auto& n : nodes_) sources.emplace_back(nodeLabel(n), workloadTimings(n.evaluation));

    bool anyFlops = false;
    for (const auto& [name, timings] : sources)
        for (const auto& w : timings) anyFlops = anyFlops || (w.flops > 0 && w.bytes > 0);
    mode_ = anyFlops ? Mode::Compute : Mode::Bandwidth;

    for (std::size_t i = 0; i < sources.size(); ++i) {
        const bool isBaseline = !baseline.empty() && i == 0;
        PointSet set{sources[i].first, {}, {}};
        for (const auto& w : sources[i].second) {
            const auto& stats = isBaseline ? w.baseline : w.timing;
            if (!stats || w.bytes <= 0) continue;
            const double seconds = stats->medianMs * 1e-3;
            if (mode_ == Mode::Compute) {
                if (w.flops <= 0) continue;
                set.points.append({w.flops / w.bytes, w.flops / seconds / 1e12});
            } else {
                set.points.append({w.bytes / 1e6, w.bytes / seconds / 1e9});
            }
            set.labels << tr("%1 — %2: %3").arg(set.name, w.label, formatLatency(stats->medianMs));
        }
        sets_.push_back(std::move(set));
    }

    // Ranges over the points and the roofs, in whole decades.
    double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
    auto include = [](double& lo, double& hi, double v) {
        if (!(v > 0)) return;
        lo = lo == 0 ? v : std::min(lo, v);
        hi = std::max(hi, v);
    };
    for (const auto& s : sets_)
        for (const auto& p : s.points) {
            include(xlo, xhi, p.x());
            include(ylo, yhi, p.y());
        }
    const double ridge = bandwidthGbps_ > 0 && peakTflops_ > 0 ? peakTflops_ * 1e3 / bandwidthGbps_ : 0;
    if (mode_ == Mode::Compute) {
        include(xlo, xhi, ridge);
        include(ylo, yhi, peakTflops_);
    } else {
        include(ylo, yhi, bandwidthGbps_);
    }
    if (xlo == 0) {
        xlo = mode_ == Mode::Compute ? 0.1 : 1;
        xhi = xlo * 1e3;
    }
    if (ylo == 0) {
        ylo = 0.1;
        yhi = 100;
    }
    xlo = decadeBelow(xlo / 2);
    xhi = decadeAbove(xhi * 2);
    ylo = decadeBelow(ylo / 2);
    yhi = decadeAbove(yhi * 1.5);
    xAxis_->setRange(xlo, xhi);
    yAxis_->setRange(ylo, yhi);

    const QLocale locale;
    memoryRoof_->clear();
    computeRoof_->clear();
    if (mode_ == Mode::Compute) {
        c->setTitle(tr("Roofline"));
        xAxis_->setTitleText(tr("Arithmetic intensity (FLOP/byte)"));
        yAxis_->setTitleText(tr("Achieved TFLOP/s"));
        if (bandwidthGbps_ > 0) {
            const double end = ridge > 0 ? std::min(ridge, xhi) : xhi;
            memoryRoof_->append(xlo, bandwidthGbps_ * xlo / 1e3);
            memoryRoof_->append(end, bandwidthGbps_ * end / 1e3);
        }
        if (peakTflops_ > 0) {
            computeRoof_->append(ridge > 0 ? std::max(ridge, xlo) : xlo, peakTflops_);
            computeRoof_->append(xhi, peakTflops_);
        }
    } else {
        c->setTitle(tr("Achieved bandwidth (the task does no arithmetic)"));
        xAxis_->setTitleText(tr("Bytes moved per call (MB)"));
        yAxis_->setTitleText(tr("Achieved GB/s"));
        if (bandwidthGbps_ > 0) {
            memoryRoof_->append(xlo, bandwidthGbps_);
            memoryRoof_->append(xhi, bandwidthGbps_);
        }
    }
    memoryRoof_->setName(tr("Memory roof: %1 GB/s copy").arg(locale.toString(bandwidthGbps_, 'f', 0)));
    computeRoof_->setName(tr("Compute roof: %1 TFLOP/s %2").arg(locale.toString(peakTflops_, 'f', peakTflops_ < 10 ? 2 : 0), dtype_));
    memoryRoof_->setVisible(memoryRoof_->count() > 0);
    computeRoof_->setVisible(computeRoof_->count() > 0);

    for (std::size_t i = 0; i < sets_.size(); ++i) {
        const bool isBaseline = !baseline.empty() && i == 0;
        auto* s = new QScatterSeries;
        s->setName(sets_[i].name);
        s->setMarkerShape(isBaseline ? QScatterSeries::MarkerShapeRectangle : QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(isBaseline ? 9 : 10);
        const QColor color = isBaseline ? baselineColor(palette()) : candidateColor(static_cast<int>(i) - (baseline.empty() ? 0 : 1), palette());
        s->setColor(color);
        s->setBorderColor(color.darker(130));
        s->replace(sets_[i].points);
        c->addSeries(s);
        s->attachAxis(xAxis_);
        s->attachAxis(yAxis_);
        const std::size_t index = i;
        connect(s, &QScatterSeries::hovered, this, [this, index](const QPointF& point, bool on) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            const auto& set = sets_[index];
            qsizetype nearest = -1;
            double distance = 0;
            for (qsizetype k = 0; k < set.points.size(); ++k) {
                const double d = std::abs(std::log(set.points[k].x() / point.x())) + std::abs(std::log(set.points[k].y() / point.y()));
                if (nearest < 0 || d < distance) {
                    nearest = k;
                    distance = d;
                }
            }
            if (nearest >= 0) QToolTip::showText(QCursor::pos(), set.labels[nearest], this);
        });
        scatter_.push_back(s);
    }
}

void RooflineChart::applyStyle() {
    const QPalette pal = palette();
    applyChartTheme(chart(), pal);
    styleAxis(xAxis_, pal);
    styleAxis(yAxis_, pal);
    const QColor roof = pal.color(QPalette::Text);
    memoryRoof_->setPen(QPen(roof, 2.2));
    QPen compute(roof, 2.2);
    compute.setColor(isDarkPalette(pal) ? QColor(0xff, 0x9e, 0x5e) : QColor(0xb3, 0x45, 0x00));
    computeRoof_->setPen(compute);
}

void RooflineChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyStyle();
        rebuild();
    } else if (event->type() == QEvent::LanguageChange) {
        rebuild();  // titles and series names are set there
    }
}

}  // namespace kforge::ui
