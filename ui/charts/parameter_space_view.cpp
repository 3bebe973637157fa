#include "ui/charts/parameter_space_view.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QEvent>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

#include "ui/charts/chart_style.h"
#include "ui/session/node_status.h"

namespace kforge::ui {

namespace {

constexpr int kRebuildMs = 100;     // live updates are drawn at most this often
constexpr double kHitDistance = 5;  // how near a line a click must be, in pixels
constexpr double kBarWidth = 110;
constexpr qint64 kSliceMs = 25;     // the longest the parallel lines keep the UI thread, between events

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

class ParameterSpaceView::Canvas : public QWidget {
public:
    explicit Canvas(ParameterSpaceView* view) : QWidget(view), view_(view) {
        setObjectName(QStringLiteral("parameterSpaceCanvas"));
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
        setMinimumSize(220, 140);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        view_->paintCanvas(painter);
    }
    void resizeEvent(QResizeEvent* event) override {
        view_->cache_ = QPixmap();
        QWidget::resizeEvent(event);
    }
    void mousePressEvent(QMouseEvent* event) override {
        if (event->button() == Qt::LeftButton)
            if (const qint64 id = view_->nodeAt(event->position())) emit view_->nodeClicked(id);
        QWidget::mousePressEvent(event);
    }
    bool event(QEvent* event) override {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            const int index = view_->data_.indexOf(view_->nodeAt(help->pos()));
            if (index >= 0) QToolTip::showText(help->globalPos(), view_->nodeText(static_cast<std::size_t>(index)), this);
            else QToolTip::hideText();
            return true;
        }
        return QWidget::event(event);
    }

private:
    ParameterSpaceView* view_;
};

ParameterSpaceView::ParameterSpaceView(QWidget* parent)
    : QWidget(parent),
      axesRow_(new QWidget),
      axesLayout_(new QHBoxLayout(axesRow_)),
      axesLabel_(new QLabel),
      canvas_(new Canvas(this)),
      summary_(new QLabel) {
    axesLayout_->setContentsMargins(6, 2, 6, 0);
    axesLayout_->addWidget(axesLabel_);
    axesLayout_->addStretch(1);
    axesRow_->hide();
    summary_->setObjectName(QStringLiteral("parameterSpaceSummary"));
    summary_->setWordWrap(true);
    summary_->setContentsMargins(6, 0, 6, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(axesRow_);
    layout->addWidget(canvas_, 1);
    layout->addWidget(summary_);

    rebuildTimer_.setSingleShot(true);
    rebuildTimer_.setInterval(kRebuildMs);
    connect(&rebuildTimer_, &QTimer::timeout, this, [this] { ensureBuilt(); });
    paintTimer_.setSingleShot(true);
    paintTimer_.setInterval(0);
    connect(&paintTimer_, &QTimer::timeout, this, [this] { canvas_->update(); });
    retranslateUi();
    rebuild();
}

void ParameterSpaceView::setTree(const kforge::SessionTree& tree) {
    candidates_.clear();
    for (const auto& n : tree.nodes()) candidates_.emplace(n.id, ParameterSpaceCandidate::of(n));
    markStale();
}

void ParameterSpaceView::updateNode(const kforge::Node& node) {
    auto candidate = ParameterSpaceCandidate::of(node);
    auto& slot = candidates_[node.id];
    if (slot == candidate) return;  // a node fetched in full for the details changes nothing here
    slot = std::move(candidate);
    markStale();
}

void ParameterSpaceView::clear() {
    candidates_.clear();
    selected_.clear();
    markStale();
}

void ParameterSpaceView::setSelectedIds(const QList<qint64>& ids) {
    selected_ = ids;
    canvas_->update();
}

void ParameterSpaceView::setSpeedupBasis(kforge::SpeedupBasis basis) {
    if (basis == basis_) return;
    basis_ = basis;
    cache_ = QPixmap();
    canvas_->update();
}

void ParameterSpaceView::setShownParameters(const QStringList& names) {
    ensureBuilt();
    chosen_.clear();
    for (const QString& n : names) chosen_.push_back(n.toStdString());
    rebuild();
}

QStringList ParameterSpaceView::shownParameters() const {
    ensureBuilt();
    QStringList out;
    for (const auto& n : data_.shown) out << qs(n);
    return out;
}

const ParameterSpaceData& ParameterSpaceView::data() const {
    ensureBuilt();
    return data_;
}

QWidget* ParameterSpaceView::canvas() const {
    return canvas_;
}

ParameterSpaceView::Kind ParameterSpaceView::kind() const {
    ensureBuilt();
    if (data_.points.empty()) return Kind::Placeholder;
    return data_.shown.size() <= 2 ? Kind::Heatmap : Kind::ParallelCoordinates;
}

void ParameterSpaceView::markStale() {
    stale_ = true;
    // A hidden tab is brought up to date when it is shown, so a session
    // opening or running behind another tab costs nothing here.
    if (isVisible() && !rebuildTimer_.isActive()) rebuildTimer_.start();
}

void ParameterSpaceView::showEvent(QShowEvent* event) {
    ensureBuilt();
    QWidget::showEvent(event);
}

void ParameterSpaceView::ensureBuilt() const {
    if (stale_) const_cast<ParameterSpaceView*>(this)->rebuild();
}

void ParameterSpaceView::rebuild() {
    stale_ = false;
    rebuildTimer_.stop();
    const auto previous = data_.parameters;
    data_ = ParameterSpaceData::build(candidates_, chosen_);
    if (data_.parameters != previous || data_.shown.empty()) {
        // Another set of parameters (another session, or an LLM rewrite the
        // tuner now varies): back to the default axes.
        chosen_.assign(data_.parameters.begin(),
                       data_.parameters.begin() + std::min<std::ptrdiff_t>(kMaxAxes, static_cast<std::ptrdiff_t>(data_.parameters.size())));
        data_ = ParameterSpaceData::build(candidates_, chosen_);
    }
    chosen_ = data_.shown;
    rebuildCombos();

    cells_.clear();
    drawOrder_.clear();
    const bool heatmap = data_.shown.size() <= 2;
    for (std::size_t i = 0; i < data_.points.size(); ++i) {
        drawOrder_.push_back(i);
        if (!heatmap) continue;
        const auto& p = data_.points[i];
        Cell& cell = cells_[{p.at[0], data_.shown.size() > 1 ? p.at[1] : 0}];
        const auto& shown = data_.points[cell.shown];
        if (cell.count++ == 0 || (p.passed() && (!shown.passed() || p.fitness > shown.fitness))) cell.shown = i;
    }
    std::stable_sort(drawOrder_.begin(), drawOrder_.end(), [this](std::size_t a, std::size_t b) {
        return data_.points[a].fitness < data_.points[b].fitness;  // failures have 0: underneath
    });
    scale_ = SpeedupScale(data_.minPassed > 0 ? data_.minPassed : 1, data_.maxPassed > 0 ? data_.maxPassed : 1);
    summary_->setText(summaryText());
    summary_->setVisible(!summary_->text().isEmpty());
    summary_->setToolTip(data_.leftOut > 0 ? tr("Hand edits and LLM rewrites often lack the tuner's parameters: such nodes have "
                                                "no place on these axes.")
                                           : QString());
    cache_ = QPixmap();
    canvas_->update();
}

void ParameterSpaceView::rebuildCombos() {
    const bool wanted = data_.parameters.size() > 2;
    axesRow_->setVisible(wanted);
    const std::size_t axisCount = wanted ? std::min<std::size_t>(kMaxAxes, data_.parameters.size()) : 0;
    while (combos_.size() > axisCount) {
        delete combos_.back();
        combos_.pop_back();
    }
    while (combos_.size() < axisCount) {
        auto* combo = new QComboBox;
        combo->setObjectName(QStringLiteral("parameterAxis%1").arg(combos_.size() + 1));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        axesLayout_->insertWidget(static_cast<int>(combos_.size()) + 1, combo);
        combo->show();  // the layout would show it only on the next pass of the event loop
        connect(combo, &QComboBox::currentIndexChanged, this, &ParameterSpaceView::combosChanged);
        combos_.push_back(combo);
    }
    for (std::size_t i = 0; i < combos_.size(); ++i) {
        QComboBox* combo = combos_[i];
        const QSignalBlocker block(combo);
        combo->clear();
        for (const auto& name : data_.parameters) combo->addItem(qs(name), qs(name));
        // The first axis is always there: a plot needs one.
        if (i > 0) combo->addItem(tr("(none)"), QString());
        combo->setCurrentIndex(i < data_.shown.size() ? combo->findData(qs(data_.shown[i])) : combo->count() - 1);
    }
}

void ParameterSpaceView::combosChanged() {
    QStringList names;
    for (QComboBox* combo : combos_)
        if (const QString name = combo->currentData().toString(); !name.isEmpty()) names << name;
    setShownParameters(names);
}

void ParameterSpaceView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        cache_ = QPixmap();
        canvas_->update();
    }
    QWidget::changeEvent(event);
}

