#include "ui/tree/tree_graph_painter.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QHash>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QVector>
#include <algorithm>
#include <climits>
#include <cmath>

#include "ui/tree/tree_edge_label.h"
#include "ui/tree/tree_graph_data.h"
#include "ui/tree/tree_spatial_index.h"

namespace kforge::ui {

namespace {

inline std::size_t u(int i) {
    return static_cast<std::size_t>(i);
}

// Card text is laid out in 1:1 pixels and scaled with the card.
constexpr double kIdPixels = 11.5;
constexpr double kLabelPixels = 10.5;
constexpr double kEdgeLabelPixels = 9.5;
constexpr double kBadgePixels = 11;
constexpr double kEdgeLabelGap = 13;  // from the card's top to the label's centre, at 1:1
// Captions and edge labels keep this size however far out the view is: text
// that shrinks with the cards stops being text.
constexpr double kCaptionPixels = 10.5;
constexpr double kTextGap = 6;         // between two labels side by side, in pixels
constexpr double kCaptionSpace = 3;    // between a node and its caption
constexpr double kMinEdgeLabel = 36;   // narrower than this, an elided label says nothing
constexpr double kMaxEdgeLabel = 240;  // a lone edge's label is elided here all the same
constexpr double kNoNeighbour = 1e9;

// An edge label's scale: 1:1 below zoom 1, where it would otherwise shrink out of reading.
double edgeTextScale(double zoom) {
    return std::max(1.0, zoom);
}

// Text blended into the background, as an opaque colour: opaque lines are
// drawn without blending (several times faster when thousands are drawn), and
// where edges overlap they do not pile up into a black mass.
QColor mixed(const QColor& a, const QColor& b, double amount) {
    const auto mix = [amount](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * amount)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QColor edgeColor(const QPalette& palette) {
    return mixed(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.32);
}

// Far out, edges are thin and dense; lighter ones leave the dots readable.
QColor denseEdgeColor(const QPalette& palette) {
    return mixed(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.2);
}

QFont pixelFont(const QFont& base, double pixels, QFont::Weight weight) {
    QFont f = base;
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(pixels))));
    f.setWeight(weight);
    return f;
}

}  // namespace

TreeGraphPainter::Detail TreeGraphPainter::detailFor(double zoom) {
    if (zoom < kBlockZoom) return Detail::Dots;
    return zoom < kCardTextZoom ? Detail::Blocks : Detail::Cards;
}

double TreeGraphPainter::dotDiameter(const TreeViewGeometry& g) {
    return std::clamp(std::min(TreeViewGeometry::kColumn * g.sx * 0.7, TreeViewGeometry::kRow * g.sy * 0.4), 3.0, 9.0);
}

QSizeF TreeGraphPainter::halfExtent(const TreeViewGeometry& g) {
    if (detailFor(g.zoom) == Detail::Dots) {
        const double r = std::max(dotDiameter(g) / 2, 4.0);  // a target a hand can hit
        return {r, r};
    }
    return {g.cardWidth() / 2, g.cardHeight() / 2};
}

QRectF TreeGraphPainter::paintedRect(const TreeViewGeometry& g, const QPointF& c) {
    if (detailFor(g.zoom) == Detail::Dots) {
        const double r = dotDiameter(g) / 2 + 10;
        return {c.x() - r, c.y() - r, 2 * r, 2 * r};
    }
    // A caption or an edge label may be wider than the card: up to the room
    // between its neighbours, which a partial repaint cannot know; a full
    // label's width is the bound.
    const double w = std::max(g.cardWidth() / 2 + 12, kMaxEdgeLabel / 2 * edgeTextScale(g.zoom) + 12);
    const double top = g.cardHeight() / 2 + (kEdgeLabelGap + 8 + 2 * kEdgeLabelPixels) * edgeTextScale(g.zoom) + 12;
    const double bottom = g.cardHeight() / 2 + kCaptionSpace + 3 * kCaptionPixels + 12;
    return {c.x() - w, c.y() - top, 2 * w, top + bottom};
}

