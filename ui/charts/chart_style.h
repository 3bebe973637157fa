#pragma once
// How the latency charts look: one place that follows the application's
// palette (light or dark), picks the colours of candidates, baseline and
// failures, and formats latencies, so the three charts agree with each other
// and with the tree and table (failures use the table's status colours).
#include <QColor>
#include <QImage>
#include <QPalette>
#include <QString>

#include "runner/protocol.h"

QT_BEGIN_NAMESPACE
class QChart;
class QAbstractAxis;
QT_END_NAMESPACE

namespace kforge::ui {

bool isDarkPalette(const QPalette& palette);
// Light or dark chart theme after the palette, no animations (live updates
// must not queue animations), legend at the bottom where it covers no data.
// setTheme() recolours every series, so callers recolour theirs afterwards.
void applyChartTheme(QChart* chart, const QPalette& palette);
// Grid lines quieter than the theme's, labels in the palette's text colour.
void styleAxis(QAbstractAxis* axis, const QPalette& palette);

// The n-th selected candidate (colour-blind safe, distinct on light and dark).
QColor candidateColor(int index, const QPalette& palette);
QColor baselineColor(const QPalette& palette);
QColor bestLineColor(const QPalette& palette);
QColor failureColor(kforge::Status status);
// An "x" in `color` on a transparent square: the marker of a failed candidate.
QImage crossMarker(const QColor& color, int size);
// A filled disc: the marker of a passed candidate.
QImage dotMarker(const QColor& color, int size);
// A hollow ring: the marker that highlights the selected candidates.
QImage ringMarker(const QColor& color, int size);

// "850 ns", "12.3 µs", "4.56 ms", "1.20 s".
QString formatLatency(double ms);
// "1.84×"
QString formatRatio(double ratio);

}  // namespace kforge::ui