void ParameterSpaceView::retranslateUi() {
    axesLabel_->setText(tr("Axes:"));
    axesLabel_->setToolTip(tr("The tuner's parameters to draw, one axis each; two make a heatmap"));
    for (QComboBox* combo : combos_)
        if (const int none = combo->findData(QString()); none >= 0) combo->setItemText(none, tr("(none)"));
    summary_->setText(summaryText());
    cache_ = QPixmap();
    canvas_->update();
}

QString ParameterSpaceView::placeholderText() const {
    ensureBuilt();
    if (!data_.points.empty()) return {};
    if (candidates_.empty()) return tr("No nodes yet. The tuner's configurations appear here as they are evaluated.");
    if (data_.parameters.empty())
        return tr("No tuned nodes in this session: this view places the configurations the tuner tried by their "
                  "@tune parameters. Start a session with the tuner among its generators.");
    return tr("No tuned node has been evaluated yet.");
}

QString ParameterSpaceView::summaryText() const {
    if (data_.points.empty() && data_.leftOut == 0) return {};
    QString text = tr("%n node(s) drawn", nullptr, static_cast<int>(data_.points.size()));
    text += tr(", %n failed (grey ×)", nullptr, data_.failed);
    if (data_.leftOut > 0)
        text += tr("; %n left out (no value for a parameter on the axes)", nullptr, data_.leftOut);
    return text;
}

