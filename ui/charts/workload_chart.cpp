#include "ui/charts/workload_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ui/charts/chart_style.h"
#include "ui/charts/whisker_item.h"

namespace kforge::ui {

namespace {
constexpr double kBarWidth = 0.75;  // of a category, shared by its bars
}

WorkloadChart::WorkloadChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    chart->setTitle(tr("Latency per workload"));
    series_ = new QBarSeries;
    series_->setBarWidth(kBarWidth);
    chart->addSeries(series_);
    xAxis_ = new QBarCategoryAxis;
    xAxis_->setTitleText(tr("Workload"));
    chart->addAxis(xAxis_, Qt::AlignBottom);
    series_->attachAxis(xAxis_);
    whiskers_ = new WhiskerItem(chart, series_);
    connect(series_, &QBarSeries::hovered, this, &WorkloadChart::showTooltip);
    applyStyle();
    rebuild();
}

WorkloadChart::~WorkloadChart() = default;

void WorkloadChart::setNodes(std::vector<kforge::Node> nodes) {
    nodes_ = std::move(nodes);
    rebuild();
}

void WorkloadChart::setScale(Scale scale) {
    if (scale == scale_) return;
    scale_ = scale;
    rebuild();
}

int WorkloadChart::setCount() const {
    return static_cast<int>(bars_.size());
}

int WorkloadChart::barCount() const {
    int n = 0;
    for (const auto& b : bars_)
        n += static_cast<int>(std::count_if(b.stats.begin(), b.stats.end(), [](const auto& s) { return s.has_value(); }));
    return n;
}

double WorkloadChart::barValue(int set, int workload) const {
    if (set < 0 || set >= series_->count() || workload < 0 || workload >= series_->barSets()[set]->count()) return 0;
    if (!bars_[static_cast<std::size_t>(set)].stats[static_cast<std::size_t>(workload)]) return 0;
    return series_->barSets()[set]->at(workload);
}