TreeGraphPainter::TreeGraphPainter(const TreeGraphScene& scene, const TreeViewGeometry& geometry,
                                   const SpeedupScale& scale, const QPalette& palette, const QFont& font)
    : scene_(scene),
      geometry_(geometry),
      scale_(scale),
      palette_(palette),
      detail_(detailFor(geometry.zoom)),
      idFont_(pixelFont(font, kIdPixels, QFont::DemiBold)),
      labelFont_(pixelFont(font, kLabelPixels, QFont::Normal)),
      edgeFont_(pixelFont(font, kEdgeLabelPixels, QFont::Normal)),
      badgeFont_(pixelFont(font, kBadgePixels, QFont::Bold)),
      captionFont_(pixelFont(font, kCaptionPixels, QFont::Normal)),
      captionMetrics_(captionFont_),
      idMetrics_(idFont_),
      labelMetrics_(labelFont_),
      edgeMetrics_(edgeFont_),
      idFormat_(QCoreApplication::translate("kforge::ui::TreeGraphView", "#%1")) {}

TreeGraphPainter::Visible TreeGraphPainter::visibleRange(const QRect& exposed) const {
    const double padX = std::max(geometry_.cardWidth() / 2, kMaxEdgeLabel / 2 * edgeTextScale(geometry_.zoom)) + 16;
    const double padY = geometry_.cardHeight() / 2 +
                        (kEdgeLabelGap + 8 + 2 * kEdgeLabelPixels) * edgeTextScale(geometry_.zoom) + kCaptionSpace +
                        3 * kCaptionPixels + 16;
    const QPointF a = geometry_.toScene(QPointF(exposed.left() - padX, exposed.top() - padY));
    const QPointF b = geometry_.toScene(QPointF(exposed.right() + 1 + padX, exposed.bottom() + 1 + padY));
    Visible v;
    v.xMin = a.x() / TreeViewGeometry::kColumn;
    v.xMax = b.x() / TreeViewGeometry::kColumn;
    v.firstRow = std::max(0, static_cast<int>(std::floor(a.y() / TreeViewGeometry::kRow)));
    v.lastRow = std::min(scene_.index.rowCount() - 1, static_cast<int>(std::ceil(b.y() / TreeViewGeometry::kRow)));
    return v;
}

QPointF TreeGraphPainter::center(int node) const {
    return geometry_.toViewport(scene_.positions[u(node)]);
}

QColor TreeGraphPainter::fillOf(int node) const {
    const GraphNode& n = scene_.data.node(node);
    const VerdictKind kind = verdictKind(n);
    if (kind == VerdictKind::Passed) return scale_.color(n.speedup);
    if (kind == VerdictKind::Pending) return palette_.color(QPalette::Base);
    return verdictColor(kind);
}

void TreeGraphPainter::paint(QPainter& painter, const QRect& exposed) const {
    if (scene_.data.empty() || scene_.positions.size() != static_cast<std::size_t>(scene_.data.size())) return;
    const Visible visible = visibleRange(exposed);
    if (visible.lastRow < visible.firstRow) return;
    painter.save();
    paintEdges(painter, visible);
    if (detail_ == Detail::Dots)
        paintDots(painter, visible);
    else
        paintCards(painter, visible, detail_ == Detail::Cards);
    planText(visible);
    paintCaptions(painter, visible);
    paintEdgeLabels(painter, visible);
    paintMarks(painter);
    painter.restore();
}