QString ParameterSpaceView::axisCaption() const {
    return basis_ == kforge::SpeedupBasis::Best ? tr("Colour: speedup over the best PyTorch baseline (higher = lower latency)")
                                                : tr("Colour: speedup over the task's baseline (higher = lower latency)");
}

QString ParameterSpaceView::nodeText(std::size_t index) const {
    const auto& p = data_.points[index];
    QStringList values;
    for (std::size_t a = 0; a < data_.shown.size(); ++a)
        values << QStringLiteral("%1=%2").arg(qs(data_.shown[a]), qs(data_.values[a][static_cast<std::size_t>(p.at[a])]));
    QString text = tr("Node %1: %2, %3")
                       .arg(p.id)
                       .arg(values.join(QStringLiteral(", ")), p.passed() ? formatSpeedup(p.fitness) : statusText(p.status));
    if (data_.shown.size() <= 2) {
        const auto cell = cells_.find({p.at[0], data_.shown.size() > 1 ? p.at[1] : 0});
        if (cell != cells_.end() && cell->second.count > 1)
            text += QLatin1Char('\n') + tr("%n more node(s) with these values; the cell shows the fastest", nullptr, cell->second.count - 1);
    }
    return text;
}

ParameterSpaceView::Layout ParameterSpaceView::layout() const {
    Layout l;
    const QFontMetricsF fm(canvas_->font());
    const QRectF area = QRectF(canvas_->rect()).adjusted(8, 6, -10, -6);
    l.legend = QRectF(area.left(), area.top(), area.width(), 2 * fm.height() + 4);
    const double top = l.legend.bottom() + 8;
    if (data_.shown.empty() || data_.values.size() != data_.shown.size()) return l;
    if (data_.shown.size() <= 2) {
        double labels = 0;
        if (data_.shown.size() > 1)
            for (const auto& v : data_.values[1]) labels = std::max(labels, fm.horizontalAdvance(qs(v)));
        const double left = area.left() + (data_.shown.size() > 1 ? fm.height() + 6 + labels + 6 : 0);
        const double bottom = area.bottom() - 2 * fm.height() - 6;
        l.plot = QRectF(QPointF(left, top), QPointF(area.right(), bottom));
        return l;
    }
    double firstLabels = 0;
    for (const auto& v : data_.values[0]) firstLabels = std::max(firstLabels, fm.horizontalAdvance(qs(v)));
    const double nameHalf = fm.horizontalAdvance(qs(data_.shown.back())) / 2;
    const double left = area.left() + std::max(firstLabels + 8, fm.horizontalAdvance(qs(data_.shown.front())) / 2);
    const double right = area.right() - std::max(4.0, nameHalf);
    // Room above the plot for the axes' names and half of the top value's label.
    l.plot = QRectF(QPointF(left, top + 1.5 * fm.height() + 6), QPointF(right, area.bottom() - fm.height() / 2));
    const std::size_t n = data_.shown.size();
    for (std::size_t a = 0; a < n; ++a) l.axisX.push_back(left + (right - left) * static_cast<double>(a) / static_cast<double>(n - 1));
    return l;
}

