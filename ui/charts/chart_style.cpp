#include "ui/charts/chart_style.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCoreApplication>
#include <QLegend>
#include <QLocale>
#include <QPainter>
#include <QPen>

#include <array>

#include "model/node.h"
#include "ui/session/node_status.h"

namespace kforge::ui {

namespace {
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

void applyChartTheme(QChart* chart, const QPalette& palette) {
    chart->setTheme(isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setPlotAreaBackgroundVisible(false);
    chart->setMargins(QMargins(6, 6, 6, 6));
    QFont title = chart->titleFont();
    title.setPointSizeF(title.pointSizeF() * 1.15);
    title.setBold(true);
    chart->setTitleFont(title);
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
}

void styleAxis(QAbstractAxis* axis, const QPalette& palette) {
    const QColor text = palette.color(QPalette::Text);
    QColor grid = text;
    grid.setAlpha(isDarkPalette(palette) ? 45 : 35);
    QColor minor = grid;
    minor.setAlpha(grid.alpha() / 2);
    axis->setLabelsColor(text);
    axis->setTitleBrush(text);
    axis->setGridLineColor(grid);
    axis->setMinorGridLineColor(minor);
    QColor line = text;
    line.setAlpha(120);
    axis->setLinePenColor(line);
}

QColor candidateColor(int index, const QPalette& palette) {
    // Okabe and Ito's colour-blind safe set, without its black and yellow,
    // which vanish on one of the two backgrounds.
    static const std::array<QColor, 6> light{QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                                             QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00)};
    const QColor c = light[static_cast<std::size_t>(index) % light.size()];
    return isDarkPalette(palette) ? c.lighter(125) : c;
}

QColor baselineColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0xa0, 0xa0, 0xa0) : QColor(0x70, 0x70, 0x70);
}

QColor bestLineColor(const QPalette& palette) {
    return isDarkPalette(palette) ? QColor(0x4d, 0xd0, 0x8a) : QColor(0x1b, 0x8a, 0x4a);
}

QColor failureColor(kforge::Status status) {
    return nodeStatusColor(kforge::NodeState::Done, status);
}

QImage crossMarker(const QColor& color, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, std::max(1.5, size / 5.0), Qt::SolidLine, Qt::RoundCap));
    const double m = size * 0.2, e = size - m;
    p.drawLine(QPointF(m, m), QPointF(e, e));
    p.drawLine(QPointF(m, e), QPointF(e, m));
    return image;
}

QImage dotMarker(const QColor& color, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, size - 2, size - 2));
    return image;
}

QImage ringMarker(const QColor& color, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double w = std::max(2.0, size / 7.0);
    p.setPen(QPen(color, w));
    p.drawEllipse(QRectF(w, w, size - 2 * w, size - 2 * w));
    return image;
}

QString formatLatency(double ms) {
    const QLocale locale;
    auto number = [&](double v) { return locale.toString(v, 'f', v < 10 ? 2 : (v < 100 ? 1 : 0)); };
    if (ms < 1e-3) return QCoreApplication::translate("kforge::ui::Charts", "%1 ns").arg(number(ms * 1e6));
    if (ms < 1) return QCoreApplication::translate("kforge::ui::Charts", "%1 µs").arg(number(ms * 1e3));
    if (ms < 1e3) return QCoreApplication::translate("kforge::ui::Charts", "%1 ms").arg(number(ms));
    return QCoreApplication::translate("kforge::ui::Charts", "%1 s").arg(number(ms / 1e3));
}

QString formatRatio(double ratio) {
    return QCoreApplication::translate("kforge::ui::Charts", "%1×").arg(QLocale().toString(ratio, 'f', ratio < 10 ? 2 : 1));
}

}  // namespace kforge::ui
