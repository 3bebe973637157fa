#pragma once
// The p20–p80 whiskers over a chart's bars: Qt Charts has no error bars, so
// this item draws them in the chart's own coordinates (through
// QChart::mapToPosition) and is repainted whenever the plot area moves.
#include <QColor>
#include <QGraphicsItem>

#include <vector>

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
QT_END_NAMESPACE

namespace kforge::ui {

struct Whisker {
    double x = 0;  // in the series' x units (a bar's centre)
    double low = 0;
    double high = 0;
    double capWidth = 0.05;  // in x units
    QColor color;
};

class WhiskerItem : public QGraphicsItem {
public:
    WhiskerItem(QChart* chart, QAbstractSeries* series);
    void setWhiskers(std::vector<Whisker> whiskers);
    int count() const { return static_cast<int>(whiskers_.size()); }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart* chart_;
    QAbstractSeries* series_;
    std::vector<Whisker> whiskers_;
};

}  // namespace kforge::ui