QPointF ParameterSpaceView::pointAt(const Layout& l, std::size_t point, std::size_t axis) const {
    const auto n = data_.values[axis].size();
    const double at = data_.points[point].at[axis];
    const double y = n <= 1 ? l.plot.center().y() : l.plot.bottom() - l.plot.height() * at / static_cast<double>(n - 1);
    return {l.axisX[axis], y};
}

QRectF ParameterSpaceView::cellRect(const Layout& l, int x, int y) const {
    const double nx = static_cast<double>(data_.values[0].size());
    const double ny = data_.shown.size() > 1 ? static_cast<double>(data_.values[1].size()) : 1.0;
    const double w = l.plot.width() / nx;
    const double h = l.plot.height() / ny;
    // On whole pixels: the cells' edges and the selection's ring stay crisp.
    const double left = std::round(l.plot.left() + x * w);
    const double right = std::round(l.plot.left() + (x + 1) * w);
    const double top = std::round(l.plot.bottom() - (y + 1) * h);
    const double bottom = std::round(l.plot.bottom() - y * h);
    return {left, top, right - left, bottom - top};
}

QPointF ParameterSpaceView::nodePosition(qint64 id) const {
    ensureBuilt();
    const int index = data_.indexOf(id);
    if (index < 0) return {};
    const auto i = static_cast<std::size_t>(index);
    const Layout l = layout();
    const auto& p = data_.points[i];
    if (kind() == Kind::Heatmap) return cellRect(l, p.at[0], data_.shown.size() > 1 ? p.at[1] : 0).center();
    // A pixel of the node's line where a click selects this node (lines that cross it may be on top).
    for (std::size_t a = 0; a + 1 < data_.shown.size(); ++a)
        for (double t : {0.5, 0.3, 0.7, 0.15, 0.85}) {
            const QPointF at = QPointF((pointAt(l, i, a) * (1 - t) + pointAt(l, i, a + 1) * t).toPoint());
            if (nodeAt(at) == id) return at;
        }
    return (pointAt(l, i, 0) + pointAt(l, i, 1)) / 2;
}

qint64 ParameterSpaceView::nodeAt(const QPointF& pos) const {
    ensureBuilt();
    const Kind k = kind();
    if (k == Kind::Placeholder) return 0;
    const Layout l = layout();
    if (k == Kind::Heatmap) {
        if (!l.plot.contains(pos)) return 0;
        for (const auto& [xy, cell] : cells_)
            if (cellRect(l, xy.first, xy.second).contains(pos)) return data_.points[cell.shown].id;
        return 0;
    }
    qint64 found = 0;
    double nearest = kHitDistance;
    // In drawing order, ties to the later: the line on top wins.
    for (std::size_t i : drawOrder_)
        for (std::size_t a = 0; a + 1 < data_.shown.size(); ++a) {
            const double d = distanceToSegment(pos, pointAt(l, i, a), pointAt(l, i, a + 1));
            if (d <= nearest) {
                nearest = d;
                found = data_.points[i].id;
            }
        }
    return found;
}

