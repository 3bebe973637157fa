#pragma once
// Paints the visible part of a laid-out search tree at one of three levels of
// detail: far out, nodes are dots and edges hairlines, batched by colour and
// with nodes that land on the same pixel drawn once; nearer, cards without
// text; near, cards with the node's id and speedup or verdict, and curved
// edges. Text is never drawn smaller than reads: below the zoom where cards
// carry it, a node gets a caption under it ("#12 1.84×", else "1.84×") only
// where its row leaves room, and an edge says what made the child (see
// edgeLabel) only where there is room too; where there is none, there is no
// text rather than overlapping text. Only what the spatial index says is
// inside the exposed rectangle is touched.
#include <QFont>
#include <QFontMetricsF>
#include <QPalette>
#include <QRect>
#include <vector>

#include "ui/tree/tree_layout.h"
#include "ui/tree/tree_style.h"
#include "ui/tree/tree_view_geometry.h"

class QPainter;

namespace kforge::ui {

class TreeGraphData;
class TreeSpatialIndex;

struct TreeGraphScene {
    const TreeGraphData& data;
    const std::vector<TidyPosition>& positions;
    const TreeSpatialIndex& index;
    const std::vector<int>& selection;  // node indexes
    int current = -1;
    int hovered = -1;
    bool focused = false;  // the current node's ring is a focus indicator
    // Where set, every piece of text painted is added here (viewport
    // coordinates), so tests can check that no two overlap.
    std::vector<QRectF>* drawnText = nullptr;
};

class TreeGraphPainter {
public:
    enum class Detail { Dots, Blocks, Cards };
    static constexpr double kBlockZoom = 0.2;      // from here on, nodes are cards
    static constexpr double kCardTextZoom = 0.85;  // cards carry their text (9 px and up)
    static constexpr double kFindZoom = 0.75;      // below it, finding a node zooms in to 1:1

    static Detail detailFor(double zoom);
    static double dotDiameter(const TreeViewGeometry& geometry);
    // Half the size of what a node covers on screen, for hit-testing.
    static QSizeF halfExtent(const TreeViewGeometry& geometry);
    // Everything a node's drawing may touch (rings, badge, edge label), for a partial repaint.
    static QRectF paintedRect(const TreeViewGeometry& geometry, const QPointF& center);

    TreeGraphPainter(const TreeGraphScene& scene, const TreeViewGeometry& geometry, const SpeedupScale& scale,
                     const QPalette& palette, const QFont& font);
    void paint(QPainter& painter, const QRect& exposed) const;

private:
    struct Visible {
        int firstRow = 0;
        int lastRow = -1;
        double xMin = 0;  // layout units
        double xMax = 0;
    };
    Visible visibleRange(const QRect& exposed) const;
    QPointF center(int node) const;
    QColor fillOf(int node) const;
    void paintEdges(QPainter& painter, const Visible& visible) const;
    void paintDots(QPainter& painter, const Visible& visible) const;
    void paintCards(QPainter& painter, const Visible& visible, bool withText) const;
    void paintCard(QPainter& painter, int node, bool withText) const;
    void paintEdgeLabels(QPainter& painter, const Visible& visible) const;
    void paintCaptions(QPainter& painter, const Visible& visible) const;
    // How wide a label centred on the node may be without reaching the label
    // of the node `step` places away in its row, in viewport pixels.
    double roomInRow(const std::vector<int>& row, std::size_t k, int step) const;
    double narrowestRoom(const std::vector<int>& row, int step) const;
    double nodeHalfHeight() const;
    double captionBand(int lines) const;
    double edgeBand(int lines) const;
    // Lines of captions under each row and of edge labels over it (0, 1 or 2).
    void planText(const Visible& visible) const;
    void noteText(const QRectF& rect) const;
    void paintMarks(QPainter& painter) const;
    QRectF markRect(int node, double inflate) const;

    const TreeGraphScene& scene_;
    TreeViewGeometry geometry_;
    SpeedupScale scale_;
    QPalette palette_;
    Detail detail_;
    // Made once per paint: a card's text would otherwise cost a font lookup per node.
    QFont idFont_;
    QFont labelFont_;
    QFont edgeFont_;
    QFont badgeFont_;
    QFont captionFont_;
    QFontMetricsF captionMetrics_;
    struct RowText {
        int captionLines = 0;
        int edgeLines = 0;
    };
    mutable std::vector<RowText> rowText_;  // by depth, for the rows being painted
    QFontMetricsF idMetrics_;
    QFontMetricsF labelMetrics_;
    QFontMetricsF edgeMetrics_;
    QString idFormat_;
};

}  // namespace kforge::ui
