#pragma once
// Saving a chart as the engineer sees it: PNG (at twice the widget's size by
// default, sharp on slides) or SVG (vector, for papers), chosen by the
// file's suffix. Rendering needs the widget, so it runs on the UI thread;
// writing the bytes is separate so callers can do it off the UI thread.
#include <QByteArray>
#include <QString>

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace kforge::ui {

enum class ChartFormat { Png, Svg };

// Png or Svg from the suffix (case-insensitive); false when neither.
bool chartFormatFromPath(const QString& path, ChartFormat* format);
// The filters of a save dialog: "PNG image (*.png);;SVG drawing (*.svg)".
QString chartFileFilters();

// The chart's image in `format` (UI thread only); empty on failure.
QByteArray renderChart(QChartView* view, ChartFormat format, double scale = 2.0);
// Writes `bytes` to `path` atomically (QSaveFile); safe on any thread.
bool writeChartFile(const QString& path, const QByteArray& bytes, QString* error = nullptr);
// Both at once, for tests and scripts; false with the reason in `error`.
bool saveChart(QChartView* view, const QString& path, QString* error = nullptr, double scale = 2.0);

}  // namespace kforge::ui