void ParameterSpaceView::paintCross(QPainter& painter, const QPointF& c, double half) const {
    const QColor grey = isDarkPalette(palette()) ? QColor(170, 170, 170) : QColor(105, 105, 105);
    painter.setPen(QPen(grey, half > 4 ? 2.0 : 1.5, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(c + QPointF(-half, -half), c + QPointF(half, half));
    painter.drawLine(c + QPointF(-half, half), c + QPointF(half, -half));
}

void ParameterSpaceView::paintCanvas(QPainter& painter) const {
    if (kind() == Kind::Placeholder) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRectF(canvas_->rect()).adjusted(24, 12, -24, -12), Qt::AlignCenter | Qt::TextWordWrap, placeholderText());
        return;
    }
    const Layout l = layout();
    const qreal ratio = canvas_->devicePixelRatioF();
    const QSize pixels(static_cast<int>(std::ceil(canvas_->width() * ratio)), static_cast<int>(std::ceil(canvas_->height() * ratio)));
    if (cache_.size() != pixels) {
        cache_ = QPixmap(pixels);
        cache_.setDevicePixelRatio(ratio);
        cache_.fill(Qt::transparent);
        QPainter p(&cache_);
        p.setRenderHint(QPainter::Antialiasing);
        p.setFont(canvas_->font());
        paintLegend(p, l.legend);
        linesDrawn_ = 0;
        if (kind() == Kind::Heatmap) paintHeatmap(p, l);  // a cell per configuration: never many
        else paintParallelAxes(p, l);
    }
    if (!plotComplete()) paintMoreLines();
    painter.drawPixmap(0, 0, cache_);
    painter.setRenderHint(QPainter::Antialiasing);
    paintSelection(painter, l);
}

bool ParameterSpaceView::plotComplete() const {
    return !cache_.isNull() && (kind() != Kind::ParallelCoordinates || linesDrawn_ > drawOrder_.size());
}

void ParameterSpaceView::paintMoreLines() const {
    const Layout l = layout();
    QPainter p(&cache_);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(canvas_->font());
    QElapsedTimer timer;
    timer.start();
    while (linesDrawn_ < drawOrder_.size() && (linesDrawn_ % 64 != 0 || timer.elapsed() < kSliceMs))
        paintLine(p, l, drawOrder_[linesDrawn_++]);
    if (linesDrawn_ < drawOrder_.size()) {
        paintTimer_.start();
        return;
    }
    paintParallelLabels(p, l);
    linesDrawn_ = drawOrder_.size() + 1;
}