void TreeGraphPainter::paintEdges(QPainter& painter, const Visible& visible) const {
    const double halfHeight = detail_ == Detail::Dots ? 0 : geometry_.cardHeight() / 2;
    QVector<QLineF> lines;
    QVector<QLineF> bestLines;
    QPainterPath curves;
    QPainterPath bestCurves;
    QLine previous;
    const int lastChildRow = std::min(visible.lastRow + 1, scene_.index.rowCount() - 1);
    for (int depth = std::max(1, visible.firstRow); depth <= lastChildRow; ++depth) {
        const std::vector<int>& row = scene_.index.row(depth);
        const auto [first, last] = scene_.index.edgesBetween(depth, visible.xMin, visible.xMax);
        for (std::size_t k = first; k < last; ++k) {
            const int child = row[k];
            const int parent = scene_.data.node(child).parent;
            if (parent < 0) continue;
            const QPointF from = center(parent) + QPointF(0, halfHeight);
            const QPointF to = center(child) - QPointF(0, halfHeight);
            const bool best = scene_.data.onBestPath(child);
            if (detail_ == Detail::Cards) {
                QPainterPath& path = best ? bestCurves : curves;
                const double midY = (from.y() + to.y()) / 2;
                path.moveTo(from);
                path.cubicTo(QPointF(from.x(), midY), QPointF(to.x(), midY), to);
                continue;
            }
            // Far out, many edges land on the same pixels: draw each pixel line once.
            const QLine pixels = QLineF(from, to).toLine();
            if (!best && pixels == previous) continue;
            previous = pixels;
            (best ? bestLines : lines).append(QLineF(from, to));
        }
    }
    // One-pixel cosmetic pens take the raster engine's fast path for lines and curves alike.
    const double width = 1.0;
    const double bestWidth = detail_ == Detail::Cards ? std::max(2.0, 3.5 * geometry_.zoom) : 2.5;
    painter.setBrush(Qt::NoBrush);
    // Hairlines without antialiasing are several times faster, and at a far
    // zoom thousands of them are drawn; the few best-path edges stay smooth.
    painter.setRenderHint(QPainter::Antialiasing, detail_ != Detail::Dots || lines.size() < 2000);
    const QColor colour = detail_ == Detail::Dots ? denseEdgeColor(palette_) : edgeColor(palette_);
    QPen pen(colour, width, Qt::SolidLine, Qt::RoundCap);
    pen.setCosmetic(true);
    painter.setPen(pen);
    if (!lines.isEmpty()) painter.drawLines(lines);
    if (!curves.isEmpty()) painter.drawPath(curves);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(bestAccent(), bestWidth, Qt::SolidLine, Qt::RoundCap));
    if (!bestLines.isEmpty()) painter.drawLines(bestLines);
    if (!bestCurves.isEmpty()) painter.drawPath(bestCurves);
}

void TreeGraphPainter::paintDots(QPainter& painter, const Visible& visible) const {
    const double d = dotDiameter(geometry_);
    QHash<QRgb, QVector<QRectF>> byColour;
    QVector<QRectF> pending;  // hollow: not yet a verdict
    for (int depth = visible.firstRow; depth <= visible.lastRow; ++depth) {
        const std::vector<int>& row = scene_.index.row(depth);
        const auto [first, last] = scene_.index.nodesBetween(depth, visible.xMin, visible.xMax);
        int previousPixel = INT_MIN;
        for (std::size_t k = first; k < last; ++k) {
            const int node = row[k];
            const QPointF c = center(node);
            // Several nodes on one pixel column would cover each other's dots
            // anyway: the row's first one there stands for them.
            const int pixel = static_cast<int>(std::lround(c.x()));
            if (pixel == previousPixel) continue;
            previousPixel = pixel;
            const QRectF dot(c.x() - d / 2, c.y() - d / 2, d, d);
            if (scene_.data.node(node).pending)
                pending.append(dot);
            else
                byColour[fillOf(node).rgb()].append(dot);
        }
    }
    painter.setPen(Qt::NoPen);
    const bool round = d >= 4;
    painter.setRenderHint(QPainter::Antialiasing, round);
    for (auto it = byColour.cbegin(); it != byColour.cend(); ++it) {
        painter.setBrush(QColor::fromRgb(it.key()));
        if (round) {
            for (const QRectF& r : it.value()) painter.drawEllipse(r);
        } else {
            painter.drawRects(it.value());
        }
    }
    painter.setPen(QPen(mixed(palette_.color(QPalette::Base), palette_.color(QPalette::Text), 0.55), 1.2));
    painter.setBrush(palette_.color(QPalette::Base));
    for (const QRectF& r : pending) {
        if (round)
            painter.drawEllipse(r.adjusted(0.6, 0.6, -0.6, -0.6));
        else
            painter.drawRect(r);
    }
}

void TreeGraphPainter::paintCards(QPainter& painter, const Visible& visible, bool withText) const {
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (int depth = visible.firstRow; depth <= visible.lastRow; ++depth) {
        const std::vector<int>& row = scene_.index.row(depth);
        const auto [first, last] = scene_.index.nodesBetween(depth, visible.xMin, visible.xMax);
        for (std::size_t k = first; k < last; ++k) paintCard(painter, row[k], withText);
    }
}

