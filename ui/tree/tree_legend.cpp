#include "ui/tree/tree_legend.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

#include "ui/tree/tree_graph_data.h"

namespace kforge::ui {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(kforge::ui::TreeGraphView)
};

constexpr int kPadding = 10;
constexpr int kBarWidth = 168;
constexpr int kBarHeight = 10;
constexpr int kSwatch = 10;
constexpr int kColumns = 2;

constexpr std::array<VerdictKind, kVerdictKindCount> kOrder = {
    VerdictKind::Passed,        VerdictKind::Pending, VerdictKind::Incorrect, VerdictKind::CompileError,
    VerdictKind::RuntimeError,  VerdictKind::Fault,   VerdictKind::Timeout,   VerdictKind::Suspicious,
    VerdictKind::InvalidConfig, VerdictKind::NotRun,
};

std::array<int, kVerdictKindCount> countKinds(const TreeGraphData& data) {
    std::array<int, kVerdictKindCount> counts{};
    counts[static_cast<std::size_t>(VerdictKind::Pending)] = data.pendingCount();
    for (int s = 0; s <= static_cast<int>(Status::NotRun); ++s) {
        GraphNode probe;
        probe.pending = false;
        probe.status = static_cast<Status>(s);
        counts[static_cast<std::size_t>(verdictKind(probe))] += data.statusCount(probe.status);
    }
    return counts;
}

}  // namespace

TreeLegend::TreeLegend(const TreeGraphData& data, const SpeedupScale& scale, const QString& title, const QPalette& palette,
                       const QFont& font)
    : font_(font), titleFont_(font), palette_(palette), scale_(scale), title_(title) {
    font_.setPixelSize(11);
    titleFont_.setPixelSize(11);
    titleFont_.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font_);
    lineHeight_ = std::max(metrics.height(), kSwatch) + 4;
    const std::array<int, kVerdictKindCount> counts = countKinds(data);
    const QLocale locale;
    for (const VerdictKind kind : kOrder) {
        const int count = counts[static_cast<std::size_t>(kind)];
        if (count == 0 && kind != VerdictKind::Passed) continue;
        const QString text = Text::tr("%1  %2").arg(verdictKindName(kind), locale.toString(count));
        entries_.append({kind, text});
        columnWidth_ = std::max(columnWidth_, kSwatch + 6 + metrics.horizontalAdvance(text) + 14);
    }
    if (data.best() >= 0)
        bestText_ = Text::tr("Path to the best, %1").arg(formatSpeedup(data.node(data.best()).speedup));
    const int rows = (static_cast<int>(entries_.size()) + kColumns - 1) / kColumns;
    const int width = std::max({kBarWidth, kColumns * columnWidth_, metrics.horizontalAdvance(bestText_) + 30,
                                QFontMetrics(titleFont_).horizontalAdvance(title_)});
    const int height = QFontMetrics(titleFont_).height() + 4 + kBarHeight + 2 + metrics.height() + 8 +
                       rows * lineHeight_ + (bestText_.isEmpty() ? 0 : lineHeight_);
    size_ = QSize(width + 2 * kPadding, height + 2 * kPadding);
}

void TreeLegend::paint(QPainter& painter, const QPoint& topLeft) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF panel(topLeft, size_);
    QColor background = palette_.color(QPalette::Window);
    background.setAlphaF(0.92f);
    QColor border = palette_.color(QPalette::Text);
    border.setAlphaF(0.18f);
    painter.setPen(QPen(border, 1));
    painter.setBrush(background);
    painter.drawRoundedRect(panel.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);

    const QFontMetrics metrics(font_);
    int x = topLeft.x() + kPadding;
    int y = topLeft.y() + kPadding;
    painter.setFont(titleFont_);
    painter.setPen(palette_.color(QPalette::Text));
    const int titleHeight = QFontMetrics(titleFont_).height();
    painter.drawText(QRect(x, y, size_.width() - 2 * kPadding, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title_);
    y += titleHeight + 4;

    QLinearGradient gradient(x, 0, x + kBarWidth, 0);
    for (int i = 0; i <= 12; ++i) gradient.setColorAt(i / 12.0, scale_.colorAt(i / 12.0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(gradient);
    painter.drawRoundedRect(QRectF(x, y, kBarWidth, kBarHeight), 3, 3);
    y += kBarHeight + 2;

    // The ends of the range, and the baseline where it has room between them.
    painter.setFont(font_);
    painter.setPen(palette_.color(QPalette::PlaceholderText));
    const int tickHeight = metrics.height();
    const QString low = formatSpeedup(scale_.low());
    const QString high = formatSpeedup(scale_.high());
    const QString one = formatSpeedup(1.0);
    painter.drawText(QRect(x, y, kBarWidth, tickHeight), Qt::AlignLeft | Qt::AlignVCenter, low);
    painter.drawText(QRect(x, y, kBarWidth, tickHeight), Qt::AlignRight | Qt::AlignVCenter, high);
    const int oneX = x + static_cast<int>(std::lround(scale_.position(1.0) * kBarWidth));
    const int oneWidth = metrics.horizontalAdvance(one);
    if (oneX - oneWidth / 2 > x + metrics.horizontalAdvance(low) + 6 &&
        oneX + oneWidth / 2 < x + kBarWidth - metrics.horizontalAdvance(high) - 6) {
        painter.drawText(QRect(oneX - oneWidth, y, 2 * oneWidth, tickHeight), Qt::AlignCenter, one);
        painter.drawLine(oneX, y - 2 - kBarHeight, oneX, y - 2);
    }
    y += tickHeight + 8;

    for (int i = 0; i < entries_.size(); ++i) {
        const int ex = x + (i % kColumns) * columnWidth_;
        const int ey = y + (i / kColumns) * lineHeight_;
        const QRectF swatch(ex, ey + (lineHeight_ - kSwatch) / 2.0, kSwatch, kSwatch);
        const Entry& entry = entries_[i];
        if (entry.kind == VerdictKind::Passed) {
            QLinearGradient g(swatch.topLeft(), swatch.bottomRight());
            g.setColorAt(0, scale_.colorAt(0));
            g.setColorAt(1, scale_.colorAt(1));
            painter.setBrush(g);
            painter.setPen(Qt::NoPen);
        } else if (entry.kind == VerdictKind::Pending) {
            QColor dash = palette_.color(QPalette::Text);
            dash.setAlphaF(0.5f);
            painter.setBrush(palette_.color(QPalette::Base));
            painter.setPen(QPen(dash, 1, Qt::DashLine));
        } else {
            painter.setBrush(verdictColor(entry.kind));
            painter.setPen(Qt::NoPen);
        }
        painter.drawRoundedRect(swatch, 3, 3);
        painter.setPen(palette_.color(QPalette::Text));
        painter.drawText(QRect(ex + kSwatch + 6, ey, columnWidth_ - kSwatch - 6, lineHeight_),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
    y += static_cast<int>((entries_.size() + kColumns - 1) / kColumns) * lineHeight_;

    if (!bestText_.isEmpty()) {
        painter.setPen(QPen(bestAccent(), 3, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(QPointF(x + 1, y + lineHeight_ / 2.0), QPointF(x + 17, y + lineHeight_ / 2.0));
        painter.setPen(palette_.color(QPalette::Text));
        painter.drawText(QRect(x + 24, y, size_.width() - 2 * kPadding - 24, lineHeight_),
                         Qt::AlignLeft | Qt::AlignVCenter, bestText_);
    }
    painter.restore();
}

}  // namespace kforge::ui
