#include "ui/charts/chart_export.h"

#include <QBuffer>
#include <QChartView>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace kforge::ui {

bool chartFormatFromPath(const QString& path, ChartFormat* format) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png")) *format = ChartFormat::Png;
    else if (suffix == QLatin1String("svg")) *format = ChartFormat::Svg;
    else return false;
    return true;
}

QString chartFileFilters() {
    return QCoreApplication::translate("kforge::ui::ChartExport", "PNG image (*.png)") + QStringLiteral(";;") + QCoreApplication::translate("kforge::ui::ChartExport", "SVG drawing (*.svg)");
}

QByteArray renderChart(QChartView* view, ChartFormat format, double scale) {
    const QSize size = view->size().isEmpty() ? QSize(900, 560) : view->size();
    if (view->size().isEmpty()) view->resize(size);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == ChartFormat::Png) {
        // Rendered rather than grabbed, so a chart in a hidden tab saves too.
        const QSize pixels(static_cast<int>(std::lround(size.width() * scale)), static_cast<int>(std::lround(size.height() * scale)));
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(view->palette().color(QPalette::Base));
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            view->render(&painter, QRectF(QPointF(0, 0), size), view->rect());
        }
        if (!image.save(&buffer, "PNG")) return {};
        return bytes;
    }
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(view->chart() ? view->chart()->title() : QString());
    svg.setDescription(QCoreApplication::translate("kforge::ui::ChartExport", "A chart saved by KernelForge"));
    QPainter painter;
    if (!painter.begin(&svg)) return {};
    painter.setRenderHint(QPainter::Antialiasing);
    view->render(&painter, QRectF(QPointF(0, 0), size), view->rect());
    painter.end();
    return bytes;
}

bool writeChartFile(const QString& path, const QByteArray& bytes, QString* error) {
    QSaveFile file(path);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error) *error = QCoreApplication::translate("kforge::ui::ChartExport", "Could not write %1: %2").arg(QDir::toNativeSeparators(path), bytes.isEmpty() ? QCoreApplication::translate("kforge::ui::ChartExport", "nothing was drawn") : file.errorString());
        return false;
    }
    return true;
}

bool saveChart(QChartView* view, const QString& path, QString* error, double scale) {
    ChartFormat format;
    if (!chartFormatFromPath(path, &format)) {
        if (error) *error = QCoreApplication::translate("kforge::ui::ChartExport", "Choose a file name ending in .png or .svg.");
        return false;
    }
    return writeChartFile(path, renderChart(view, format, scale), error);
}

}  // namespace kforge::ui