void TreeGraphPainter::paintCard(QPainter& painter, int node, bool withText) const {
    const GraphNode& n = scene_.data.node(node);
    const QPointF c = center(node);
    const double w = geometry_.cardWidth();
    const double h = geometry_.cardHeight();
    const QRectF rect(c.x() - w / 2, c.y() - h / 2, w, h);
    const double radius = 7 * geometry_.zoom;
    const QColor fill = fillOf(node);
    if (n.pending) {
        QColor border = palette_.color(QPalette::Text);
        border.setAlphaF(0.45f);
        painter.setPen(QPen(border, std::max(1.0, 1.2 * geometry_.zoom), Qt::DashLine));
    } else {
        painter.setPen(QPen(fill.darker(135), std::max(0.8, geometry_.zoom)));
    }
    painter.setBrush(fill);
    painter.drawRoundedRect(rect, radius, radius);
    if (!withText) return;

    const QColor text = n.pending ? palette_.color(QPalette::PlaceholderText) : readableTextOn(fill);
    painter.save();
    painter.translate(c);
    painter.scale(geometry_.zoom, geometry_.zoom);
    // Two lines around the card's middle: the id above, the speedup or verdict below.
    const QString id = idFormat_.arg(n.id);
    painter.setPen(n.pending ? palette_.color(QPalette::Text) : text);
    painter.setFont(idFont_);
    painter.drawText(QPointF(-idMetrics_.horizontalAdvance(id) / 2, -1 - idMetrics_.descent()), id);
    const QString label =
        labelMetrics_.elidedText(verdictCardLabel(n), Qt::ElideRight, TreeViewGeometry::kCardWidth - 6);
    painter.setFont(labelFont_);
    painter.setPen(text);
    painter.drawText(QPointF(-labelMetrics_.horizontalAdvance(label) / 2, 2 + labelMetrics_.ascent()), label);
    painter.restore();
    const double z = geometry_.zoom;
    const double idWidth = idMetrics_.horizontalAdvance(id) * z;
    const double labelWidth = labelMetrics_.horizontalAdvance(label) * z;
    noteText(QRectF(c.x() - idWidth / 2, c.y() - (1 + idMetrics_.height()) * z, idWidth, idMetrics_.height() * z));
    noteText(QRectF(c.x() - labelWidth / 2, c.y() + 2 * z, labelWidth, labelMetrics_.height() * z));
}

void TreeGraphPainter::noteText(const QRectF& rect) const {
    if (scene_.drawnText) scene_.drawnText->push_back(rect);
}

double TreeGraphPainter::nodeHalfHeight() const {
    return detail_ == Detail::Dots ? dotDiameter(geometry_) / 2 : geometry_.cardHeight() / 2;
}

double TreeGraphPainter::captionBand(int lines) const {
    return lines == 0 ? 0 : kCaptionSpace + lines * captionMetrics_.height();
}

// From a child's top up to the top of its highest edge label.
double TreeGraphPainter::edgeBand(int lines) const {
    if (lines == 0) return 0;
    const double height = edgeMetrics_.height() + 2;
    return (kEdgeLabelGap + height / 2 + 1 + (lines - 1) * (height + 2)) * edgeTextScale(geometry_.zoom);
}

double TreeGraphPainter::roomInRow(const std::vector<int>& row, std::size_t k, int step) const {
    const double x = scene_.positions[u(row[k])].x;
    const auto s = static_cast<std::size_t>(step);
    double nearest = kNoNeighbour;
    if (k >= s) nearest = std::min(nearest, x - scene_.positions[u(row[k - s])].x);
    if (k + s < row.size()) nearest = std::min(nearest, scene_.positions[u(row[k + s])].x - x);
    if (nearest >= kNoNeighbour) return kNoNeighbour;
    return nearest * TreeViewGeometry::kColumn * geometry_.sx - kTextGap;
}

double TreeGraphPainter::narrowestRoom(const std::vector<int>& row, int step) const {
    double room = kNoNeighbour;
    for (std::size_t k = 0; k < row.size(); ++k) room = std::min(room, roomInRow(row, k, step));
    return room;
}

