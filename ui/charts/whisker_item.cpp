#include "ui/charts/whisker_item.h"

#include <QChart>
#include <QPainter>

namespace kforge::ui {

WhiskerItem::WhiskerItem(QChart* chart, QAbstractSeries* series) : QGraphicsItem(chart), chart_(chart), series_(series) {
    setZValue(20);  // over the bars, under the legend's tooltips
    QObject::connect(chart, &QChart::plotAreaChanged, chart, [this](const QRectF&) {
        prepareGeometryChange();
        update();
    });
}

void WhiskerItem::setWhiskers(std::vector<Whisker> whiskers) {
    whiskers_ = std::move(whiskers);
    update();
}

QRectF WhiskerItem::boundingRect() const {
    return chart_->plotArea();
}

void WhiskerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const QRectF area = chart_->plotArea();
    painter->save();
    painter->setClipRect(area);
    painter->setRenderHint(QPainter::Antialiasing);
    for (const auto& w : whiskers_) {
        const QPointF top = chart_->mapToPosition(QPointF(w.x, w.high), series_);
        const QPointF bottom = chart_->mapToPosition(QPointF(w.x, w.low), series_);
        const double half = std::abs(chart_->mapToPosition(QPointF(w.x + w.capWidth, w.high), series_).x() - top.x());
        painter->setPen(QPen(w.color, 1.6));
        painter->drawLine(top, bottom);
        painter->drawLine(QPointF(top.x() - half, top.y()), QPointF(top.x() + half, top.y()));
        painter->drawLine(QPointF(bottom.x() - half, bottom.y()), QPointF(bottom.x() + half, bottom.y()));
    }
    painter->restore();
}

}  // namespace kforge::ui