void WorkloadChart::rebuild() {
    // The workloads: the baseline's order when known, else the first node's.
    const auto baseline = baselineTimings(nodes_);
    hasBaseline_ = !baseline.empty();
    std::vector<WorkloadTiming> order = baseline;
    for (const auto& n : nodes_) {
        if (!order.empty()) break;
        order = workloadTimings(n.evaluation);
    }
    labels_.clear();
    std::vector<std::string> uuids;
    for (const auto& w : order) {
        labels_ << w.label;
        uuids.push_back(w.uuid);
    }

    bars_.clear();
    if (hasBaseline_) {
        BarData b{tr("Baseline"), {}};
        for (const auto& w : baseline) b.stats.push_back(w.baseline);
        bars_.push_back(std::move(b));
        // What the engineer would otherwise run, beside the native baseline.
        for (const char* name : {"eager", "compile", "vendor"}) {
            BarData t{torchBaselineLabel(name), {}};
            bool any = false;
            for (const auto& w : baseline) {
                const auto it = w.torch.find(name);
                t.stats.push_back(it == w.torch.end() ? std::nullopt : std::optional<LatencyStats>(it->second));
                any = any || it != w.torch.end();
            }
            if (any) bars_.push_back(std::move(t));
        }
    }
    referenceSets_ = bars_.size();
    for (const auto& n : nodes_) {
        BarData b{nodeLabel(n), std::vector<std::optional<LatencyStats>>(uuids.size())};
        for (const auto& w : workloadTimings(n.evaluation)) {
            const auto at = std::find(uuids.begin(), uuids.end(), w.uuid);
            if (at != uuids.end()) b.stats[static_cast<std::size_t>(at - uuids.begin())] = w.timing;
        }
        bars_.push_back(std::move(b));
    }

    const bool relative = scale_ == Scale::RelativeToBaseline && hasBaseline_;
    auto scaled = [&](std::size_t workload, double ms) {
        return relative ? ms / bars_.front().stats[workload]->medianMs : ms;
    };

    // The values first, then the axis, then the bars: a bar at zero under a
    // log axis would be reported as an error, so none is ever appended.
    std::vector<std::vector<double>> values(bars_.size(), std::vector<double>(uuids.size(), 0.0));
    std::vector<Whisker> whiskers;
    double lo = 0, hi = 0;
    const double setWidth = kBarWidth / static_cast<double>(std::max<std::size_t>(1, bars_.size()));
    for (std::size_t s = 0; s < bars_.size(); ++s) {
        for (std::size_t w = 0; w < uuids.size(); ++w) {
            const auto& st = bars_[s].stats[w];
            if (!st) continue;
            const double median = scaled(w, st->medianMs), p20 = scaled(w, st->p20Ms), p80 = scaled(w, st->p80Ms);
            values[s][w] = median;
            lo = lo == 0 ? std::min(p20, median) : std::min({lo, p20, median});
            hi = std::max({hi, p80, median});
            const double centre = static_cast<double>(w) - kBarWidth / 2 + (static_cast<double>(s) + 0.5) * setWidth;
            whiskers.push_back({centre, p20, p80, setWidth * 0.22, palette().color(QPalette::Text)});
        }
    }

    QChart* c = chart();
    if (yAxis_) {
        c->removeAxis(yAxis_);
        delete yAxis_;
        yAxis_ = nullptr;
    }
    double floor = 0;  // where a missing bar sits
    if (relative) {
        auto* axis = new QValueAxis;
        axis->setRange(0, std::max(1.0, hi) * 1.12);
        axis->setLabelFormat(QStringLiteral("%.2f"));
        axis->setTitleText(tr("Latency relative to the baseline (×, lower is faster)"));
        axis->applyNiceNumbers();
        yAxis_ = axis;
    } else {
        auto* axis = new QLogValueAxis;
        // Whole decades in microseconds, so the ticks read 1, 10, 100 µs.
        const double loUs = lo > 0 ? lo * 1e3 : 1, hiUs = hi > 0 ? hi * 1e3 : 10;
        floor = std::pow(10.0, std::floor(std::log10(loUs * 0.7)));
        axis->setRange(floor, std::pow(10.0, std::ceil(std::log10(hiUs * 1.3))));
        axis->setBase(10);
        axis->setMinorTickCount(8);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setTitleText(tr("Latency (µs, log scale; median with p20–p80)"));
        yAxis_ = axis;
        // The data is in ms; the axis reads µs, which suits kernels better.
        for (auto& row : values)
            for (auto& v : row) v *= 1e3;
        for (auto& w : whiskers) {
            w.low *= 1e3;
            w.high *= 1e3;
        }
    }

    series_->clear();
    for (std::size_t s = 0; s < bars_.size(); ++s) {
        auto* set = new QBarSet(bars_[s].name);
        // The reference bars (native baseline, then PyTorch's) in shades of the
        // baseline's colour; candidates in their own colours after them.
        const int refs = static_cast<int>(referenceSets_);
        const QColor color = static_cast<int>(s) < refs ? baselineColor(palette()).darker(100 + 28 * static_cast<int>(s))
                                                        : candidateColor(static_cast<int>(s) - refs, palette());
        set->setColor(color);
        set->setBorderColor(color.darker(115));
        for (double v : values[s]) set->append(v > 0 ? v : floor);
        series_->append(set);
    }
    xAxis_->setCategories(labels_);
    // Rotate rather than elide when there are many: the axes values are what tell workloads apart.
    xAxis_->setLabelsAngle(labels_.size() > 4 ? -30 : 0);
    c->addAxis(yAxis_, Qt::AlignLeft);
    series_->attachAxis(yAxis_);
    styleAxis(yAxis_, palette());
    whiskers_->setWhiskers(std::move(whiskers));
    c->legend()->setVisible(!bars_.empty());
}

void WorkloadChart::showTooltip(bool on, int index, QBarSet* set) {
    if (!on) {
        QToolTip::hideText();
        return;
    }
    const int s = static_cast<int>(series_->barSets().indexOf(set));
    if (s < 0 || index < 0 || index >= labels_.size()) return;
    const auto& st = bars_[static_cast<std::size_t>(s)].stats[static_cast<std::size_t>(index)];
    if (!st) return;
    QToolTip::showText(QCursor::pos(),
                       tr("%1 on %2: median %3 (p20 %4, p80 %5)")
                           .arg(set->label(), labels_[index], formatLatency(st->medianMs), formatLatency(st->p20Ms),
                                formatLatency(st->p80Ms)),
                       this);
}

void WorkloadChart::applyStyle() {
    applyChartTheme(chart(), palette());
    styleAxis(xAxis_, palette());
    if (yAxis_) styleAxis(yAxis_, palette());
}

void WorkloadChart::changeEvent(QEvent* event) {
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyStyle();
        rebuild();  // the bar and whisker colours follow the palette
    } else if (event->type() == QEvent::LanguageChange) {
        chart()->setTitle(tr("Latency per workload"));
        xAxis_->setTitleText(tr("Workload"));
        rebuild();  // the baseline's name and the value axis's title
    }
}

}  // namespace kforge::ui