// The free height between one row's nodes and the next's is shared by the
// captions under the upper row and the edge labels over the lower one;
// captions, which say how a node did, come first. A second line is spent
// only on a row too crowded for one.
void TreeGraphPainter::planText(const Visible& visible) const {
    rowText_.assign(u(std::max(0, visible.lastRow + 1)), {});
    const double free = TreeViewGeometry::kRow * geometry_.sy - 2 * nodeHalfHeight() - kTextGap;
    const double captionNeed = captionMetrics_.horizontalAdvance(formatSpeedup(1.0));  // the shortest summary
    const double edgeNeed = (kMinEdgeLabel + 10) * edgeTextScale(geometry_.zoom);
    const auto lines = [&](const std::vector<int>& row, double need, double height, auto band) {
        if (band(1) > height) return 0;
        if (narrowestRoom(row, 1) >= need || band(2) > height) return 1;
        return 2;
    };
    for (int depth = std::max(0, visible.firstRow - 1); depth <= visible.lastRow; ++depth) {
        const std::vector<int>& row = scene_.index.row(depth);
        RowText& text = rowText_[u(depth)];
        if (detail_ != Detail::Cards)
            text.captionLines = lines(row, captionNeed, free, [this](int n) { return captionBand(n); });
        if (depth == 0) continue;
        const double left = free - captionBand(rowText_[u(depth - 1)].captionLines);
        text.edgeLines = lines(row, edgeNeed, left, [this](int n) { return edgeBand(n); });
    }
}

// Under each node, the most of "#12 1.84×" its row has room for: the id and
// the speedup or verdict, else the speedup or verdict alone, else nothing.
void TreeGraphPainter::paintCaptions(QPainter& painter, const Visible& visible) const {
    painter.setFont(captionFont_);
    painter.setPen(palette_.color(QPalette::Text));
    const double shortest = captionMetrics_.horizontalAdvance(formatSpeedup(1.0));
    for (int depth = visible.firstRow; depth <= visible.lastRow; ++depth) {
        const int lines = rowText_[u(depth)].captionLines;
        if (lines == 0) continue;
        const std::vector<int>& row = scene_.index.row(depth);
        const auto [first, last] = scene_.index.nodesBetween(depth, visible.xMin, visible.xMax);
        for (std::size_t k = first; k < last; ++k) {
            const double top =
                nodeHalfHeight() + kCaptionSpace + static_cast<double>(k % u(lines)) * captionMetrics_.height();
            const double room = roomInRow(row, k, lines);
            if (room < shortest) continue;
            const GraphNode& n = scene_.data.node(row[k]);
            const QString summary = verdictCardLabel(n);
            QString text = idFormat_.arg(n.id) + QLatin1Char(' ') + summary;
            double width = captionMetrics_.horizontalAdvance(text);
            if (width > room) {
                text = summary;
                width = captionMetrics_.horizontalAdvance(text);
                if (width > room) continue;
            }
            const QPointF c = center(row[k]);
            const QRectF rect(c.x() - width / 2, c.y() + top, width, captionMetrics_.height());
            // The edges to the node's children leave from right here; the text must not sit on lines.
            painter.fillRect(rect.adjusted(-2, 0, 2, 0), palette_.color(QPalette::Base));
            painter.drawText(QPointF(rect.left(), rect.top() + captionMetrics_.ascent()), text);
            noteText(rect);
        }
    }
}