void ParameterSpaceView::paintLegend(QPainter& painter, const QRectF& area) const {
    const QFontMetricsF fm(painter.font());
    const QColor text = palette().color(QPalette::Text);
    painter.setPen(text);
    const QRectF caption(area.left(), area.top(), area.width(), fm.height());
    painter.drawText(caption, Qt::AlignLeft | Qt::AlignVCenter, fm.elidedText(axisCaption(), Qt::ElideRight, area.width()));

    double x = area.left();
    const double y = area.top() + fm.height() + 4;
    const auto word = [&](const QString& s) {
        painter.setPen(text);
        painter.drawText(QRectF(x, y, fm.horizontalAdvance(s) + 1, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, s);
        x += fm.horizontalAdvance(s) + 6;
    };
    word(tr("slower") + QLatin1Char(' ') + formatSpeedup(scale_.low()));
    QLinearGradient gradient(x, 0, x + kBarWidth, 0);
    for (int i = 0; i <= 8; ++i) gradient.setColorAt(i / 8.0, scale_.colorAt(i / 8.0));
    painter.fillRect(QRectF(x, y + 2, kBarWidth, fm.height() - 4), gradient);
    x += kBarWidth + 6;
    word(formatSpeedup(scale_.high()) + QLatin1Char(' ') + tr("faster"));
    x += 12;
    const double half = std::min(5.0, fm.height() / 3);
    paintCross(painter, QPointF(x + half, y + fm.height() / 2), half);
    x += 2 * half + 6;
    word(tr("failed (%1)").arg(data_.failed));
}

void ParameterSpaceView::paintHeatmap(QPainter& painter, const Layout& l) const {
    const QFontMetricsF fm(painter.font());
    const QColor text = palette().color(QPalette::Text);
    const bool twoAxes = data_.shown.size() > 1;
    const int nx = static_cast<int>(data_.values[0].size());
    const int ny = twoAxes ? static_cast<int>(data_.values[1].size()) : 1;

    // Configurations not tried yet: the space's holes, quieter than any colour.
    for (int x = 0; x < nx; ++x)
        for (int y = 0; y < ny; ++y) painter.fillRect(cellRect(l, x, y).adjusted(1, 1, -1, -1), palette().color(QPalette::AlternateBase));
    for (const auto& [xy, cell] : cells_) {
        const auto& p = data_.points[cell.shown];
        const QRectF r = cellRect(l, xy.first, xy.second).adjusted(1, 1, -1, -1);
        if (!p.passed()) {
            paintCross(painter, r.center(), std::min({r.width(), r.height()}) / 2 > 12 ? 7.0 : std::max(2.0, std::min(r.width(), r.height()) / 4));
            continue;
        }
        const QColor fill = scale_.color(p.fitness);
        painter.fillRect(r, fill);
        const QString label = formatSpeedup(p.fitness);
        if (fm.horizontalAdvance(label) + 4 <= r.width() && fm.height() <= r.height()) {
            painter.setPen(readableTextOn(fill));
            painter.drawText(r, Qt::AlignCenter, label);
        }
    }

    painter.setPen(text);
    const auto stepFor = [](double room, double needed) { return std::max(1, static_cast<int>(std::ceil(needed / std::max(room, 1.0)))); };
    double widest = 0;
    for (const auto& v : data_.values[0]) widest = std::max(widest, fm.horizontalAdvance(qs(v)));
    const double w = l.plot.width() / nx;
    for (int x = 0, step = stepFor(w, widest + 6); x < nx; x += step) {
        const QRectF r = cellRect(l, x, 0);
        painter.drawText(QRectF(r.center().x() - widest, l.plot.bottom() + 2, 2 * widest, fm.height()), Qt::AlignCenter,
                         qs(data_.values[0][static_cast<std::size_t>(x)]));
    }
    painter.drawText(QRectF(l.plot.left(), l.plot.bottom() + fm.height() + 4, l.plot.width(), fm.height()), Qt::AlignCenter,
                     qs(data_.shown[0]));
    if (!twoAxes) return;
    const double h = l.plot.height() / ny;
    for (int y = 0, step = stepFor(h, fm.height()); y < ny; y += step) {
        const QRectF r = cellRect(l, 0, y);
        painter.drawText(QRectF(l.plot.left() - 6 - 1000, r.center().y() - fm.height() / 2, 1000, fm.height()),
                         Qt::AlignRight | Qt::AlignVCenter, qs(data_.values[1][static_cast<std::size_t>(y)]));
    }
    painter.save();
    painter.translate(canvas_->rect().left() + 8 + fm.height() / 2, l.plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-l.plot.height() / 2, -fm.height() / 2, l.plot.height(), fm.height()), Qt::AlignCenter, qs(data_.shown[1]));
    painter.restore();
}

void ParameterSpaceView::paintParallelAxes(QPainter& painter, const Layout& l) const {
    QColor axisColor = palette().color(QPalette::Text);
    axisColor.setAlpha(110);
    painter.setPen(QPen(axisColor, 1));
    for (double x : l.axisX) painter.drawLine(QPointF(x, l.plot.top()), QPointF(x, l.plot.bottom()));
}