void TreeGraphPainter::paintEdgeLabels(QPainter& painter, const Visible& visible) const {
    const QColor border = edgeColor(palette_);
    const QColor text = palette_.color(QPalette::PlaceholderText);
    const QColor base = palette_.color(QPalette::Base);
    const double scale = edgeTextScale(geometry_.zoom);
    const double height = edgeMetrics_.height() + 2;
    const double baseline = -kEdgeLabelGap + (edgeMetrics_.ascent() - edgeMetrics_.descent()) / 2;
    painter.setFont(edgeFont_);
    for (int depth = std::max(1, visible.firstRow); depth <= visible.lastRow; ++depth) {
        const int lines = rowText_[u(depth)].edgeLines;
        if (lines == 0) continue;
        const std::vector<int>& row = scene_.index.row(depth);
        const auto [first, last] = scene_.index.nodesBetween(depth, visible.xMin, visible.xMax);
        for (std::size_t k = first; k < last; ++k) {
            const int node = row[k];
            const GraphNode& n = scene_.data.node(node);
            if (n.parent < 0) continue;
            // In label units: the pill adds 10 around its text.
            const double room = std::min(roomInRow(row, k, lines) / scale, kMaxEdgeLabel) - 10;
            const double lift = static_cast<double>(k % u(lines)) * (height + 2);
            if (room < kMinEdgeLabel) continue;
            const QString full = edgeLabel(n, &scene_.data.node(n.parent));
            if (full.isEmpty()) continue;
            const QString label = edgeMetrics_.elidedText(full, Qt::ElideRight, room);
            const double textWidth = edgeMetrics_.horizontalAdvance(label);
            const double width = textWidth + 10;
            const QPointF c = center(node);
            const QPointF anchor(c.x(), c.y() - nodeHalfHeight());
            painter.save();
            painter.translate(anchor);
            painter.scale(scale, scale);
            const QRectF pill(-width / 2, -kEdgeLabelGap - lift - height / 2, width, height);
            painter.setPen(QPen(scene_.data.onBestPath(node) ? bestAccent() : border, 1));
            painter.setBrush(base);
            painter.drawRoundedRect(pill, height / 2, height / 2);
            painter.setPen(text);
            painter.drawText(QPointF(-textWidth / 2, baseline - lift), label);
            painter.restore();
            noteText(QRectF(anchor + pill.topLeft() * scale, pill.size() * scale));
        }
    }
}

QRectF TreeGraphPainter::markRect(int node, double inflate) const {
    const QPointF c = center(node);
    if (detail_ == Detail::Dots) {
        const double r = dotDiameter(geometry_) / 2 + inflate;
        return {c.x() - r, c.y() - r, 2 * r, 2 * r};
    }
    const double w = geometry_.cardWidth() / 2 + inflate;
    const double h = geometry_.cardHeight() / 2 + inflate;
    return {c.x() - w, c.y() - h, 2 * w, 2 * h};
}

// Rings for the best node, the selection, the current and the hovered node.
// They are few, so they are drawn last and never hidden under a neighbour.
void TreeGraphPainter::paintMarks(QPainter& painter) const {
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    const bool dots = detail_ == Detail::Dots;
    const double radius = dots ? 0 : 7 * geometry_.zoom;
    // Rings shrink with small cards, so they frame the card rather than bury it.
    const double ringScale = dots ? 1.0 : std::clamp(geometry_.zoom, 0.5, 1.0);
    const auto ring = [&](int node, double inflate, const QPen& pen) {
        inflate *= ringScale;
        const QRectF r = markRect(node, inflate);
        painter.setPen(pen);
        if (dots)
            painter.drawEllipse(r);
        else
            painter.drawRoundedRect(r, radius + inflate, radius + inflate);
    };
    if (scene_.hovered >= 0) {
        QColor c = palette_.color(QPalette::Highlight);
        c.setAlphaF(0.55f);
        ring(scene_.hovered, 2.5, QPen(c, 2));
    }
    const int best = scene_.data.best();
    if (best >= 0) {
        ring(best, dots ? 4 : 5.5, QPen(bestAccent(), 2.5));
        if (!dots) {
            // A star badge on the card's corner says "best" without relying on colour.
            const QRectF r = markRect(best, 0);
            const double s = std::max(9.0, 16 * geometry_.zoom);
            const QRectF badge(r.right() - s * 0.6, r.top() - s * 0.4, s, s);
            painter.setPen(QPen(palette_.color(QPalette::Base), 1.5));
            painter.setBrush(bestAccent());
            painter.drawEllipse(badge);
            painter.setPen(QColor(QRgb{0x1b1f24u}));
            // The star is scaled with the badge rather than set in a font of every size.
            painter.save();
            painter.translate(badge.center());
            painter.scale(s / 16, s / 16);
            painter.setFont(badgeFont_);
            painter.drawText(QRectF(-8, -8, 16, 16), Qt::AlignCenter, QStringLiteral("\u2605"));
            painter.restore();
            painter.setBrush(Qt::NoBrush);
        }
    }
    for (const int node : scene_.selection) ring(node, dots ? 2 : 2.5, QPen(palette_.color(QPalette::Highlight), 2.5));
    if (scene_.current >= 0 && scene_.focused) {
        QPen pen(palette_.color(QPalette::Text), 1, Qt::DotLine);
        ring(scene_.current, dots ? 6 : 8.5, pen);
    }
}

}  // namespace kforge::ui