void ParameterSpaceView::paintLine(QPainter& painter, const Layout& l, std::size_t i) const {
    const std::size_t axes = data_.shown.size();
    const bool crowded = data_.points.size() > 500;
    const auto& p = data_.points[i];
    QPainterPath path(pointAt(l, i, 0));
    for (std::size_t a = 1; a < axes; ++a) path.lineTo(pointAt(l, i, a));
    painter.setBrush(Qt::NoBrush);
    if (p.passed()) {
        QColor c = scale_.color(p.fitness);
        c.setAlpha(crowded ? 120 : 230);
        painter.setPen(QPen(c, crowded ? 1.0 : 1.8));
        painter.drawPath(path);
        return;
    }
    QColor c = isDarkPalette(palette()) ? QColor(170, 170, 170) : QColor(105, 105, 105);
    c.setAlpha(crowded ? 60 : 130);
    painter.setPen(QPen(c, 1.0, Qt::DashLine));
    painter.drawPath(path);
    for (std::size_t a = 0; a < axes; ++a) paintCross(painter, pointAt(l, i, a), 3.0);
}

void ParameterSpaceView::paintParallelLabels(QPainter& painter, const Layout& l) const {
    const QFontMetricsF fm(painter.font());
    const QColor text = palette().color(QPalette::Text);
    const std::size_t axes = data_.shown.size();
    // Labels last, on a backing of the background, so lines never cross them.
    const QColor backing = palette().color(QPalette::Base);
    for (std::size_t a = 0; a < axes; ++a) {
        const double x = l.axisX[a];
        const QString name = qs(data_.shown[a]);
        const double nameWidth = fm.horizontalAdvance(name);
        painter.setPen(text);
        QFont bold = painter.font();
        bold.setBold(true);
        painter.save();
        painter.setFont(bold);
        painter.drawText(QRectF(x - nameWidth, l.plot.top() - 1.5 * fm.height() - 4, 2 * nameWidth, fm.height()), Qt::AlignCenter, name);
        painter.restore();
        const auto& vs = data_.values[a];
        const std::size_t n = vs.size();
        const double room = n > 1 ? l.plot.height() / static_cast<double>(n - 1) : l.plot.height();
        const std::size_t step = static_cast<std::size_t>(std::max(1.0, std::ceil(fm.height() / std::max(room, 1.0))));
        for (std::size_t v = 0; v < n; v += step) {
            const double y = n <= 1 ? l.plot.center().y() : l.plot.bottom() - l.plot.height() * static_cast<double>(v) / static_cast<double>(n - 1);
            const QString label = qs(vs[v]);
            const double width = fm.horizontalAdvance(label);
            // Clear of the selection's dots on the axis.
            const QRectF box(x - width - 8, y - fm.height() / 2, width + 2, fm.height());
            QColor b = backing;
            b.setAlpha(200);
            painter.fillRect(box, b);
            painter.setPen(text);
            painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, label);
            painter.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
        }
    }
}

void ParameterSpaceView::paintSelection(QPainter& painter, const Layout& l) const {
    const QColor ring = palette().color(QPalette::Highlight);
    const bool heatmap = kind() == Kind::Heatmap;
    for (qint64 id : selected_) {
        const int index = data_.indexOf(id);
        if (index < 0) continue;
        const auto i = static_cast<std::size_t>(index);
        const auto& p = data_.points[i];
        if (heatmap) {
            painter.setPen(QPen(ring, 4, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
            painter.setBrush(Qt::NoBrush);
            const QRectF cell = cellRect(l, p.at[0], data_.shown.size() > 1 ? p.at[1] : 0);
            painter.drawRect(cell.adjusted(2, 2, -2, -2));
            // A light line inside the ring: the highlight alone vanishes on the scale's dark blue.
            painter.setPen(QPen(palette().color(QPalette::HighlightedText), 1.5, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
            painter.drawRect(cell.adjusted(4.75, 4.75, -4.75, -4.75));
            continue;
        }
        QPainterPath path(pointAt(l, i, 0));
        for (std::size_t a = 1; a < data_.shown.size(); ++a) path.lineTo(pointAt(l, i, a));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(ring, 7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(path);
        painter.setPen(QPen(p.passed() ? scale_.color(p.fitness) : QColor(128, 128, 128), 2.5));
        painter.drawPath(path);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ring);
        for (std::size_t a = 0; a < data_.shown.size(); ++a) painter.drawEllipse(pointAt(l, i, a), 4.5, 4.5);
    }
}

}  // namespace kforge::ui
